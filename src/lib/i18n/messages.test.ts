// Every English message has a Japanese translation with the same placeholders; no empty text.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { interpolate, pickLocale, placeholders } from './locale-pick';

describe('message catalogs', () => {
	const keys = Object.keys(en) as (keyof typeof en)[];

	it('Japanese has exactly the English keys', () => {
		expect(Object.keys(ja).sort()).toEqual([...keys].sort());
	});

	it.each(keys)('%s is translated, with the same placeholders', (key) => {
		const j = ja[key];
		expect(typeof j === 'string' && j.trim().length > 0, `${key} has no Japanese text`).toBe(true);
		expect(placeholders(j)).toEqual(placeholders(en[key]));
	});

	it('Japanese text is Japanese (kana, kanji or Japanese punctuation)', () => {
		const untranslated = keys.filter(
			(k) => !/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/.test(ja[k])
		);
		expect(untranslated).toEqual([]);
	});
});

describe('locale choice and placeholders', () => {
	it('the saved choice wins, then the browser languages, then English', () => {
		expect(pickLocale('ja', ['en-US'])).toBe('ja');
		expect(pickLocale(null, ['fr-FR', 'ja-JP', 'en'])).toBe('ja');
		expect(pickLocale(null, ['en-GB', 'ja'])).toBe('en');
		expect(pickLocale('xx', ['de'])).toBe('en');
		expect(pickLocale(null, [])).toBe('en');
	});

	it('fills placeholders and leaves unknown ones', () => {
		expect(interpolate('Account {ref} of {n}', { ref: 'A', n: 3 })).toBe('Account A of 3');
		expect(interpolate('{x} stays', {})).toBe('{x} stays');
		expect(placeholders('{b} and {a}')).toEqual(['a', 'b']);
	});
});
