/**
 * Small statistics the draft needs: present values of a column, quantiles, churn rates per
 * group with shrinkage, and pool-adjacent-violators for monotone rates. Pure, no DOM.
 */
import type { Column } from '$lib/model/types';

/** Labels as the backtest reads them: 1 = churned, 0 = retained, anything else unknown. */
export type Labels = Uint8Array;

/** Rows whose label is 0 or 1 (all rows when `labels` is null), as an index list. */
export function labelledRows(n: number, labels: Labels | null): Int32Array {
	if (!labels) return Int32Array.from({ length: n }, (_, i) => i);
	const out: number[] = [];
	for (let i = 0; i < n; i++) if (labels[i] === 0 || labels[i] === 1) out.push(i);
	return Int32Array.from(out);
}

/** Numeric value of row `i` (NaN when missing or a category column). */
export function numberAt(column: Column, i: number): number {
	return column.kind === 'number' ? column.values[i]! : NaN;
}

/** Sorted finite values of a number column over `rows`. */
export function sortedValues(column: Column, rows: Int32Array): Float64Array {
	if (column.kind !== 'number') return new Float64Array(0);
	const out: number[] = [];
	for (const i of rows) {
		const x = column.values[i]!;
		if (Number.isFinite(x)) out.push(x);
	}
	return Float64Array.from(out).sort();
}

/**
 * Quantile `p` (0–1) of ascending `sorted` values by linear interpolation between order
 * statistics (Hyndman & Fan type 7, numpy's and R's default). NaN when empty.
 */
export function quantile(sorted: Float64Array, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n - 1) * Math.min(1, Math.max(0, p));
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Distinct finite values of a number column over `rows`, stopping past `cap`. */
export function distinctValues(column: Column, rows: Int32Array, cap: number): number[] {
	const seen = new Set<number>();
	if (column.kind !== 'number') return [];
	for (const i of rows) {
		const x = column.values[i]!;
		if (Number.isFinite(x)) seen.add(x);
		if (seen.size > cap) break;
	}
	return [...seen].sort((a, b) => a - b);
}

/** Churners and accounts of one group. */
export interface Rate {
	churned: number;
	total: number;
}

/**
 * Churn rate shrunk towards `base` by `m` pseudo-accounts ((churned + m·base) / (total + m)):
 * a value held by 8 accounts cannot claim a 0 % or 100 % churn rate.
 */
export function shrunkRate(r: Rate, base: number, m = 10): number {
	return (r.churned + m * base) / (r.total + m);
}

/**
 * Pool adjacent violators: the non-increasing sequence closest (weighted least squares) to
 * `rates` with weights `weights` ([Barlow et al. 1972](https://doi.org/10.1002/bimj.19740160318)).
 * Returns, per input position, the index of the pooled block it belongs to and the block rates.
 */
export function poolNonIncreasing(
	rates: readonly number[],
	weights: readonly number[]
): { block: number[]; rates: number[] } {
	const blocks: { rate: number; weight: number; start: number; end: number }[] = [];
	rates.forEach((r, i) => {
		blocks.push({ rate: r, weight: weights[i]!, start: i, end: i });
		while (blocks.length > 1) {
			const b = blocks[blocks.length - 1]!;
			const a = blocks[blocks.length - 2]!;
			if (a.rate >= b.rate) break;
			const w = a.weight + b.weight;
			a.rate = w > 0 ? (a.rate * a.weight + b.rate * b.weight) / w : (a.rate + b.rate) / 2;
			a.weight = w;
			a.end = b.end;
			blocks.pop();
		}
	});
	const block = new Array<number>(rates.length);
	blocks.forEach((b, k) => {
		for (let i = b.start; i <= b.end; i++) block[i] = k;
	});
	return { block, rates: blocks.map((b) => b.rate) };
}

/** A readable breakpoint: 2 significant digits from 100 up, whole numbers kept, else 2 decimals. */
export function niceEdge(x: number): number {
	const a = Math.abs(x);
	if (a >= 100) {
		const p = Math.pow(10, Math.floor(Math.log10(a)) - 1);
		return Math.round(x / p) * p;
	}
	if (Number.isInteger(x)) return x;
	return Math.round(x * 100) / 100;
}
