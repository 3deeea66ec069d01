/**
 * Bootstrap 95 % percentile intervals for the AUC, and for the paired difference in AUC between
 * two scores of the same accounts (champion vs challenger).
 *
 * Speed: the scores are sorted once. Each resample gives every account a Poisson(1) multiplicity
 * (the "Poisson bootstrap", which approximates multinomial resampling for large n:
 * [Hanley & MacGibbon 2006](https://doi.org/10.1016/j.cmpb.2006.09.001),
 * [Chamandy et al. 2012, Google](https://static.googleusercontent.com/media/research.google.com/en//pubs/archive/43157.pdf)),
 * drawn from a 2^16-entry inverse-CDF table, two counts per 32-bit mulberry32 draw (see `rng.ts`),
 * and the weighted Mann–Whitney AUC is computed in one pass over the once-sorted tie groups:
 * AUC* = 1 − Σₖ w⁺ₖ·(2·W⁻₍<k₎ + w⁻ₖ) / (2·W⁺·W⁻), where w±ₖ are the resampled churner /
 * non-churner weights in tie group k and W⁻₍<k₎ the non-churner weight in lower-score groups.
 * No re-sort per resample: O(n) per resample.
 *
 * Interval: percentile method ([Efron & Tibshirani 1993, ch. 13](https://doi.org/10.1201/9780429246593)),
 * quantiles by linear interpolation (Hyndman & Fan type 7, R's default). Resamples that lose every
 * churner or non-churner give no AUC and are dropped (counted in `degenerate`).
 * Deterministic: the same data, seed and resample count give the same interval.
 */
import { denseRanks, groupByScore, type ScoreGroups } from './groups';
import { aucFromGroups } from './metrics';
import { fillPoisson1, POISSON1_TABLE16 } from './rng';

/** Bootstrap options. */
export interface BootstrapOptions {
	/** Resamples (default 1000). */
	resamples?: number;
	/** RNG seed (uint32). */
	seed: number;
	/** Interval coverage, default 0.95. */
	level?: number;
}

/** A point estimate with its percentile interval. */
export interface BootstrapInterval {
	estimate: number;
	lo: number;
	hi: number;
	/** Standard deviation of the resampled statistics (bootstrap standard error). */
	se: number;
	resamples: number;
	/** Resamples dropped because a class was empty. */
	degenerate: number;
	seed: number;
	level: number;
}

