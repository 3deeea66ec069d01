import { describe, expect, it } from 'vitest';
import { calibrationTable } from './calibration';

describe('calibrationTable', () => {
	// band [0,10): 4 accounts, 3 churners; [50,60): 2, 1; [90,100]: 4 (one at 100), 0
	const s = Float64Array.from([1, 5, 9, 9.99, 50, 55, 90, 95, 99, 100, NaN]);
	const y = Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1]);
	const r = calibrationTable(s, y, 10);

	it('band counts and observed rates', () => {
		expect(r.bands.length).toBe(10);
		expect(r.n).toBe(10);
		const used = r.bands.filter((b) => b.accounts > 0);
		expect(used.map((b) => [b.lo, b.accounts, b.churners])).toEqual([
			[0, 4, 3],
			[50, 2, 1],
			[90, 4, 0]
		]);
		expect(used[0]!.observed.rate).toBe(0.75);
		expect(used[0]!.meanScore).toBeCloseTo((1 + 5 + 9 + 9.99) / 4, 12);
	});

	it('band Brier by hand; Platt probabilities average to the base rate', () => {
		// band rates .75 (×4: 3 churners err .0625, 1 non-churner .5625), .5 (×2: .25 each), 0 (×4: 0)
		const hand = (3 * 0.0625 + 0.5625 + 2 * 0.25) / 10;
		expect(r.brier.band).toBeCloseTo(hand, 14);
		expect(r.brier.reference).toBeCloseTo(0.4 * 0.6, 14);
		// unpenalised intercept ⇒ Σp = Σy at the optimum
		const meanP =
			r.bands.reduce((a, b) => a + (b.accounts ? b.meanPredicted * b.accounts : 0), 0) / 10;
		expect(meanP).toBeCloseTo(0.4, 9);
		expect(r.platt.slope).toBeLessThan(0); // healthier → less churn
		expect(r.brier.platt).toBeLessThan(r.brier.reference);
	});
});
