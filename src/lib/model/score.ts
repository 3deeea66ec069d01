/**
 * Scoring a table in two stages: `computeMetricPoints` (raw values → metric points; depends on
 * schemes, not weights) and `combineScores` (points → dimension and account scores, coverage,
 * shown score and tier; depends on weights, tiers and missing policies). A weights-only change
 * re-runs only the second stage. Typed arrays throughout; no per-row allocation.
 */
import { percentilePoints } from './percentile';
import { combinePlan, EXCLUDE, ZERO, type CombinePlan, type GroupPlan } from './plan';
import { columnPoints, numericValues } from './schemes';
import { segmentGroups, segmentKeys } from './segments';
import { allMetrics } from './structure';
import type { ColumnTable, MetricPoints, Model, ScoreResult, Tier } from './types';

/** Coverage within this of the minimum counts as reaching it (float noise from weight shares). */
const COVERAGE_EPSILON = 1e-9;

/**
 * The shown score: rounded half up to a whole number (79.5 → 80, 79.4 → 79), after rounding to
 * 1e-9 so float noise (79.49999999999999) cannot flip it. NaN stays NaN.
 */
export function showScore(score: number): number {
	if (!Number.isFinite(score)) return NaN;
	return Math.floor(Math.round(score * 1e9) / 1e9 + 0.5);
}

/** Index of the first tier (best first) whose `min` ≤ the shown score; −1 for NaN or none. */
export function tierIndexFor(tiers: readonly Tier[], shown: number): number {
	if (Number.isNaN(shown)) return -1;
	for (let t = 0; t < tiers.length; t++) if (shown >= tiers[t]!.min) return t;
	return -1;
}

/**
 * Stage 1: points 0–100 of every metric (model order) for every row; NaN = missing.
 * Percentile metrics rank within the portfolio or within the segment column's values.
 */
export function computeMetricPoints(model: Model, table: ColumnTable): MetricPoints {
	const n = table.n;
	const metrics = allMetrics(model);
	const needKeys = metrics.some(
		(m) => m.scheme.kind === 'percentile' && m.scheme.within === 'segment'
	);
	const keys = needKeys ? segmentKeys(model, table) : null;
	const points = metrics.map((m) => {
		const out = new Float64Array(n);
		const column = table.columns.get(m.column);
		if (m.scheme.kind === 'percentile') {
			const within = m.scheme.within === 'segment' ? keys : null;
			percentilePoints(numericValues(column, n), within, m.direction, out);
		} else {
			columnPoints(m.scheme, column, out);
		}
		return out;
	});
	return { n, points };
}

/** Points of metric m in row i after the missing policy; NaN = skipped (exclude). */
function policyPoints(p: number, policy: number): number {
	if (p === p) return p;
	return policy === EXCLUDE ? NaN : policy === ZERO ? 0 : 50;
}

/**
 * Score, coverage and dimension scores of row i under one group's weights, written into `r`.
 * Per-dimension sums live in locals (registers), not in scratch arrays: this is the hot loop.
 */
function combineRow(
	plan: CombinePlan,
	g: GroupPlan,
	pts: Float64Array[],
	i: number,
	r: ScoreResult
) {
	const { dimStart, policy } = plan;
	const { metricWeight, metricShare, dimWeight, dimShare } = g;
	let num = 0;
	let den = 0;
	let coverage = 0;
	for (let d = 0; d < plan.dimensionCount; d++) {
		let dNum = 0;
		let dDen = 0;
		let dCov = 0;
		for (let m = dimStart[d]!; m < dimStart[d + 1]!; m++) {
			const raw = pts[m]![i]!;
			const p = policyPoints(raw, policy[m]!);
			if (p !== p) continue;
			if (raw === raw) dCov += metricShare[m]!;
			const w = metricWeight[m]!;
			dNum += w * p;
			dDen += w;
		}
		const s = dDen > 0 ? dNum / dDen : NaN;
		r.dimensions[d]![i] = s;
		coverage += dimShare[d]! * dCov;
		const w = dimWeight[d]!;
		if (w > 0 && s === s) {
			num += w * s;
			den += w;
		}
	}
	r.coverage[i] = coverage;
	const scored = den > 0 && coverage > 0 && coverage + COVERAGE_EPSILON >= g.minCoverage;
	r.score[i] = scored ? num / den : NaN;
}

function sameShape(r: ScoreResult | undefined, n: number, dims: number): r is ScoreResult {
	return !!r && r.n === n && r.score.length === n && r.dimensions.length === dims;
}

/**
 * Stage 2: combine metric points into scores. Missing points follow each metric's policy
 * (exclude = skip and re-weight, zero = 0, neutral = 50); imputed points never count as
 * coverage. Rows below the (segment's) minimum coverage, with no real value at all (coverage 0,
 * even when minCoverage is 0), or with no available dimension, are not scored: score and shown NaN, tier −1 (never the worst tier). `reuse` (a previous result of
 * the same shape) has its arrays overwritten instead of allocating new ones.
 */
export function combineScores(
	model: Model,
	points: MetricPoints,
	table: ColumnTable,
	reuse?: ScoreResult
): ScoreResult {
	const plan = combinePlan(model);
	if (points.points.length !== plan.metricCount) throw new Error('points do not match the model');
	const n = points.n;
	const D = plan.dimensionCount;
	const r: ScoreResult = sameShape(reuse, n, D)
		? { ...reuse, metricPoints: points.points }
		: {
				n,
				score: new Float64Array(n),
				shown: new Float64Array(n),
				tier: new Int8Array(n),
				coverage: new Float64Array(n),
				dimensions: Array.from({ length: D }, () => new Float64Array(n)),
				metricPoints: points.points
			};
	const groups = segmentGroups(model, table);
	for (let i = 0; i < n; i++) {
		const g = plan.groups[groups ? groups[i]! : 0]!;
		combineRow(plan, g, points.points, i, r);
		const shown = showScore(r.score[i]!);
		r.shown[i] = shown;
		r.tier[i] = tierIndexFor(g.tiers, shown);
	}
	return r;
}

/** Score every row of a table: both stages. See `ScoreResult` for the arrays returned. */
export function scoreTable(model: Model, table: ColumnTable): ScoreResult {
	return combineScores(model, computeMetricPoints(model, table), table);
}
