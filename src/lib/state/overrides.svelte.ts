/**
 * CSM overrides: one account's tier set by hand, with a reason and an expiry date. Always shown
 * beside the computed tier, never silent; an expired override is kept but marked expired.
 * Stored in the settings record `overrides` (they belong to accounts, not to a model version).
 */
import type { WorkbenchStore } from '$lib/data/db/store';
import { t } from '$lib/i18n/i18n.svelte';
import { storageErrorText } from '$lib/i18n/problem-text';

export const SETTING_OVERRIDES = 'overrides';

export interface Override {
	accountId: string;
	/** Tier id the CSM puts the account in. */
	tierId: string;
	reason: string;
	/** Last day the override applies, ISO `YYYY-MM-DD`. */
	expiresOn: string;
	/** ISO date it was set. */
	createdOn: string;
}

/** Problems with an override form, as messages per field in the UI language (empty = valid). */
export function checkOverride(
	o: Override,
	todayIso: string
): Partial<Record<keyof Override, string>> {
	const out: Partial<Record<keyof Override, string>> = {};
	if (!o.tierId) out.tierId = t('st.ov.tier');
	if (o.reason.trim().length < 3) out.reason = t('st.ov.reason');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(o.expiresOn)) out.expiresOn = t('st.ov.expiry');
	else if (o.expiresOn < todayIso) out.expiresOn = t('st.ov.past');
	return out;
}

export function isActive(o: Override, todayIso: string): boolean {
	return o.expiresOn >= todayIso;
}

export class OverridesState {
	#store: () => WorkbenchStore | null;
	list = $state.raw<Override[]>([]);
	error = $state<string | null>(null);

	constructor(store: () => WorkbenchStore | null) {
		this.#store = store;
	}

	// Rebuilt whole from `list` (replaced on every change), never mutated: no SvelteMap needed.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	byAccount = $derived(new Map(this.list.map((o) => [o.accountId, o])));

	async load(): Promise<void> {
		const store = this.#store();
		if (!store) return;
		const saved = await store.getSetting<Override[]>(SETTING_OVERRIDES).catch(() => undefined);
		this.list = Array.isArray(saved) ? saved.filter((o) => typeof o?.accountId === 'string') : [];
	}

	async set(o: Override): Promise<void> {
		await this.#save([...this.list.filter((x) => x.accountId !== o.accountId), o]);
	}

	async remove(accountId: string): Promise<void> {
		await this.#save(this.list.filter((x) => x.accountId !== accountId));
	}

	async #save(next: Override[]): Promise<void> {
		const before = this.list;
		this.list = next;
		try {
			await this.#store()?.setSetting(SETTING_OVERRIDES, next);
			this.error = null;
		} catch (e) {
			this.list = before;
			this.error = t('st.ov.notSaved', { error: storageErrorText(e) });
		}
	}
}
