/**
 * Cross-field rules of a recipe (names resolve, ids unique, each feature has the columns it
 * needs) and the check of a recipe against the sources' present columns (a re-imported source
 * whose columns changed gets a message naming the feature and the column). Pure.
 */
import type { FeatureSpec, Recipe, SourceGrain, SourceIssue, SourceSpec } from './types';
import {
	NAME_SEP,
	recipeIssue,
	type IssueParams,
	type RecipeIssue,
	type RecipeIssueCode
} from './issues';

export type { RecipeIssue } from './issues';

/** Event aggregates that read a value column. */
export function aggNeedsColumn(agg: string): boolean {
	return agg !== 'count' && agg !== 'days-since-last' && agg !== 'days-since-first';
}

/** Period measures that read a value column. */
export function measureNeedsColumn(measure: string): boolean {
	return measure === 'value' || measure === 'changes';
}

/** "an event", "a snapshot": a grain with its article, for the English messages. */
const aGrain = (g: SourceGrain) => `a${g === 'event' || g === 'account' ? 'n' : ''} ${g}`;

/** The source kind a feature kind reads, in the English messages. */
const WANT: Record<FeatureSpec['kind'], string> = {
	event: 'an event (or period)',
	period: 'a period',
	snapshot: 'a snapshot',
	account: 'an account'
};

/** Structural rules that the schema cannot express. */
export function recipeIssues(recipe: Recipe): RecipeIssue[] {
	const out: RecipeIssue[] = [];
	const say = (path: string, code: RecipeIssueCode, message: string, params: IssueParams) =>
		out.push(recipeIssue(path, code, message, params));
	const byName = new Map<string, SourceSpec>();
	recipe.sources.forEach((s, i) => {
		const p = `sources[${i}]`;
		const name = s.name;
		if (byName.has(name))
			say(`${p}.name`, 'duplicate-source', `two sources are called "${name}"`, { name });
		byName.set(name, s);
		if (s.grain === 'event' && !s.time)
			say(`${p}.time`, 'event-time', `"${name}" is an event source: pick its date column`, {
				name
			});
		if (s.grain === 'snapshot' && !s.time)
			say(
				`${p}.time`,
				'snapshot-time',
				`"${name}" is a snapshot source: pick its snapshot date column`,
				{ name }
			);
		if (s.grain === 'period' && !s.start)
			say(
				`${p}.start`,
				'period-start',
				`"${name}" is a period source: pick its start date column`,
				{ name }
			);
		if (s.timeZone !== undefined && !validTimeZone(s.timeZone))
			say(`${p}.timeZone`, 'time-zone', `"${s.timeZone}" is not a known time zone`, {
				zone: s.timeZone
			});
	});
	recipe.sources.forEach((s, i) => {
		if (!s.link) return;
		const p = `sources[${i}].link.via`;
		const via = byName.get(s.link.via);
		if (!via)
			say(p, 'link-unknown', `"${s.name}" links through "${s.link.via}", which is not a source`, {
				name: s.name,
				via: s.link.via
			});
		// Itself first: a source linking through itself also "links through another source".
		else if (via.name === s.name)
			say(p, 'link-self', `"${s.name}" cannot link through itself`, { name: s.name });
		else if (via.link)
			say(
				p,
				'link-two-hops',
				`"${s.name}" links through "${via.name}", which itself links through another source (one hop only)`,
				{ name: s.name, via: via.name }
			);
	});
	if (recipe.accounts !== null) {
		const a = byName.get(recipe.accounts);
		if (!a)
			say('accounts', 'accounts-unknown', `the account list "${recipe.accounts}" is not a source`, {
				name: recipe.accounts
			});
		else if (a.grain !== 'account')
			say(
				'accounts',
				'accounts-grain',
				`the account list "${a.name}" must have one row per account (it is ${aGrain(a.grain)} source)`,
				{ name: a.name, grain: a.grain }
			);
		else if (a.link)
			say(
				'accounts',
				'accounts-linked',
				`the account list "${a.name}" cannot link through another source`,
				{ name: a.name }
			);
	}
	const g = recipe.grid;
	if (g.kind === 'snapshot-dates') {
		const s = byName.get(g.source);
		if (!s || s.grain !== 'snapshot')
			say(
				'grid.source',
				'grid-source',
				`the as-of dates come from "${g.source}", which is not a snapshot source`,
				{ source: g.source }
			);
	} else if (g.kind === 'monthly' || g.kind === 'weekly') {
		if (g.to < g.from)
			say('grid.to', 'grid-backwards', `the grid ends (${g.to}) before it starts (${g.from})`, {
				from: g.from,
				to: g.to
			});
	}
	const o = recipe.outcome;
	if (o.kind === 'churn-log') {
		const s = byName.get(o.source);
		if (!s || s.grain !== 'event')
			say(
				'outcome.source',
				'churn-log-source',
				`the churn log "${o.source}" must be an event source (one row per cancellation)`,
				{ source: o.source }
			);
	} else if (o.kind === 'period-end') {
		const s = byName.get(o.source);
		if (!s || s.grain !== 'period')
			say(
				'outcome.source',
				'period-end-source',
				`"${o.source}" must be a period source to read churn from the end of the last period`,
				{ source: o.source }
			);
	}
	const ids = new Map<string, FeatureSpec>();
	recipe.features.forEach((f, i) => {
		const p = `features[${i}]`;
		const name = f.name;
		if (ids.has(f.id))
			say(`${p}.id`, 'duplicate-feature', `two features have the id "${f.id}"`, { id: f.id });
		if (Object.values(RESERVED).includes(f.id))
			say(
				`${p}.id`,
				'reserved-id',
				`"${f.id}" is a column the build writes itself: choose another id`,
				{ id: f.id }
			);
		ids.set(f.id, f);
		const s = byName.get(f.source);
		if (!s) {
			say(
				`${p}.source`,
				'feature-source-unknown',
				`"${name}" reads "${f.source}", which is not a source`,
				{ name, source: f.source }
			);
			return;
		}
		const wrong = () =>
			say(
				`${p}.source`,
				'feature-grain',
				`"${name}" needs ${WANT[f.kind]} source; "${s.name}" is ${aGrain(s.grain)} source`,
				{ name, want: f.kind, source: s.name, grain: s.grain }
			);
		if (f.kind === 'event') {
			if (s.grain !== 'event' && s.grain !== 'period') wrong();
			if (aggNeedsColumn(f.agg) && !f.column)
				say(`${p}.column`, 'feature-column', `"${name}" (${f.agg}) needs a column to aggregate`, {
					name,
					agg: f.agg
				});
		} else if (f.kind === 'period') {
			if (s.grain !== 'period') wrong();
			if (measureNeedsColumn(f.measure) && !f.column)
				say(`${p}.column`, 'feature-measure-column', `"${name}" (${f.measure}) needs a column`, {
					name,
					measure: f.measure
				});
			if (f.measure === 'changes' && !f.direction)
				say(`${p}.direction`, 'feature-direction', `"${name}" needs a direction (up or down)`, {
					name
				});
		} else if (f.kind === 'snapshot') {
			if (s.grain !== 'snapshot') wrong();
		} else if (f.kind === 'account') {
			if (s.grain !== 'account') wrong();
		}
	});
	if (recipe.segment && !ids.has(recipe.segment))
		say('segment', 'segment-unknown', `the segment "${recipe.segment}" is not a feature`, {
			id: recipe.segment
		});
	if (recipe.contractValue && !ids.has(recipe.contractValue))
		say(
			'contractValue',
			'contract-value-unknown',
			`the contract value "${recipe.contractValue}" is not a feature`,
			{ id: recipe.contractValue }
		);
	return out;
}

