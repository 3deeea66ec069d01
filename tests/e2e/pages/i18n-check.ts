// Checks that a screen shown in Japanese has no English UI text left: the catalog's English
// sentences, and every English word outside data cells (column names, tier names… are data).
import { expect, type Page } from '@playwright/test';
import { en } from '../../../src/lib/i18n/en';

/** Proper names, units and keys shown as they are in Japanese. */
export const PROPER = [
	'CSM',
	'ARR',
	'AUC',
	'PageUp',
	'PageDown',
	'Home',
	'End',
	'Esc',
	'English',
	'CSV'
];

/**
 * English UI strings that must not show in Japanese: every catalog message whose key starts with
 * one of `prefixes`, without placeholders and long enough not to be a word model content could use.
 */
function englishSentences(prefixes: readonly string[]): string[] {
	return Object.entries(en)
		.filter(([k, v]) => prefixes.some((p) => k.startsWith(p)) && !v.includes('{'))
		.map(([, v]) => v)
		.filter((v) => v.length >= 12);
}

/** Fails when any catalog sentence of the given key prefixes shows in the page's text. */
export async function expectNoEnglish(
	page: Page,
	where: string,
	prefixes: readonly string[]
): Promise<void> {
	const text = await page.locator('body').innerText();
	const found = englishSentences(prefixes).filter((s) => text.includes(s));
	expect(found, `English UI text on ${where} in Japanese`).toEqual([]);
}

/**
 * Every English word (3+ ASCII letters) in the visible text nodes and accessible labels of
 * <main> and the header, except inside data (`td`, row headers, options, inputs, `code`) and the
 * words in `allowed` (data values and proper names the screen shows: column names, tier names…).
 */
export async function englishWords(page: Page, allowed: readonly string[]): Promise<string[]> {
	const words = await page.evaluate(() => {
		const out: [string, string][] = [];
		const add = (text: string) => {
			for (const w of text.split(/[^A-Za-z]+/)) if (w.length >= 3) out.push([w, text.slice(0, 80)]);
		};
		const data = 'td, th[scope=row], option, code, textarea, input, svg text, [data-data]';
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || el.closest(data) || el.closest('[hidden], script, style')) continue;
			if (!el.closest('main, header')) continue;
			const style = getComputedStyle(el);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			add(n.textContent ?? '');
		}
		for (const el of document.querySelectorAll('main [aria-label], header [aria-label]'))
			add(el.getAttribute('aria-label') ?? '');
		return out;
	});
	const ok = new Set(allowed.flatMap((a) => a.split(/[^A-Za-z]+/)).map((w) => w.toLowerCase()));
	const bad = words
		.filter(([w]) => !ok.has(w.toLowerCase()))
		.map(([w, where]) => `${w} in “${where}”`);
	return [...new Set(bad)].sort();
}
