/**
 * Stage 2 of scoring (`combineScores` in model/combine.ts) split in cached steps for the slider
 * path, each one inlined loop over typed columns:
 *  - `presenceClasses` + `coverageTable`: rows grouped by which metrics have a real value; a
 *    row's coverage is then one lookup (class × group) in a table rebuilt per model, instead of
 *    D covered-share columns read per row;
 *  - `dimensionColumn` / `dimensionBlock`: metric points → one dimension's score of every row
 *    (depends on that dimension's metric weights and missing policies only, so a metric-weight
 *    change rewrites just its own dimension's column);
 *  - `accountPass`: dimension columns → score, shown score, tier (depends on dimension weights,
 *    tiers, minimum coverage), fused with the histogram and tier counts of the rows on show; it
 *    can skip writing the per-row arrays (a slider drag needs only the summary). A drag with
 *    ≤ 4 dimensions runs one row loop (`summaryRows`) with a dirty dimension's score computed in
 *    the same loop; otherwise blocks of rows, dirty dimensions first per block.
 * All use the engine's own combine plan and do the same floating-point operations in the same
 * order per row, so the numbers are bit-identical to `combineScores` (score-core.test.ts checks
 * this against `scoreTable`).
 */
import { combinePlan, EXCLUDE, ZERO, type CombinePlan } from '$lib/model/plan';
import type { Model, ScoreResult } from '$lib/model/types';

export { combinePlan };

/** Same tolerance as the engine: coverage within this of the minimum counts as reaching it. */
const COVERAGE_EPSILON = 1e-9;

/** Rows per block of a row loop: its per-row sums stay in L1 while each column streams. */
const BLOCK = 1024;

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
 * Rows grouped by which metrics have a real value (the presence pattern of their metric points):
 * a row's coverage depends on its pattern and its group's weights only, so it comes from one
 * small table per model (`coverageTable`) instead of per-row columns.
 */
export interface Presence {
	/** Class of each row (0 … count − 1). */
	cls: Int32Array;
	count: number;
	/** One row of each class (its pattern is the class's). */
	rep: Int32Array;
}

/**
 * Presence classes of the rows of `points` (metric points in model order, NaN = missing):
 * refined one metric at a time, (class, has value) → dense new class id. count ≤ min(n, 2^M).
 */
export function presenceClasses(points: readonly Float64Array[], n: number): Presence {
	const cls = new Int32Array(n);
	let count = n > 0 ? 1 : 0;
	let remap = new Int32Array(2);
	for (const col of points) {
		if (remap.length < 2 * count) remap = new Int32Array(2 * count);
		remap.fill(-1, 0, 2 * count);
		let next = 0;
		for (let i = 0; i < n; i++) {
			const v = col[i]!;
			const key = cls[i]! * 2 + (v === v ? 1 : 0);
			let id = remap[key]!;
			if (id < 0) {
				id = next++;
				remap[key] = id;
			}
			cls[i] = id;
		}
		count = next;
	}
	const rep = new Int32Array(count).fill(-1);
	for (let i = 0; i < n; i++) if (rep[cls[i]!]! < 0) rep[cls[i]!] = i;
	return { cls, count, rep };
}

/**
 * Coverage of each presence class under each group's weights, at g × count + class: the engine's
 * sum (per dimension, the shares of its metrics with a real value in metric order; then the
 * dimension shares times those, in dimension order), so it is bit-identical per row.
 */
