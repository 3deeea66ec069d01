/**
 * "Draft a model from my data": from the dataset's input columns (and the churned flag, when
 * there is one) propose dimensions grouped by theme, metrics ranked by predictive power with
 * their direction, schemes with data-driven breakpoints, weights from the regularised fit
 * rounded to readable steps, and tiers placed by a rule the user picks. Deterministic for a
 * seed. Without an outcome it drafts from the distributions alone and says so. Pure.
 */
import { fitWeights } from '$lib/backtest/fit';
import { rocAuc } from '$lib/backtest/metrics';
import { scoreTable } from '$lib/model/score';
import { DEFAULT_TIERS } from '$lib/model/templates';
import type {
	Column,
	ColumnTable,
	Dimension,
	Direction,
	Metric,
	Model,
	Scheme,
	Tier
} from '$lib/model/types';
import {
	categoryMap,
	fittedBands,
	isZeroOne,
	linearFromData,
	LOWER_IS_BETTER,
	pointsOf
} from './schemes';
import type { Locale } from '$lib/i18n/locale-pick';
import { msg, type DraftMessage } from './messages';
import { labelledRows, type Labels } from './stats';
import { themeOf, type ThemeCode } from './themes';
import { checkTiers, placeTiers, type TierCheck, type TierRule } from './tiers';
import { draftWords } from './words';

export type { TierRule, TierCheck };

/** A candidate input column of the dataset. */
export interface DraftColumn {
	name: string;
	/** Dataset type; only used to tell categories from numbers where the column is absent. */
	type?: string;
}

export interface DraftInput {
	table: ColumnTable;
	/** Input columns (never ids, row indexes or outcomes: the caller passes role `metric`). */
	columns: readonly DraftColumn[];
	/** 1 = churned, 0 = retained, other = unknown (left out); null without an outcome. */
	labels: Labels | null;
	rule: TierRule;
	seed: number;
	/** The current model: tiers' names, colours and actions, and the coverage rule are kept. */
	base: Model;
	datasetName: string;
	/** At most this many metrics (default 10: more is noise, not signal). */
	maxMetrics?: number;
	/**
	 * The language of the drafted model's own text (name, description, dimension names, why
	 * notes): it becomes the user's model. English by default.
	 */
	locale?: Locale;
}

/** One drafted metric and why it is there. */
export interface DraftedMetric {
	id: string;
	column: string;
	theme: ThemeCode;
	direction: Direction;
	scheme: Scheme;
	/** Univariate AUC of its points (null without an outcome). */
	auc: number | null;
	/** Weight 0–100 in the whole model (rounded to steps of 5 with an outcome). */
	weight: number;
	/** Why it is there (the metric's why-note, worded in the draft's language). */
	why: DraftMessage;
}

/** A column left out, and why. */
export interface DraftSkip {
	column: string;
	reason: DraftMessage;
}

export interface DraftResult {
	model: Model;
	hasOutcome: boolean;
	metrics: DraftedMetric[];
	skipped: DraftSkip[];
	/** Notes for the user (e.g. "no outcome: drafted from distributions"). */
	notes: DraftMessage[];
	tiers: TierCheck;
}

/** Univariate AUC at or above this: "may be the outcome in disguise". */
export const LEAK_AUC = 0.95;
/** A metric whose univariate AUC is within this of 0.5 carries no signal. */
export const MIN_SIGNAL = 0.02;

/** `[a-z][a-z0-9_]*` id from a name, unique against `taken` (which it extends). */
export function slugId(name: string, taken: Set<string>): string {
	let base = name
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 56);
	if (!/^[a-z]/.test(base)) base = `x_${base}`.replace(/_+$/, '');
	let id = base;
	for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
	taken.add(id);
	return id;
}

/** A share 0–1 as a whole percentage (the messages add the % sign). */
const pct = (x: number) => Math.round(x * 100);

interface Candidate {
	column: string;
	direction: Direction;
	scheme: Scheme;
	points: Float64Array;
	auc: number | null;
	present: number;
}

function presentShare(column: Column, rows: Int32Array): number {
	let k = 0;
	for (const i of rows) {
		const ok =
			column.kind === 'number' ? Number.isFinite(column.values[i]!) : column.codes[i]! >= 0;
		if (ok) k++;
	}
	return rows.length ? k / rows.length : 0;
}

