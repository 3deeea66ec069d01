/**
 * Scores grouped by distinct value: the sorted backbone shared by AUC, ROC, KS, lift, thresholds
 * and the bootstrap. Built by the split sort of PERFORMANCE.md: the scores of churners and of
 * non-churners go into two `Float64Array`s, each sorted with the native (comparator-free) typed
 * sort, then merged once; equal values (ties) fall into one group.
 */

/** Distinct finite scores in ascending order, with how many churners / non-churners hold each. */
export interface ScoreGroups {
	/** Number of groups (distinct scores). */
	count: number;
	/** Distinct scores, ascending; length `count`. */
	values: Float64Array;
	/** Churners (label 1) per group. */
	pos: Float64Array;
	/** Non-churners (label 0) per group. */
	neg: Float64Array;
	/** Total churners. */
	positives: number;
	/** Total non-churners. */
	negatives: number;
	/** Rows with a 0/1 label but a NaN score (not scored): excluded. */
	notScored: number;
	/** Rows whose label is neither 0 nor 1: excluded. */
	unlabelled: number;
}

/**
 * Group `scores` (NaN = not scored) by value, counting labels (1 = churned, 0 = retained; other
 * values are excluded and counted as `unlabelled`). −0 and +0 are one group. O(n log n).
 * @param rows optional subset of row indices to use (e.g. a test fold); default all rows.
 */
export function groupByScore(
	scores: Float64Array,
	labels: Uint8Array,
	rows?: Int32Array
): ScoreGroups {
	const m = rows ? rows.length : scores.length;
	let P = 0;
	let N = 0;
	let notScored = 0;
	let unlabelled = 0;
	for (let t = 0; t < m; t++) {
		const i = rows ? rows[t]! : t;
		const y = labels[i];
		if (y !== 0 && y !== 1) unlabelled++;
		else if (Number.isNaN(scores[i]!)) notScored++;
		else if (y === 1) P++;
		else N++;
	}
	const ps = new Float64Array(P);
	const ns = new Float64Array(N);
	let a = 0;
	let b = 0;
	for (let t = 0; t < m; t++) {
		const i = rows ? rows[t]! : t;
		const s = scores[i]!;
		const y = labels[i];
		if (Number.isNaN(s)) continue;
		if (y === 1) ps[a++] = s;
		else if (y === 0) ns[b++] = s;
	}
	ps.sort();
	ns.sort();
	return mergeSorted(ps, ns, notScored, unlabelled);
}

/** Merge two ascending arrays (churners' and non-churners' scores) into tie groups. */
export function mergeSorted(
	ps: Float64Array,
	ns: Float64Array,
	notScored = 0,
	unlabelled = 0
): ScoreGroups {
	const P = ps.length;
	const N = ns.length;
	const cap = P + N;
	const values = new Float64Array(cap);
	const pos = new Float64Array(cap);
	const neg = new Float64Array(cap);
	let i = 0;
	let j = 0;
	let g = 0;
	while (i < P || j < N) {
		const v = j >= N || (i < P && ps[i]! < ns[j]!) ? ps[i]! : ns[j]!;
		let p = 0;
		while (i < P && ps[i] === v) {
			i++;
			p++;
		}
		let q = 0;
		while (j < N && ns[j] === v) {
			j++;
			q++;
		}
		values[g] = v;
		pos[g] = p;
		neg[g] = q;
		g++;
	}
	return {
		count: g,
		values: values.subarray(0, g),
		pos: pos.subarray(0, g),
		neg: neg.subarray(0, g),
		positives: P,
		negatives: N,
		notScored,
		unlabelled
	};
}

/** Per-row group index into a sorted list of distinct values; −1 for NaN scores. */
export interface RowRanks {
	/** Group index of each row (−1 = not scored). */
	groupOf: Int32Array;
	/** Distinct finite scores, ascending. */
	values: Float64Array;
}

/**
 * The dense rank (0-based index of the distinct value) of every row: native sort of the finite
 * scores, de-duplication, then a binary search per row. Used where the same row must be
 * followed through two orderings (the paired bootstrap). O(n log n).
 */
export function denseRanks(scores: Float64Array): RowRanks {
	const n = scores.length;
	let m = 0;
	for (let i = 0; i < n; i++) if (!Number.isNaN(scores[i]!)) m++;
	const sorted = new Float64Array(m);
	m = 0;
	for (let i = 0; i < n; i++) {
		const s = scores[i]!;
		if (!Number.isNaN(s)) sorted[m++] = s;
	}
	sorted.sort();
	let d = 0;
	for (let i = 0; i < m; i++) {
		if (i === 0 || sorted[i] !== sorted[d - 1]) sorted[d++] = sorted[i]!;
	}
	const values = sorted.slice(0, d);
	const groupOf = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const s = scores[i]!;
		if (Number.isNaN(s)) {
			groupOf[i] = -1;
			continue;
		}
		let lo = 0;
		let hi = d - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (values[mid]! < s) lo = mid + 1;
			else hi = mid;
		}
		groupOf[i] = lo;
	}
	return { groupOf, values };
}