export function coverageTable(
	plan: CombinePlan,
	points: readonly Float64Array[],
	pres: Presence
): Float64Array {
	const K = pres.count;
	const D = plan.dimensionCount;
	const G = plan.groups.length;
	const out = new Float64Array(G * K);
	const real = new Uint8Array(plan.metricCount);
	for (let c = 0; c < K; c++) {
		const r = pres.rep[c]!;
		for (let m = 0; m < plan.metricCount; m++) {
			const v = points[m]![r]!;
			real[m] = v === v ? 1 : 0;
		}
		for (let g = 0; g < G; g++) {
			const { metricShare, dimShare } = plan.groups[g]!;
			let coverage = 0;
			for (let d = 0; d < D; d++) {
				let sum = 0;
				for (let m = plan.dimStart[d]!; m < plan.dimStart[d + 1]!; m++)
					if (real[m]) sum += metricShare[m]!;
				coverage += dimShare[d]! * sum;
			}
			out[g * K + c] = coverage;
		}
	}
	return out;
}

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
	const fill = Float64Array.from(plan.policy.subarray(a, a + k), (p) =>
		p === EXCLUDE ? NaN : p === ZERO ? 0 : 50
	);
	const cols = points.slice(a, a + k);
	if (cols.some((c) => c.length !== n)) throw new Error('points do not match the model');
	return {
		grp: new Int32Array(BLOCK),
		num: new Float64Array(BLOCK),
		den: new Float64Array(BLOCK),
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
	const { k, cols } = m;
	m.base = b;
	m.len = len;
	if (k === 0) {
		s.fill(NaN, b, b + len);
		return;
	}
	if (groups !== null) for (let j = 0; j < len; j++) m.grp[j] = groups[b + j]!;
	for (let j0 = 0; j0 < k;) {
		const c = Math.min(4, k - j0);
		if (c === 4) metrics4(m, j0, cols);
		else if (c === 3) metrics3(m, j0, cols);
		else if (c === 2) metrics2(m, j0, cols);
		else metrics1(m, j0, cols);
		j0 += c;
	}
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

// As the account chunks: metrics j0…j0+c−1 of the dimension added to each row's sums, columns in
// locals, in metric order per row (the engine's order); a metric without a value takes its
// policy's points (and no coverage), or is skipped.

function metrics4(a: MetricAcc, j0: number, cols: readonly Float64Array[]): void {
	const { grp, num, den, base, len, k, wm, fill } = a;
	const p0 = cols[j0]!,
		p1 = cols[j0 + 1]!,
		p2 = cols[j0 + 2]!,
		p3 = cols[j0 + 3]!;
	const f0 = fill[j0]!,
		f1 = fill[j0 + 1]!,
		f2 = fill[j0 + 2]!,
		f3 = fill[j0 + 3]!;
	const first = j0 === 0;
	for (let j = 0; j < len; j++) {
		const i = base + j;
		const g = grp[j]! * k + j0;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;
		let p = p0[i]!;
		let w = wm[g]!;
		if (p !== p) {
			if (f0 === f0) {
				nm += w * f0;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		p = p1[i]!;
		w = wm[g + 1]!;
		if (p !== p) {
			if (f1 === f1) {
				nm += w * f1;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		p = p2[i]!;
		w = wm[g + 2]!;
		if (p !== p) {
			if (f2 === f2) {
				nm += w * f2;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		p = p3[i]!;
		w = wm[g + 3]!;
		if (p !== p) {
			if (f3 === f3) {
				nm += w * f3;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		num[j] = nm;
		den[j] = dn;
	}
}

function metrics3(a: MetricAcc, j0: number, cols: readonly Float64Array[]): void {
	const { grp, num, den, base, len, k, wm, fill } = a;
	const p0 = cols[j0]!,
		p1 = cols[j0 + 1]!,
		p2 = cols[j0 + 2]!;
	const f0 = fill[j0]!,
		f1 = fill[j0 + 1]!,
		f2 = fill[j0 + 2]!;
	const first = j0 === 0;
	for (let j = 0; j < len; j++) {
		const i = base + j;
		const g = grp[j]! * k + j0;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;
		let p = p0[i]!;
		let w = wm[g]!;
		if (p !== p) {
			if (f0 === f0) {
				nm += w * f0;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		p = p1[i]!;
		w = wm[g + 1]!;
		if (p !== p) {
			if (f1 === f1) {
				nm += w * f1;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		p = p2[i]!;
		w = wm[g + 2]!;
		if (p !== p) {
			if (f2 === f2) {
				nm += w * f2;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		num[j] = nm;
		den[j] = dn;
	}
}

function metrics2(a: MetricAcc, j0: number, cols: readonly Float64Array[]): void {
	const { grp, num, den, base, len, k, wm, fill } = a;
	const p0 = cols[j0]!,
		p1 = cols[j0 + 1]!;
	const f0 = fill[j0]!,
		f1 = fill[j0 + 1]!;
	const first = j0 === 0;
	for (let j = 0; j < len; j++) {
		const i = base + j;
		const g = grp[j]! * k + j0;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;
		let p = p0[i]!;
		let w = wm[g]!;
		if (p !== p) {
			if (f0 === f0) {
				nm += w * f0;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		p = p1[i]!;
		w = wm[g + 1]!;
		if (p !== p) {
			if (f1 === f1) {
				nm += w * f1;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		num[j] = nm;
		den[j] = dn;
	}
}

function metrics1(a: MetricAcc, j0: number, cols: readonly Float64Array[]): void {
	const { grp, num, den, base, len, k, wm, fill } = a;
	const p0 = cols[j0]!;
	const f0 = fill[j0]!;
	const first = j0 === 0;
	for (let j = 0; j < len; j++) {
		const i = base + j;
		const g = grp[j]! * k + j0;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;
		const p = p0[i]!;
		const w = wm[g]!;
		if (p !== p) {
			if (f0 === f0) {
				nm += w * f0;
				dn += w;
			}
		} else {
			nm += w * p;
			dn += w;
		}
		num[j] = nm;
		den[j] = dn;
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
	/**
	 * Dimensions whose score columns (in S) the pass recomputes, every row. A summary-only pass
	 * with one dirty dimension may compute its scores in its row loop without storing them (a
	 * drag rewrites that dimension on every step); it then sets `unwritten`, and the column is
	 * stale (recompute it next time).
	 */
	dirty?: DirtyDimension[];
}

export interface DirtyDimension {
	d: number;
	acc: MetricAcc;
	/** Set by `accountPass` when it left this dimension's column unwritten. */
	unwritten?: boolean;
}

/** Each row's coverage: `table[group × count + cls[row]]` (see `presenceClasses`). */
export interface Cover {
	cls: Int32Array;
	count: number;
	table: Float64Array;
}

/** Whether `model` has a dimension floor the pass reports (`belowFloor`). */
export function usesFloors(model: Model): boolean {
	return model.dimensions.length <= 32 && model.dimensions.some((d) => d.floor !== undefined);
}

/**
 * `showScore(sc)` for a finite score: round half up after rounding to 1e-9. Away from a half
 * (more than 1e-8 from x.5) rounding to 1e-9 first cannot change the result (it moves `sc` by at
 * most ~5e-10), so `floor(sc + 0.5)` is exact there; only near a half does it take the slow path
 * (Math.round costs more than the rest of the row).
 */
export function shownOf(sc: number): number {
	const q = sc + 0.5;
	const f = Math.floor(q);
	const frac = q - f;
	if (frac > 1e-8 && frac < 1 - 1e-8) return f;
	return Math.floor(Math.round(sc * 1e9) / 1e9 + 0.5);
}

/**
 * Account score, shown score and tier of every row from its dimension columns (written to
 * `opts.out` when given), and the histogram and tier counts of the rows on show (`opts.rows`).
 * Without `out`, only the rows on show are visited. Blocked: for each block of rows, each
 * dimension's columns stream into per-row sums (dimension order per row, as in the engine), then
 * one pass turns the sums into scores and counts.
 */
export function accountPass(
	model: Model,
	plan: CombinePlan,
	S: readonly Float64Array[],
	cover: Cover,
	n: number,
	groups: Int32Array | null,
	opts: AccountPassOptions
): ScoreSummary {
	const D = plan.dimensionCount;
	const G = plan.groups.length;
	const T = model.tiers.length;
	const dw = new Float64Array(G * D);
	const minCov = Float64Array.from(plan.groups, (g) => g.minCoverage);
	plan.groups.forEach((g, k) => dw.set(g.dimWeight, k * D));
	const { cls, table: covT, count: K } = cover;
	const dirty = opts.dirty ?? [];
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
	// Counts per group and shown score (one increment per row); folded into the summary at the end.
	const sums: Sums = { gh: new Uint32Array(G * HIST_BINS), odd: new Uint32Array(G * T), T };
	let notScored = 0;
	// Summarise inside the row loop unless it visits rows that are not on show.
	const fused = rows === null || out === null;
	const gather = out === null && rows !== null;
	const count = gather ? rows.length : n;
	// Dimensions to recompute: per block, just before the account step reads them (still in
	// cache), unless the pass visits only some rows (then first, over every row).
	// A drag (summary only) with ≤ 4 dimensions: one row loop over the rows on show; when that is
	// every row, one dirty dimension is fused in.
	const rowLoop = out === null && D >= 1 && D <= 4;
	const fuse =
		rowLoop && rows === null && dirty.length === 1 && dirty[0]!.acc.k <= 4 ? dirty[0]! : null;
	for (const x of dirty)
		if (x !== fuse && (gather || rowLoop))
			for (let b = 0; b < n; b += BLOCK)
				dimensionBlock(x.acc, groups, S[x.d]!, b, Math.min(BLOCK, n - b));
	if (rowLoop) {
		if (fuse) fuse.unwritten = true;
		const r: RowPass = { S, dw, D, groups, rows, count, cls, covT, K, minCov, plan, sums, fuse };
		notScored = summaryRows(r);
	}
	const idx = new Int32Array(BLOCK);
	const grp = new Int32Array(BLOCK);
	const num = new Float64Array(BLOCK);
	const den = new Float64Array(BLOCK);
	const cov = new Float64Array(BLOCK);
	const below = new Uint32Array(BLOCK);
	for (let b = 0; b < (rowLoop ? 0 : count); b += BLOCK) {
		const len = Math.min(BLOCK, count - b);
		if (gather) for (let j = 0; j < len; j++) idx[j] = rows[b + j]!;
		else for (let j = 0; j < len; j++) idx[j] = b + j;
		if (groups !== null) for (let j = 0; j < len; j++) grp[j] = groups[idx[j]!]!;
		if (useFloors) below.fill(0, 0, len);
		if (!gather) for (const { d, acc } of dirty) dimensionBlock(acc, groups, S[d]!, b, len);
		for (let j = 0; j < len; j++) cov[j] = covT[grp[j]! * K + cls[idx[j]!]!]!;
		const acc: Acc = { idx, gather, base: b, grp, num, den, cov, len, D, dw };
		for (let d = 0; d < D;) {
			const k = Math.min(4, D - d);
			if (k === 4) chunk4(acc, d, S);
			else if (k === 3) chunk3(acc, d, S);
			else if (k === 2) chunk2(acc, d, S);
			else chunk1(acc, d, S);
			if (useFloors) {
				for (let e = d; e < d + k; e++) {
					const f = floor[e]!;
					const Se = S[e]!;
					if (f === f) for (let j = 0; j < len; j++) if (Se[idx[j]!]! < f) below[j]! |= 1 << e;
				}
			}
			d += k;
		}
		if (useFloors && out !== null)
			for (let j = 0; j < len; j++) out.belowFloor![idx[j]!] = below[j]!;
		if (out !== null) finishOut(acc, minCov, tierOf, plan, out);
		if (fused) notScored += summariseBlock(acc, minCov, plan, sums);
	}
	if (!fused && out !== null && rows !== null) {
		const { gh, odd } = sums;
		for (let k = 0; k < rows.length; k++) {
			const i = rows[k]!;
			const r = out.shown[i]!;
			if (r !== r) {
				notScored++;
				continue;
			}
			const g = groups === null ? 0 : groups[i]!;
			if (r >= 0 && r < HIST_BINS) gh[g * HIST_BINS + r]!++;
			else if (out.tier[i]! >= 0) odd[g * T + out.tier[i]!]!++;
		}
	}
	for (let g = 0; g < G; g++) {
		for (let r = 0; r < HIST_BINS; r++) {
			const c = sums.gh[g * HIST_BINS + r]!;
			if (c === 0) continue;
			const t = tierOf[g * HIST_BINS + r]!;
			histogram[r]! += c;
			if (t >= 0) tierCounts[t]! += c;
			if (own[g]) {
				if (t >= 0) fixedTierCounts[t]! += c;
			} else baseHistogram[r]! += c;
		}
		for (let t = 0; t < T; t++) {
			const c = sums.odd[g * T + t]!;
			tierCounts[t]! += c;
			if (own[g]) fixedTierCounts[t]! += c;
		}
	}
	const total = rows === null ? n : rows.length;
	return { histogram, baseHistogram, fixedTierCounts, tierCounts, notScored, total };
}

/** Per-row sums of one block of rows, and the weights (group g, dimension d at g × D + d). */
interface Acc {
	/** Row of each block slot when `gather`; otherwise slot j is row `base + j`. */
	idx: Int32Array;
	gather: boolean;
	base: number;
	/** Segment group of each slot (all 0 when there are no segment groups). */
	grp: Int32Array;
	num: Float64Array;
	den: Float64Array;
	cov: Float64Array;
	len: number;
	D: number;
	dw: Float64Array;
}

// The chunk loops add dimensions d…d+k−1 to each row's sums with the columns in locals (V8 runs a
// row loop over a few locals far faster than an inner loop over an array of columns). Per row
// the additions happen in dimension order, as in the engine; the first chunk starts from 0.

function chunk4(a: Acc, d: number, S: readonly Float64Array[]): void {
	const { idx, gather, base, grp, num, den, len, D, dw } = a;
	const s0 = S[d]!,
		s1 = S[d + 1]!,
		s2 = S[d + 2]!,
		s3 = S[d + 3]!;
	const first = d === 0;
	for (let j = 0; j < len; j++) {
		const i = gather ? idx[j]! : base + j;
		const g = grp[j]! * D + d;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;
		let v = s0[i]!;
		let w = dw[g]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		v = s1[i]!;
		w = dw[g + 1]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		v = s2[i]!;
		w = dw[g + 2]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		v = s3[i]!;
		w = dw[g + 3]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		num[j] = nm;
		den[j] = dn;
	}
}

function chunk3(a: Acc, d: number, S: readonly Float64Array[]): void {
	const { idx, gather, base, grp, num, den, len, D, dw } = a;
	const s0 = S[d]!,
		s1 = S[d + 1]!,
		s2 = S[d + 2]!;
	const first = d === 0;
	for (let j = 0; j < len; j++) {
		const i = gather ? idx[j]! : base + j;
		const g = grp[j]! * D + d;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;
		let v = s0[i]!;
		let w = dw[g]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		v = s1[i]!;
		w = dw[g + 1]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		v = s2[i]!;
		w = dw[g + 2]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		num[j] = nm;
		den[j] = dn;
	}
}

function chunk2(a: Acc, d: number, S: readonly Float64Array[]): void {
	const { idx, gather, base, grp, num, den, len, D, dw } = a;
	const s0 = S[d]!,
		s1 = S[d + 1]!;
	const first = d === 0;
	for (let j = 0; j < len; j++) {
		const i = gather ? idx[j]! : base + j;
		const g = grp[j]! * D + d;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;
		let v = s0[i]!;
		let w = dw[g]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		v = s1[i]!;
		w = dw[g + 1]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		num[j] = nm;
		den[j] = dn;
	}
}

function chunk1(a: Acc, d: number, S: readonly Float64Array[]): void {
	const { idx, gather, base, grp, num, den, len, D, dw } = a;
	const s0 = S[d]!;
	const first = d === 0;
	for (let j = 0; j < len; j++) {
		const i = gather ? idx[j]! : base + j;
		const g = grp[j]! * D + d;
		let nm = first ? 0 : num[j]!;
		let dn = first ? 0 : den[j]!;
		const v = s0[i]!;
		const w = dw[g]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		num[j] = nm;
		den[j] = dn;
	}
}

interface RowPass {
	S: readonly Float64Array[];
	dw: Float64Array;
	D: number;
	groups: Int32Array | null;
	/** Rows to visit (null: 0 … count − 1). */
	rows: Int32Array | null;
	count: number;
	cls: Int32Array;
	covT: Float64Array;
	K: number;
	minCov: Float64Array;
	plan: CombinePlan;
	sums: Sums;
	/** A dirty dimension (≤ 4 metrics) whose scores this loop computes (not stored), or null. */
	fuse: DirtyDimension | null;
}

/**
 * Summary counts of the rows on show, one row loop over ≤ 4 dimension columns in locals (and, when
 * `fuse` is set, that dimension's ≤ 4 metric point columns: its score is computed in the loop
 * and used in place of its column, which is left as it was). The same operations in the same order per row
 * as the engine; the loop-invariant `k > j` / `D > d` tests only skip the missing columns.
 * Returns how many rows are not scored.
 */
function summaryRows(r: RowPass): number {
	const { S, dw, D, groups, rows, count, cls, covT, K, minCov, plan, fuse } = r;
	const { gh, odd, T } = r.sums;
	const s0 = S[0]!,
		s1 = S[Math.min(1, D - 1)]!,
		s2 = S[Math.min(2, D - 1)]!,
		s3 = S[Math.min(3, D - 1)]!;
	const k = fuse ? fuse.acc.k : 0;
	const e = fuse ? fuse.d : -1;
	const cols = fuse ? fuse.acc.cols : [s0];
	const q0 = cols[0] ?? s0,
		q1 = cols[Math.min(1, k - 1)] ?? s0,
		q2 = cols[Math.min(2, k - 1)] ?? s0,
		q3 = cols[Math.min(3, k - 1)] ?? s0;
	const wm = fuse ? fuse.acc.wm : new Float64Array(0);
	const fill = fuse ? fuse.acc.fill : new Float64Array(0);
	const f0 = fill[0] ?? NaN,
		f1 = fill[1] ?? NaN,
		f2 = fill[2] ?? NaN,
		f3 = fill[3] ?? NaN;
	const W0 = dw[0]!,
		W1 = dw[Math.min(1, D - 1)]!,
		W2 = dw[Math.min(2, D - 1)]!,
		W3 = dw[Math.min(3, D - 1)]!;
	const one = groups === null;
	const M0 = wm[0] ?? 0,
		M1 = wm[1] ?? 0,
		M2 = wm[2] ?? 0,
		M3 = wm[3] ?? 0;
	let notScored = 0;
	for (let at = 0; at < count; at++) {
		const i = rows === null ? at : rows[at]!;
		const g = groups === null ? 0 : groups[i]!;
		let fv = NaN;
		if (fuse !== null) {
			if (k === 0) fv = NaN;
			else {
				const o = g * k;
				let nm = 0;
				let dn = 0;
				let p = q0[i]!;
				let w = one ? M0 : wm[o]!;
				if (p !== p) {
					if (f0 === f0) {
						nm += w * f0;
						dn += w;
					}
				} else {
					nm += w * p;
					dn += w;
				}
				if (k > 1) {
					p = q1[i]!;
					w = one ? M1 : wm[o + 1]!;
					if (p !== p) {
						if (f1 === f1) {
							nm += w * f1;
							dn += w;
						}
					} else {
						nm += w * p;
						dn += w;
					}
				}
				if (k > 2) {
					p = q2[i]!;
					w = one ? M2 : wm[o + 2]!;
					if (p !== p) {
						if (f2 === f2) {
							nm += w * f2;
							dn += w;
						}
					} else {
						nm += w * p;
						dn += w;
					}
				}
				if (k > 3) {
					p = q3[i]!;
					w = one ? M3 : wm[o + 3]!;
					if (p !== p) {
						if (f3 === f3) {
							nm += w * f3;
							dn += w;
						}
					} else {
						nm += w * p;
						dn += w;
					}
				}
				fv = dn > 0 ? nm / dn : NaN;
			}
		}
		const o = g * D;
		let nm = 0;
		let dn = 0;
		let v = e === 0 ? fv : s0[i]!;
		let w = one ? W0 : dw[o]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		if (D > 1) {
			v = e === 1 ? fv : s1[i]!;
			w = one ? W1 : dw[o + 1]!;
			if (w > 0 && v === v) {
				nm += w * v;
				dn += w;
			}
		}
		if (D > 2) {
			v = e === 2 ? fv : s2[i]!;
			w = one ? W2 : dw[o + 2]!;
			if (w > 0 && v === v) {
				nm += w * v;
				dn += w;
			}
		}
		if (D > 3) {
			v = e === 3 ? fv : s3[i]!;
			w = one ? W3 : dw[o + 3]!;
			if (w > 0 && v === v) {
				nm += w * v;
				dn += w;
			}
		}
		if (!isScored(dn, covT[g * K + cls[i]!]!, minCov[g]!)) {
			notScored++;
			continue;
		}
		const sh = shownOf(nm / dn);
		if (sh >= 0 && sh < HIST_BINS) gh[g * HIST_BINS + sh]!++;
		else {
			const t = tierIndex(plan.groups[g]!.tiers, sh);
			if (t >= 0) odd[g * T + t]!++;
		}
	}
	return notScored;
}

interface Sums {
	/** Rows on show per group g and shown score r, at g × HIST_BINS + r. */
	gh: Uint32Array;
	/** Rows on show per group g and tier t (g × T + t) whose shown score is outside 0…100. */
	odd: Uint32Array;
	T: number;
}

/** Whether a row with these sums is scored (the engine's test). */
function isScored(den: number, cov: number, minCov: number): boolean {
	return den > 0 && cov > 0 && cov + COVERAGE_EPSILON >= minCov;
}

/** Score, shown score, tier and coverage of one block's rows into the per-row arrays. */
function finishOut(
	a: Acc,
	minCov: Float64Array,
	tierOf: Int8Array,
	plan: CombinePlan,
	out: AccountArrays
): void {
	const { idx, grp, num, den, cov, len } = a;
	const { score, shown, tier, coverage } = out;
	for (let j = 0; j < len; j++) {
		const i = idx[j]!;
		const g = grp[j]!;
		const c = cov[j]!;
		const dn = den[j]!;
		coverage[i] = c;
		if (!isScored(dn, c, minCov[g]!)) {
			score[i] = NaN;
			shown[i] = NaN;
			tier[i] = -1;
			continue;
		}
		const sc = num[j]! / dn;
		const r = shownOf(sc);
		score[i] = sc;
		shown[i] = r;
		tier[i] =
			r >= 0 && r < HIST_BINS ? tierOf[g * HIST_BINS + r]! : tierIndex(plan.groups[g]!.tiers, r);
	}
}

/** Counts of one block's rows per group and shown score; returns how many are not scored. */
function summariseBlock(a: Acc, minCov: Float64Array, plan: CombinePlan, sums: Sums): number {
	const { grp, num, den, cov, len } = a;
	const { gh, odd, T } = sums;
	let notScored = 0;
	for (let j = 0; j < len; j++) {
		const g = grp[j]!;
		const dn = den[j]!;
		if (!isScored(dn, cov[j]!, minCov[g]!)) {
			notScored++;
			continue;
		}
		const r = shownOf(num[j]! / dn);
		if (r >= 0 && r < HIST_BINS) gh[g * HIST_BINS + r]!++;
		else {
			const t = tierIndex(plan.groups[g]!.tiers, r);
			if (t >= 0) odd[g * T + t]!++;
		}
	}
	return notScored;
}

/** `tierIndexFor` on a shown score that is a number. */
function tierIndex(tiers: readonly { min: number }[], shown: number): number {
	for (let t = 0; t < tiers.length; t++) if (shown >= tiers[t]!.min) return t;
	return -1;
}