function distinctCount(column: Column, cap: number): number {
	if (column.kind === 'category') return column.dictionary.length;
	const seen = new Set<number>();
	for (const x of column.values) {
		if (Number.isFinite(x)) seen.add(x);
		if (seen.size > cap) break;
	}
	return seen.size;
}

/** The scheme of one column fitted on the labelled rows, or a reason to leave it out. */
function fitColumn(
	name: string,
	column: Column,
	labels: Labels,
	rows: Int32Array
): { direction: Direction; scheme: Scheme } | DraftMessage {
	const minCount = Math.max(20, Math.ceil(0.01 * rows.length));
	if (column.kind === 'category') {
		if (column.dictionary.length > 50) return msg('skip.many-categories');
		return { direction: 'higher', scheme: categoryMap(column, labels, rows, minCount) };
	}
	if (isZeroOne(column)) {
		const yes = categoryMap(column, labels, rows, 0).map.find((c) => c.value === '1');
		const healthyYes = (yes?.points ?? 0) >= 50;
		return {
			direction: healthyYes ? 'higher' : 'lower',
			scheme: healthyYes
				? { kind: 'boolean', truePoints: 100, falsePoints: 0 }
				: { kind: 'boolean', truePoints: 0, falsePoints: 100 }
		};
	}
	if (distinctCount(column, 6) <= 6)
		return { direction: 'higher', scheme: categoryMap(column, labels, rows, minCount) };
	const bands = fittedBands(column, labels, rows);
	return bands ?? msg('skip.no-steady-link', { column: name });
}

function whyText(c: Candidate, hasOutcome: boolean): DraftMessage {
	if (!hasOutcome)
		return msg(
			c.scheme.kind === 'linear'
				? c.direction === 'higher'
					? 'why.linear-higher'
					: 'why.linear-lower'
				: c.direction === 'higher'
					? 'why.plain-higher'
					: 'why.plain-lower'
		);
	const auc = c.auc!.toFixed(2);
	if (c.scheme.kind === 'category') {
		const ends = [c.scheme.map[0], c.scheme.map.at(-1)].filter((x) => x !== undefined);
		return msg('why.category', {
			ends: ends.map((x) => msg('why.category-end', { value: x.value, points: x.points })),
			auc
		});
	}
	return msg(c.direction === 'higher' ? 'why.higher' : 'why.lower', { auc });
}

/** Candidates with an outcome: fitted schemes, ranked by univariate AUC. */
function outcomeCandidates(
	input: DraftInput,
	labels: Labels,
	rows: Int32Array,
	skipped: DraftSkip[]
): Candidate[] {
	const n = input.table.n;
	const out: Candidate[] = [];
	for (const { name } of input.columns) {
		const column = input.table.columns.get(name);
		if (!column) {
			skipped.push({ column: name, reason: msg('skip.not-in-dataset') });
			continue;
		}
		const present = presentShare(column, rows);
		if (present < 0.5) {
			skipped.push({
				column: name,
				reason: msg('skip.missing-share', { share: pct(1 - present) })
			});
			continue;
		}
		const fit = fitColumn(name, column, labels, rows);
		if ('code' in fit) {
			skipped.push({ column: name, reason: fit });
			continue;
		}
		const points = pointsOf(fit.scheme, column, n);
		const auc = rocAuc(points, labels, rows);
		if (!Number.isFinite(auc) || auc - 0.5 < MIN_SIGNAL) {
			skipped.push({ column: name, reason: msg('skip.little-link') });
			continue;
		}
		if (auc >= LEAK_AUC) {
			skipped.push({
				column: name,
				reason: msg('skip.disguise', { auc: auc.toFixed(2) })
			});
			continue;
		}
		out.push({ column: name, ...fit, points, auc, present });
	}
	return out.sort((a, b) => b.auc! - a.auc! || a.column.localeCompare(b.column));
}

