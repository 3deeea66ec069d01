import { describe, expect, it } from 'vitest';
import { psi, psiReading } from './psi';

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
