/**
 * The UI language: English or Japanese, the browser's language by default, the user's choice
 * remembered in localStorage. `t(key, params)` reads the current language, so markup that calls
 * it re-renders when the language changes. Share links never carry a language: a recipient sees
 * the page in their own.
 */
import { en, type MessageKey } from './en';
import { ja } from './ja';
import * as fmt from '$lib/ui/format';
import { onLocaleChange, setCurrency, setLocale } from '$lib/ui/locale';
import { interpolate, isLocale, pickLocale, type Locale } from './locale-pick';

export { LOCALES, LOCALE_NAMES, type Locale } from './locale-pick';
export type { MessageKey } from './en';

const STORAGE_KEY = 'hsw-language';
const CURRENCY_KEY = 'hsw-currency';

/** The currencies money can be shown in, with the symbol the switch shows. */
export const CURRENCIES = [
	{ code: 'USD', symbol: '$' },
	{ code: 'JPY', symbol: '¥' },
	{ code: 'EUR', symbol: '€' }
] as const;
export type CurrencyCode = (typeof CURRENCIES)[number]['code'];
const isCurrency = (x: unknown): x is CurrencyCode => CURRENCIES.some((c) => c.code === x);

/** The BCP 47 locale numbers, dates and money are formatted in for each UI language. */
export const FORMAT_LOCALE: Record<Locale, string> = { en: 'en-US', ja: 'ja-JP' };
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, ja };

function saved(key = STORAGE_KEY): string | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
	} catch {
		return null;
	}
}

function browserLanguages(): readonly string[] {
	if (typeof navigator === 'undefined') return [];
	return navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
}

class I18n {
	#locale = $state<Locale>(pickLocale(saved(), browserLanguages()));
	#currency = $state<CurrencyCode>(savedCurrency());
	/** Bumped on every change of `lib/ui/locale` (language or currency): markup keyed on it re-renders. */
	#formats = $state(0);

	constructor() {
		onLocaleChange(() => this.#formats++);
		this.#apply();
	}

	/** The money currency (ISO 4217), remembered in this browser; US dollars by default. */
	get currency(): CurrencyCode {
		return this.#currency;
	}

	/** Changes each time numbers, dates or money would format differently (a reactive read). */
	get formats(): number {
		return this.#formats;
	}

	/** Show money in `code` and remember it in this browser. */
	setCurrency(code: string): void {
		if (!isCurrency(code)) return;
		this.#currency = code;
		try {
			localStorage.setItem(CURRENCY_KEY, code);
		} catch {
			// Blocked storage: the choice lasts for this page only.
		}
		this.#apply();
	}

	get locale(): Locale {
		return this.#locale;
	}

	/** Switch language and remember it in this browser. */
	set(locale: Locale): void {
		if (!isLocale(locale)) return;
		this.#locale = locale;
		try {
			localStorage.setItem(STORAGE_KEY, locale);
		} catch {
			// Blocked storage: the choice lasts for this page only.
		}
		this.#apply();
	}

	/** The page language, and the formatters' locale and currency (`lib/ui/locale`). */
	#apply(): void {
		if (typeof document !== 'undefined') document.documentElement.lang = this.#locale;
		setLocale(FORMAT_LOCALE[this.#locale]);
		setCurrency(this.#currency);
	}
}

function savedCurrency(): CurrencyCode {
	const c = saved(CURRENCY_KEY);
	return isCurrency(c) ? c : 'USD';
}

export const i18n = new I18n();

/** The message for `key` in the current language, placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return interpolate(DICTIONARIES[i18n.locale][key], params);
}

/**
 * The message for `key` in a given language, whatever the UI shows: the English of a problem kept
 * for logs and thrown errors (`tIn('en', …)`), from the same catalog the UI reads.
 */
export function tIn(
	locale: Locale,
	key: MessageKey,
	params?: Record<string, string | number>
): string {
	return interpolate(DICTIONARIES[locale][key], params);
}

/**
 * A number for markup that should re-render when the language changes: it reads the language
 * (a reactive read) and formats with the app's one formatter, `lib/ui/format`.
 */
export function fmtNumber(x: number, digits = 0): string {
	void i18n.formats;
	return fmt.number(x, digits);
}
