/**
 * A first recipe from the stored datasets: each dataset a source (grain, key and dates from its
 * import), links found by key values (feature usage → subscriptions), the account list, a
 * monthly grid over the data, the outcome from a churn log or the end of the periods, and a
 * starting set of features per source. Pure (no Svelte, no storage); tested in
 * sources-propose.test.ts. Every choice is editable afterwards.
 */
import { columnWithRole, grainOf, type ColumnInfo, type DatasetMeta } from '$lib/data/dataset';
import type { ColumnTable, Dimension, Metric, Model, Scheme } from '$lib/model/types';
import { dayIso } from '$lib/sources/grid';
import { proposeKeys } from '$lib/sources/detect';
import {
	RECIPE_SCHEMA_VERSION,
	type FeatureSpec,
	type OutcomeSpec,
	type Recipe,
	type SourceSpec,
	type SourceTable
} from '$lib/sources/types';

/** A stored dataset as the proposal needs it: meta, and its table seen as a source. */
export interface SourceCandidate {
	meta: DatasetMeta;
	table: SourceTable;
}

/**
 * Source names from dataset names: lower case, `-` between words, and a prefix shared by every
 * name (`ravenstack-`) dropped: "ravenstack-support-tickets" → "support-tickets".
 */
export function sourceNames(names: readonly string[]): string[] {
	const slug = names.map(
		(n) =>
			n
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, '') || 'source'
	);
	let prefix = '';
	if (slug.length > 1) {
		const first = slug[0]!;
		const cut = first.lastIndexOf('-');
		for (let k = cut; k > 0; k = first.lastIndexOf('-', k - 1)) {
			const p = first.slice(0, k + 1);
			if (slug.every((s) => s.startsWith(p) && s.length > p.length)) {
				prefix = p;
				break;
			}
		}
	}
	const out: string[] = [];
	for (const s of slug) {
		let name = s.slice(prefix.length);
		for (let k = 2; out.includes(name); k++) name = `${s.slice(prefix.length)}-${k}`;
		out.push(name);
	}
	return out;
}

/** The source spec a stored dataset implies. */
export function specFromMeta(name: string, meta: DatasetMeta): SourceSpec {
	const grain = grainOf(meta);
	const col = (role: Parameters<typeof columnWithRole>[1]) => columnWithRole(meta, role);
	const spec: SourceSpec = {
		name,
		datasetId: meta.id,
		grain,
		key: col('account-id') ?? '',
		timeZone: meta.timeZone ?? 'UTC',
		columns: meta.columns.map((c) => c.name)
	};
	if (grain === 'event') spec.time = col('event-time');
	if (grain === 'snapshot') spec.time = col('snapshot-date');
	if (grain === 'period') {
		spec.start = col('period-start');
		spec.end = col('period-end');
	}
	return spec;
}

/** A feature id from words: `usage_count_sum_30d`. */
export function featureId(words: string, taken: ReadonlySet<string>): string {
	let base =
		words
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.replace(/^(\d)/, 'f_$1')
			.slice(0, 56) || 'feature';
	if (!/^[a-z]/.test(base)) base = `f_${base}`;
	let id = base;
	for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
	return id;
}

const human = (c: string) => c.replace(/[_-]+/g, ' ').trim();

/**
 * How a proposal names the features and dimensions it makes: the Sources workspace passes the
 * UI language's words (the names are the user's from then on, as a drafted model's); English
 * by default. Ids are made from English words either way.
 */
export interface ProposalWords {
	count(source: string): string;
	daysSince(source: string): string;
	sum30(column: string): string;
	active(source: string): string;
	tenure(): string;
	now(column: string): string;
	renewal(): string;
	dimension(source: string): string;
}

export const ENGLISH_WORDS: ProposalWords = {
	count: (source) => `${source}, count last 90 days`,
	daysSince: (source) => `Days since last ${source}`,
	sum30: (column) => `${column}, sum last 30 days`,
	active: (source) => `Active ${source}`,
	tenure: () => 'Tenure (days)',
	now: (column) => `${column} now`,
	renewal: () => 'Days to renewal',
	dimension: (source) => `From ${source}`
};
const isMetric = (c: ColumnInfo) =>
	c.role === 'metric' && (c.type === 'number' || c.type === 'boolean');
const MONEY = /mrr|arr|amount|revenue|value|price|seats/i;
const SEGMENT = /plan|tier|segment|industry|size/i;

