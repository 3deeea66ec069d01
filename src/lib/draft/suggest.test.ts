import { describe, expect, it } from 'vitest';
import { groupByScore } from '$lib/backtest/groups';
import { cutCurve } from '$lib/backtest/thresholds';
import {
	capacityCostCut,
	checkRedCut,
	orderProblem,
	placeMins,
	roundedWeights,
	shownHistogram,
	stepTable,
	weightStep,
	type ShownHistogram
} from './suggest';
import type { DraftMessage } from './messages';
import { draftWords } from './words';

/** A refusal in English (null stays null). */
const say = (m: DraftMessage | null) => m && draftWords(m);

/** A histogram from (shown score, accounts, churners) triples. */
function hist(cells: [number, number, number][], auc = NaN): ShownHistogram {
	const all = new Array<number>(101).fill(0);
	const pos = new Array<number>(101).fill(0);
	for (const [s, a, p] of cells) {
		all[s] = a;
		pos[s] = p;
	}
	return { all, pos, auc };
}

const TIERS = [
	{ name: 'Green', min: 80 },
	{ name: 'Yellow', min: 50 },
	{ name: 'Red', min: 0 }
];
const NAMES = TIERS.map((t) => t.name);
// Before: 6 accounts at 90 (no churner), 3 at 60 (1 churner), 1 at 30 (churned).
const BEFORE = hist(
	[
		[90, 6, 0],
		[60, 3, 1],
		[30, 1, 1]
	],
	0.9
);
// After: churners at 20 and 25; 2 at 40, 3 at 70, 3 at 95 stayed.
const AFTER = hist(
	[
		[20, 1, 1],
		[25, 1, 1],
		[40, 2, 0],
		[70, 3, 0],
		[95, 3, 0]
	],
	1
);

describe('shownHistogram', () => {
	it('counts scored accounts and churners per rounded score, skipping not-scored', () => {
		const h = shownHistogram(
			Float64Array.from([10, 10, 55, NaN, 100]),
			Uint8Array.from([1, 0, 1, 1, 0]),
			0.5
		);
		expect(h.all[10]).toBe(2);
		expect(h.pos[10]).toBe(1);
		expect(h.all[55]).toBe(1);
		expect(h.all[100]).toBe(1);
		expect(h.all.reduce((a, b) => a + b, 0)).toBe(4);
	});
});

describe('stepTable (hand-computed)', () => {
	it('tier shares, churn rates, churners caught', () => {
		const t = stepTable([80, 50, 0], BEFORE);
		// Green 6/10, Yellow 3/10 (1 churner), Red 1/10 (1 churner).
		expect(t.tiers.map((x) => x.share)).toEqual([0.6, 0.3, 0.1]);
		expect(t.tiers.map((x) => x.rate)).toEqual([0, 1 / 3, 1]);
		expect(t.caughtAtRisk).toBe(1); // both churners outside Green
		expect(t.caughtWorst).toBe(0.5); // one of two in Red
		expect(t.auc).toBe(0.9);
	});
});

describe('placeMins', () => {
	it('keep-shares puts 10 % in Red and 30 % in Yellow on the new scores', () => {
		// After, share below c: 0 up to 20, 0.1 for 21–25, 0.2 for 26–40, 0.4 for 41–70.
		const mins = placeMins([80, 50, 0], BEFORE, AFTER, { kind: 'keep-shares' });
		expect(mins).toEqual([41, 21, 0]);
		const t = stepTable(mins, AFTER);
		expect(t.tiers.map((x) => x.share)).toEqual([0.6, 0.3, 0.1]);
		expect(t.tiers.map((x) => x.rate)).toEqual([0, 1 / 3, 1]);
	});

	it('keep-cuts leaves the thresholds', () => {
		const mins = placeMins([80, 50, 0], BEFORE, AFTER, { kind: 'keep-cuts' });
		expect(mins).toEqual([80, 50, 0]);
		// Red < 50: accounts at 20, 25, 40 (4, two churned); Yellow 70 (3); Green 95 (3).
		expect(stepTable(mins, AFTER).tiers.map((x) => x.accounts)).toEqual([3, 3, 4]);
	});

	it('red-catch moves Red until it holds every churner; Yellow keeps its share above', () => {
		const mins = placeMins([80, 50, 0], BEFORE, AFTER, { kind: 'red-catch', share: 1 });
		expect(mins).toEqual([41, 26, 0]);
		const t = stepTable(mins, AFTER);
		expect(t.caughtWorst).toBe(1);
		expect(t.tiers.map((x) => x.accounts)).toEqual([6, 2, 2]);
	});

	it('keeps the cuts strictly decreasing when every account has one score', () => {
		const one = hist([[50, 10, 2]]);
		const mins = placeMins([80, 50, 0], BEFORE, one, { kind: 'keep-shares' });
		expect(mins[0]).toBeGreaterThan(mins[1]!);
		expect(mins[1]).toBeGreaterThan(0);
		expect(mins[0]).toBeLessThanOrEqual(100);
	});
});