const RESERVED = { asOf: 'as_of_date', churnDate: 'churn_date', churned: 'churned', life: 'life' };

/** True for `UTC` and any IANA zone the runtime knows. */
export function validTimeZone(tz: string): boolean {
	if (tz === 'UTC') return true;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}

/** What a column is to its source (`no-column`'s `what`), with the English words for it. */
export const COLUMN_PURPOSES = {
	key: 'key',
	'snapshot-date': 'snapshot date',
	'start-date': 'start date',
	'event-date': 'event date',
	'end-date': 'end date'
} as const;
export type ColumnPurpose = keyof typeof COLUMN_PURPOSES;

/** Columns a source spec reads (key, link, time columns). */
function sourceColumns(s: SourceSpec): { column: string; what: ColumnPurpose }[] {
	const out: { column: string; what: ColumnPurpose }[] = [{ column: s.key, what: 'key' }];
	if (s.time)
		out.push({
			column: s.time,
			what:
				s.grain === 'snapshot'
					? 'snapshot-date'
					: s.grain === 'account'
						? 'start-date'
						: 'event-date'
		});
	if (s.start) out.push({ column: s.start, what: 'start-date' });
	if (s.end) out.push({ column: s.end, what: 'end-date' });
	return out;
}

/** Columns a feature reads from its source. */
export function featureColumns(f: FeatureSpec): string[] {
	const out: string[] = [];
	if (f.kind === 'event') {
		if (f.column && aggNeedsColumn(f.agg)) out.push(f.column);
		if (f.filter) out.push(f.filter.column);
	} else if (f.kind === 'period') {
		if (f.column && measureNeedsColumn(f.measure)) out.push(f.column);
	} else out.push(f.column);
	return out;
}

/**
 * Every column the recipe reads from one source: its key and dates, the features' columns and
 * filters, and the columns other sources link through. What an import must keep for the recipe.
 */