/** A starting set of features for one source (a handful, never every column). */
export function defaultFeatures(
	spec: SourceSpec,
	meta: DatasetMeta,
	taken: Set<string>,
	words: ProposalWords = ENGLISH_WORDS
): FeatureSpec[] {
	const out: FeatureSpec[] = [];
	type Draft = FeatureSpec extends infer F
		? F extends FeatureSpec
			? Omit<F, 'id'>
			: never
		: never;
	const add = (f: Draft, words: string) => {
		const id = featureId(words, taken);
		taken.add(id);
		out.push({ ...f, id } as FeatureSpec);
	};
	const metrics = meta.columns.filter(isMetric).filter((c) => c.name !== spec.key);
	const src = spec.name;
	if (spec.grain === 'event') {
		add(
			{ kind: 'event', source: src, name: words.count(src), agg: 'count', days: 90 },
			`${src}_90d`
		);
		add(
			{
				kind: 'event',
				source: src,
				name: words.daysSince(src),
				agg: 'days-since-last',
				days: null
			},
			`days_since_${src}`
		);
		for (const c of metrics.filter((m) => m.type === 'number').slice(0, 2))
			add(
				{
					kind: 'event',
					source: src,
					name: words.sum30(human(c.name)),
					agg: 'sum',
					column: c.name,
					days: 30
				},
				`${c.name}_30d`
			);
	}
	if (spec.grain === 'period') {
		add(
			{ kind: 'period', source: src, name: words.active(src), measure: 'active' },
			`active_${src}`
		);
		add({ kind: 'period', source: src, name: words.tenure(), measure: 'tenure' }, `tenure_days`);
		const money = metrics.find((c) => c.type === 'number' && MONEY.test(c.name));
		if (money)
			add(
				{
					kind: 'period',
					source: src,
					name: words.now(human(money.name)),
					measure: 'value',
					column: money.name,
					combine: 'sum'
				},
				`${money.name}_now`
			);
		if (spec.end)
			add(
				{ kind: 'period', source: src, name: words.renewal(), measure: 'days-to-renewal' },
				'days_to_renewal'
			);
	}
	if (spec.grain === 'snapshot')
		for (const c of metrics.slice(0, 6))
			add({ kind: 'snapshot', source: src, name: human(c.name), column: c.name }, c.name);
	if (spec.grain === 'account') {
		for (const c of metrics.filter((m) => m.type === 'number').slice(0, 2))
			add({ kind: 'account', source: src, name: human(c.name), column: c.name }, c.name);
		const seg = meta.columns.find(
			(c) => c.type === 'category' && (c.role === 'segment' || SEGMENT.test(c.name))
		);
		if (seg)
			add({ kind: 'account', source: src, name: human(seg.name), column: seg.name }, seg.name);
	}
	return out;
}

/** Month end on or after `day`, as ISO. */
function monthEndIso(day: number): string {
	const d = new Date(day * 86_400_000);
	return dayIso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000);
}

/**
 * The whole first recipe. `candidates` are the stored datasets to use (built tables excluded by
 * the caller); `links` come from key values (a source whose key is not in the account list but
 * is a column of another source goes through it).
 */
