/** A draft core message (`lib/draft/messages`) in the UI language: `dr.<code>` through `t`. */
import { sayWith, type DraftMessage } from '$lib/draft/messages';
import { t } from './i18n.svelte';

export function sayDraft(m: DraftMessage): string {
	return sayWith(m, (code, params) => t(`dr.${code}`, params));
}
