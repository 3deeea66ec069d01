/**
 * Definitions of every figure on the Validation screen (shown on hover and focus), in the UI
 * language: the text lives in the message catalog (`val.def.*`, `lib/i18n/catalog/validation`).
 */
import { t } from '$lib/i18n/i18n.svelte';
import type { validationEn } from '$lib/i18n/catalog/validation';

type DefMessage = Extract<keyof typeof validationEn, `val.def.${string}`>;
export type VDefKey = DefMessage extends `val.def.${infer K}` ? K : never;

/** The definition of `key` in the current language (a reactive read in markup). */
export function vdef(key: VDefKey): string {
	return t(`val.def.${key}`);
}

/**
 * A message cut around one placeholder left unfilled, so markup can put an element there
 * (`{share}` in bold, say) whatever the word order of the language: [before, after].
 */
export function around(text: string, slot: string): [string, string] {
	const at = text.indexOf(`{${slot}}`);
	return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + slot.length + 2)];
}
