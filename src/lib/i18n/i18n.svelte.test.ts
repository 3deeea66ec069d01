// The language switch reaches the formatters (lib/ui/locale + lib/ui/format), the currency setting
// is used by money, and every change bumps `formats`, the value the shell re-renders on.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import * as fmt from '$lib/ui/format';
import { getCurrency, getLocale } from '$lib/ui/locale';
import { i18n } from './i18n.svelte';

afterEach(() => {
	i18n.set('en');
	i18n.setCurrency('USD');
});

describe('language and currency reach the formatters', () => {
	it('Japanese formats numbers and dates in ja-JP; English in en-US', () => {
		// 2026-11-30 15:57:00 UTC; the figure in each locale comes from Node's own Intl
		// (`new Date(ms).toLocaleString('ja-JP')` → "2026/11/30 15:57:00" with TZ=UTC).
		const ms = Date.UTC(2026, 10, 30, 15, 57, 0);
		i18n.set('en');
		expect(getLocale()).toBe('en-US');
		const enText = fmt.dateTime(ms);
		expect(enText).toMatch(/^11\/30\/2026/);
		i18n.set('ja');
		expect(getLocale()).toBe('ja-JP');
		expect(fmt.dateTime(ms)).toMatch(/^2026\/11\/30/);
		expect(fmt.dateTime(ms)).not.toBe(enText);
	});

	it('the currency setting is what money shows, and it is remembered only when valid', () => {
		i18n.setCurrency('JPY');
		expect(getCurrency()).toBe('JPY');
		expect(fmt.money(12500, { symbol: true })).toBe('¥12,500');
		i18n.setCurrency('EUR');
		expect(fmt.money(12500, { symbol: true })).toBe('€12,500');
		i18n.setCurrency('GBP'); // not offered: ignored
		expect(i18n.currency).toBe('EUR');
		i18n.setCurrency('USD');
		expect(fmt.money(12500, { symbol: true })).toBe('$12,500');
		i18n.set('ja');
		i18n.setCurrency('JPY');
		expect(fmt.money(12500, { symbol: true })).toBe('￥12,500');
	});

	it('each change of language or currency bumps `formats` (what the shell re-renders on)', () => {
		const start = i18n.formats;
		i18n.set('ja');
		flushSync();
		expect(i18n.formats).toBe(start + 1);
		i18n.set('ja'); // no change, no re-render
		expect(i18n.formats).toBe(start + 1);
		i18n.setCurrency('EUR');
		expect(i18n.formats).toBe(start + 2);
	});
});
