import { describe, expect, it } from 'vitest';
import type { Metric } from '$lib/model/types';
import {
	bandsText,
	booleanToOption,
	fieldFor,
	formatPoints,
	formatShare,
	missingText,
	optionToBoolean,
	rangeNote,
	weightShares
} from './form';

const metric = (over: Partial<Metric>): Metric => ({
	id: 'm',
	name: 'Seat utilisation',
	column: 'seat_util',
	direction: 'higher',
	scheme: { kind: 'linear', worst: 20, best: 90 },
	weight: 1,
	missing: 'exclude',
	timing: 'leading',
	...over
});

describe('fieldFor', () => {
	it('manual: number input from 0 to max', () => {
		const f = fieldFor(
			metric({ id: 'usage', unit: 'points', scheme: { kind: 'manual', max: 25 } })
		);
		expect(f).toMatchObject({
			kind: 'number',
			min: 0,
			max: 25,
			label: 'Seat utilisation',
			unit: 'points'
		});
		expect(f.inputId).toBe('calc-usage');
		expect(f.description).toContain('Scale 0–25.');
		expect(f.description).toContain('Blank: left out of the score.');
	});
	it('manual: no separate scale text when the unit already names the maximum', () => {
		const f = fieldFor(metric({ unit: 'points (0–25)', scheme: { kind: 'manual', max: 25 } }));
		expect(f.description).toBe('Blank: left out of the score.');
	});
	it('linear: number input without hard limits, scale in the description', () => {
		const f = fieldFor(metric({ unit: '%', hint: 'Active seats / licensed seats.' }));
		expect(f.kind).toBe('number');
		expect(f.min).toBeUndefined();
		expect(f.description).toBe(
			'Active seats / licensed seats. Full points at 90 % or more, none at 20 % or less. Blank: left out of the score.'
		);
	});
	it('boolean: yes / no options', () => {
		const f = fieldFor(
			metric({ scheme: { kind: 'boolean', truePoints: 100, falsePoints: 0 }, missing: 'zero' })
		);
		expect(f.kind).toBe('boolean');
		expect(f.options.map((o) => o.value)).toEqual(['yes', 'no']);
		expect(f.description).toContain('counts as 0 points');
	});
	it('category: one option per mapped value', () => {
		const scheme = {
			kind: 'category' as const,
			map: [
				{ value: 'Promoter', points: 100 },
				{ value: 'Detractor', points: 0 }
			],
			otherPoints: null
		};
		expect(fieldFor(metric({ scheme })).options.map((o) => o.label)).toEqual([
			'Promoter',
			'Detractor'
		]);
	});
	it('percentile: unsupported for one account', () => {
		const f = fieldFor(
			metric({ scheme: { kind: 'percentile', within: 'portfolio' }, missing: 'neutral' })
		);
		expect(f.kind).toBe('unsupported');
		expect(f.description).toContain('50 points');
	});
});

describe('bandsText', () => {
	it.each([
		[
			[
				{ upTo: 2, points: 100 },
				{ upTo: 5, points: 60 },
				{ upTo: null, points: 20 }
			],
			'Up to 2: 100 points; up to 5: 60; more: 20.'
		],
		[[{ upTo: null, points: 50 }], 'Any value: 50 points.'],
		[[], '']
	])('%o → %s', (bands, text) => expect(bandsText(bands)).toBe(text));

	it('linear, lower is better', () => {
		const f = fieldFor(
			metric({ unit: 'days', direction: 'lower', scheme: { kind: 'linear', worst: 30, best: 0 } })
		);
		expect(f.description).toBe(
			'Full points at 0 days or less, none at 30 days or more. Blank: left out of the score.'
		);
	});
});

describe('helpers', () => {
	it.each([
		['exclude', 'Blank: left out of the score.'],
		['zero', 'Blank: counts as 0 points.'],
		['neutral', 'Blank: counts as 50 points (neutral).']
	] as const)('missingText(%s)', (p, text) => expect(missingText(p)).toBe(text));

	it('weightShares normalises, and splits evenly when every weight is 0', () => {
		expect(weightShares([{ weight: 40 }, { weight: 20 }, { weight: 20 }, { weight: 20 }])).toEqual([
			0.4, 0.2, 0.2, 0.2
		]);
		expect(weightShares([{ weight: 0 }, { weight: 0 }])).toEqual([0.5, 0.5]);
		expect(weightShares([])).toEqual([]);
	});

	it.each([
		[9, '9'],
		[8.75, '8.8'],
		[16.04, '16'],
		[-0.01, '0'],
		[Number.NaN, '–']
	])('formatPoints(%s) = %s', (n, s) => expect(formatPoints(n)).toBe(s));

	it.each([
		[0.25, '25 %'],
		[1 / 3, '33 %'],
		[Number.POSITIVE_INFINITY, '–']
	])('formatShare(%s) = %s', (n, s) => expect(formatShare(n)).toBe(s));

	it.each([
		[true, 'yes'],
		[1, 'yes'],
		[false, 'no'],
		[0, 'no'],
		[null, ''],
		['x', '']
	])('booleanToOption(%s) = %s', (v, o) => expect(booleanToOption(v)).toBe(o));

	it('optionToBoolean', () => {
		expect([optionToBoolean('yes'), optionToBoolean('no'), optionToBoolean('')]).toEqual([
			true,
			false,
			null
		]);
	});
});

describe('rangeNote: an input outside the scale is said, not clamped silently', () => {
	it.each([
		[
			{ kind: 'manual', max: 25 } as const,
			30,
			'30 is above the scale (up to 25): counted as 25, 100 points.'
		],
		[
			{ kind: 'manual', max: 25 } as const,
			-2,
			'-2 is below the scale (from 0): counted as 0, 0 points.'
		],
		[{ kind: 'manual', max: 25 } as const, 25, null],
		[
			{ kind: 'linear', worst: 20, best: 90 } as const,
			95,
			'95 is above the scale (up to 90): counted as 90, 100 points.'
		],
		[
			{ kind: 'linear', worst: 30, best: 0 } as const,
			45,
			'45 is above the scale (up to 30): counted as 30, 0 points.'
		],
		[
			{ kind: 'linear', worst: 30, best: 0 } as const,
			-1,
			'-1 is below the scale (from 0): counted as 0, 100 points.'
		],
		[{ kind: 'bands', bands: [{ upTo: null, points: 50 }] } as const, 1e9, null]
	])('%j, %d → %s', (scheme, x, note) => {
		expect(
			rangeNote(fieldFor(metric({ scheme: structuredClone(scheme) as Metric['scheme'] })), x)
		).toBe(note);
	});
});
