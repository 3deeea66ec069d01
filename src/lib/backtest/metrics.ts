/**
 * Discrimination: ROC AUC, the ROC curve and the Kolmogorov–Smirnov statistic.
 *
 * Convention: scores are health scores (higher = healthier), labels 1 = churned. The risk is
 * `100 − score`; since that is a strictly decreasing transform, every quantity is computed on the
 * score order itself (no subtraction, so no rounding can merge two distinct scores into a tie).
 *
 * AUC = P(risk of a random churner > risk of a random non-churner) + ½ P(tie), i.e. the
 * Mann–Whitney U statistic divided by P·N
 * ([Hanley & McNeil 1982](https://doi.org/10.1148/radiology.143.1.7063747);
 * [Fawcett 2006, "An introduction to ROC analysis"](https://doi.org/10.1016/j.patrec.2005.10.010)).
 */
import { groupByScore, type ScoreGroups } from './groups';

/** One ROC point: flag as at-risk every account whose score ≤ `threshold`. */
export interface RocPoint {
	/** False-positive rate (non-churners flagged / non-churners), 0–1. */
	fpr: number;
	/** True-positive rate (churners flagged / churners), 0–1. */
	tpr: number;
	/** Highest score flagged; −Infinity for the (0, 0) start point. */
	threshold: number;
}

/** Result of {@link rocAnalysis}. */
export interface RocResult {
	/** ROC AUC of risk = 100 − score; NaN without both churners and non-churners. */
	auc: number;
	positives: number;
	negatives: number;
	notScored: number;
	unlabelled: number;
	/** Curve from (0, 0) to (1, 1), downsampled to at most `maxPoints` (+ the two ends). */
	points: RocPoint[];
	/** KS = max over thresholds of |TPR − FPR|, computed on every distinct score (not downsampled). */
	ks: number;
	/** Score where KS is reached: accounts with score ≤ it are flagged. NaN if undefined. */
	ksThreshold: number;
}

/**
 * AUC from tie groups in one pass: Σ over groups of pos·(2·(negatives scored higher) + neg),
 * divided by 2·P·N (ties count ½). Integer sums are exact up to 2^53.
 */
export function aucFromGroups(g: ScoreGroups): number {
	const P = g.positives;
	const N = g.negatives;
	if (P === 0 || N === 0) return NaN;
	let negSeen = 0;
	let twice = 0;
	const { pos, neg, count } = g;
	for (let k = 0; k < count; k++) {
		const q = neg[k]!;
		negSeen += q;
		twice += pos[k]! * (2 * (N - negSeen) + q);
	}
	return twice / (2 * P * N);
}

/** Below this many scored, labelled rows the split sort is as fast as the buckets. */
export const BUCKET_AUC_MIN_ROWS = 4096;

/**
 * ROC AUC of risk = 100 − score, without sorting every score (issue 15: "an AUC within 2× one
 * sort"). NaN scores and labels other than 0/1 are skipped; NaN if a class is empty.
 *
 * The scores are spread over about n/4 buckets by `⌊(s − min) · B / (max − min)⌋`. Each step of
 * that map (subtract, multiply by a positive constant, floor) is monotone in IEEE arithmetic, so
 * a lower bucket holds only lower scores and tied scores share a bucket. A churner in a lower
 * bucket than a non-churner is always scored lower (2 in the doubled count); pairs sharing a
 * bucket are compared directly — all pairs when the bucket is small, else the split sort + merge
 * of that bucket. The doubled count is the same integer, below 2^53, as the sort's, so the
 * result is the same double ({@link rocAucBySort}; tested against it).
 */
export function rocAuc(
	scores: Float64Array,
	labels: Uint8Array,
	rows?: Int32Array,
	minRows = BUCKET_AUC_MIN_ROWS
): number {
	const m = rows ? rows.length : scores.length;
	let P = 0;
	let N = 0;
	let min = Infinity;
	let max = -Infinity;
	for (let t = 0; t < m; t++) {
		const i = rows ? rows[t]! : t;
		const y = labels[i];
		const s = scores[i]!;
		if ((y === 0 || y === 1) && !Number.isNaN(s)) {
			if (y === 1) P++;
			else N++;
			if (s < min) min = s;
			if (s > max) max = s;
		}
	}
	if (P === 0 || N === 0) return NaN;
	const span = max - min;
	if (P + N < minRows || !(span > 0) || !Number.isFinite(span))
		return rocAucBySort(scores, labels, rows);
	const B = Math.max(16, (P + N) >>> 2);
	const scale = B / span;
	const top = B - 1;
	// Bucket of each kept row, and each bucket's churners and non-churners.
	const bucketOf = new Int32Array(m);
	const posIn = new Int32Array(B);
	const negIn = new Int32Array(B);
	for (let t = 0; t < m; t++) {
		const i = rows ? rows[t]! : t;
		const y = labels[i];
		const s = scores[i]!;
		if ((y !== 0 && y !== 1) || Number.isNaN(s)) {
			bucketOf[t] = -1;
			continue;
		}
		const b = Math.min(top, Math.floor((s - min) * scale));
		bucketOf[t] = b;
		if (y === 1) posIn[b]!++;
		else negIn[b]!++;
	}
	// Cross-bucket pairs, and where each mixed bucket's values start once grouped.
	let twice = 0;
	let posBelow = 0;
	const posAt = new Int32Array(B);
	const negAt = new Int32Array(B);
	let pa = 0;
	let na = 0;
	for (let b = 0; b < B; b++) {
		const p = posIn[b]!;
		const q = negIn[b]!;
		twice += 2 * q * posBelow;
		posBelow += p;
		posAt[b] = pa;
		negAt[b] = na;
		if (p > 0 && q > 0) {
			pa += p;
			na += q;
		}
	}
	if (pa === 0) return twice / (2 * P * N);
	// Group the values of mixed buckets only (a counting sort by bucket).
	const posVals = new Float64Array(pa);
	const negVals = new Float64Array(na);
	const posFill = posAt.slice();
	const negFill = negAt.slice();
	for (let t = 0; t < m; t++) {
		const b = bucketOf[t]!;
		if (b < 0 || posIn[b] === 0 || negIn[b] === 0) continue;
		const i = rows ? rows[t]! : t;
		if (labels[i] === 1) posVals[posFill[b]!++] = scores[i]!;
		else negVals[negFill[b]!++] = scores[i]!;
	}
	for (let b = 0; b < B; b++) {
		const p = posIn[b]!;
		const q = negIn[b]!;
		if (p === 0 || q === 0) continue;
		const ps = posAt[b]!;
		const ns = negAt[b]!;
		if (p * q <= 256) {
			for (let x = ps; x < ps + p; x++) {
				const v = posVals[x]!;
				for (let z = ns; z < ns + q; z++) {
					const w = negVals[z]!;
					twice += v < w ? 2 : v === w ? 1 : 0;
				}
			}
		} else
			twice += mergeCount(posVals.subarray(ps, ps + p).sort(), negVals.subarray(ns, ns + q).sort());
	}
	return twice / (2 * P * N);
}

