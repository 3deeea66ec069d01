import { describe, expect, it } from 'vitest';
import { capacityCut, moneyByTier } from './money';

// Eight accounts at T (tier 0 Green, 1 Yellow, 2 Red; shown score; churned in (T, T + H]; ARR):
//   Green: 90 no 100 · 85 yes 200 · 80 no (no value) · 95 no 100   → 1 of 4, ARR 400
//   Yellow: 60 yes 50 · 55 no 50                                   → 1 of 2, ARR 100
//   Red: 30 yes 10 · 20 yes 30                                     → 2 of 2, ARR 40
//   plus one account not scored (tier −1), which counts nowhere.
const atT = {
	tier: [0, 0, 0, 0, 1, 1, 2, 2, -1],
	shown: [90, 85, 80, 95, 60, 55, 30, 20, NaN],
	labels: [0, 1, 0, 0, 1, 0, 1, 1, 1],
	value: [100, 200, NaN, 100, 50, 50, 10, 30, 500]
};
// Now: Green 1000 (+ one without a value), Yellow 200, Red 50 + 50; one not scored.
const now = { tier: [0, 0, 1, 2, 2, -1], value: [1000, NaN, 200, 50, 50, 999] };

describe('moneyByTier (hand-computed)', () => {
	const m = moneyByTier({ tiers: 3, atT, now });
	it('calibrated probability per tier and expected churned ARR now', () => {
		expect(m.tiers.map((t) => [t.accounts, t.churners])).toEqual([
			[4, 1],
			[2, 1],
			[2, 2]
		]);
		expect(m.tiers.map((t) => t.probability.rate)).toEqual([0.25, 0.5, 1]);
		expect(m.tiers.map((t) => t.nowValue)).toEqual([1000, 200, 100]);
		expect(m.nowNoValue).toBe(1);
		expect(m.nowValue).toBe(1300);
		// 0.25 × 1000 + 0.5 × 200 + 1 × 100
		expect(m.expected).toBe(450);
		// Each tier at its Wilson bound (z = 1.959963984540054; python3 with the Wilson formula,
		// (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n)): 1/4 → [0.0455872608, 0.6993581574],
		// 1/2 → [0.0945312057, 0.9054687943], 2/2 → [0.3423802275, 1].
		expect(m.expectedLo).toBeCloseTo(98.731524707212, 9);
		expect(m.expectedHi).toBeCloseTo(980.451916270752, 9);
	});
	it('at T: expected vs the ARR that churned', () => {
		// 0.25 × 400 + 0.5 × 100 + 1 × 40; churned 200 + 50 + 10 + 30.
		expect(m.expectedAtT).toBe(190);
		expect(m.churnedAtT).toBe(290);
		expect(m.valueAtT).toBe(540);
	});
	it('without a "now" population the accounts at T stand in', () => {
		const x = moneyByTier({ tiers: 3, atT, now: null });
		expect(x.nowValue).toBe(540);
		expect(x.expected).toBe(190);
		expect(x.nowNoValue).toBe(1);
	});
});

describe('capacityCut (hand-computed)', () => {
	const { byShown } = moneyByTier({ tiers: 3, atT, now });
	it('3 accounts of capacity: cut 60 flags 20, 30 and 55', () => {
		const c = capacityCut(byShown, 3);
		expect(c.cut).toBe(60);
		expect([c.flagged, c.churnersFlagged, c.churners]).toEqual([3, 2, 4]);
		expect(c.precision.rate).toBeCloseTo(2 / 3, 15);
		expect(c.recall.rate).toBe(0.5);
		// Wilson 2/3 → [0.2076596008, 0.9385080553] (same formula as above).
		expect(c.precision.lo).toBeCloseTo(0.20765960080204765, 12);
		expect(c.recall.hi).toBeCloseTo(0.8499610108478505, 12);
		expect([c.flaggedValue, c.churnedValueCaught, c.churnedValue]).toEqual([90, 40, 290]);
	});
	it('no capacity flags no one; room for everyone flags everyone', () => {
		const none = capacityCut(byShown, 0);
		expect(none.flagged).toBe(0);
		expect(none.cut).toBe(20);
		expect(none.precision.rate).toBeNaN();
		const all = capacityCut(byShown, 50);
		expect(all.cut).toBe(101);
		expect(all.flagged).toBe(8);
		expect(all.recall.rate).toBe(1);
	});
});
