/**
 * The storage interface the app codes against. Two implementations: IndexedDB (`IdbStore`) and
 * in memory (`MemoryStore`, when IndexedDB is missing or refuses to open). Every method rejects
 * only with `StorageError`.
 */
import type { Dataset, DatasetMeta } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import type { ChangeMessage } from './broadcast';
import { StorageError } from './errors';
import type { BacktestRecord, ModelRecord, ModelVersion } from './schema';

/** Import progress: rows written so far out of the total. */
export type SaveProgress = (rowsWritten: number, totalRows: number) => void;

export interface SaveDatasetOptions {
	/** Make it the active dataset in the same final transaction (default true). */
	activate?: boolean;
	/** Id of a dataset this one replaces (same file re-imported): deleted in the final commit. */
	replaces?: string;
}

/** What the model list shows. */
export interface ModelSummary {
	id: string;
	name: string;
	updatedAt: number;
	versionCount: number;
	/** Number of the newest named version, 0 when none was saved. */
	latestVersion: number;
	/** Saves of the working copy so far (see `ModelRecord.revision`). */
	revision: number;
}

/** A saved backtest without its report body. */
export type BacktestSummary = Omit<BacktestRecord, 'report'>;

/**
 * A fault seam the tests provide (the failure paths cannot be provoked otherwise in Node); the
 * app passes none. Called for each chunk as it is written: an Error aborts that write as the
 * browser would (AbortError with the error inside); `{ halt }` stops the import there without
 * cleaning up, as a closed tab would, and the save rejects with `halt` itself.
 */
export interface StoreFaults {
	chunkWrite?: (chunkIndex: number) => Error | { halt: Error } | null;
}

export interface WorkbenchStore {
	/** `false` for the in-memory store: the UI shows "not saved: this tab only". */
	readonly isPersistent: boolean;
	/** Why storage is in memory, when it is (the error IndexedDB gave). */
	readonly unavailableReason: StorageError | null;

	/**
	 * Store a dataset all-or-nothing: chunks go to a staging record, then one small transaction
	 * commits it (and makes it active unless `activate: false`). On failure nothing of it remains
	 * and the previous datasets and active pointer are untouched. Returns the stored meta with
	 * `bytes` set. Rejects with `invalid` (inconsistent input), `conflict` (id taken), `quota`.
	 */
	saveDataset(
		dataset: Dataset,
		onProgress?: SaveProgress,
		options?: SaveDatasetOptions
	): Promise<DatasetMeta>;
	/** The whole dataset, columns reassembled. Rejects with `not-found`. */
	loadDataset(id: string): Promise<Dataset>;
	/** Committed datasets, newest first. */
	listDatasets(): Promise<DatasetMeta[]>;
	renameDataset(id: string, name: string): Promise<DatasetMeta>;
	/** Delete a dataset and its chunks; clears the active pointer if it pointed to it. */
	deleteDataset(id: string): Promise<void>;
	/** A committed dataset imported from a file with this SHA-256, if any. */
	findDatasetByHash(fileHash: string): Promise<DatasetMeta | null>;
	/** Point to a committed dataset (rejects with `not-found`), or clear with null. */
	setActiveDataset(id: string | null): Promise<void>;
	getActiveDataset(): Promise<DatasetMeta | null>;

	/**
	 * Save the working copy of a model (create or replace `current`; versions are kept). The
	 * caller validates models it loads (`validateModel`): storage returns what was stored.
	 */
	saveModel(model: Model, options?: SaveModelOptions): Promise<ModelSummary>;
	/**
	 * Record the current working copy (or `model`, which also becomes current) as the next named
	 * version with a change note. Rejects with `not-found` for an unknown model without `model`.
	 */
	saveModelVersion(id: string, note: string, model?: Model): Promise<ModelVersion>;
	listModels(): Promise<ModelSummary[]>;
	loadModel(id: string): Promise<ModelRecord | null>;
	deleteModel(id: string): Promise<void>;

	/** Remember a column mapping for this header list (order, case and spaces ignored). */
	saveMapping<T>(headers: readonly string[], mapping: T): Promise<void>;
	findMapping<T>(headers: readonly string[]): Promise<T | null>;

	getSetting<T>(key: string): Promise<T | undefined>;
	setSetting(key: string, value: unknown): Promise<void>;

	saveBacktest(record: BacktestRecord): Promise<void>;
	listBacktests(): Promise<BacktestSummary[]>;
	loadBacktest(id: string): Promise<BacktestRecord | null>;
	deleteBacktest(id: string): Promise<void>;

	/** Delete staging data left by a crashed import; returns how many datasets were purged. */
	purgeOrphans(): Promise<number>;
	/** Hear about changes made in other tabs; returns the unsubscribe function. */
	onChange(listener: (message: ChangeMessage) => void): () => void;
	close(): void;
}

export interface SaveModelOptions {
	/**
	 * Save only if the stored record is at this revision (what this tab last saw); otherwise
	 * reject with `ModelConflict`, which carries the newer record. Omitted: save regardless.
	 */
	expectRevision?: number;
}

/** A save refused because another tab saved a newer revision of the model meanwhile. */
export class ModelConflict extends StorageError {
	readonly stored: ModelRecord;
	constructor(stored: ModelRecord) {
		super('conflict', 'This model was changed in another tab meanwhile.');
		this.stored = stored;
	}
}

/** A new random dataset/model id. */
export function newId(prefix = 'ds'): string {
	const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
	const uuid =
		c?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
	return `${prefix}-${uuid}`;
}

export function summariseModel(r: ModelRecord): ModelSummary {
	return {
		id: r.id,
		name: r.name,
		updatedAt: r.updatedAt,
		versionCount: r.versions.length,
		latestVersion: r.versions.at(-1)?.version ?? 0,
		revision: r.revision ?? 0
	};
}

export function summariseBacktest(r: BacktestRecord): BacktestSummary {
	return {
		id: r.id,
		name: r.name,
		datasetId: r.datasetId,
		modelId: r.modelId,
		createdAt: r.createdAt
	};
}

/** The error an injected fault produces: an AbortError wrapping it, as browsers report quota. */
export function injectedAbort(fault: Error): Error {
	const abort = new Error('The transaction was aborted.') as Error & { inner: unknown };
	abort.name = 'AbortError';
	abort.inner = fault;
	return abort;
}