describe('orderProblem and weightStep', () => {
	it('accepts tiers whose churn never falls from best to worst (ties allowed)', () => {
		expect(orderProblem(NAMES, stepTable([41, 26, 0], AFTER))).toBeNull();
	});

	it('refuses a reversed order with the two tiers and their rates', () => {
		// Both churners at 90 (Green), 8 stayed at 30 (Red), Yellow empty.
		const reversed = hist([
			[90, 2, 2],
			[30, 8, 0]
		]);
		const step = weightStep(TIERS, { before: BEFORE, after: reversed }, { kind: 'keep-cuts' });
		expect(say(step.problem)).toBe(
			'Green accounts would churn more often (100.0 %) than Red accounts (0.0 %), so the tiers would be out of order.'
		);
		expect(step.before.tiers.map((x) => x.share)).toEqual([0.6, 0.3, 0.1]);
	});

	it('gives the thresholds and both tables for the default rule', () => {
		const step = weightStep(TIERS, { before: BEFORE, after: AFTER }, { kind: 'keep-shares' });
		expect(step.mins).toEqual([41, 21, 0]);
		expect(step.problem).toBeNull();
		expect(step.after.auc - step.before.auc).toBeCloseTo(0.1, 12);
	});

	it('rounds weights to 0.1 as they are applied', () => {
		expect(roundedWeights([{ id: 'a', weight: 33.333 }])).toEqual([{ id: 'a', weight: 33.3 }]);
	});
});

/** The cut curve of shown scores and labels (what the report sends). */
const curveOf = (shown: number[], labels: number[]) =>
	cutCurve(groupByScore(Float64Array.from(shown), Uint8Array.from(labels)));

describe('capacityCostCut (hand-computed)', () => {
	// Cuts 10, 20, 30, 40, 60, 70, 85, 90, 91 flag 0, 2, 4, 5, 6, 7, 8, 9, 10 and catch
	// 0, 2, 3, 3, 4, 4, 4, 4, 4. Cost = missed × 10 + false alarms × 1:
	// 40, 20, 11, 12, 2, 3, 4, 5, 6. Cuts ≥ 80 (Green's min) are out.
	const curve = curveOf([10, 10, 20, 20, 30, 40, 60, 70, 85, 90], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]);
	const base = {
		costMiss: 10,
		costFalseAlarm: 1,
		upper: 80,
		names: ['Yellow', 'Red'] as [string, string]
	};

	it('without a capacity: the cheapest in-order cut', () => {
		const r = capacityCostCut(curve, { ...base, capacity: Infinity });
		expect(r.best?.cut).toBe(60);
		expect(r.best?.cost).toBe(2);
	});

	it('with at most 4 Red accounts (2 CSMs × 2): cut 30, cost 11', () => {
		const r = capacityCostCut(curve, { ...base, capacity: 4 });
		expect(r.best).toMatchObject({ cut: 30, flagged: 4, caught: 3, cost: 11 });
	});

	it('never flags everyone: a cut at or past the tier above is refused', () => {
		const r = capacityCostCut(curve, { ...base, costFalseAlarm: 0, capacity: Infinity });
		// With free false alarms every cut ≥ 60 costs 0; the lowest in range is 60.
		expect(r.best?.cut).toBe(60);
		expect(say(checkRedCut(curve, 85, 80, base.names).problem)).toBe(
			'Red below 85 would leave no room for Yellow, whose range ends at 79.'
		);
	});

	it('says why when no cut keeps Red churning at least as often as Yellow', () => {
		// Churners sit at 30–70, the lowest scores stayed: every cut below 80 puts Red under Yellow.
		const bad = curveOf([10, 20, 30, 40, 60, 70, 90], [0, 0, 1, 1, 1, 1, 0]);
		const r = capacityCostCut(bad, { ...base, capacity: Infinity });
		expect(r.best).toBeNull();
		expect(say(r.why)).toBe('No cut keeps Red churning at least as often as Yellow.');
		// Cut 60: Red 2 of 4 (50 %), Yellow 2 of 2 (100 %).
		const c = checkRedCut(bad, 60, 80, base.names);
		expect(c.redRate).toBe(0.5);
		expect(c.aboveRate).toBe(1);
		expect(say(c.problem)).toBe(
			'Red would churn less often (50.0 %) than Yellow (100.0 %), so the tiers would be out of order.'
		);
	});
});