/** Candidates without an outcome: linear or yes/no schemes, most complete first. */
function distributionCandidates(input: DraftInput, skipped: DraftSkip[]): Candidate[] {
	const rows = labelledRows(input.table.n, null);
	const out: Candidate[] = [];
	for (const { name } of input.columns) {
		const column = input.table.columns.get(name);
		if (!column || column.kind === 'category') {
			skipped.push({
				column: name,
				reason: msg(column ? 'skip.unordered-category' : 'skip.not-in-dataset')
			});
			continue;
		}
		const present = presentShare(column, rows);
		const direction: Direction = LOWER_IS_BETTER.test(name) ? 'lower' : 'higher';
		const scheme: Scheme | null = isZeroOne(column)
			? direction === 'higher'
				? { kind: 'boolean', truePoints: 100, falsePoints: 0 }
				: { kind: 'boolean', truePoints: 0, falsePoints: 100 }
			: linearFromData(column, direction, rows);
		if (!scheme || present < 0.5) {
			skipped.push({
				column: name,
				reason: msg(scheme ? 'skip.mostly-missing' : 'skip.constant')
			});
			continue;
		}
		out.push({ column: name, direction, scheme, points: new Float64Array(0), auc: null, present });
	}
	return out.sort((a, b) => b.present - a.present || a.column.localeCompare(b.column));
}

/**
 * Whole-number weights in steps of `step` summing to 100 (largest remainder); tiny shares
 * round to 0.
 */
export function roundWeights(raw: readonly number[], step = 5): number[] {
	const total = raw.reduce((a, b) => a + Math.max(0, b), 0);
	if (total <= 0) return raw.map(() => 0);
	const units = 100 / step;
	const exact = raw.map((w) => (Math.max(0, w) / total) * units);
	const out = exact.map(Math.floor);
	let left = units - out.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, i) => ({ i, r: x - Math.floor(x) }))
		.sort((a, b) => b.r - a.r || a.i - b.i);
	for (const { i } of order) {
		if (left <= 0) break;
		out[i]!++;
		left--;
	}
	return out.map((u) => u * step);
}

/** Fitted weights (regularised logistic regression on the points), dropping unhelpful metrics. */
function fittedWeights(cands: Candidate[], labels: Labels, seed: number): number[] {
	let use = cands;
	for (let round = 0; round < 3; round++) {
		const fit = fitWeights(
			use.map((c) => ({ id: c.column, points: c.points, missing: 'exclude' as const })),
			labels,
			{ seed, split: { kind: 'kfold', folds: 2 } }
		);
		const w = roundWeights(fit.weights.map((x) => x.weight));
		const keep = use.filter((_, j) => w[j]! > 0);
		if (keep.length === use.length || keep.length === 0) {
			const byColumn = new Map(use.map((c, j) => [c.column, w[j]!]));
			return cands.map((c) => byColumn.get(c.column) ?? 0);
		}
		use = keep;
	}
	const fit = fitWeights(
		use.map((c) => ({ id: c.column, points: c.points, missing: 'exclude' as const })),
		labels,
		{ seed, split: { kind: 'kfold', folds: 2 } }
	);
	const w = roundWeights(fit.weights.map((x) => x.weight));
	const byColumn = new Map(use.map((c, j) => [c.column, w[j]!]));
	return cands.map((c) => byColumn.get(c.column) ?? 0);
}

function draftTiers(base: Model, mins: readonly number[]): Tier[] {
	const src = base.tiers.length === 3 ? base.tiers : DEFAULT_TIERS;
	return src.map((t, k) => ({ ...t, min: mins[k]! }));
}

function describe(input: DraftInput, hasOutcome: boolean, metrics: DraftedMetric[]): DraftMessage {
	const rule = msg(input.rule.kind === 'share' ? 'desc.share' : 'desc.catch', {
		pct: pct(input.rule.red)
	});
	const how = msg(hasOutcome ? 'desc.outcome' : 'desc.no-outcome', { n: metrics.length });
	return msg('desc', { dataset: input.datasetName, how, rule });
}

