/**
 * Stage 2 of scoring (`combineScores` in model/combine.ts) split in cached steps for the slider
 * path, each one inlined loop over typed columns:
 *  - `dimensionColumn`: metric points → one dimension's score and covered share of every row
 *    (depends on that dimension's metric weights and missing policies only, so a metric-weight
 *    change rewrites just its own dimension's two columns);
 *  - `accountPass`: dimension columns → score, shown score, tier (depends on dimension weights,
 *    tiers, minimum coverage), fused with the histogram and tier counts of the rows on show; it
 *    can skip writing the per-row arrays (a slider drag needs only the summary).
 * Both use the engine's own combine plan and do the same floating-point operations in the same
 * order per row, so the numbers are bit-identical to `combineScores` (score-core.test.ts checks
 * this against `scoreTable`).
 */
import { combinePlan, EXCLUDE, ZERO, type CombinePlan } from '$lib/model/plan';
import type { Model, ScoreResult } from '$lib/model/types';

export { combinePlan };

/** Same tolerance as the engine: coverage within this of the minimum counts as reaching it. */
const COVERAGE_EPSILON = 1e-9;

/** One bin per shown whole score 0…100 (101 bins: 100 needs its own bin for exact tier counts). */
export const HIST_BINS = 101;

export interface FastResult extends ScoreResult {
	/** Bit d set when dimension d's score is below its floor (only with `floors`; ≤ 32 dims). */
	belowFloor: Uint32Array | null;
}

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

/**
 * Dimension d's score (`s`, NaN = no metric available) and covered metric share (`cov`) of every
 * row, written into the given n-length arrays. `points`: metric points in model order (NaN =
 * missing); `groups`: segment group per row (null = all base).
 */
export function dimensionColumn(
	plan: CombinePlan,
	points: readonly Float64Array[],
	d: number,
	n: number,
	groups: Int32Array | null,
	s: Float64Array,
	cov: Float64Array
): void {
	const a = plan.dimStart[d]!;
	const k = plan.dimStart[d + 1]! - a;
	const G = plan.groups.length;
	const wm = new Float64Array(G * k);
	const sm = new Float64Array(G * k);
	plan.groups.forEach((g, j) => {
		wm.set(g.metricWeight.subarray(a, a + k), j * k);
		sm.set(g.metricShare.subarray(a, a + k), j * k);
	});
	const fill = Float64Array.from(plan.policy.subarray(a, a + k), (p) =>
		p === EXCLUDE ? NaN : p === ZERO ? 0 : 50
	);
	const cols = points.slice(a, a + k);
	if (cols.some((c) => c.length !== n)) throw new Error('points do not match the model');
	for (let i = 0; i < n; i++) {
		const gm = groups === null ? 0 : groups[i]! * k;
		let dNum = 0;
		let dDen = 0;
		let dCov = 0;
		for (let j = 0; j < k; j++) {
			let p = cols[j]![i]!;
			if (p !== p) {
				p = fill[j]!;
				if (p !== p) continue;
			} else dCov += sm[gm + j]!;
			const w = wm[gm + j]!;
			dNum += w * p;
			dDen += w;
		}
		s[i] = dDen > 0 ? dNum / dDen : NaN;
		cov[i] = dCov;
	}
}

export interface ScoreSummary {
	/** Accounts on show per shown score 0…100. */
	histogram: Uint32Array;
	/** Same, only accounts that use the base model's tiers (threshold drags move only those). */
	baseHistogram: Uint32Array;
	/** Accounts on show with their segment's own tiers, by tier index (do not move with a drag). */
	fixedTierCounts: Uint32Array;
	/** Accounts on show per tier index (all). */
	tierCounts: Uint32Array;
	/** Accounts on show that are not scored. */
	notScored: number;
	/** Accounts on show. */
	total: number;
}

/** Per-row arrays an account pass can write (each n long). */
export interface AccountArrays {
	score: Float64Array;
	shown: Float64Array;
	tier: Int8Array;
	coverage: Float64Array;
	/** Null unless a dimension has a floor (and there are ≤ 32 dimensions). */
	belowFloor: Uint32Array | null;
}

export interface AccountPassOptions {
	/** Write the per-row arrays into these (every row); null = summary only. */
	out: AccountArrays | null;
	/** Rows on show, summarised; null = every row. */
	rows: Int32Array | null;
}

/** Whether `model` has a dimension floor the pass reports (`belowFloor`). */
export function usesFloors(model: Model): boolean {
	return model.dimensions.length <= 32 && model.dimensions.some((d) => d.floor !== undefined);
}

