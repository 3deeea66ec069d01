/**
 * Model autosave: every model edit is written to the store (debounced, and at once when the page
 * is hidden or closed), and remembered as the active model, so a reload or a crash gives back the
 * model being designed. Named versions remain explicit ("Save version").
 */
import type { WorkbenchStore } from '$lib/data/db/store';
import { toStorageError } from '$lib/data/db/errors';
import type { Model } from '$lib/model/types';
import { SETTING_ACTIVE_MODEL } from './settings';
import type { Workbench } from './workbench.svelte';

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

	constructor(wb: Workbench, getStore: () => WorkbenchStore | null, delayMs = AUTOSAVE_DELAY_MS) {
		this.#wb = wb;
		this.#getStore = getStore;
		this.#delayMs = delayMs;
		this.#lastSaved = wb.model;
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
		try {
			await store.saveModel(model);
			await store.setSetting(SETTING_ACTIVE_MODEL, model.id);
			this.#lastSaved = model;
		} catch (e) {
			this.#wb.storageMessage = `The model could not be saved: ${toStorageError(e).message}`;
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
		stopEffects();
		window.removeEventListener('pagehide', onHide);
		document.removeEventListener('visibilitychange', onVisibility);
	};
}