export function recipeColumnsOf(recipe: Recipe, source: string): string[] {
	const out = new Set<string>();
	const spec = recipe.sources.find((s) => s.name === source);
	if (spec) for (const c of sourceColumns(spec)) out.add(c.column);
	for (const f of recipe.features)
		if (f.source === source) for (const c of featureColumns(f)) out.add(c);
	for (const s of recipe.sources) if (s.link?.via === source) out.add(s.link.column);
	if (recipe.outcome.kind === 'churn-log' && recipe.outcome.source === source)
		out.add(recipe.outcome.column);
	return [...out];
}

/**
 * Check a (structurally valid) recipe against the columns each source has now. A missing source
 * or column is an error naming the source, the feature and the column ("Tickets, last 90 days
 * reads `priority` from support-tickets, which no longer has that column").
 * @param columnsOf source name → its column names now (null when the source is not loaded)
 */
export function checkRecipeColumns(
	recipe: Recipe,
	columnsOf: (source: string) => readonly string[] | null
): SourceIssue[] {
	const out: SourceIssue[] = [];
	const byName = new Map(recipe.sources.map((s) => [s.name, s]));
	for (const s of recipe.sources) {
		const cols = columnsOf(s.name);
		if (!cols) {
			out.push({
				severity: 'error',
				source: s.name,
				code: 'not-loaded',
				params: { source: s.name },
				message: `Source "${s.name}" is not loaded: import it again or remove it from the recipe.`
			});
			continue;
		}
		const have = new Set(cols);
		for (const c of sourceColumns(s))
			if (!have.has(c.column))
				out.push({
					severity: 'error',
					source: s.name,
					column: c.column,
					code: 'no-column',
					params: { source: s.name, column: c.column, what: c.what },
					message: `Source "${s.name}" has no column "${c.column}" (its ${COLUMN_PURPOSES[c.what]}).`
				});
		if (s.link) {
			const via = columnsOf(s.link.via);
			if (via && !via.includes(s.link.column))
				out.push({
					severity: 'error',
					source: s.link.via,
					column: s.link.column,
					code: 'link-column-gone',
					params: { name: s.name, via: s.link.via, column: s.link.column },
					message: `"${s.name}" links through "${s.link.via}" by column "${s.link.column}", which "${s.link.via}" no longer has.`
				});
		}
		if (s.columns) {
			const gone = s.columns.filter((c) => !have.has(c));
			const added = cols.filter((c) => !s.columns!.includes(c));
			if (gone.length || added.length)
				out.push({
					severity: 'warning',
					source: s.name,
					code: 'columns-changed',
					params: { source: s.name, gone: gone.join(NAME_SEP), added: added.join(NAME_SEP) },
					message: `Source "${s.name}" changed columns since the recipe was made${gone.length ? `: gone ${gone.map((c) => `"${c}"`).join(', ')}` : ''}${added.length ? `${gone.length ? ';' : ':'} new ${added.map((c) => `"${c}"`).join(', ')}` : ''}.`
				});
		}
	}
	for (const f of recipe.features) {
		const s = byName.get(f.source);
		const cols = s ? columnsOf(s.name) : null;
		if (!cols) continue;
		for (const c of featureColumns(f))
			if (!cols.includes(c))
				out.push({
					severity: 'error',
					source: f.source,
					feature: f.id,
					column: c,
					code: 'feature-column-gone',
					params: { name: f.name, column: c, source: f.source },
					message: `Feature "${f.name}" reads column "${c}" from "${f.source}", which no longer has that column.`
				});
	}
	const o = recipe.outcome;
	if (o.kind === 'churn-log') {
		const cols = columnsOf(o.source);
		if (cols && !cols.includes(o.column))
			out.push({
				severity: 'error',
				source: o.source,
				column: o.column,
				code: 'churn-column-missing',
				params: { column: o.column, source: o.source },
				message: `The churn date column "${o.column}" is not in "${o.source}".`
			});
	}
	return out;
}

/**
 * The recipe's time zone is used, not informational: each source's dates are stored as calendar
 * days in the zone they were read in at import (the instants are not kept), so the recipe
 * records that zone per source and a build refuses a source now stored in another one (a
 * re-import read in Asia/Tokyo under a recipe made in UTC would move events across day and
 * window edges without a word). Each mismatch is an error naming the source and both zones.
 * @param zoneOf source name → the zone its stored dataset was read in (null when not loaded)
 */
export function checkRecipeZones(
	recipe: Recipe,
	zoneOf: (source: string) => string | null
): SourceIssue[] {
	const out: SourceIssue[] = [];
	for (const s of recipe.sources) {
		const now = zoneOf(s.name);
		const want = s.timeZone ?? 'UTC';
		if (now === null || now === want) continue;
		out.push({
			severity: 'error',
			source: s.name,
			code: 'zone-mismatch',
			params: { source: s.name, now, want },
			message: `Source "${s.name}" was read in ${now}, but the recipe counts its dates in ${want}: its days would start at another hour and events could move across window edges. Import it again in ${want}, or remove it from the recipe and add it again to count it in ${now}.`
		});
	}
	return out;
}
