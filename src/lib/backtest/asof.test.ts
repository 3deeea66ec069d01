import { describe, expect, it } from 'vitest';
import type { ColumnTable } from '$lib/model/types';
import {
	completeAsOfDays,
	defaultAsOfDay,
	distinctDays,
	gatherTable,
	lastKnownDay,
	trainingAsOfDays
} from './asof';

describe('as-of days', () => {
	it('lists distinct finite days ascending', () => {
		expect(distinctDays(Float64Array.from([30, 10, NaN, 30, 20, Infinity]))).toEqual([10, 20, 30]);
		expect(distinctDays(new Float64Array(0))).toEqual([]);
	});

	it('takes the latest finite day over all columns as the end of outcome data', () => {
		expect(lastKnownDay(Float64Array.from([1, 5, NaN]), Float64Array.from([NaN, 9]), null)).toBe(9);
		expect(lastKnownDay(Float64Array.from([NaN]))).toBeNaN();
	});

	it.each([
		// days, H, end, max, expected
		[[0, 30, 60, 90], 30, 90, Infinity, [0, 30, 60]],
		[[0, 30, 60, 90], 30, 90, 2, [30, 60]],
		[[0, 30, 60, 90], 100, 90, Infinity, []],
		[[0, 30, 60, 90], 0, 90, Infinity, [0, 30, 60, 90]]
	])('complete as-of days %j H=%i end=%i max=%s', (days, h, end, max, expected) => {
		expect(completeAsOfDays(days, h, end, max)).toEqual(expected);
	});

	it('defaults to the latest complete day, else the earliest', () => {
		expect(defaultAsOfDay([0, 30, 60, 90], 30, 90)).toBe(60);
		expect(defaultAsOfDay([0, 30, 60, 90], 365, 90)).toBe(0);
		expect(defaultAsOfDay([], 30, 90)).toBeNaN();
	});

	it('trains only on as-of days whose window closes by the test day', () => {
		// test T = 120, H = 60: train days d with d + 60 ≤ 120.
		expect(trainingAsOfDays([0, 30, 60, 90, 120], 120, 60)).toEqual([0, 30, 60]);
		expect(trainingAsOfDays([0, 30, 60, 90, 120], 120, 60, 1)).toEqual([60]);
	});
});

describe('gatherTable', () => {
	it('picks rows of number and category columns, sharing dictionaries', () => {
		const table: ColumnTable = {
			n: 4,
			columns: new Map([
				['x', { kind: 'number', values: Float64Array.from([1, 2, 3, 4]) }],
				['c', { kind: 'category', codes: Int32Array.from([0, 1, -1, 0]), dictionary: ['a', 'b'] }]
			])
		};
		const sub = gatherTable(table, Int32Array.from([3, 1]));
		expect(sub.n).toBe(2);
		const x = sub.columns.get('x');
		const c = sub.columns.get('c');
		expect(x?.kind === 'number' && Array.from(x.values)).toEqual([4, 2]);
		expect(c?.kind === 'category' && Array.from(c.codes)).toEqual([0, 1]);
		expect(c?.kind === 'category' && c.dictionary).toBe(
			(table.columns.get('c') as { dictionary: string[] }).dictionary
		);
		expect([...gatherTable(table, Int32Array.from([0]), new Set(['x'])).columns.keys()]).toEqual([
			'x'
		]);
	});
});
