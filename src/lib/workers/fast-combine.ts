/**
 * Stage 2 of scoring (`combineScores` in model/score.ts) as one inlined row loop for the slider
 * path: no per-row function call, scratch or allocation. It uses the engine's own combine plan and
 * performs the same floating-point operations in the same order per row, so the scores are
 * bit-identical (score-core.test.ts checks this against `scoreTable`). Dimension scores are only
 * written when asked for; the worker asks for a per-row bitmask of dimensions under their floor.
 */
import { combinePlan, EXCLUDE, ZERO } from '$lib/model/plan';
import { segmentGroups } from '$lib/model/segments';
import type { ColumnTable, MetricPoints, Model, ScoreResult } from '$lib/model/types';

/** Same tolerance as the engine: coverage within this of the minimum counts as reaching it. */
const COVERAGE_EPSILON = 1e-9;

export interface FastResult extends ScoreResult {
	/** Bit d set when dimension d's score is below its floor (only with `floors`; ≤ 32 dims). */
	belowFloor: Uint32Array | null;
}

export interface FastOptions {
	/** Write `dimensions` (D arrays of n); off on the slider path. */
	withDimensions?: boolean;
	/** Compute `belowFloor` from `model.dimensions[d].floor`. */
	floors?: boolean;
}

/** Combine metric points into scores; same numbers as the engine's `combineScores`. */
export function fastCombine(
	model: Model,
	points: MetricPoints,
	table: ColumnTable,
	opts: FastOptions = {}
): FastResult {
	const plan = combinePlan(model);
	const M = plan.metricCount;
	if (points.points.length !== M) throw new Error('points do not match the model');
	const n = points.n;
	const D = plan.dimensionCount;
	const G = plan.groups.length;
	const groups = G > 1 ? segmentGroups(model, table) : null;
	const pts = points.points;
	// Per group × metric / dimension constants, flattened.
	const wm = new Float64Array(G * M);
	const sm = new Float64Array(G * M);
	const dw = new Float64Array(G * D);
	const ds = new Float64Array(G * D);
	const minCov = new Float64Array(G);
	const mins: Float64Array[] = [];
	plan.groups.forEach((g, k) => {
		wm.set(g.metricWeight, k * M);
		sm.set(g.metricShare, k * M);
		dw.set(g.dimWeight, k * D);
		ds.set(g.dimShare, k * D);
		minCov[k] = g.minCoverage;
		mins.push(Float64Array.from(g.tiers, (t) => t.min));
	});
	const fillOf = Float64Array.from(plan.policy, (p) => (p === EXCLUDE ? NaN : p === ZERO ? 0 : 50));
	const dimStart = new Int32Array(D + 1);
	for (let m = 0; m < M; m++) dimStart[plan.metricDim[m]! + 1]!++;
	for (let d = 0; d < D; d++) dimStart[d + 1]! += dimStart[d]!;
	const floor = Float64Array.from(model.dimensions, (d) => d.floor ?? NaN);
	const useFloors = !!opts.floors && floor.some((f) => f === f) && D <= 32;

	const score = new Float64Array(n);
	const shown = new Float64Array(n);
	const tier = new Int8Array(n);
	const coverage = new Float64Array(n);
	const dimensions = opts.withDimensions ? Array.from({ length: D }, () => new Float64Array(n)) : [];
	const belowFloor = useFloors ? new Uint32Array(n) : null;

	for (let i = 0; i < n; i++) {
		const g = groups ? groups[i]! : 0;
		const gm = g * M;
		const gd = g * D;
		let num = 0;
		let den = 0;
		let cov = 0;
		let mask = 0;
		for (let d = 0; d < D; d++) {
			let dNum = 0;
			let dDen = 0;
			let dCov = 0;
			for (let m = dimStart[d]!, e = dimStart[d + 1]!; m < e; m++) {
				let p = pts[m]![i]!;
				if (p !== p) {
					p = fillOf[m]!;
					if (p !== p) continue;
				} else dCov += sm[gm + m]!;
				const w = wm[gm + m]!;
				dNum += w * p;
				dDen += w;
			}
			const s = dDen > 0 ? dNum / dDen : NaN;
			if (dimensions.length) dimensions[d]![i] = s;
			if (useFloors && s < floor[d]!) mask |= 1 << d;
			cov += ds[gd + d]! * dCov;
			const w = dw[gd + d]!;
			if (w > 0 && s === s) {
				num += w * s;
				den += w;
			}
		}
		coverage[i] = cov;
		if (belowFloor) belowFloor[i] = mask;
		if (!(den > 0 && cov + COVERAGE_EPSILON >= minCov[g]!)) {
			score[i] = NaN;
			shown[i] = NaN;
			tier[i] = -1;
			continue;
		}
		const s = num / den;
		score[i] = s;
		// showScore, inlined: round half up after rounding to 1e-9.
		const r = Math.floor(Math.round(s * 1e9) / 1e9 + 0.5);
		shown[i] = r;
		const tm = mins[g]!;
		let t = -1;
		for (let k = 0; k < tm.length; k++) {
			if (r >= tm[k]!) {
				t = k;
				break;
			}
		}
		tier[i] = t;
	}
	return { n, score, shown, tier, coverage, dimensions, metricPoints: pts, belowFloor };
}
