import { describe, expect, it } from 'vitest';
import { PSI_EPSILON, psi, psiReading } from './psi';
import { mulberry32, uniform } from './rng';

describe('psi', () => {
	it('hand-computed case', () => {
		// Expected 1..8 in 4 bins: edges 2, 4, 6, +∞ → shares ¼ each.
		// Actual [1,1,1,1,3,5,7,8] → ½, ⅛, ⅛, ¼.
		// PSI = (½−¼)·ln 2 + 2·(⅛−¼)·ln ½ + 0 = ¼ ln 2 + ¼ ln 2 = ½ ln 2 = 0.3465735903.
		const r = psi([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 1, 1, 3, 5, 7, 8], 4);
		expect(r.edges).toEqual([2, 4, 6, Infinity]);
		expect(r.expectedShare).toEqual([0.25, 0.25, 0.25, 0.25]);
		expect(r.actualShare).toEqual([0.5, 0.125, 0.125, 0.25]);
		expect(r.psi).toBeCloseTo(0.3465735903, 9);
		expect(psiReading(r.psi)).toBe('major shift');
	});
	it('empty bins are floored at 0.0001', () => {
		// Actual [1,1,2,2] → 1, 0, 0, 0: (1−¼)·ln 4 + 3·(0.0001−¼)·ln(0.0001/¼)
		// = 0.75 × 1.3862944 + 3 × (−0.2499) × (−7.8240460) = 1.0397208 + 5.8656873 = 6.9054081
		expect(psi([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 2, 2], 4).psi).toBeCloseTo(6.9054081, 6);
	});
	it('same distribution → 0; few distinct values → fewer bins; NaN ignored', () => {
		expect(psi([1, 2, 3, 4], [4, 3, 2, 1, NaN]).psi).toBe(0);
		const r = psi([0, 0, 0, 1, 1, NaN], [0, 1, 1, 1]);
		expect(r.edges).toEqual([0, Infinity]);
		expect(r.expectedN).toBe(5);
		// (¼−⅗)·ln(¼/⅗) + (¾−⅖)·ln(¾/⅖) = 0.3064 + 0.2200 = 0.5264
		expect(r.psi).toBeCloseTo(
			(0.25 - 0.6) * Math.log(0.25 / 0.6) + (0.75 - 0.4) * Math.log(0.75 / 0.4),
			12
		);
		expect(psiReading(0.05)).toBe('stable');
		expect(psiReading(0.2)).toBe('some shift');
		expect(psi([], [1]).psi).toBeNaN();
	});
});

/** The first path: both sides sorted, counted in one sweep (the oracle for the counted side). */
function psiSortedBoth(expected: ArrayLike<number>, actual: ArrayLike<number>, bins = 10) {
	const sorted = (v: ArrayLike<number>) =>
		Float64Array.from(Array.from(v).filter(Number.isFinite)).sort();
	const e = sorted(expected);
	const a = sorted(actual);
	const edges: number[] = [];
	for (let k = 1; k < bins; k++) {
		const q = e[Math.min(e.length - 1, Math.ceil((k * e.length) / bins) - 1)]!;
		if (edges.at(-1) !== q) edges.push(q);
	}
	if (edges.at(-1) === e[e.length - 1]) edges.pop();
	edges.push(Infinity);
	const count = (s: Float64Array) => {
		const c = new Array<number>(edges.length).fill(0);
		let b = 0;
		for (const v of s) {
			while (v > edges[b]!) b++;
			c[b]!++;
		}
		return c.map((x) => x / s.length);
	};
	const es = count(e);
	const as = count(a);
	let total = 0;
	for (let k = 0; k < edges.length; k++) {
		const ek = Math.max(es[k]!, PSI_EPSILON);
		const ak = Math.max(as[k]!, PSI_EPSILON);
		total += (ak - ek) * Math.log(ak / ek);
	}
	return {
		psi: total,
		edges,
		expectedShare: es,
		actualShare: as,
		expectedN: e.length,
		actualN: a.length
	};
}

describe('psi counts the actual side unsorted: same result as sorting both', () => {
	it('ties, −0, ±Infinity, NaN, a Float32Array side, several bin counts', () => {
		const rnd = mulberry32(21);
		const special = [0, -0, Infinity, -Infinity, NaN];
		const draw = (n: number, shift: number) =>
			Array.from({ length: n }, () =>
				uniform(rnd) < 0.1
					? special[Math.floor(uniform(rnd) * special.length)]!
					: Math.round(uniform(rnd) * 30 + shift) / 2
			);
		for (const bins of [3, 10, 40]) {
			const e = draw(2000, 0);
			const a = Float32Array.from(draw(1500, 5));
			expect(psi(e, a, bins)).toEqual(psiSortedBoth(e, a, bins));
		}
	});
});