/**
 * Doubled count of (churner, non-churner) pairs with the churner scored lower (2) or tied (1),
 * from both classes' scores sorted ascending: one merge walk.
 */
function mergeCount(ps: Float64Array, ns: Float64Array): number {
	const P = ps.length;
	const N = ns.length;
	let j = 0;
	let twice = 0;
	let i = 0;
	while (i < P) {
		const v = ps[i]!;
		let p = 0;
		while (i < P && ps[i] === v) {
			i++;
			p++;
		}
		while (j < N && ns[j]! < v) j++;
		let q = 0;
		while (j < N && ns[j] === v) {
			j++;
			q++;
		}
		twice += p * (2 * (N - j) + q);
	}
	return twice;
}

/**
 * ROC AUC of risk = 100 − score by the split sort + merge (PERFORMANCE.md, step e): the
 * reference for {@link rocAuc}, and its path for small or degenerate inputs.
 * NaN scores and labels other than 0/1 are skipped. NaN if a class is empty.
 *
 * Same sums as {@link aucFromGroups} on {@link groupByScore}, without building the groups: the
 * churners' and non-churners' scores go into the two halves of one buffer, each half is sorted
 * natively, and one merge walk adds, per distinct churner score, its churners ×
 * (2 · non-churners scored higher + non-churners tied). Every term and partial sum is an integer
 * below 2^53, so the result is the same double as the grouped path.
 */
export function rocAucBySort(scores: Float64Array, labels: Uint8Array, rows?: Int32Array): number {
	const m = rows ? rows.length : scores.length;
	let P = 0;
	let N = 0;
	for (let t = 0; t < m; t++) {
		const i = rows ? rows[t]! : t;
		const y = labels[i];
		if ((y === 0 || y === 1) && !Number.isNaN(scores[i]!)) {
			if (y === 1) P++;
			else N++;
		}
	}
	if (P === 0 || N === 0) return NaN;
	const buf = new Float64Array(P + N);
	let a = 0;
	let b = P;
	for (let t = 0; t < m; t++) {
		const i = rows ? rows[t]! : t;
		const s = scores[i]!;
		const y = labels[i];
		if (Number.isNaN(s)) continue;
		if (y === 1) buf[a++] = s;
		else if (y === 0) buf[b++] = s;
	}
	return mergeCount(buf.subarray(0, P).sort(), buf.subarray(P).sort()) / (2 * P * N);
}

/**
 * AUC, ROC curve and KS in one sweep over the score groups (ascending score = descending risk).
 * @param maxPoints upper bound on curve points kept for charts (default 200): points are kept
 *   when the path length TPR + FPR (0 → 2) crosses each of `maxPoints` equal steps, so steep and
 *   flat parts keep their shape. AUC and KS always use every distinct score.
 */
export function rocAnalysis(
	scores: Float64Array,
	labels: Uint8Array,
	maxPoints = 200,
	rows?: Int32Array
): RocResult {
	return rocFromGroups(groupByScore(scores, labels, rows), maxPoints);
}

/** {@link rocAnalysis} on already-built groups. */
export function rocFromGroups(g: ScoreGroups, maxPoints = 200): RocResult {
	const P = g.positives;
	const N = g.negatives;
	const base = {
		positives: P,
		negatives: N,
		notScored: g.notScored,
		unlabelled: g.unlabelled
	};
	if (P === 0 || N === 0) {
		return { ...base, auc: NaN, points: [], ks: NaN, ksThreshold: NaN };
	}
	const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: -Infinity }];
	const step = 2 / Math.max(1, maxPoints);
	let nextMark = step;
	let cp = 0;
	let cn = 0;
	let ks = 0;
	let ksThreshold = NaN;
	for (let k = 0; k < g.count; k++) {
		cp += g.pos[k]!;
		cn += g.neg[k]!;
		const tpr = cp / P;
		const fpr = cn / N;
		const d = Math.abs(tpr - fpr);
		if (d > ks) {
			ks = d;
			ksThreshold = g.values[k]!;
		}
		const last = k === g.count - 1;
		if (last || tpr + fpr >= nextMark) {
			points.push({ fpr, tpr, threshold: g.values[k]! });
			while (nextMark <= tpr + fpr) nextMark += step;
		}
	}
	return { ...base, auc: aucFromGroups(g), points, ks, ksThreshold };
}
