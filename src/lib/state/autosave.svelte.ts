/**
 * Model autosave: every model edit is written to the store (debounced, and at once when the page
 * is hidden or closed), and remembered as the active model, so a reload or a crash gives back the
 * model being designed. Named versions remain explicit ("Save version").
 */
import { storageErrorText } from '$lib/i18n/problem-text';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';
import { statusEn } from '$lib/i18n/catalog/status';
import { ModelConflict, type WorkbenchStore } from '$lib/data/db/store';
import type { ChangeMessage } from '$lib/data/db/broadcast';
import type { ModelRecord } from '$lib/data/db/schema';
import { validateModel } from '$lib/model';
import type { Model } from '$lib/model/types';
import { mergeModels, type MergeConflict, type PathPart } from './model-merge';
import { SETTING_ACTIVE_MODEL } from './settings';
import type { Workbench } from './workbench.svelte';

/** A field of the model JSON in the UI language (the key itself if the catalog has no word). */
function fieldText(part: PathPart): string {
	if ('name' in part) return t('st.tab.item', { name: part.name });
	const key = `st.tab.f.${part.field}`;
	return key in statusEn ? t(key as MessageKey) : part.field;
}

/** Where both tabs changed the same thing, in the UI language. */
export function conflictText(c: MergeConflict): string {
	const place = c.path.length ? c.path.map(fieldText).join(t('st.tab.sep')) : t('st.tab.whole');
	if (c.kind === 'deletedThere') return t('st.tab.deletedThere', { place });
	if (c.kind === 'deletedHere') return t('st.tab.deletedHere', { place });
	return place;
}

/** Quiet time after the last edit before it is written, ms. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * The saving logic, without runes: `notify` is called with each model the page shows; a quiet
 * time after the last call (or `flush`, on page hide) writes it. Tested directly in Node.
 */
export class ModelAutosave {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#pending: Model | null = null;
	#lastSaved: Model | null;
	#wb: Workbench;
	#getStore: () => WorkbenchStore | null;
	#delayMs: number;
	/** Stored revision this tab last saw, per model id (unknown: saves without a check). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
	#revisions = new Map<string, number>();
	#saving = false;

	constructor(wb: Workbench, getStore: () => WorkbenchStore | null, delayMs = AUTOSAVE_DELAY_MS) {
		this.#wb = wb;
		this.#getStore = getStore;
		this.#delayMs = delayMs;
		this.#lastSaved = wb.model;
	}

	/** Learn the stored revision of the model the page shows (call once the store is open). */
	async init(): Promise<void> {
		const store = this.#getStore();
		const model = this.#wb.model;
		if (!store || !model) return;
		try {
			const record = await store.loadModel(model.id);
			if (!record) this.#revisions.set(model.id, 0);
			else if (JSON.stringify(record.current) === JSON.stringify(model))
				this.#revisions.set(model.id, record.revision ?? 0);
		} catch {
			// Unknown revision: saves go through unchecked, as before.
		}
	}

	notify(model: Model | null): void {
		if (!model || model === this.#lastSaved) return;
		this.#pending = model;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
	}

	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		const model = this.#pending;
		const store = this.#getStore();
		if (!model || !store) return;
		this.#pending = null;
		this.#saving = true;
		try {
			const expectRevision = this.#revisions.get(model.id);
			const saved = await store.saveModel(model, { expectRevision });
			this.#revisions.set(model.id, saved.revision);
			this.#lastSaved = model;
			await store.setSetting(SETTING_ACTIVE_MODEL, model.id);
		} catch (e) {
			if (e instanceof ModelConflict) await this.#resolve(store, model, e.stored);
			else
				this.#wb.storageMessage = t('prob.storage.modelNotSaved', { error: storageErrorText(e) });
		} finally {
			this.#saving = false;
		}
	}

