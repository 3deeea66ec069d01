/**
 * Percentile points: 100 × SQL `percent_rank()` among the rows that have a value, in the whole
 * portfolio or per segment: (rank − 1) / (n − 1), ties share the lowest rank, 0 when n = 1.
 * Ascending for `higher` (the smallest value scores 0), descending for `lower`.
 * Non-finite values are missing (NaN points) and take no part in the ranking.
 * Implementation: values grouped by key into one Float64Array, each group sorted natively
 * (typed-array sort, no comparator), then each row's rank found by binary search.
 */
import type { Direction } from './types';

/** Index of the first element ≥ x (`strict` false) or > x (`strict` true) in sorted[lo, hi). */
function search(sorted: Float64Array, lo: number, hi: number, x: number, strict: boolean) {
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const y = sorted[mid]!;
		if (y < x || (strict && y === x)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Count of rows with a finite value per key, as start offsets (length keyCount + 1). */
function groupOffsets(values: Float64Array, keys: Int32Array | null, keyCount: number) {
	const start = new Int32Array(keyCount + 1);
	for (let i = 0; i < values.length; i++)
		if (Number.isFinite(values[i]!)) start[(keys ? keys[i]! : 0) + 1]! += 1;
	for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
	return start;
}

/**
 * Percentile points of each row into `out`. `keys` (dense, ≥ 0) ranks within each key; null
 * ranks the whole column together.
 */
export function percentilePoints(
	values: Float64Array,
	keys: Int32Array | null,
	direction: Direction,
	out: Float64Array
): void {
	const n = values.length;
	let keyCount = 1;
	if (keys) for (let i = 0; i < n; i++) keyCount = Math.max(keyCount, keys[i]! + 1);
	const start = groupOffsets(values, keys, keyCount);
	const fill = start.slice(0, keyCount);
	const sorted = new Float64Array(start[keyCount]!);
	for (let i = 0; i < n; i++) {
		const x = values[i]!;
		if (Number.isFinite(x)) sorted[fill[keys ? keys[i]! : 0]!++] = x === 0 ? 0 : x;
	}
	for (let k = 0; k < keyCount; k++) sorted.subarray(start[k]!, start[k + 1]!).sort();
	for (let i = 0; i < n; i++) {
		const x = values[i]!;
		if (!Number.isFinite(x)) {
			out[i] = NaN;
			continue;
		}
		const k = keys ? keys[i]! : 0;
		const lo = start[k]!;
		const hi = start[k + 1]!;
		const count = hi - lo;
		if (count <= 1) {
			out[i] = 0;
			continue;
		}
		const better =
			direction === 'higher'
				? search(sorted, lo, hi, x, false) - lo
				: hi - search(sorted, lo, hi, x, true);
		out[i] = (100 * better) / (count - 1);
	}
}
