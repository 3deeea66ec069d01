/**
 * One account's score with its breakdown: the SAME code path as a table (a 1-row ColumnTable
 * through `scoreTable`), so the calculator and the portfolio can never disagree.
 */
import { explainAccount } from './explain';
import { accountFlags } from './flags';
import { scoreTable } from './score';
import { effectiveModels, segmentGroups } from './segments';
import { allMetrics, metricDimensions } from './structure';
import type {
	AccountScore,
	AccountValues,
	Column,
	ColumnTable,
	DimensionScore,
	MetricScore,
	Model,
	RawValue
} from './types';

/** A raw input as stored: trimmed-empty text, null and undefined are missing (null). */
export function rawValue(values: AccountValues, column: string): RawValue {
	const raw = Object.hasOwn(values, column) ? values[column] : undefined;
	if (raw === undefined || raw === null) return null;
	if (typeof raw === 'string' && raw.trim() === '') return null;
	return raw;
}

function toColumn(raw: RawValue): Column {
	if (typeof raw === 'string')
		return { kind: 'category', codes: Int32Array.of(0), dictionary: [raw] };
	const x = raw === null ? NaN : Number(raw);
	return { kind: 'number', values: Float64Array.of(x) };
}

/**
 * A 1-row table of an account's values: text → category column, number / boolean → number
 * column (true = 1), null / undefined / '' → missing. Reads only own properties.
 */
export function accountTable(model: Model, values: AccountValues): ColumnTable {
	const columns = new Map<string, Column>();
	const names = allMetrics(model).map((m) => m.column);
	if (model.segments) names.push(model.segments.column);
	for (const name of names)
		if (!columns.has(name)) columns.set(name, toColumn(rawValue(values, name)));
	return { n: 1, columns };
}

function dimensionScores(model: Model, dims: Float64Array[]): DimensionScore[] {
	const available = model.dimensions.map((d, j) => d.weight > 0 && !Number.isNaN(dims[j]![0]!));
	const total = model.dimensions.reduce((a, d, j) => a + (available[j] ? d.weight : 0), 0);
	return model.dimensions.map((d, j) => {
		const s = dims[j]![0]!;
		const weightShare = available[j] && total > 0 ? d.weight / total : 0;
		const pointsEarned = available[j] ? weightShare * s : 0;
		return {
			id: d.id,
			name: d.name,
			score: Number.isNaN(s) ? null : s,
			weightShare,
			pointsMax: weightShare * 100,
			pointsEarned,
			pointsLost: weightShare * 100 - pointsEarned
		};
	});
}

/** Share of each metric inside its dimension, over the metrics that count (not skipped). */
function metricScores(
	model: Model,
	values: AccountValues,
	points: Float64Array[],
	dims: DimensionScore[]
): MetricScore[] {
	const metrics = allMetrics(model);
	const metricDim = metricDimensions(model);
	const counts = metrics.map((m, k) => m.missing !== 'exclude' || !Number.isNaN(points[k]![0]!));
	const inside = new Float64Array(model.dimensions.length);
	metrics.forEach((m, k) => (inside[metricDim[k]!]! += counts[k] ? m.weight : 0));
	return metrics.map((m, k) => {
		const d = metricDim[k]!;
		const p = points[k]![0]!;
		const share = counts[k] && inside[d]! > 0 ? m.weight / inside[d]! : 0;
		return {
			id: m.id,
			name: m.name,
			dimensionId: model.dimensions[d]!.id,
			raw: rawValue(values, m.column),
			points: Number.isNaN(p) ? null : p,
			effectiveShare: dims[d]!.weightShare * share
		};
	});
}

/** The effective model (segment override applied) for a 1-row table. */
export function effectiveModelFor(model: Model, table: ColumnTable): Model {
	const group = segmentGroups(model, table)?.[0] ?? 0;
	return effectiveModels(model)[group] ?? model;
}

/** Score and breakdown without the explanation (used to verify explanation options). */
export function scoreAccountCore(
	model: Model,
	values: AccountValues
): Omit<AccountScore, 'explanation'> {
	const table = accountTable(model, values);
	const r = scoreTable(model, table);
	const eff = effectiveModelFor(model, table);
	const dimensions = dimensionScores(eff, r.dimensions);
	const score = r.score[0]!;
	const tierIndex = r.tier[0]!;
	const isScored = !Number.isNaN(score);
	return {
		score: isScored ? score : null,
		shown: isScored ? r.shown[0]! : null,
		tier: eff.tiers[tierIndex] ?? null,
		tierIndex,
		coverage: r.coverage[0]!,
		isScored,
		dimensions,
		metrics: metricScores(eff, values, r.metricPoints, dimensions),
		flags: accountFlags(eff, dimensions)
	};
}

/**
 * Score one account from its raw inputs (keyed by metric column): score, shown score, tier,
 * coverage, dimension and metric breakdown, flags and explanation. Segment overrides apply when
 * the model has segments and `values` holds the segment column.
 * Percentile metrics rank among one account, so a present value scores 0 (percent_rank, n = 1).
 */
export function scoreAccount(model: Model, values: AccountValues): AccountScore {
	const core = scoreAccountCore(model, values);
	const eff = effectiveModelFor(model, accountTable(model, values));
	const rescore = (changed: AccountValues) => scoreAccountCore(model, changed);
	return { ...core, explanation: explainAccount(eff, values, core, rescore) };
}
