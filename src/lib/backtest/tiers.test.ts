import { describe, expect, it } from 'vitest';
import { tierReport } from './tiers';
import { wilson } from './wilson';

const tiers = [
	{ id: 'green', name: 'Green' },
	{ id: 'yellow', name: 'Yellow' },
	{ id: 'red', name: 'Red' }
];

// green: 10 accounts, 1 churner; yellow: 5 accounts, 2; red: 5 accounts, 4;
// plus one unscored churner and one unlabelled row.
function data() {
	const tier: number[] = [];
	const y: number[] = [];
	const add = (t: number, k: number, n: number) => {
		for (let i = 0; i < n; i++) {
			tier.push(t);
			y.push(i < k ? 1 : 0);
		}
	};
	add(0, 1, 10);
	add(1, 2, 5);
	add(2, 4, 5);
	tier.push(-1, 0);
	y.push(1, 9);
	return { tier: Int8Array.from(tier), y: Uint8Array.from(y) };
}

describe('tierReport', () => {
	it('per-tier counts, rates, lift, monotonic', () => {
		const { tier, y } = data();
		const r = tierReport(tier, y, tiers);
		expect(r.rows.map((t) => [t.accounts, t.churners])).toEqual([
			[10, 1],
			[5, 2],
			[5, 4]
		]);
		expect(r.baseRate.rate).toBeCloseTo(7 / 20, 15);
		expect(r.rows[2]!.churnRate).toEqual(wilson(4, 5));
		expect(r.rows[2]!.lift).toBeCloseTo(0.8 / 0.35, 12);
		expect(r.monotonic).toBe(true);
		expect(r.excluded).toEqual({ notScored: 1, unlabelled: 1 });
	});

	it('default at-risk = yellow + red; caught, false green, confusion', () => {
		const { tier, y } = data();
		const r = tierReport(tier, y, tiers);
		expect(r.atRisk).toEqual([1, 2]);
		expect(r.confusion).toMatchObject({ tp: 6, fp: 4, fn: 1, tn: 9 });
		expect(r.caught.rate).toBeCloseTo(6 / 7, 15);
		expect(r.confusion.precision.rate).toBeCloseTo(0.6, 15);
		expect(r.confusion.specificity.rate).toBeCloseTo(9 / 13, 15);
		expect(r.confusion.accuracy).toBeCloseTo(15 / 20, 15);
		expect(r.falseGreen.churners).toBe(1);
		expect(r.falseGreen.shareOfChurners.rate).toBeCloseTo(1 / 7, 15);
		expect(r.falseGreen.rateInBest.rate).toBeCloseTo(0.1, 15);
		const red = tierReport(tier, y, tiers, [2]);
		expect(red.confusion).toMatchObject({ tp: 4, fp: 1, fn: 3, tn: 12 });
	});

	it('flags a tier order violation', () => {
		const tier = Int8Array.from([0, 0, 1, 1, 2, 2]);
		const y = Uint8Array.from([1, 0, 0, 0, 1, 1]);
		const r = tierReport(tier, y, tiers);
		expect(r.monotonic).toBe(false);
		expect(r.violations).toEqual([
			{ better: 'green', worse: 'yellow', betterRate: 0.5, worseRate: 0 }
		]);
	});
});