/**
 * Account score, shown score and tier of every row from its dimension columns (written to
 * `opts.out` when given), and the histogram and tier counts of the rows on show (`opts.rows`).
 * Without `out`, only the rows on show are visited.
 */
export function accountPass(
	model: Model,
	plan: CombinePlan,
	S: readonly Float64Array[],
	C: readonly Float64Array[],
	n: number,
	groups: Int32Array | null,
	opts: AccountPassOptions
): ScoreSummary {
	const D = plan.dimensionCount;
	const G = plan.groups.length;
	const T = model.tiers.length;
	const dw = new Float64Array(G * D);
	const ds = new Float64Array(G * D);
	const minCov = Float64Array.from(plan.groups, (g) => g.minCoverage);
	plan.groups.forEach((g, k) => {
		dw.set(g.dimWeight, k * D);
		ds.set(g.dimShare, k * D);
	});
	// Tier of each shown score 0…100 per group (scores are points, 0–100; others fall back).
	const tierOf = new Int8Array(G * HIST_BINS);
	const own = new Uint8Array(G);
	plan.groups.forEach((g, k) => {
		own[k] = k > 0 && model.segments?.overrides[k - 1]?.tiers ? 1 : 0;
		for (let r = 0; r < HIST_BINS; r++) tierOf[k * HIST_BINS + r] = tierIndex(g.tiers, r);
	});
	const floor = Float64Array.from(model.dimensions, (d) => d.floor ?? NaN);
	const { out, rows } = opts;
	const useFloors = out !== null && out.belowFloor !== null;

	const histogram = new Uint32Array(HIST_BINS);
	const baseHistogram = new Uint32Array(HIST_BINS);
	const fixedTierCounts = new Uint32Array(T);
	const tierCounts = new Uint32Array(T);
	let notScored = 0;
	// Summarise inside the row loop unless it visits rows that are not on show.
	const fused = rows === null || out === null;
	const count = out === null && rows !== null ? rows.length : n;
	for (let k = 0; k < count; k++) {
		const i = out === null && rows !== null ? rows[k]! : k;
		const g = groups === null ? 0 : groups[i]!;
		const gd = g * D;
		let num = 0;
		let den = 0;
		let cov = 0;
		let mask = 0;
		for (let d = 0; d < D; d++) {
			const s = S[d]![i]!;
			if (useFloors && s < floor[d]!) mask |= 1 << d;
			cov += ds[gd + d]! * C[d]![i]!;
			const w = dw[gd + d]!;
			if (w > 0 && s === s) {
				num += w * s;
				den += w;
			}
		}
		if (out !== null) {
			out.coverage[i] = cov;
			if (useFloors) out.belowFloor![i] = mask;
		}
		if (!(den > 0 && cov > 0 && cov + COVERAGE_EPSILON >= minCov[g]!)) {
			if (out !== null) {
				out.score[i] = NaN;
				out.shown[i] = NaN;
				out.tier[i] = -1;
			}
			if (fused) notScored++;
			continue;
		}
		const sc = num / den;
		// showScore, inlined: round half up after rounding to 1e-9.
		const r = Math.floor(Math.round(sc * 1e9) / 1e9 + 0.5);
		const t =
			r >= 0 && r < HIST_BINS ? tierOf[g * HIST_BINS + r]! : tierIndex(plan.groups[g]!.tiers, r);
		if (out !== null) {
			out.score[i] = sc;
			out.shown[i] = r;
			out.tier[i] = t;
		}
		if (fused) {
			histogram[r]!++;
			if (t >= 0) tierCounts[t]!++;
			if (own[g]) {
				if (t >= 0) fixedTierCounts[t]!++;
			} else baseHistogram[r]!++;
		}
	}
	if (!fused && out !== null && rows !== null) {
		for (let k = 0; k < rows.length; k++) {
			const i = rows[k]!;
			const r = out.shown[i]!;
			if (r !== r) {
				notScored++;
				continue;
			}
			const t = out.tier[i]!;
			histogram[r]!++;
			if (t >= 0) tierCounts[t]!++;
			if (own[groups === null ? 0 : groups[i]!]) {
				if (t >= 0) fixedTierCounts[t]!++;
			} else baseHistogram[r]!++;
		}
	}
	const total = rows === null ? n : rows.length;
	return { histogram, baseHistogram, fixedTierCounts, tierCounts, notScored, total };
}

/** `tierIndexFor` on a shown score that is a number. */
function tierIndex(tiers: readonly { min: number }[], shown: number): number {
	for (let t = 0; t < tiers.length; t++) if (shown >= tiers[t]!.min) return t;
	return -1;
}
