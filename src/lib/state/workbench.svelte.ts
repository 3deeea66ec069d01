/**
 * The workbench's shared state: the model being designed (with undo/redo) and the active dataset.
 * Screens read it; the data screen sets the dataset, the model editor edits the model. Scoring of
 * the whole dataset happens in the portfolio's score state (a worker), not here.
 */
import type { Model } from '$lib/model/types';
import { t } from '$lib/i18n/i18n.svelte';
import { usableDataset, type Dataset } from '$lib/data/dataset';

/** How many model edits undo remembers. */
const HISTORY_LIMIT = 200;

interface HistoryEntry {
	model: Model;
	note: string;
}

export class Workbench {
	#model = $state.raw<Model | null>(null);
	#dataset = $state.raw<Dataset | null>(null);
	#past = $state.raw<HistoryEntry[]>([]);
	#future = $state.raw<HistoryEntry[]>([]);
	/** Human-readable change log of this session's edits, newest last. */
	#log = $state.raw<string[]>([]);
	#coalesceKey: string | undefined = undefined;
	/** Set when storage is unavailable or failed (in-memory mode, quota, …). */
	storageMessage = $state<string | null>(null);
	isPersistent = $state(true);

	get model(): Model | null {
		return this.#model;
	}

	get dataset(): Dataset | null {
		return this.#dataset;
	}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}

	get canRedo(): boolean {
		return this.#future.length > 0;
	}

	get changeLog(): readonly string[] {
		return this.#log;
	}

	/** Replace the model without history (loading a saved model or a template). */
	loadModel(model: Model): void {
		this.#model = model;
		this.#coalesceKey = undefined;
		this.#past = [];
		this.#future = [];
	}

	/**
	 * Apply an edit: the old model goes on the undo stack. `note` describes the change.
	 * `coalesceKey`: consecutive edits with the same key (one slider drag, one typed number) make
	 * a single undo step; the log keeps the latest note.
	 */
	editModel(next: Model, note: string, coalesceKey?: string): void {
		const current = this.#model;
		if (current === next) return;
		if (coalesceKey !== undefined && coalesceKey === this.#coalesceKey && this.#past.length > 0) {
			this.#model = next;
			this.#log = [...this.#log.slice(0, -1), note];
			return;
		}
		this.#coalesceKey = coalesceKey;
		if (current) this.#past = [...this.#past, { model: current, note }].slice(-HISTORY_LIMIT);
		this.#future = [];
		this.#model = next;
		this.#log = [...this.#log, note];
	}

	/** End the current coalesced edit, so the next edit starts a new undo step. */
	endEdit(): void {
		this.#coalesceKey = undefined;
	}

	undo(): void {
		const last = this.#past.at(-1);
		if (!last || !this.#model) return;
		this.#coalesceKey = undefined;
		this.#past = this.#past.slice(0, -1);
		this.#future = [...this.#future, { model: this.#model, note: last.note }];
		this.#model = last.model;
		this.#log = [...this.#log, t('mdl.log.undo', { note: last.note })];
	}

	redo(): void {
		const next = this.#future.at(-1);
		if (!next || !this.#model) return;
		this.#coalesceKey = undefined;
		this.#future = this.#future.slice(0, -1);
		this.#past = [...this.#past, { model: this.#model, note: next.note }];
		this.#model = next.model;
		this.#log = [...this.#log, t('mdl.log.redo', { note: next.note })];
	}

	setDataset(dataset: Dataset | null): void {
		// Held ignored columns stay in storage, for changing roles later; no screen uses them.
		this.#dataset = dataset && usableDataset(dataset);
	}
}

/** The single workbench instance the screens share. */
export const workbench = new Workbench();