/** Type-7 quantile of an ascending array (0 ≤ q ≤ 1). NaN for an empty array. */
export function quantileSorted(sorted: Float64Array, q: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function summarise(
	estimate: number,
	stats: Float64Array,
	valid: number,
	resamples: number,
	seed: number,
	level: number
): BootstrapInterval {
	const s = stats.slice(0, valid).sort();
	let mean = 0;
	for (let i = 0; i < valid; i++) mean += s[i]!;
	mean /= Math.max(1, valid);
	let v = 0;
	for (let i = 0; i < valid; i++) v += (s[i]! - mean) ** 2;
	const a = (1 - level) / 2;
	return {
		estimate,
		lo: quantileSorted(s, a),
		hi: quantileSorted(s, 1 - a),
		se: valid > 1 ? Math.sqrt(v / (valid - 1)) : NaN,
		resamples,
		degenerate: resamples - valid,
		seed,
		level
	};
}

/**
 * One byte per account in ascending-score order: bit 0 = churner, bit 1 = last row of its tie
 * group. Churners come first within a tie group, which does not matter: weights are i.i.d.
 */
export function sortedCodes(g: ScoreGroups): Uint8Array {
	const code = new Uint8Array(g.positives + g.negatives);
	let r = 0;
	for (let k = 0; k < g.count; k++) {
		const p = g.pos[k]!;
		code.fill(1, r, r + p);
		r += p + g.neg[k]!;
		code[r - 1]! |= 2;
	}
	return code;
}

const GOLDEN = 0x6d2b79f5;

/**
 * The mulberry32 state at the start of resample `r`: each resample of `n` accounts consumes
 * ⌈n/2⌉ uint32 draws (two Poisson counts per draw, see `fillPoisson1`), and mulberry32's state
 * is a counter advanced by a constant per draw, so the stream can be entered at any resample
 * (state₀ + r·⌈n/2⌉·0x6d2b79f5 mod 2³²). This is what lets resamples be split across workers
 * and still give the same numbers as one sequential stream.
 */
export function resampleState(seed: number, n: number, r: number): number {
	return (seed + Math.imul(Math.imul(r, (n + 1) >>> 1), GOLDEN)) >>> 0;
}

/**
 * The weighted AUC of resamples `from` … `to − 1` (NaN where a class lost every account), in
 * resample order. Each resample gives the account in sorted position i the Poisson(1) count of
 * the i-th 16-bit half of its uint32 draws (low half first), exactly as `fillPoisson1` fills its
 * array, and sums in one pass:
 * AUC* = 1 − Σₖ w⁺ₖ·(2·W⁻₍<k₎ + w⁻ₖ) / (2·W⁺·W⁻). The draws are inlined in the pass (no weight
 * array): ~3 ns per account and resample.
 */
export function aucResamples(
	code: Uint8Array,
	seed: number,
	from: number,
	to: number
): Float64Array {
	const n = code.length;
	const out = new Float64Array(Math.max(0, to - from));
	let distinct = true;
	for (let i = 0; i < n; i++) if (code[i]! < 2) distinct = false;
	for (let r = from; r < to; r++) {
		const a = resampleState(seed, n, r);
		out[r - from] = distinct ? distinctPass(code, a) : tiedPass(code, a);
	}
	return out;
}

/** One resample when every tie group is one account: 2·Σ over churners of w·W⁻ below it. */
function distinctPass(code: Uint8Array, state: number): number {
	const T = POISSON1_TABLE16;
	const n = code.length;
	let a = state;
	let negBefore = 0;
	let half = 0;
	let Wp = 0;
	let i = 0;
	for (; i + 1 < n; i += 2) {
		a = (a + GOLDEN) | 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		t ^= t >>> 14;
		const w0 = T[t & 0xffff]!;
		const p0 = w0 * (code[i]! & 1);
		half += p0 * negBefore;
		Wp += p0;
		negBefore += w0 - p0;
		const w1 = T[t >>> 16]!;
		const p1 = w1 * (code[i + 1]! & 1);
		half += p1 * negBefore;
		Wp += p1;
		negBefore += w1 - p1;
	}
	if (i < n) {
		a = (a + GOLDEN) | 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		t ^= t >>> 14;
		const w0 = T[t & 0xffff]!;
		const p0 = w0 * (code[i]! & 1);
		half += p0 * negBefore;
		Wp += p0;
		negBefore += w0 - p0;
	}
	// Integer sums below 2^53, so 2·half is the same number as the grouped sum.
	return Wp === 0 || negBefore === 0 ? NaN : 1 - (2 * half) / (2 * Wp * negBefore);
}

/** One resample with tie groups: sums per group, closed at each group's last row (bit 1). */
function tiedPass(code: Uint8Array, state: number): number {
	const T = POISSON1_TABLE16;
	const n = code.length;
	let a = state;
	let negBefore = 0;
	let twice = 0;
	let Wp = 0;
	let gp = 0;
	let gw = 0;
	for (let i = 0; i < n; i += 2) {
		a = (a + GOLDEN) | 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		t ^= t >>> 14;
		const w0 = T[t & 0xffff]!;
		const c0 = code[i]!;
		gp += w0 * (c0 & 1);
		gw += w0;
		if (c0 >= 2) {
			const gn = gw - gp;
			twice += gp * (2 * negBefore + gn);
			negBefore += gn;
			Wp += gp;
			gp = 0;
			gw = 0;
		}
		if (i + 1 === n) break;
		const w1 = T[t >>> 16]!;
		const c1 = code[i + 1]!;
		gp += w1 * (c1 & 1);
		gw += w1;
		if (c1 >= 2) {
			const gn = gw - gp;
			twice += gp * (2 * negBefore + gn);
			negBefore += gn;
			Wp += gp;
			gp = 0;
			gw = 0;
		}
	}
	return Wp === 0 || negBefore === 0 ? NaN : 1 - twice / (2 * Wp * negBefore);
}

/**
 * The interval from resampled AUCs (any order; NaN = degenerate resample, dropped), as
 * {@link bootstrapAucGroups} returns it.
 */
export function intervalFromResamples(
	estimate: number,
	resampled: Float64Array,
	seed: number,
	level = 0.95
): BootstrapInterval {
	const stats = new Float64Array(resampled.length);
	let valid = 0;
	for (const a of resampled) if (!Number.isNaN(a)) stats[valid++] = a;
	return summarise(estimate, stats, valid, resampled.length, seed, level);
}

/**
 * AUC (risk = 100 − score) with a bootstrap percentile interval. NaN scores and labels other
 * than 0/1 are excluded. Accounts are laid out once in score order (churners first within a tie
 * group, which does not matter: weights are i.i.d.), so each resample is one sequential pass.
 */
export function bootstrapAuc(
	scores: Float64Array,
	labels: Uint8Array,
	opts: BootstrapOptions
): BootstrapInterval {
	return bootstrapAucGroups(groupByScore(scores, labels), opts);
}

/** {@link bootstrapAuc} on already-built tie groups. */
export function bootstrapAucGroups(g: ScoreGroups, opts: BootstrapOptions): BootstrapInterval {
	const B = opts.resamples ?? 1000;
	const resampled = aucResamples(sortedCodes(g), opts.seed >>> 0, 0, B);
	return intervalFromResamples(aucFromGroups(g), resampled, opts.seed, opts.level ?? 0.95);
}

/** Result of {@link bootstrapAucDifference}. */
export interface PairedAucResult {
	/** Rows scored by both models and labelled 0/1 (the paired sample). */
	n: number;
	champion: number;
	challenger: number;
	/** challenger − champion, with its paired bootstrap interval. */
	difference: BootstrapInterval;
	/** Share of valid resamples in which the challenger's AUC was higher. */
	challengerBetterShare: number;
}

/**
 * Paired bootstrap of ΔAUC = AUC(challenger) − AUC(champion) on the same rows: each resample
 * gives one Poisson(1) weight per account, used for both scores, so the correlation between the
 * two models is kept. Each score's row order is built once (native sort of the values, dense
 * ranks, counting sort of the rows); a resample reads the weights through the two orders. Rows where either score is NaN, or the label is not 0/1, are dropped.
 */
export function bootstrapAucDifference(
	champion: Float64Array,
	challenger: Float64Array,
	labels: Uint8Array,
	opts: BootstrapOptions
): PairedAucResult {
	const n0 = Math.min(champion.length, challenger.length, labels.length);
	let m = 0;
	for (let i = 0; i < n0; i++) {
		if (ok(champion[i]!, challenger[i]!, labels[i]!)) m++;
	}
	const a = new Float64Array(m);
	const b = new Float64Array(m);
	const y = new Uint8Array(m);
	m = 0;
	for (let i = 0; i < n0; i++) {
		if (!ok(champion[i]!, challenger[i]!, labels[i]!)) continue;
		a[m] = champion[i]!;
		b[m] = challenger[i]!;
		y[m] = labels[i]!;
		m++;
	}
	const ra = denseRanks(a);
	const rb = denseRanks(b);
	const oa = orderByRank(ra.groupOf, ra.values.length, y);
	const ob = orderByRank(rb.groupOf, rb.values.length, y);
	const one = new Uint8Array(m).fill(1);
	const aucA = weightedOrderedAuc(oa.order, oa.y, oa.end, one);
	const aucB = weightedOrderedAuc(ob.order, ob.y, ob.end, one);
	const B = opts.resamples ?? 1000;
	const level = opts.level ?? 0.95;
	const state = Uint32Array.of(opts.seed >>> 0);
	const weights = new Uint8Array(m);
	const stats = new Float64Array(B);
	let valid = 0;
	let better = 0;
	for (let r = 0; r < B; r++) {
		fillPoisson1(weights, state);
		const d =
			weightedOrderedAuc(ob.order, ob.y, ob.end, weights) -
			weightedOrderedAuc(oa.order, oa.y, oa.end, weights);
		if (!Number.isNaN(d)) {
			stats[valid++] = d;
			if (d > 0) better++;
		}
	}
	return {
		n: m,
		champion: aucA,
		challenger: aucB,
		difference: summarise(aucB - aucA, stats, valid, B, opts.seed, level),
		challengerBetterShare: valid > 0 ? better / valid : NaN
	};
}

function ok(a: number, b: number, y: number): boolean {
	return !Number.isNaN(a) && !Number.isNaN(b) && (y === 0 || y === 1);
}

/**
 * Rows in ascending-score order from their dense ranks, by a counting sort (O(n), no comparator),
 * with labels in that order and tie-group ends.
 */
function orderByRank(
	groupOf: Int32Array,
	G: number,
	labels: Uint8Array
): { order: Int32Array; y: Uint8Array; end: Uint8Array } {
	const n = groupOf.length;
	const start = new Int32Array(G + 1);
	for (let i = 0; i < n; i++) start[groupOf[i]! + 1]!++;
	for (let k = 0; k < G; k++) start[k + 1]! += start[k]!;
	const next = start.slice(0, G);
	const order = new Int32Array(n);
	for (let i = 0; i < n; i++) order[next[groupOf[i]!]!++] = i;
	const y = new Uint8Array(n);
	const end = new Uint8Array(n);
	for (let r = 0; r < n; r++) y[r] = labels[order[r]!]!;
	for (let k = 1; k <= G; k++) if (start[k]! > 0) end[start[k]! - 1] = 1;
	return { order, y, end };
}

/** Weighted AUC over a sorted row order; weights are read per row through `order`. */
function weightedOrderedAuc(
	order: Int32Array,
	y: Uint8Array,
	end: Uint8Array,
	w: Uint8Array
): number {
	let negBefore = 0;
	let twice = 0;
	let Wp = 0;
	let gp = 0;
	let gn = 0;
	for (let r = 0; r < order.length; r++) {
		const wr = w[order[r]!]!;
		const yr = y[r]!;
		gp += wr * yr;
		gn += wr - wr * yr;
		if (end[r] === 1) {
			twice += gp * (2 * negBefore + gn);
			negBefore += gn;
			Wp += gp;
			gp = 0;
			gn = 0;
		}
	}
	if (Wp === 0 || negBefore === 0) return NaN;
	return 1 - twice / (2 * Wp * negBefore);
}
