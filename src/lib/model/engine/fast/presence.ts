/**
 * Rows grouped by which metrics have a real value (the presence pattern of their metric points):
 * a row's coverage depends on its pattern and its segment group's weights only, so it is one
 * lookup (class × group) in a small table rebuilt per model, instead of D covered-share columns
 * read per row.
 */
import type { CombinePlan } from '../plan';

export interface Presence {
	/** Class of each row (0 … count − 1). */
	cls: Int32Array;
	count: number;
	/** One row of each class (its pattern is the class's). */
	rep: Int32Array;
}

/** Each row's coverage: `table[group × count + cls[row]]`. */
export interface Cover {
	cls: Int32Array;
	count: number;
	table: Float64Array;
}

/**
 * Presence classes of the rows of `points` (metric points in model order, NaN = missing):
 * refined one metric at a time, (class, has value) → dense new class id. count ≤ min(n, 2^M).
 * `into` (length n): the buffer for the classes, else a new one.
 */
export function presenceClasses(
	points: readonly Float64Array[],
	n: number,
	into?: Int32Array
): Presence {
	const cls = into ?? new Int32Array(n);
	cls.fill(0, 0, n);
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