export function proposeRecipe(
	candidates: readonly SourceCandidate[],
	words: ProposalWords = ENGLISH_WORDS
): Recipe {
	const names = sourceNames(candidates.map((c) => c.meta.name));
	const sources = candidates.map((c, i) => specFromMeta(names[i]!, c.meta));
	const tables = candidates.map((c, i) => ({ ...c.table, name: names[i]! }));
	const accountSrc = sources.find((s) => s.grain === 'account') ?? null;
	// Links: a key that does not reach the account list directly goes through another source.
	if (accountSrc) {
		const keys = proposeKeys(tables);
		for (const s of sources) {
			if (s === accountSrc) continue;
			const direct = keys.find(
				(k) =>
					k.source === s.name &&
					k.column === s.key &&
					k.target === accountSrc.name &&
					k.targetColumn === accountSrc.key
			);
			if (direct && direct.overlap >= 0.5) continue;
			const via = keys.find(
				(k) =>
					k.source === s.name &&
					k.column === s.key &&
					k.target !== accountSrc.name &&
					sources.some((t) => t.name === k.target && t.key !== k.targetColumn)
			);
			if (via) s.link = { via: via.target, column: via.targetColumn };
		}
	}
	// Grid: month ends over the dated sources' range (at most the last 24), after 3 months of history.
	let lo = Infinity;
	let hi = -Infinity;
	for (const c of candidates) {
		if (grainOf(c.meta) === 'account' || !c.meta.dateRange) continue;
		lo = Math.min(lo, c.meta.dateRange[0]);
		hi = Math.max(hi, c.meta.dateRange[1]);
	}
	if (!(lo <= hi)) {
		const today = Math.floor(Date.now() / 86_400_000);
		[lo, hi] = [today - 365, today];
	}
	const from = Math.max(lo + 90, hi - 24 * 30.44);
	const grid: Recipe['grid'] = {
		kind: 'monthly',
		from: monthEndIso(Math.floor(from)).slice(0, 8) + '01',
		to: dayIso(hi),
		anchor: 'month-end'
	};
	// Outcome: a churn log, else the end of the periods.
	const churnLog = sources.find((s) => s.grain === 'event' && /churn|cancel/i.test(s.name));
	const periods = sources.find((s) => s.grain === 'period');
	const outcome: OutcomeSpec = churnLog?.time
		? { kind: 'churn-log', source: churnLog.name, column: churnLog.time, reactivation: 'new-life' }
		: periods
			? { kind: 'period-end', source: periods.name, graceDays: 30, reactivation: 'new-life' }
			: { kind: 'none' };
	const taken = new Set<string>();
	const features: FeatureSpec[] = [];
	sources.forEach((s, i) => {
		if (outcome.kind === 'churn-log' && s.name === outcome.source) return;
		features.push(...defaultFeatures(s, candidates[i]!.meta, taken, words));
	});
	const segment = features.find(
		(f) =>
			f.kind === 'account' &&
			candidates.some((c) =>
				c.meta.columns.some((col) => col.name === f.column && col.type === 'category')
			)
	);
	const value = features.find((f) => f.kind === 'period' && f.measure === 'value');
	return {
		schemaVersion: RECIPE_SCHEMA_VERSION,
		sources,
		accounts: accountSrc?.name ?? null,
		grid,
		features,
		outcome,
		segment: segment?.id ?? null,
		contractValue: value?.id ?? null
	};
}

/** Features where a lower value is healthier (tickets, errors, days since last use, downgrades). */
const LOWER_IS_BETTER =
	/days[_\s-]?since|ticket|error|urgent|escalat|resolution|downgrade|churn|refund|late|complain/i;

/** The p-th quantile (0–1) of the finite values (nearest rank), or null when there are none. */
function quantile(sorted: Float64Array, p: number): number | null {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
}

/**
 * The model's dimensions from the recipe's features: one dimension per source, one linear metric
 * per number feature scaled from its 5th to its 95th percentile in the built table (a 0/1
 * feature is boolean), direction from what it counts. Tiers, segments and playbooks are kept.
 */
export function modelFromFeatures(
	model: Model,
	recipe: Recipe,
	table: ColumnTable,
	words: ProposalWords = ENGLISH_WORDS
): Model {
	const dims: Dimension[] = [];
	const taken = new Set<string>();
	for (const s of recipe.sources) {
		const metrics: Metric[] = [];
		for (const f of recipe.features) {
			if (f.source !== s.name) continue;
			const col = table.columns.get(f.id);
			if (col?.kind !== 'number') continue;
			const finite = Float64Array.from(col.values.filter((x) => Number.isFinite(x))).sort();
			const lo = quantile(finite, 0.05);
			const hi = quantile(finite, 0.95);
			if (lo === null || hi === null) continue;
			const lower = LOWER_IS_BETTER.test(`${f.id} ${f.name}`);
			const binary = finite.every((x) => x === 0 || x === 1);
			let scheme: Scheme;
			if (binary)
				scheme = { kind: 'boolean', truePoints: lower ? 0 : 100, falsePoints: lower ? 100 : 0 };
			else if (hi > lo) {
				const r = (x: number) => Math.round(x * 100) / 100;
				scheme = lower
					? { kind: 'linear', worst: r(hi), best: r(lo) }
					: { kind: 'linear', worst: r(lo), best: r(hi) };
			} else continue;
			const id = featureId(f.id, taken);
			taken.add(id);
			metrics.push({
				id,
				name: f.name,
				column: f.id,
				direction: lower ? 'lower' : 'higher',
				scheme,
				weight: 1,
				missing: 'exclude',
				timing: 'leading'
			});
		}
		if (metrics.length === 0) continue;
		const id = featureId(`from_${s.name}`, taken);
		taken.add(id);
		dims.push({ id, name: words.dimension(s.name), weight: 1, metrics });
	}
	if (dims.length === 0) return model;
	return { ...model, dimensions: dims, segments: null };
}
