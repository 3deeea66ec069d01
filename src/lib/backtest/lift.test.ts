import { describe, expect, it } from 'vitest';
import { groupByScore } from './groups';
import { decileTable, gainsFromGroups, liftFromGroups } from './lift';

const f = (a: number[]) => Float64Array.from(a);
const u = (a: number[]) => Uint8Array.from(a);

describe('lift table', () => {
	it('hand case: 10 accounts, 5 bins, churners at scores 1, 2, 5 (base 0.3)', () => {
		const s = f([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		const y = u([1, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
		const rows = liftFromGroups(groupByScore(s, y), 5);
		expect(rows.map((r) => r.accounts)).toEqual([2, 2, 2, 2, 2]);
		expect(rows.map((r) => r.churners)).toEqual([2, 0, 1, 0, 0]);
		expect(rows[0]!.lift).toBeCloseTo(1 / 0.3, 12);
		expect(rows[2]!.lift).toBeCloseTo(0.5 / 0.3, 12);
		expect(rows[0]!.cumChurnerShare).toBeCloseTo(2 / 3, 12);
		expect(rows[2]!.cumChurnerShare).toBeCloseTo(1, 12);
		expect(rows[1]!.cumLift).toBeCloseTo(2 / 3 / 0.4, 12);
		expect([rows[0]!.minScore, rows[0]!.maxScore]).toEqual([1, 2]);
	});

	it('splits a straddling tie group pro rata', () => {
		const rows = liftFromGroups(groupByScore(f([5, 5, 5, 5]), u([1, 0, 0, 0])), 2);
		expect(rows.map((r) => r.accounts)).toEqual([2, 2]);
		expect(rows.map((r) => r.churners)).toEqual([0.5, 0.5]);
	});

	it('deciles of 1,000 accounts have 100 each; gains end at (1, 1)', () => {
		const n = 1000;
		const s = Float64Array.from({ length: n }, (_, i) => i % 97);
		const y = Uint8Array.from({ length: n }, (_, i) => (i % 97 < 20 ? 1 : 0));
		const rows = decileTable(s, y);
		expect(rows.map((r) => r.accounts)).toEqual(new Array(10).fill(100));
		const total = rows.reduce((a, r) => a + r.churners, 0);
		expect(total).toBeCloseTo(
			y.reduce((a, b) => a + b, 0),
			9
		);
		const g = gainsFromGroups(groupByScore(s, y), 100);
		expect(g.length).toBe(101);
		expect(g.at(-1)!.accountShare).toBeCloseTo(1, 12);
		expect(g.at(-1)!.churnerShare).toBeCloseTo(1, 12);
	});
});
