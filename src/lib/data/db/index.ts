/**
 * Storage layer entry point: `openWorkbenchDb()` gives a `WorkbenchStore` backed by IndexedDB,
 * or by memory when IndexedDB is missing or refuses to open (`isPersistent === false`: show the
 * "this tab only" banner). See store.ts for the API and errors.ts for error codes.
 */
import { openChangeChannel, silentChannel, type ChangeChannel } from './broadcast';
import { StorageError, toStorageError } from './errors';
import { IdbStore, type ConnectionCallbacks } from './idb-store';
import { MemoryStore } from './memory-store';
import type { KeyValueStorage } from './marker';
import { DB_NAME } from './schema';
import type { StoreFaults, WorkbenchStore } from './store';

export interface OpenWorkbenchDbOptions extends ConnectionCallbacks {
	/** IndexedDB factory (default `globalThis.indexedDB`); tests pass `new IDBFactory()`. */
	factory?: IDBFactory | null;
	/** Database name (default `health-score-workbench`). */
	name?: string;
	/** Fall back to memory when IndexedDB is unusable (default true). Never for `version`. */
	fallbackToMemory?: boolean;
	/** Cross-tab channel (default `BroadcastChannel('hsw')`); `false` for none. */
	channel?: ChangeChannel | false;
	/** Purge staging data of crashed imports on open (default true). */
	purge?: boolean;
	/** Rows per chunk (default chosen from the column count, 50k–200k). */
	chunkRows?: number;
	/** Clock (epoch ms), for tests. */
	now?: () => number;
	faults?: StoreFaults;
	/** Where the "had saved data" marker goes (default localStorage; null for none). */
	marker?: KeyValueStorage | null;
}

/**
 * Open the workbench's storage. Rejects only with `StorageError('version')` (the data was saved
 * by a newer app: the UI may then call `openMemoryStore()` after telling the user) or, with
 * `fallbackToMemory: false`, `unavailable`. Anything else falls back to memory.
 */
export async function openWorkbenchDb(opts: OpenWorkbenchDbOptions = {}): Promise<WorkbenchStore> {
	const fallback = opts.fallbackToMemory ?? true;
	const memory = (reason: StorageError) => {
		if (!fallback) throw reason;
		return openMemoryStore({ ...opts, reason });
	};
	let factory: IDBFactory | null | undefined = opts.factory;
	if (factory === undefined) {
		try {
			factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null;
		} catch {
			factory = null; // Some browsers throw on access when storage is blocked.
		}
	}
	if (!factory) return memory(new StorageError('unavailable'));
	let store: IdbStore;
	try {
		store = await IdbStore.open({
			factory,
			name: opts.name ?? DB_NAME,
			channel: opts.channel === false ? silentChannel() : (opts.channel ?? openChangeChannel()),
			chunkRows: opts.chunkRows,
			now: opts.now,
			faults: opts.faults,
			marker: opts.marker,
			onBlocked: opts.onBlocked,
			onBlocking: opts.onBlocking,
			onTerminated: opts.onTerminated
		});
	} catch (e) {
		const err = toStorageError(e);
		if (err.code === 'version') throw err;
		return memory(new StorageError('unavailable', undefined, { cause: err }));
	}
	if (opts.purge ?? true) {
		// Best effort: a failed purge leaves orphans for the next start, never blocks the app.
		await store.purgeOrphans().catch(() => 0);
	}
	return store;
}

/** An in-memory store (nothing persists); `reason` is shown in the banner. */
export function openMemoryStore(
	opts: Pick<OpenWorkbenchDbOptions, 'chunkRows' | 'now' | 'faults'> & {
		reason?: StorageError | null;
	} = {}
): WorkbenchStore {
	return new MemoryStore({
		reason: opts.reason ?? null,
		chunkRows: opts.chunkRows,
		now: opts.now,
		faults: opts.faults
	});
}

export { StorageError, STORAGE_MESSAGES, toStorageError, type StorageErrorCode } from './errors';
export { requestPersistence, persistenceNow, storageEstimate, probablyFits } from './persist';
export type { PersistenceResult, StorageEstimate } from './persist';
export {
	openChangeChannel,
	type ChangeChannel,
	type ChangeMessage,
	type ChangeTopic
} from './broadcast';
export { newId } from './store';
export type {
	WorkbenchStore,
	SaveProgress,
	SaveDatasetOptions,
	ModelSummary,
	BacktestSummary
} from './store';
export type { BacktestRecord, ModelRecord, ModelVersion } from './schema';
export { DB_NAME, DB_VERSION } from './schema';
export {
	readMarker,
	markSaved,
	markLost,
	markPersistence,
	clearMarker,
	MARKER_KEY
} from './marker';
export type { DataMarker, KeyValueStorage } from './marker';
export { ModelConflict, type SaveModelOptions } from './store';
