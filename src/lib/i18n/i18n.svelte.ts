/**
 * The UI language: English or Japanese, the browser's language by default, the user's choice
 * remembered in localStorage. `t(key, params)` reads the current language, so markup that calls
 * it re-renders when the language changes. Share links never carry a language: a recipient sees
 * the page in their own.
 */
import { en, type MessageKey } from './en';
import { ja } from './ja';
import * as fmt from '$lib/ui/format';
import { interpolate, isLocale, pickLocale, type Locale } from './locale-pick';

export { LOCALES, LOCALE_NAMES, type Locale } from './locale-pick';
export type { MessageKey } from './en';

const STORAGE_KEY = 'hsw-language';
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, ja };

function saved(): string | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
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

	constructor() {
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

	#apply(): void {
		if (typeof document !== 'undefined') document.documentElement.lang = this.#locale;
	}
}

export const i18n = new I18n();

/** The message for `key` in the current language, placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return interpolate(DICTIONARIES[i18n.locale][key], params);
}

/**
 * A number for markup that should re-render when the language changes: it reads the language
 * (a reactive read) and formats with the app's one formatter, `lib/ui/format`.
 */
export function fmtNumber(x: number, digits = 0): string {
	void i18n.locale;
	return fmt.number(x, digits);
}
