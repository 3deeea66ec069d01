import { describe, expect, it } from 'vitest';
import { percentilePoints } from './percentile';
import type { Direction } from './types';

function run(values: number[], direction: Direction = 'higher', keys?: number[]) {
	const out = new Float64Array(values.length);
	percentilePoints(Float64Array.from(values), keys ? Int32Array.from(keys) : null, direction, out);
	return Array.from(out);
}

/** Reference: SQL percent_rank() by brute force. */
function percentRank(values: number[], direction: Direction): number[] {
	const present = values.filter((x) => Number.isFinite(x));
	return values.map((x) => {
		if (!Number.isFinite(x)) return NaN;
		if (present.length === 1) return 0;
		const better = present.filter((y) => (direction === 'higher' ? y < x : y > x)).length;
		return (100 * better) / (present.length - 1);
	});
}

describe('percentilePoints', () => {
	it.each<[string, number[], Direction, number[]]>([
		// percent_rank over 10,20,20,30,40: ranks 1,2,2,4,5 → (r−1)/4
		['ascending with ties', [10, 20, 20, 30, 40], 'higher', [0, 25, 25, 75, 100]],
		// descending: 40 first; ranks for 10,20,20,30,40 = 5,3,3,2,1
		['descending with ties', [10, 20, 20, 30, 40], 'lower', [100, 50, 50, 25, 0]],
		['unsorted input', [30, 10, 40, 20], 'higher', [200 / 3, 0, 100, 100 / 3]],
		['all equal → all 0', [7, 7, 7], 'higher', [0, 0, 0]],
		['all equal descending → all 0', [7, 7, 7], 'lower', [0, 0, 0]],
		['n = 1 → 0', [42], 'higher', [0]],
		['n = 0', [], 'higher', []],
		[
			'missing rows excluded from n',
			[NaN, 5, Infinity, 10, -Infinity],
			'higher',
			[NaN, 0, NaN, 100, NaN]
		],
		['all missing', [NaN, NaN], 'higher', [NaN, NaN]],
		['one present among missing', [NaN, 3], 'lower', [NaN, 0]],
		['-0 ties with 0', [0, -0, 1], 'higher', [0, 0, 100]]
	])('%s', (_name, values, dir, expected) => {
		const got = run(values, dir);
		expected.forEach((e, i) =>
			Number.isNaN(e) ? expect(got[i]).toBeNaN() : expect(got[i]).toBeCloseTo(e, 12)
		);
	});

	it('ranks within keys (segments) independently', () => {
		const values = [1, 100, 2, 200, 3, 300, 9];
		const keys = [0, 1, 0, 1, 0, 1, 2];
		expect(run(values, 'higher', keys)).toEqual([0, 0, 50, 50, 100, 100, 0]);
	});

	it('matches a brute-force percent_rank on random data with many ties', () => {
		let seed = 7;
		const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const values = Array.from({ length: 300 }, () => (rnd() < 0.1 ? NaN : Math.floor(rnd() * 20)));
		for (const dir of ['higher', 'lower'] as const) {
			const got = run(values, dir);
			const ref = percentRank(values, dir);
			ref.forEach((e, i) =>
				Number.isNaN(e) ? expect(got[i]).toBeNaN() : expect(got[i]).toBeCloseTo(e, 10)
			);
		}
	});
});
