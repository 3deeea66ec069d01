/**
 * Metric points → one dimension's score of every row. Depends on that dimension's metric
 * weights and missing policies only (and the rows' segment groups), so a metric-weight change
 * rewrites just its own dimension's column.
 */
import { missingPoints, type CombinePlan } from '../plan';
import { addMetrics } from './kernels.generated';
import { Scratch } from '../../scratch';

/** Rows per block of a row loop: its per-row sums stay in L1 while each column streams. */
export const BLOCK = 1024;

/**
 * What dimension d's columns depend on besides the points and the rows' segment groups: its
 * metric range, their missing policies, and each group's weights and shares of those metrics.
 */
export function dimensionKey(plan: CombinePlan, d: number): string {
	const a = plan.dimStart[d]!;
	const b = plan.dimStart[d + 1]!;
	return JSON.stringify([
		a,
		b,
		Array.from(plan.policy.subarray(a, b)),
		plan.groups.map((g) => [
			Array.from(g.metricWeight.subarray(a, b)),
			Array.from(g.metricShare.subarray(a, b))
		])
	]);
}

/** Per-row sums of one block of rows inside one dimension (slot j is row `base + j`). */
export interface MetricAcc {
	grp: Int32Array;
	num: Float64Array;
	den: Float64Array;
	base: number;
	len: number;
	/** Metrics in the dimension; weights of group g's metric j at g × k + j. */
	k: number;
	wm: Float64Array;
	/** Points a missing value gets (NaN = excluded). */
	fill: Float64Array;
	/** The dimension's metric point columns. */
	cols: Float64Array[];
}

/** The block arrays of `dimensionAcc` (see scratch.ts). */
const work = new Scratch();

/** Per-block state to compute one dimension's scores (see `dimensionBlock`). */
export function dimensionAcc(
	plan: CombinePlan,
	points: readonly Float64Array[],
	d: number,
	n: number
): MetricAcc {
	const a = plan.dimStart[d]!;
	const k = plan.dimStart[d + 1]! - a;
	const G = plan.groups.length;
	const wm = new Float64Array(G * k);
	plan.groups.forEach((g, j) => wm.set(g.metricWeight.subarray(a, a + k), j * k));
	const fill = Float64Array.from(plan.policy.subarray(a, a + k), missingPoints);
	const cols = points.slice(a, a + k);
	if (cols.some((c) => c.length !== n)) throw new Error('points do not match the model');
	// Every dimension's block state shares the same arrays: `dimensionBlock` uses them only
	// during its own call. Group 0 for every row unless the rows have segment groups.
	return {
		grp: work.i32('grp', BLOCK).fill(0),
		num: work.f64('num', BLOCK),
		den: work.f64('den', BLOCK),
		base: 0,
		len: 0,
		k,
		wm,
		fill,
		cols
	};
}

/** Dimension scores of rows b … b + len − 1 (len ≤ BLOCK) into `s` (NaN = no metric available). */
export function dimensionBlock(
	m: MetricAcc,
	groups: Int32Array | null,
	s: Float64Array,
	b: number,
	len: number
): void {
	const { k } = m;
	m.base = b;
	m.len = len;
	if (k === 0) {
		s.fill(NaN, b, b + len);
		return;
	}
	if (groups !== null) for (let j = 0; j < len; j++) m.grp[j] = groups[b + j]!;
	for (let j0 = 0; j0 < k; j0 += 4) addMetrics(m, j0, Math.min(4, k - j0));
	const { num, den } = m;
	for (let j = 0; j < len; j++) {
		const dDen = den[j]!;
		s[b + j] = dDen > 0 ? num[j]! / dDen : NaN;
	}
}

/**
 * Dimension d's score (`s`, NaN = no metric available) of every row, written into the given
 * n-length array. `points`: metric points in model order (NaN = missing); `groups`: segment group
 * per row (null = all base).
 */
export function dimensionColumn(
	plan: CombinePlan,
	points: readonly Float64Array[],
	d: number,
	n: number,
	groups: Int32Array | null,
	s: Float64Array
): void {
	const m = dimensionAcc(plan, points, d, n);
	for (let b = 0; b < n; b += BLOCK) dimensionBlock(m, groups, s, b, Math.min(BLOCK, n - b));
}
