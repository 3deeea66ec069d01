import { describe, expect, it } from 'vitest';
import { costOptimalCut, suggestRedCut } from './thresholds';

// shown: 10 (2 churners of 2), 20 (1 of 2), 30 (1 of 3), 40 (0 of 3): 10 accounts, 4 churners
const shown = Float64Array.from([10, 10, 20, 20, 30, 30, 30, 40, 40, 40]);
const y = Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0]);

describe('red cut', () => {
	it('sweeps every cut and picks the best achievable', () => {
		const r = suggestRedCut(shown, y, 0.7, 0.5);
		// cuts: 10 → 0/0, 20 → 2 flagged 2 caught, 30 → 4 / 3, 40 → 7 / 4, 41 → 10 / 4
		expect(r.achievable.map((c) => c.cut)).toEqual([30]);
		expect(r.best).toMatchObject({
			cut: 30,
			flagged: 4,
			caught: 3,
			flaggedShare: 0.4,
			caughtShare: 0.75
		});
		expect(r.frontier.map((c) => c.cut)).toEqual([10, 20, 30, 40]);
		expect(suggestRedCut(shown, y, 1, 0.5).best).toBeNull();
	});

	it('cost-optimal cut', () => {
		// miss 10, false alarm 1: cut 10 → 40; 20 → 20; 30 → 10 + 1 = 11; 40 → 3; 41 → 6
		const r = costOptimalCut(shown, y, 10, 1)!;
		expect(r.curve.map((c) => c.cost)).toEqual([40, 20, 11, 3, 6]);
		expect(r.best.cut).toBe(40);
		// false alarms dear: 10 → 4, 20 → 2 (no false alarm), 30 → 1 + 10 = 11, 40 → 30, 41 → 60
		const dear = costOptimalCut(shown, y, 1, 10)!;
		expect(dear.curve.map((c) => c.cost)).toEqual([4, 2, 11, 30, 60]);
		expect(dear.best.cut).toBe(20);
	});
});