	/**
	 * Another tab saved this model after this tab last saw it. Merge field by field over what
	 * this tab last saved (both tabs' changes kept; where both changed the same field, this
	 * tab's value wins and is named); if that is impossible, keep both models and say so.
	 */
	async #resolve(store: WorkbenchStore, mine: Model, stored: ModelRecord): Promise<void> {
		const theirs = validateModel(stored.current);
		const base = this.#lastSaved?.id === mine.id ? this.#lastSaved : null;
		const merged = theirs.ok && base ? mergeModels(base, mine, theirs.model) : null;
		const valid = merged ? validateModel(merged.model) : null;
		try {
			if (merged && valid?.ok) {
				const saved = await store.saveModel(valid.model, { expectRevision: stored.revision ?? 0 });
				this.#revisions.set(mine.id, saved.revision);
				this.#adopt(mine, valid.model, t('st.tab.logMerged'));
				this.#wb.storageMessage =
					merged.conflicts.length === 0
						? t('st.tab.merged')
						: t('st.tab.mergedConflicts', {
								places: merged.conflicts.map(conflictText).join(t('st.tab.list'))
							});
				return;
			}
			// Keep both: the other tab's stays as it is; this tab's becomes a copy.
			const copy: Model = {
				...mine,
				id: `${mine.id.slice(0, 50)}_copy_${Math.floor(Math.random() * 1e6)}`,
				name: t('st.tab.copyName', { name: mine.name }).slice(0, 200)
			};
			const saved = await store.saveModel(copy);
			this.#revisions.set(copy.id, saved.revision);
			this.#adopt(mine, copy, t('st.tab.logCopied'));
			await store.setSetting(SETTING_ACTIVE_MODEL, copy.id);
			this.#wb.storageMessage = t('st.tab.copied', { theirs: stored.name, mine: copy.name });
		} catch (e) {
			this.#wb.storageMessage = t('prob.storage.modelNotSaved', { error: storageErrorText(e) });
		}
	}

	/** Show `next` in place of `shown` (and of any edit made since, merged over `shown`). */
	#adopt(shown: Model, next: Model, note: string): void {
		const now = this.#wb.model;
		let result = next;
		if (now && now !== shown && now.id === shown.id) {
			const again = mergeModels(shown, now, next);
			const ok = validateModel(again.model);
			if (ok.ok) result = ok.model;
		}
		this.#lastSaved = result === next ? next : shown;
		if (result !== next) this.#pending = result;
		this.#wb.editModel(result, note);
		if (result === next) this.#lastSaved = this.#wb.model;
	}

	/** Another tab saved something: follow its save of the model shown here, when idle. */
	async remoteChange(message: ChangeMessage): Promise<void> {
		const model = this.#wb.model;
		if (message.topic !== 'models' || !model || message.id !== model.id) return;
		if (this.#pending || this.#saving) return; // the next save merges
		const store = this.#getStore();
		if (!store) return;
		try {
			const record = await store.loadModel(model.id);
			if (!record || this.#pending || this.#saving || this.#wb.model !== model) return;
			const known = this.#revisions.get(model.id);
			if (known !== undefined && (record.revision ?? 0) <= known) return;
			const theirs = validateModel(record.current);
			if (!theirs.ok) return;
			this.#revisions.set(model.id, record.revision ?? 0);
			this.#lastSaved = theirs.model;
			this.#wb.editModel(theirs.model, t('st.tab.logFollowed'));
			this.#lastSaved = this.#wb.model;
			this.#wb.storageMessage = t('st.tab.followed');
		} catch {
			// A failed read changes nothing; the next save still checks the revision.
		}
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}

/**
 * Start saving `wb.model` whenever it changes (the app keeps it running). `getStore` is read at
 * save time, so a store opened later is picked up. Returns a stop function.
 */
export function startModelAutosave(
	wb: Workbench,
	getStore: () => WorkbenchStore | null,
	delayMs = AUTOSAVE_DELAY_MS
): () => void {
	const saver = new ModelAutosave(wb, getStore, delayMs);
	void saver.init();
	const unsubscribe = getStore()?.onChange((m) => void saver.remoteChange(m));
	const stopEffects = $effect.root(() => {
		$effect(() => saver.notify(wb.model));
	});
	const onHide = () => void saver.flush();
	const onVisibility = () => {
		if (document.visibilityState === 'hidden') onHide();
	};
	window.addEventListener('pagehide', onHide);
	document.addEventListener('visibilitychange', onVisibility);
	return () => {
		saver.stop();
		unsubscribe?.();
		stopEffects();
		window.removeEventListener('pagehide', onHide);
		document.removeEventListener('visibilitychange', onVisibility);
	};
}
