/**
 * Stage 2 of scoring, the reference engine: metric points → dimension scores, coverage, account
 * score, shown score and tier, under each row's effective weights, written to be read. The fast
 * path (cache.ts, fast/) must match it bit for bit; the tests use it as their oracle. Typed
 * arrays, no per-row allocation.
 *
 * Fast path: when only dimension weights, tiers or minCoverage changed since `reuse` was
 * computed (same points arrays, same metric weights and policies), the dimension scores and the
 * per-dimension coverage cannot have changed, so only the D dimension columns are re-read.
 */
import { segmentGroups } from '../segments';
import { showScore, tierIndexFor } from '../tiers';
import type { ColumnTable, MetricPoints, Model, ScoreResult } from '../types';
import { isScored } from './constants';
import { combinePlan, missingPoints, type CombinePlan, type GroupPlan } from './plan';

/** What a result's dimension columns depend on, besides the points themselves. */
interface DimensionCache {
	key: string;
	/** Per dimension and row: Σ nominal metric share × [metric has a real value], 0–1. */
	coverage: Float64Array[];
}
const caches = new WeakMap<ScoreResult, DimensionCache>();

function dimensionKey(model: Model, plan: CombinePlan): string {
	const weights = plan.groups.map((g) => Array.from(g.metricWeight));
	const segments = model.segments
		? [model.segments.column, ...model.segments.overrides.map((o) => o.value)]
		: null;
	return JSON.stringify([weights, Array.from(plan.policy), segments]);
}

/** Points of a metric after the missing policy; NaN = skipped (exclude). */
function policyPoints(p: number, policy: number): number {
	return p === p ? p : missingPoints(policy);
}

/** Dimension scores and per-dimension coverage of row i (sums in locals: the hot loop). */
function dimensionRow(
	plan: CombinePlan,
	g: GroupPlan,
	pts: Float64Array[],
	i: number,
	r: ScoreResult,
	cov: Float64Array[]
) {
	const { dimStart, policy } = plan;
	const { metricWeight, metricShare } = g;
	for (let d = 0; d < plan.dimensionCount; d++) {
		let num = 0;
		let den = 0;
		let real = 0;
		for (let m = dimStart[d]!; m < dimStart[d + 1]!; m++) {
			const raw = pts[m]![i]!;
			const p = policyPoints(raw, policy[m]!);
			if (p !== p) continue;
			if (raw === raw) real += metricShare[m]!;
			const w = metricWeight[m]!;
			num += w * p;
			den += w;
		}
		r.dimensions[d]![i] = den > 0 ? num / den : NaN;
		cov[d]![i] = real;
	}
}

/** Account score, coverage, shown score and tier of row i from its dimension columns. */
function accountRow(
	plan: CombinePlan,
	g: GroupPlan,
	i: number,
	r: ScoreResult,
	cov: Float64Array[]
) {
	const { dimWeight, dimShare } = g;
	let num = 0;
	let den = 0;
	let coverage = 0;
	for (let d = 0; d < plan.dimensionCount; d++) {
		const s = r.dimensions[d]![i]!;
		coverage += dimShare[d]! * cov[d]![i]!;
		const w = dimWeight[d]!;
		if (w > 0 && s === s) {
			num += w * s;
			den += w;
		}
	}
	r.coverage[i] = coverage;
	const score = isScored(den, coverage, g.minCoverage) ? num / den : NaN;
	const shown = showScore(score);
	r.score[i] = score;
	r.shown[i] = shown;
	r.tier[i] = tierIndexFor(g.tiers, shown);
}

function allocate(n: number, D: number, points: MetricPoints): ScoreResult {
	return {
		n,
		score: new Float64Array(n),
		shown: new Float64Array(n),
		tier: new Int8Array(n),
		coverage: new Float64Array(n),
		dimensions: Array.from({ length: D }, () => new Float64Array(n)),
		metricPoints: points.points
	};
}

function reusable(r: ScoreResult | undefined, n: number, D: number): r is ScoreResult {
	return !!r && r.n === n && r.score.length === n && r.dimensions.length === D;
}

/**
 * Stage 2: combine metric points into scores. Missing points follow each metric's policy
 * (exclude = skip and re-weight, zero = 0, neutral = 50); imputed points never count as
 * coverage. Rows below the (segment's) minimum coverage, with no real value at all (coverage 0,
 * even when minCoverage is 0), or with no available dimension, are not scored: score and shown
 * NaN, tier −1 (never the worst tier). `reuse`, a previous result of the same shape, has its
 * arrays overwritten instead of allocating new ones (and enables the dimension-weights fast path).
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
	const canReuse = reusable(reuse, n, D);
	const r: ScoreResult = canReuse
		? { ...reuse, metricPoints: points.points }
		: allocate(n, D, points);
	const key = dimensionKey(model, plan);
	const cached = canReuse ? caches.get(reuse) : undefined;
	const fast = !!cached && cached.key === key && reuse?.metricPoints === points.points;
	const cov = cached?.coverage ?? Array.from({ length: D }, () => new Float64Array(n));
	const groups = segmentGroups(model, table);
	for (let i = 0; i < n; i++) {
		const g = plan.groups[groups ? groups[i]! : 0]!;
		if (!fast) dimensionRow(plan, g, points.points, i, r, cov);
		accountRow(plan, g, i, r, cov);
	}
	caches.set(r, { key, coverage: cov });
	return r;
}
