import { describe, expect, it } from 'vitest';
import { cleanHeaders } from './headers';

describe('cleanHeaders', () => {
	it.each([
		['plain', ['a', 'b'], ['a', 'b']],
		['blank → column_N', ['a', '', ' '], ['a', 'column_2', 'column_3']],
		['duplicates → name_2, name_3', ['x', 'x', 'x'], ['x', 'x_2', 'x_3']],
		['duplicate never takes a later real name', ['x', 'x', 'x_2'], ['x', 'x_3', 'x_2']],
		['blank never takes a real column_N', ['column_2', ''], ['column_2', 'column_2_2']],
		[
			'reserved names',
			['__proto__', 'constructor', 'prototype'],
			['__proto___col', 'constructor_col', 'prototype_col']
		],
		['trimmed', [' name ', 'id'], ['name', 'id']],
		['case-sensitive', ['Id', 'id'], ['Id', 'id']]
	])('%s', (_n, raw, names) => {
		expect(cleanHeaders(raw).names).toEqual(names);
	});

	it('returns visible notes with index, original, renamed and reason', () => {
		const { notes } = cleanHeaders(['__proto__', 'id', '', 'id', ' name ']);
		expect(notes.map(({ message: _m, ...n }) => n)).toEqual([
			{ index: 0, original: '__proto__', renamed: '__proto___col', reason: 'reserved' },
			{ index: 2, original: '', renamed: 'column_3', reason: 'blank' },
			{ index: 3, original: 'id', renamed: 'id_2', reason: 'duplicate' },
			{ index: 4, original: ' name ', renamed: 'name', reason: 'trimmed' }
		]);
		expect(notes[2]!.message).toBe('Column 4: header "id" appears more than once; renamed "id_2".');
	});

	it('does not touch Object.prototype', () => {
		cleanHeaders(['__proto__', 'polluted']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
