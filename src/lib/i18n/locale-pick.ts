/**
 * Choosing the UI language and filling message placeholders. Pure (no DOM, no storage): the
 * state in `i18n.svelte.ts` passes in the saved choice and the browser's languages.
 */

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ja: '日本語' };

export function isLocale(x: unknown): x is Locale {
	return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

/**
 * The language to show: the user's saved choice if any, else the first of the browser's
 * languages we have (`ja-JP` → `ja`), else English.
 */
export function pickLocale(saved: string | null, browser: readonly string[]): Locale {
	if (isLocale(saved)) return saved;
	for (const tag of browser) {
		const base = tag.toLowerCase().split('-')[0];
		if (isLocale(base)) return base;
	}
	return 'en';
}

/** `{name}` placeholders in a message → values; an unknown placeholder stays as written. */
export function interpolate(message: string, params?: Record<string, string | number>): string {
	if (!params) return message;
	return message.replace(/\{(\w+)\}/g, (m, k: string) =>
		Object.hasOwn(params, k) ? String(params[k]) : m
	);
}

/** The placeholders a message uses, sorted (the translation test compares them). */
export function placeholders(message: string): string[] {
	return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
