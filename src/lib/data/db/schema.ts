/**
 * The IndexedDB schema of the workbench, declared once, and its cumulative upgrade steps.
 *
 * To change the schema: bump `DB_VERSION`, APPEND a step to `UPGRADES` (never edit a shipped
 * step: browsers out there already ran it), and add a test that opens a database created at the
 * previous version with raw IndexedDB calls.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DatasetMeta } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';

export const DB_NAME = 'health-score-workbench';

/** Current schema version = number of upgrade steps. */
export const DB_VERSION = 1;

/** Kind of a stored column, in table order. */
export interface ColumnLayout {
	name: string;
	kind: 'number' | 'category';
}

/**
 * One dataset's record in `datasets`. `status: 'staging'` while its chunks are being written:
 * only the final small transaction flips it to `ready`, so a crash leaves staging data that the
 * start-up purge deletes, never a half dataset.
 */
export interface DatasetRecord {
	id: string;
	status: 'staging' | 'ready';
	meta: DatasetMeta;
	/** Columns of the table in order (the Map order of `ColumnTable.columns`). */
	layout: ColumnLayout[];
	/** Rows per chunk (the last chunk may be shorter). */
	chunkRows: number;
	chunkCount: number;
	/** Epoch ms of the last write (staging start or commit). */
	updatedAt: number;
}

/**
 * A columnar chunk: rows [start, start + n) of a dataset. Typed arrays are exact copies (never
 * views: structured clone would store a view's whole underlying buffer).
 */
export interface ChunkRecord {
	datasetId: string;
	index: number;
	start: number;
	n: number;
	/** Account ids joined by '\n', or an array when an id itself contains a newline. */
	ids: string | string[];
	/**
	 * The number columns, in the dataset's layout order, one after another: number column k's
	 * rows are `numbers[k·n … (k+1)·n)`. One array per chunk, not one per column: the record is
	 * serialised on the page's thread, and the serialiser pays per array (5,000 small arrays took
	 * ~70 ms per chunk, one block of the same values under 5 ms).
	 */
	block?: Float64Array;
	/** The category columns' dictionary codes (−1 = missing), laid out like `block`. */
	codeBlock?: Int32Array;
	/** Records written before the block layout: one array per column, by column name. */
	numbers?: Record<string, Float64Array>;
	/** Dictionary codes (−1 = missing) per column, before the block layout. */
	codes?: Record<string, Int32Array>;
}

/** The dictionary of one category column of one dataset (codes index into `values`). */
export interface DictionaryRecord {
	datasetId: string;
	column: string;
	values: string[];
}

/** One named, saved version of a model, with the change note written when it was saved. */
export interface ModelVersion {
	version: number;
	/** Epoch ms. */
	savedAt: number;
	note: string;
	model: Model;
}

/**
 * A saved model: the working copy (autosaved on every edit) plus its named versions, oldest
 * first. The versions' notes are the model's change log.
 */
export interface ModelRecord {
	id: string;
	name: string;
	/** Epoch ms of the last save of `current`. */
	updatedAt: number;
	current: Model;
	versions: ModelVersion[];
	/**
	 * Saves of `current` so far (absent in records saved before it existed: 0). A tab saves
	 * only over the revision it has seen; another tab's newer save is merged, never overwritten.
	 */
	revision?: number;
}

/** A remembered column mapping, keyed by a hash of the normalised header list. */
export interface MappingRecord<T = unknown> {
	key: string;
	/** Normalised headers (trimmed, lower-cased, sorted), checked on lookup against collisions. */
	headers: string[];
	mapping: T;
	savedAt: number;
}

/** A saved backtest report (its JSON as produced by the backtest module). */
export interface BacktestRecord<T = unknown> {
	id: string;
	name: string;
	datasetId: string | null;
	modelId: string | null;
	/** Epoch ms. */
	createdAt: number;
	report: T;
}

export interface WorkbenchDB extends DBSchema {
	datasets: { key: string; value: DatasetRecord; indexes: { byHash: string } };
	chunks: { key: [string, number]; value: ChunkRecord };
	dictionaries: { key: [string, string]; value: DictionaryRecord };
	models: { key: string; value: ModelRecord };
	mappings: { key: string; value: MappingRecord };
	/** Small settings (active dataset, last view, active model id), out-of-line string keys. */
	kv: { key: string; value: unknown };
	backtests: { key: string; value: BacktestRecord };
}

export type WorkbenchIDB = IDBPDatabase<WorkbenchDB>;
type UpgradeTx = IDBPTransaction<WorkbenchDB, StoreNames<WorkbenchDB>[], 'versionchange'>;

/** Upgrade step i takes the database from version i to i + 1. Append only. */
export const UPGRADES: ReadonlyArray<(db: WorkbenchIDB, tx: UpgradeTx) => void> = [
	// v0 → v1 (shipped in 0.1.0): the initial stores.
	(db) => {
		const datasets = db.createObjectStore('datasets', { keyPath: 'id' });
		datasets.createIndex('byHash', 'meta.fileHash');
		db.createObjectStore('chunks', { keyPath: ['datasetId', 'index'] });
		db.createObjectStore('dictionaries', { keyPath: ['datasetId', 'column'] });
		db.createObjectStore('models', { keyPath: 'id' });
		db.createObjectStore('mappings', { keyPath: 'key' });
		db.createObjectStore('kv');
		db.createObjectStore('backtests', { keyPath: 'id' });
	}
];

/** Run every step from `oldVersion` up to `DB_VERSION` (idb's `upgrade` callback). */
export function upgrade(db: WorkbenchIDB, oldVersion: number, tx: UpgradeTx): void {
	for (let v = oldVersion; v < DB_VERSION; v++) {
		const step = UPGRADES[v];
		if (!step) throw new Error(`No upgrade step from version ${v}`);
		step(db, tx);
	}
}

/** Keys of the `kv` store used by the storage layer itself. */
export const KV_ACTIVE_DATASET = 'activeDatasetId';
