/**
 * A draft message in the words of one language, outside the screen: a drafted model's own text
 * (worded in the language the draft was asked in) and English for tests and logs. The screen
 * says messages in the UI language with `sayDraft` (`lib/i18n/say-draft`). Pure.
 */
import { draftEn, draftJa } from '$lib/i18n/catalog/draft';
import { interpolate, type Locale } from '$lib/i18n/locale-pick';
import { sayWith, type DraftMessage } from './messages';

const WORDS: Record<Locale, Record<keyof typeof draftEn, string>> = { en: draftEn, ja: draftJa };

/** `m` in `locale` (English by default). */
export function draftWords(m: DraftMessage, locale: Locale = 'en'): string {
	return sayWith(m, (code, params) => interpolate(WORDS[locale][`dr.${code}`], params));
}
