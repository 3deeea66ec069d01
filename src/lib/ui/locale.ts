/**
 * The display locale and currency: one setting read by every formatter in `format.ts`.
 * Plain module state (no Svelte), so formatters work in tests, workers and the page alike;
 * a reactive wrapper can re-render on change through `onLocaleChange`.
 */

/** The locale before anyone sets one: the app's text is written for it. */
export const DEFAULT_LOCALE = 'en-US';
/** The currency before anyone sets one (ISO 4217). */
export const DEFAULT_CURRENCY = 'USD';

let locale = DEFAULT_LOCALE;
let currency = DEFAULT_CURRENCY;
const listeners = new Set<() => void>();

/** The BCP 47 locale numbers and dates are shown in, e.g. `en-US`, `ja-JP`. */
export function getLocale(): string {
	return locale;
}

/** The ISO 4217 code money is shown in, e.g. `USD`, `JPY`, `EUR`. */
export function getCurrency(): string {
	return currency;
}

/**
 * Show numbers and dates in `tag` from now on. A tag `Intl` does not know is refused with a
 * RangeError naming it (the setting then stays as it was).
 */
export function setLocale(tag: string): void {
	let canonical: string | undefined;
	try {
		canonical = Intl.getCanonicalLocales(tag)[0];
	} catch {
		canonical = undefined;
	}
	if (!canonical) throw new RangeError(`"${tag}" is not a language tag such as en-US or ja-JP.`);
	if (canonical === locale) return;
	locale = canonical;
	notify();
}

/**
 * Show money in `code` (three letters, ISO 4217) from now on; a code that is not one is refused
 * with a RangeError naming it.
 */
export function setCurrency(code: string): void {
	const upper = code.trim().toUpperCase();
	let ok = /^[A-Z]{3}$/.test(upper);
	if (ok) {
		try {
			new Intl.NumberFormat(DEFAULT_LOCALE, { style: 'currency', currency: upper });
		} catch {
			ok = false;
		}
	}
	if (!ok) throw new RangeError(`"${code}" is not a currency code such as USD, EUR or JPY.`);
	if (upper === currency) return;
	currency = upper;
	notify();
}

/** Call `fn` after each change of locale or currency; returns the function that stops it. */
export function onLocaleChange(fn: () => void): () => void {
	listeners.add(fn);
	return () => listeners.delete(fn);
}

function notify(): void {
	for (const fn of listeners) fn();
}