/** Draft a model from the data. See the module comment. */
export function draftModel(input: DraftInput): DraftResult {
	const max = input.maxMetrics ?? 10;
	const notes: DraftMessage[] = [];
	const say = (m: DraftMessage) => draftWords(m, input.locale);
	const skipped: DraftSkip[] = [];
	const labels = input.labels;
	const rows = labelledRows(input.table.n, labels);
	let positives = 0;
	if (labels) for (const i of rows) positives += labels[i]!;
	const hasOutcome = labels !== null && positives >= 10 && rows.length - positives >= 10;
	if (!hasOutcome) notes.push(msg(labels ? 'note.few-outcomes' : 'note.no-outcome'));
	let cands = hasOutcome
		? outcomeCandidates(input, labels!, rows, skipped)
		: distributionCandidates(input, skipped);
	for (const c of cands.slice(max))
		skipped.push({
			column: c.column,
			reason: msg('skip.below-top', { max })
		});
	cands = cands.slice(0, max);
	const weights = hasOutcome
		? fittedWeights(cands, labels!, input.seed)
		: roundWeights(cands.map(() => 1));
	cands.forEach((c, j) => {
		if (weights[j] === 0) skipped.push({ column: c.column, reason: msg('skip.adds-nothing') });
	});
	const taken = new Set<string>();
	const metrics: DraftedMetric[] = cands
		.map((c, j) => ({ c, w: weights[j]! }))
		.filter((x) => x.w > 0)
		.map(({ c, w }) => ({
			id: slugId(c.column, taken),
			column: c.column,
			theme: themeOf(c.column),
			direction: c.direction,
			scheme: c.scheme,
			auc: c.auc,
			weight: w,
			why: whyText(c, hasOutcome)
		}));
	if (metrics.length === 0) notes.push(msg('note.no-signal'));
	const dimensions = groupByTheme(metrics, taken, say);
	const draft: Model = {
		schemaVersion: input.base.schemaVersion,
		id: input.base.id.startsWith('draft_')
			? input.base.id
			: slugId(`draft ${input.datasetName}`, new Set()),
		name: say(msg('name', { dataset: input.datasetName })).slice(0, 200),
		description: '',
		dimensions,
		tiers: input.base.tiers,
		minCoverage: input.base.minCoverage,
		segments: null
	};
	draft.description = say(describe(input, hasOutcome, metrics));
	const scored = metrics.length
		? scoreTable({ ...draft, tiers: draftTiers(input.base, [80, 50, 0]) }, input.table)
		: null;
	const shown = scored?.shown ?? new Float64Array(input.table.n).fill(NaN);
	const tierLabels = hasOutcome ? labels : null;
	const mins = placeTiers(shown, tierLabels, rows, input.rule);
	draft.tiers = draftTiers(input.base, mins);
	const tiers = checkTiers(draft.tiers, shown, tierLabels, rows);
	if (!tiers.inOrder) notes.push(msg('note.out-of-order'));
	const playbooks = input.base.playbooks?.filter(
		(p) =>
			!('tier' in p.trigger) ||
			draft.tiers.some((t) => 'tier' in p.trigger && t.id === p.trigger.tier)
	);
	if (playbooks) draft.playbooks = playbooks;
	return { model: draft, hasOutcome, metrics, skipped, notes, tiers };
}

/** Dimensions by theme, heaviest first; a metric's weight inside = its weight in the model. */
function groupByTheme(
	metrics: readonly DraftedMetric[],
	taken: Set<string>,
	say: (m: DraftMessage) => string
): Dimension[] {
	const byTheme = new Map<ThemeCode, DraftedMetric[]>();
	for (const m of metrics) byTheme.set(m.theme, [...(byTheme.get(m.theme) ?? []), m]);
	return (
		[...byTheme]
			.map(([theme, ms]) => ({
				// The id from the English name, as before: the same data gives the same ids in any language.
				id: slugId(draftWords(msg(`theme.${theme}`)), taken),
				name: say(msg(`theme.${theme}`)),
				weight: ms.reduce((a, m) => a + m.weight, 0),
				metrics: ms.map((m): Metric => ({
					id: m.id,
					name: m.column,
					column: m.column,
					why: say(m.why),
					direction: m.direction,
					scheme: m.scheme,
					weight: m.weight,
					missing: 'exclude',
					timing: 'leading'
				}))
			}))
			// Ties by id (the English name's slug): the same order in any language.
			.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))
	);
}
