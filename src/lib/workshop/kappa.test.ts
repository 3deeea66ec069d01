import { describe, expect, it } from 'vitest';
import { fleissKappa, kappaWords } from './kappa';

describe('fleissKappa', () => {
	it('reproduces the worked example of Fleiss (1971) as given on Wikipedia: κ = 0.210', () => {
		// 10 subjects, 14 raters, 5 categories ("Fleiss' kappa", Wikipedia, Worked example):
		// P̄ = 0.378, P̄e = 0.213, κ = 0.210.
		const table = [
			[0, 0, 0, 0, 14],
			[0, 2, 6, 4, 2],
			[0, 0, 3, 5, 6],
			[0, 3, 9, 2, 0],
			[2, 2, 8, 1, 1],
			[7, 7, 0, 0, 0],
			[3, 2, 6, 3, 0],
			[2, 5, 3, 2, 2],
			[6, 5, 2, 1, 0],
			[0, 2, 2, 3, 7]
		];
		const r = fleissKappa(table);
		expect(r.observed).toBeCloseTo(0.378, 3);
		expect(r.expected).toBeCloseTo(0.213, 3);
		expect(r.kappa).toBeCloseTo(0.21, 3);
		expect(r.perSubject[1]).toBeCloseTo(0.253, 3);
		expect(r.categoryShares.map((p) => Number(p.toFixed(3)))).toEqual([
			0.143, 0.2, 0.279, 0.15, 0.229
		]);
	});

	it('3 raters, 4 accounts, Red/Yellow/Green: the hand-computed value used by the browser test', () => {
		// Counts per account [R, Y, G]: A [3,0,0], B [0,1,2], C [1,1,1], D [0,0,3].
		// Pᵢ = (Σc² − 3)/6: 1, 1/3, 0, 1 → P̄ = 7/12. pⱼ = 4/12, 2/12, 6/12 → P̄e = 56/144 = 7/18.
		// κ = (7/12 − 7/18)/(1 − 7/18) = (7/36)/(11/18) = 7/22 = 0.31818…
		const r = fleissKappa([
			[3, 0, 0],
			[0, 1, 2],
			[1, 1, 1],
			[0, 0, 3]
		]);
		expect(r.kappa).toBeCloseTo(7 / 22, 12);
		expect(kappaWords(r.kappa)).toBe('fair');
	});

	it('perfect agreement is 1; a table that cannot vary is not defined', () => {
		expect(
			fleissKappa([
				[2, 0],
				[0, 2]
			]).kappa
		).toBe(1);
		expect(fleissKappa([[2, 0]]).kappa).toBeNaN();
		expect(fleissKappa([]).kappa).toBeNaN();
		expect(fleissKappa([[1, 0]]).kappa).toBeNaN();
	});

	it('refuses subjects with different numbers of raters', () => {
		expect(() =>
			fleissKappa([
				[2, 1],
				[1, 1]
			])
		).toThrow(/Subject 2 has 2 ratings, not 3/);
	});
});
