import { describe, expect, it } from 'vitest';
import { cardRef, latestRowPerAccount, pickRows, roundId } from './round';

describe('round', () => {
	it('labels cards A…Z, AA, AB', () => {
		expect([0, 1, 25, 26, 27, 51, 52].map(cardRef)).toEqual([
			'A',
			'B',
			'Z',
			'AA',
			'AB',
			'AZ',
			'BA'
		]);
	});

	it('keeps the latest snapshot of each account, or the last row without dates', () => {
		const ids = ['a', 'b', 'a', 'b', 'c'];
		expect(latestRowPerAccount(ids)).toEqual([2, 3, 4]);
		const dates = Float64Array.from([10, 30, 20, 5, NaN]);
		expect(latestRowPerAccount(ids, dates)).toEqual([2, 1, 4]);
	});

	it('random picks are distinct, seeded and reproducible', () => {
		const cands = Array.from({ length: 100 }, (_, i) => i);
		const a = pickRows(cands, 10, 'random', 7);
		expect(new Set(a).size).toBe(10);
		expect(pickRows(cands, 10, 'random', 7)).toEqual(a);
		expect(pickRows(cands, 10, 'random', 8)).not.toEqual(a);
		expect(pickRows(cands.slice(0, 3), 10, 'random', 7).sort()).toEqual([0, 1, 2]);
	});

	it('stratified picks take one account from each score stratum and skip unscored rows', () => {
		// Row i has score i (rows 0–99), row 100 is not scored.
		const scores = Float64Array.from({ length: 101 }, (_, i) => (i === 100 ? NaN : i));
		const cands = Array.from({ length: 101 }, (_, i) => i);
		const picked = pickRows(cands, 5, 'stratified', 3, scores);
		expect(picked).not.toContain(100);
		const strata = picked.map((r) => Math.floor(r / 20)).sort();
		expect(strata).toEqual([0, 1, 2, 3, 4]);
	});

	it('round ids are 6 base-36 characters and depend on the seed', () => {
		expect(roundId(1)).toMatch(/^[0-9a-z]{6}$/);
		expect(roundId(1)).not.toBe(roundId(2));
	});
});
