/**
 * The order of an array of numbers, for the statistics that rank or walk values in order
 * (average ranks, the c-index, Kaplan–Meier and the log-rank test): one radix sort of the
 * values' bits instead of a comparison sort of row indices.
 */

import { Scratch } from '$lib/model/scratch';

/**
 * Positions of `values` (no NaN) in ascending order of value; equal values (−0 and 0 too) take
 * consecutive places, in no particular order among themselves. A radix sort from
 * {@link RADIX_FROM} values, else a native sort. Written into `into` (length n) when given.
 */
export function ascendingOrder(values: Float64Array, into?: Int32Array): Int32Array {
	const order = into ?? new Int32Array(values.length);
	return values.length >= RADIX_FROM ? radixOrder(values, order) : nativeOrder(values, order);
}

/** The radix sort's keys, spare order and digit counts (see scratch.ts). */
const work = new Scratch();

/** Fewest values ranked by a radix sort (below, a native sort is as fast). */
export const RADIX_FROM = 2048;

/** `ascendingOrder` by a native sort. */
function nativeOrder(vals: Float64Array, order: Int32Array): Int32Array {
	const sorted = vals.slice().sort();
	// Equal values take consecutive slots (their order among themselves does not matter).
	const next = new Map<number, number>();
	for (let k = sorted.length - 1; k >= 0; k--) next.set(sorted[k]!, k);
	for (let i = 0; i < vals.length; i++) {
		const k = next.get(vals[i]!)!;
		order[k] = i;
		next.set(vals[i]!, k + 1);
	}
	return order;
}

/**
 * `ascendingOrder` by an LSD radix sort, 16 bits per pass, of each double's bits made to sort as unsigned integers (negative: every bit
 * flipped; otherwise the sign bit set). Passes where every value has the same digit are skipped.
 */
function radixOrder(vals: Float64Array, into: Int32Array): Int32Array {
	const m = vals.length;
	const words = new Uint32Array(vals.buffer, vals.byteOffset, 2 * m);
	const hi = work.u32('hi', m);
	const lo = work.u32('lo', m);
	for (let i = 0; i < m; i++) {
		const h = words[2 * i + 1]!;
		const l = words[2 * i]!;
		const negative = h >>> 31 === 1;
		hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
		lo[i] = negative ? ~l >>> 0 : l;
	}
	let order = into;
	for (let i = 0; i < m; i++) order[i] = i;
	let spare = work.i32('spare', m);
	const count = work.i32('count', 1 << 16);
	for (let pass = 0; pass < 4; pass++) {
		const key = pass < 2 ? lo : hi;
		const shift = pass % 2 === 0 ? 0 : 16;
		count.fill(0);
		for (let i = 0; i < m; i++) count[(key[i]! >>> shift) & 0xffff]!++;
		if (count[(key[0]! >>> shift) & 0xffff] === m) continue;
		let sum = 0;
		for (let d = 0; d < 1 << 16; d++) {
			const c = count[d]!;
			count[d] = sum;
			sum += c;
		}
		for (let k = 0; k < m; k++) {
			const i = order[k]!;
			spare[count[(key[i]! >>> shift) & 0xffff]!++] = i;
		}
		[order, spare] = [spare, order];
	}
	if (order !== into) into.set(order);
	return into;
}
