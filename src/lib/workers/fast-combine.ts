/**
 * Stage 2 of scoring (`combineScores` in model/score.ts) split in two cached steps for the slider
 * path, each one inlined row loop over a single row-major typed array:
 *  - `dimensionStage`: metric points → each row's dimension scores and covered shares (depends on
 *    metric weights and missing policies);
 *  - `accountStage`: dimension scores → score, shown score, tier (depends on dimension weights,
 *    tiers, minimum coverage).
 * A dimension-weight or tier change re-runs only the second. Both use the engine's own combine
 * plan and do the same floating-point operations in the same order per row, so the numbers are
 * bit-identical to `combineScores` (score-core.test.ts checks this against `scoreTable`).
 */
import { combinePlan, EXCLUDE, ZERO, type CombinePlan } from '$lib/model/plan';
import type { MetricPoints, Model, ScoreResult } from '$lib/model/types';

/** Same tolerance as the engine: coverage within this of the minimum counts as reaching it. */
const COVERAGE_EPSILON = 1e-9;

export interface FastResult extends ScoreResult {
	/** Bit d set when dimension d's score is below its floor (only with `floors`; ≤ 32 dims). */
	belowFloor: Uint32Array | null;
}

/** Metric points as one row-major array: value of metric m on row i at `i × M + m`. */
export function interleave(points: MetricPoints): Float64Array {
	const M = points.points.length;
	const n = points.n;
	const out = new Float64Array(n * M);
	for (let m = 0; m < M; m++) {
		const col = points.points[m]!;
		for (let i = 0, k = m; i < n; i++, k += M) out[k] = col[i]!;
	}
	return out;
}

/** What `dimensionStage` depends on besides the points (for caching). */
export function dimensionKey(plan: CombinePlan): string {
	return JSON.stringify([
		Array.from(plan.metricDim),
		Array.from(plan.policy),
		plan.groups.map((g) => [Array.from(g.metricWeight), Array.from(g.metricShare)])
	]);
}

/** Row-major dimension scores (`s`, NaN = none available) and covered metric shares (`cov`). */
export interface DimensionRows {
	s: Float64Array;
	cov: Float64Array;
}

export { combinePlan };

/** Dimension scores of every row; `groups` = segment group per row (null = all base). */
export function dimensionStage(
	plan: CombinePlan,
	rows: Float64Array,
	n: number,
	groups: Int32Array | null
): DimensionRows {
	const M = plan.metricCount;
	const D = plan.dimensionCount;
	if (rows.length !== n * M) throw new Error('points do not match the model');
	const G = plan.groups.length;
	const wm = new Float64Array(G * M);
	const sm = new Float64Array(G * M);
	plan.groups.forEach((g, k) => {
		wm.set(g.metricWeight, k * M);
		sm.set(g.metricShare, k * M);
	});
	const fillOf = Float64Array.from(plan.policy, (p) => (p === EXCLUDE ? NaN : p === ZERO ? 0 : 50));
	const dimStart = new Int32Array(D + 1);
	for (let m = 0; m < M; m++) dimStart[plan.metricDim[m]! + 1]!++;
	for (let d = 0; d < D; d++) dimStart[d + 1]! += dimStart[d]!;
	const s = new Float64Array(n * D);
	const cov = new Float64Array(n * D);
	for (let i = 0, base = 0, out = 0; i < n; i++, base += M) {
		const gm = groups ? groups[i]! * M : 0;
		for (let d = 0; d < D; d++, out++) {
			let dNum = 0;
			let dDen = 0;
			let dCov = 0;
			for (let m = dimStart[d]!, e = dimStart[d + 1]!; m < e; m++) {
				let p = rows[base + m]!;
				if (p !== p) {
					p = fillOf[m]!;
					if (p !== p) continue;
				} else dCov += sm[gm + m]!;
				const w = wm[gm + m]!;
				dNum += w * p;
				dDen += w;
			}
			s[out] = dDen > 0 ? dNum / dDen : NaN;
			cov[out] = dCov;
		}
	}
	return { s, cov };
}

export interface AccountOptions {
	/** Also return `dimensions` as D column arrays (tests, drill-down); off on the slider path. */
	withDimensions?: boolean;
	/** Compute `belowFloor` from `model.dimensions[d].floor`. */
	floors?: boolean;
	/** Write coverage into this n-length array (reused across calls) instead of a new one. */
	coverageOut?: Float64Array;
}

/** Account score, shown score and tier of every row from its dimension rows. */
export function accountStage(
	model: Model,
	plan: CombinePlan,
	dims: DimensionRows,
	n: number,
	groups: Int32Array | null,
	opts: AccountOptions = {}
): Omit<FastResult, 'metricPoints'> {
	const D = plan.dimensionCount;
	const G = plan.groups.length;
	const dw = new Float64Array(G * D);
	const ds = new Float64Array(G * D);
	const minCov = Float64Array.from(plan.groups, (g) => g.minCoverage);
	const mins = plan.groups.map((g) => Float64Array.from(g.tiers, (t) => t.min));
	plan.groups.forEach((g, k) => {
		dw.set(g.dimWeight, k * D);
		ds.set(g.dimShare, k * D);
	});
	const floor = Float64Array.from(model.dimensions, (d) => d.floor ?? NaN);
	const useFloors = !!opts.floors && floor.some((f) => f === f) && D <= 32;
	const score = new Float64Array(n);
	const shown = new Float64Array(n);
	const tier = new Int8Array(n);
	const coverage = opts.coverageOut?.length === n ? opts.coverageOut : new Float64Array(n);
	const belowFloor = useFloors ? new Uint32Array(n) : null;
	const { s: S, cov: C } = dims;
	for (let i = 0, base = 0; i < n; i++, base += D) {
		const g = groups ? groups[i]! : 0;
		const gd = g * D;
		let num = 0;
		let den = 0;
		let cov = 0;
		let mask = 0;
		for (let d = 0; d < D; d++) {
			const s = S[base + d]!;
			if (useFloors && s < floor[d]!) mask |= 1 << d;
			cov += ds[gd + d]! * C[base + d]!;
			const w = dw[gd + d]!;
			if (w > 0 && s === s) {
				num += w * s;
				den += w;
			}
		}
		coverage[i] = cov;
		if (belowFloor) belowFloor[i] = mask;
		if (!(den > 0 && cov > 0 && cov + COVERAGE_EPSILON >= minCov[g]!)) {
			score[i] = NaN;
			shown[i] = NaN;
			tier[i] = -1;
			continue;
		}
		const sc = num / den;
		score[i] = sc;
		// showScore, inlined: round half up after rounding to 1e-9.
		const r = Math.floor(Math.round(sc * 1e9) / 1e9 + 0.5);
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
	const dimensions: Float64Array[] = [];
	if (opts.withDimensions) {
		for (let d = 0; d < D; d++) {
			const col = new Float64Array(n);
			for (let i = 0; i < n; i++) col[i] = S[i * D + d]!;
			dimensions.push(col);
		}
	}
	return { n, score, shown, tier, coverage, dimensions, belowFloor };
}
