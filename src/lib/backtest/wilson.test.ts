import { describe, expect, it } from 'vitest';
import { wilson, Z95 } from './wilson';

// Published values: Newcombe (1998) Statistics in Medicine 17:857–872, Table II, method 3
// (Wilson score without continuity correction), and the 0/10, 10/10 boundary cases.
describe('wilson', () => {
	it.each([
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718],
		[0, 10, 0, 0.2775],
		[10, 10, 0.7225, 1]
	])('%i/%i → [%f, %f]', (k, n, lo, hi) => {
		const r = wilson(k, n);
		expect(r.rate).toBeCloseTo(k / n, 12);
		expect(r.lo).toBeCloseTo(lo, 4);
		expect(r.hi).toBeCloseTo(hi, 4);
	});

	it('is exact at the edges and NaN for n = 0', () => {
		expect(wilson(0, 10).lo).toBe(0);
		expect(wilson(10, 10).hi).toBe(1);
		const e = wilson(0, 0);
		expect([e.rate, e.lo, e.hi].every(Number.isNaN)).toBe(true);
	});

	it('uses z = Φ⁻¹(0.975)', () => {
		expect(Z95).toBeCloseTo(1.959964, 6);
	});
});
