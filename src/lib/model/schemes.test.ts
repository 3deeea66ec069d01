import { describe, expect, it } from 'vitest';
import {
	columnPoints,
	numericValues,
	parseBoolean,
	pointsFromNumber,
	schemePoints
} from './schemes';
import { metric, tableOf } from './testing/models';
import type { Column, Scheme } from './types';

const linear: Scheme = { kind: 'linear', worst: 20, best: 90 };
const linearLower: Scheme = { kind: 'linear', worst: 10, best: 0 };
const bands: Scheme = {
	kind: 'bands',
	bands: [
		{ upTo: 2, points: 100 },
		{ upTo: 5, points: 60 },
		{ upTo: null, points: 20 }
	]
};
const bool: Scheme = { kind: 'boolean', truePoints: 100, falsePoints: 10 };
const cat: Scheme = {
	kind: 'category',
	map: [
		{ value: 'gold', points: 100 },
		{ value: 'Silver', points: 60 },
		{ value: '3', points: 30 }
	],
	otherPoints: null
};
const catOther: Scheme = { ...cat, otherPoints: 5 } as Scheme;
const manual: Scheme = { kind: 'manual', max: 25 };
const pct: Scheme = { kind: 'percentile', within: 'portfolio' };

type Raw = number | string | boolean | null | undefined;

describe('schemePoints', () => {
	it.each<[string, Scheme, Raw, number | null]>([
		['linear at worst', linear, 20, 0],
		['linear below worst clamps', linear, -5, 0],
		['linear at best', linear, 90, 100],
		['linear above best clamps', linear, 150, 100],
		['linear midway', linear, 55, 50],
		['linear 62', linear, 62, 60],
		['linear lower-is-better', linearLower, 2.5, 75],
		['linear NaN missing', linear, NaN, null],
		['linear +Infinity missing (not clamped)', linear, Infinity, null],
		['linear -Infinity missing (not clamped)', linear, -Infinity, null],
		['linear numeric text', linear, ' 55 ', 50],
		['linear non-numeric text', linear, 'abc', null],
		['linear empty text', linear, '', null],
		['linear null', linear, null, null],
		['linear undefined', linear, undefined, null],
		['linear true = 1', linear, true, 0],
		['bands ≤ first upTo', bands, 2, 100],
		['bands first', bands, -3, 100],
		['bands just above first', bands, 2.0001, 60],
		['bands second upper edge', bands, 5, 60],
		['bands open last', bands, 6, 20],
		['bands huge', bands, 1e12, 20],
		['bands Infinity missing', bands, Infinity, null],
		['boolean 1', bool, 1, 100],
		['boolean 0', bool, 0, 10],
		['boolean true', bool, true, 100],
		['boolean false', bool, false, 10],
		['boolean 2 missing', bool, 2, null],
		['boolean 0.5 missing', bool, 0.5, null],
		['boolean "Yes"', bool, 'Yes', 100],
		['boolean "N"', bool, 'N', 10],
		['boolean "TRUE"', bool, 'TRUE', 100],
		['boolean "0"', bool, '0', 10],
		['boolean "maybe" missing', bool, 'maybe', null],
		['category exact', cat, 'gold', 100],
		['category case-sensitive', cat, 'Gold', null],
		['category other null', cat, 'bronze', null],
		['category other points', catOther, 'bronze', 5],
		['category number via String()', cat, 3, 30],
		['category number not in map', catOther, 4, 5],
		['category NaN missing', catOther, NaN, null],
		['manual 18/25', manual, 18, 72],
		['manual over max clamps', manual, 30, 100],
		['manual negative clamps', manual, -1, 0],
		['manual Infinity missing', manual, Infinity, null],
		['percentile is table-wide', pct, 5, null]
	])('%s', (_name, scheme, raw, expected) => {
		const p = schemePoints(metric('m', { scheme }), raw);
		if (expected === null) expect(p).toBeNull();
		else expect(p).toBeCloseTo(expected, 12);
	});

	it('percentile from a number is NaN', () => expect(pointsFromNumber(pct, 1)).toBeNaN());
	it.each([
		['yes', 1],
		[' y ', 1],
		['False', 0],
		['no', 0],
		['', NaN],
		['2', NaN]
	])('parseBoolean(%j) = %d', (s, x) => expect(parseBoolean(s)).toBe(x));
});

describe('columnPoints', () => {
	const run = (scheme: Scheme, column: Column | undefined, n: number) => {
		const out = new Float64Array(n);
		columnPoints(scheme, column, out);
		return Array.from(out);
	};

	it.each<[string, Scheme, Raw[], number[]]>([
		['linear numbers', linear, [20, 55, null, Infinity, 100], [0, 50, NaN, NaN, 100]],
		['bands numbers', bands, [0, 3, 9, null], [100, 60, 20, NaN]],
		['boolean numbers', bool, [1, 0, 2, null], [100, 10, NaN, NaN]],
		['manual numbers', manual, [25, 12.5, null], [100, 50, NaN]],
		['category on numbers', catOther, [3, 4, null, -0], [30, 5, NaN, 5]],
		['category on text', cat, ['gold', 'x', null, 'Silver'], [100, NaN, NaN, 60]],
		[
			'boolean on text',
			bool,
			['yes', 'NO', 'y', 'n', '1', '0', 'true', 'False', 'x'],
			[100, 10, 100, 10, 100, 10, 100, 10, NaN]
		],
		['linear on numeric text', linear, ['55', 'n/a', '90'], [50, NaN, 100]]
	])('%s', (_name, scheme, cells, expected) => {
		const t = tableOf(cells.map((c) => ({ x: c })));
		expect(run(scheme, t.columns.get('x'), t.n)).toEqual(expected);
	});

	it('category on a number column matches only canonical text', () => {
		const s: Scheme = {
			kind: 'category',
			map: [
				{ value: '1.0', points: 9 },
				{ value: '0', points: 7 }
			],
			otherPoints: null
		};
		const col: Column = { kind: 'number', values: Float64Array.of(1, 0, -0) };
		expect(run(s, col, 3)).toEqual([NaN, 7, 7]);
	});

	it('missing column → all NaN', () => expect(run(linear, undefined, 2)).toEqual([NaN, NaN]));
	it('empty table', () =>
		expect(run(bands, { kind: 'number', values: new Float64Array(0) }, 0)).toEqual([]));

	it('numericValues parses a category dictionary once', () => {
		const col: Column = {
			kind: 'category',
			codes: Int32Array.of(0, 1, -1, 0),
			dictionary: ['4', 'x']
		};
		expect(Array.from(numericValues(col, 4))).toEqual([4, NaN, NaN, 4]);
		expect(Array.from(numericValues(undefined, 2))).toEqual([NaN, NaN]);
	});
});
