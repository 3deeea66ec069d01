/**
 * The IndexedDB implementation of `WorkbenchStore` (idb 8). Transactions only ever await IDB
 * requests: datasets are validated and packed into chunk records before the first one opens.
 */
import { wrap, type IDBPTransaction, type StoreNames } from 'idb';
import type { Dataset, DatasetMeta } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import { markSaved, type KeyValueStorage } from './marker';
import type { ChangeChannel, ChangeMessage } from './broadcast';
import {
	chunkBytes,
	CHUNKS_PER_TRANSACTION,
	normaliseHeaders,
	headersKey,
	packChunk,
	planPacking,
	unpackDataset
} from './chunks';
import { StorageError, storageFailure, toStorageError } from './errors';
import {
	DB_NAME,
	DB_VERSION,
	KV_ACTIVE_DATASET,
	upgrade,
	type BacktestRecord,
	type DatasetRecord,
	type ModelRecord,
	type ModelVersion,
	type WorkbenchDB,
	type WorkbenchIDB
} from './schema';
import {
	injectedAbort,
	ModelConflict,
	summariseBacktest,
	summariseModel,
	type BacktestSummary,
	type ModelSummary,
	type SaveDatasetOptions,
	type SaveModelOptions,
	type SaveProgress,
	type StoreFaults,
	type WorkbenchStore
} from './store';
import { measureSince } from '../measure';

/** Connection callbacks; each gets a `StorageError` whose message the UI can show. */
export interface ConnectionCallbacks {
	/** An older tab holds the database open, so this (newer) tab waits: "close other tabs". */
	onBlocked?: (error: StorageError) => void;
	/** This tab blocked a newer tab's upgrade and has closed its connection: offer "reload". */
	onBlocking?: (error: StorageError) => void;
	/** The browser closed the connection abnormally; the store reopens on the next call. */
	onTerminated?: (error: StorageError) => void;
}

export interface IdbStoreOptions extends ConnectionCallbacks {
	factory: IDBFactory;
	name?: string;
	channel: ChangeChannel;
	/** Rows per chunk (default: chosen from the column count, 50k–200k). */
	chunkRows?: number;
	now?: () => number;
	faults?: StoreFaults;
	/** Where the "had saved data" marker goes (default localStorage; null for none). */
	marker?: KeyValueStorage | null;
}

type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<
	WorkbenchDB,
	StoreNames<WorkbenchDB>[],
	Mode
>;

/** All keys of one dataset in `chunks` / `dictionaries` ([id] < [id, x] < [id, []]). */
function datasetRange(id: string): IDBKeyRange {
	return IDBKeyRange.bound([id], [id, []]);
}

/** Open the database with an injectable factory (idb's `openDB` always uses the global one). */
export function openIdb(
	factory: IDBFactory,
	name: string,
	callbacks: ConnectionCallbacks & { onClose?: () => void; onVersionChange?: () => void },
	version = DB_VERSION
): Promise<WorkbenchIDB> {
	let request: IDBOpenDBRequest;
	try {
		request = factory.open(name, version);
	} catch (e) {
		return Promise.reject(toStorageError(e));
	}
	request.addEventListener('upgradeneeded', (event) => {
		const db = wrap(request.result) as unknown as WorkbenchIDB;
		const tx = wrap(request.transaction as IDBTransaction) as unknown as Tx<'versionchange'>;
		upgrade(db, event.oldVersion, tx);
	});
	request.addEventListener('blocked', () => callbacks.onBlocked?.(new StorageError('blocked')));
	return (wrap(request) as unknown as Promise<WorkbenchIDB>).then(
		(db) => {
			db.addEventListener('close', () => callbacks.onClose?.());
			db.addEventListener('versionchange', () => callbacks.onVersionChange?.());
			return db;
		},
		(e: unknown) => {
			throw toStorageError(e);
		}
	);
}

interface LockManagerLike {
	request<T>(
		name: string,
		options: { mode: 'shared' | 'exclusive'; ifAvailable?: boolean },
		callback: (lock: unknown) => Promise<T>
	): Promise<T>;
}

/** Web Locks, when the browser has them: imports hold `hsw-import` shared, the purge exclusive. */
function locks(): LockManagerLike | null {
	const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
	return nav?.locks ?? null;
}

const IMPORT_LOCK = 'hsw-import';

/** Run an import while holding the shared import lock (so no tab purges its staging data). */
function withImportLock<T>(fn: () => Promise<T>): Promise<T> {
	const l = locks();
	return l ? l.request(IMPORT_LOCK, { mode: 'shared' }, fn) : fn();
}

/** Run the purge only if no tab is importing; resolves to null when skipped. */
function ifNoImport<T>(fn: () => Promise<T>): Promise<T | null> {
	const l = locks();
	if (!l) return fn();
	return l.request(IMPORT_LOCK, { mode: 'exclusive', ifAvailable: true }, (lock) =>
		lock ? fn() : Promise.resolve(null)
	);
}

/** Attach the transaction's own error (e.g. QuotaExceededError) to a request's AbortError. */
function withTxError(e: unknown, tx: { error: DOMException | null }): unknown {
	if (e instanceof StorageError) return e;
	let txError: DOMException | null = null;
	try {
		txError = tx.error;
	} catch {
		// Reading .error of a still-active transaction throws InvalidStateError in some engines.
	}
	if (!txError || txError === e) return e;
	const wrapped = new Error(e instanceof Error ? e.message : String(e)) as Error & {
		inner: unknown;
		cause: unknown;
	};
	wrapped.name = e instanceof Error ? e.name : 'AbortError';
	wrapped.inner = txError;
	wrapped.cause = e;
	return wrapped;
}

/** Await a transaction's work and completion; map any failure to a StorageError. */
async function finish<T>(
	tx: { done: Promise<void>; error: DOMException | null },
	work: Promise<T>
): Promise<T> {
	try {
		const [result] = await Promise.all([work, tx.done]);
		return result;
	} catch (e) {
		throw toStorageError(withTxError(e, tx));
	}
}

export class IdbStore implements WorkbenchStore {
	readonly isPersistent = true;
	readonly unavailableReason = null;
	#db: WorkbenchIDB | null;
	#closedByUpgrade = false;
	#opts: IdbStoreOptions;
	#name: string;
	#now: () => number;

	private constructor(opts: IdbStoreOptions) {
		this.#db = null;
		this.#opts = opts;
		this.#name = opts.name ?? DB_NAME;
		this.#now = opts.now ?? Date.now;
	}

	/** Open (creating or upgrading the schema). Rejects with a StorageError (`version`, …). */
	static async open(opts: IdbStoreOptions): Promise<IdbStore> {
		const store = new IdbStore(opts);
		await store.#conn();
		return store;
	}

	#terminated(): void {
		this.#db = null;
		this.#opts.onTerminated?.(storageFailure('closed', 'terminated'));
	}

	#blocking(): void {
		this.#db?.close();
		this.#db = null;
		this.#closedByUpgrade = true;
		this.#opts.onBlocking?.(new StorageError('closed'));
	}

	async #conn(): Promise<WorkbenchIDB> {
		if (this.#db) return this.#db;
		if (this.#closedByUpgrade) throw new StorageError('closed');
		this.#db = await openIdb(this.#opts.factory, this.#name, {
			onBlocked: this.#opts.onBlocked,
			onClose: () => this.#terminated(),
			onVersionChange: () => this.#blocking()
		});
		return this.#db;
	}

	async #run<T>(fn: (db: WorkbenchIDB) => Promise<T>): Promise<T> {
		try {
			return await fn(await this.#conn());
		} catch (e) {
			throw toStorageError(e);
		}
	}

	#notify(message: ChangeMessage): void {
		// Every committed write passes here: remember, outside IndexedDB, that there is data.
		if (message.topic === 'datasets' || message.topic === 'models')
			markSaved({}, this.#now(), this.#opts.marker === undefined ? undefined : this.#opts.marker);
		this.#opts.channel.post(message);
	}

	// ----- datasets -----------------------------------------------------------------------------

	async saveDataset(
		dataset: Dataset,
		onProgress?: SaveProgress,
		options: SaveDatasetOptions = {}
	): Promise<DatasetMeta> {
		// Validate and pack first: nothing but IDB requests may be awaited inside a transaction.
		// Stage durations go to the User Timing timeline as `store:<stage>` (the bench reads them).
		let t = performance.now();
		const lap = (stage: string) => void (t = measureSince(`store:${stage}`, t));
		// Each chunk is packed just before its put, so no task copies the whole table at once.
		const plan = planPacking(dataset, this.#opts.chunkRows);
		lap('plan');
		const id = dataset.meta.id;
		const meta: DatasetMeta = { ...dataset.meta, bytes: plan.dictionaryBytes };
		const activate = options.activate ?? true;
		const faults = this.#opts.faults;
		let halted: Error | null = null;
		return this.#run((db) =>
			withImportLock(async () => {
				// 1. Staging record (small transaction); refuses an id that is taken.
				{
					const tx = db.transaction('datasets', 'readwrite');
					await finish(
						tx,
						(async () => {
							if (await tx.store.getKey(id)) {
								tx.abort();
								throw storageFailure('conflict', 'id-taken', { id });
							}
							const record: DatasetRecord = {
								id,
								status: 'staging',
								meta,
								layout: plan.layout,
								chunkRows: plan.chunkRows,
								chunkCount: plan.chunkCount,
								updatedAt: this.#now()
							};
							await tx.store.put(record);
						})()
					);
					lap('staging');
				}
				try {
					// 2. Chunks: a few per transaction, one put per task. Each chunk is packed in the
					// previous put's success event (the transaction stays active: only IDB requests
					// are awaited), so no task serialises more than one ~1 MB record.
					let written = 0;
					for (let first = 0; first < plan.chunkCount; first += CHUNKS_PER_TRANSACTION) {
						const last = Math.min(plan.chunkCount, first + CHUNKS_PER_TRANSACTION);
						const tx = db.transaction('chunks', 'readwrite');
						let injected: StorageError | null = null;
						await finish(
							tx,
							(async () => {
								for (let index = first; index < last; index++) {
									const chunk = packChunk(dataset, index, plan.chunkRows);
									meta.bytes += chunkBytes(chunk);
									const fault = faults?.chunkWrite?.(chunk.index) ?? null;
									if (fault && !(fault instanceof Error)) {
										halted = fault.halt; // stop here; what was put so far commits
										return;
									}
									const put = tx.store.put(chunk);
									if (fault) {
										injected = toStorageError(injectedAbort(fault));
										tx.abort();
										await put.catch(() => undefined);
										return;
									}
									await put;
									written += chunk.n;
									onProgress?.(written, meta.rows);
								}
							})()
						).catch((e: unknown) => {
							throw injected ?? e;
						});
						if (halted) throw halted;
					}
					if (plan.chunkCount === 0) onProgress?.(0, 0);
					lap('chunks');
					// 3. Dictionaries.
					if (plan.dictionaries.length > 0) {
						const tx = db.transaction('dictionaries', 'readwrite');
						await finish(tx, Promise.all(plan.dictionaries.map((d) => tx.store.put(d))));
					}
					lap('dictionaries');
					// 4. Commit: flip status (and the active pointer) in one small transaction.
					const tx = db.transaction(['datasets', 'chunks', 'dictionaries', 'kv'], 'readwrite');
					await finish(
						tx,
						(async () => {
							const datasets = tx.objectStore('datasets');
							const staged = await datasets.get(id);
							if (!staged || staged.status !== 'staging') {
								tx.abort();
								throw storageFailure('aborted', 'import-cancelled');
							}
							await datasets.put({ ...staged, meta, status: 'ready', updatedAt: this.#now() });
							const kv = tx.objectStore('kv');
							const active = await kv.get(KV_ACTIVE_DATASET);
							const old = options.replaces;
							if (old && old !== id) {
								await datasets.delete(old);
								await tx.objectStore('chunks').delete(datasetRange(old));
								await tx.objectStore('dictionaries').delete(datasetRange(old));
							}
							if (activate || (old !== undefined && active === old))
								await kv.put(id, KV_ACTIVE_DATASET);
						})()
					);
					lap('commit');
				} catch (e) {
					if (e !== halted) {
						// Best effort: whatever is left is purged at the next start-up.
						await this.#discardStaging(db, id).catch(() => undefined);
					}
					throw e;
				}
				this.#notify({ topic: 'datasets', id });
				if (activate) this.#notify({ topic: 'active-dataset', id });
				return meta;
			})
		);
	}

	async #discardStaging(db: WorkbenchIDB, id: string): Promise<void> {
		const tx = db.transaction(['datasets', 'chunks', 'dictionaries'], 'readwrite');
		await finish(
			tx,
			(async () => {
				const rec = await tx.objectStore('datasets').get(id);
				if (rec && rec.status !== 'staging') return;
				await tx.objectStore('datasets').delete(id);
				await tx.objectStore('chunks').delete(datasetRange(id));
				await tx.objectStore('dictionaries').delete(datasetRange(id));
			})()
		);
	}

	loadDataset(id: string): Promise<Dataset> {
		return this.#run(async (db) => {
			const tx = db.transaction(['datasets', 'chunks', 'dictionaries'], 'readonly');
			const [rec, chunks, dicts] = await finish(
				tx,
				Promise.all([
					tx.objectStore('datasets').get(id),
					tx.objectStore('chunks').getAll(datasetRange(id)),
					tx.objectStore('dictionaries').getAll(datasetRange(id))
				])
			);
			if (!rec || rec.status !== 'ready') throw storageFailure('not-found', 'dataset-gone');
			return unpackDataset(rec.meta, rec.layout, chunks, dicts);
		});
	}

	listDatasets(): Promise<DatasetMeta[]> {
		return this.#run(async (db) => {
			const all = await db.getAll('datasets');
			return all
				.filter((r) => r.status === 'ready')
				.map((r) => r.meta)
				.sort((a, b) => b.createdAt - a.createdAt);
		});
	}

	renameDataset(id: string, name: string): Promise<DatasetMeta> {
		return this.#run(async (db) => {
			const tx = db.transaction('datasets', 'readwrite');
			const meta = await finish(
				tx,
				(async () => {
					const rec = await tx.store.get(id);
					if (!rec || rec.status !== 'ready') return null;
					const next = { ...rec.meta, name };
					await tx.store.put({ ...rec, meta: next, updatedAt: this.#now() });
					return next;
				})()
			);
			if (!meta) throw new StorageError('not-found');
			this.#notify({ topic: 'datasets', id });
			return meta;
		});
	}

	deleteDataset(id: string): Promise<void> {
		return this.#run(async (db) => {
			const tx = db.transaction(['datasets', 'chunks', 'dictionaries', 'kv'], 'readwrite');
			const wasActive = await finish(
				tx,
				(async () => {
					await tx.objectStore('datasets').delete(id);
					await tx.objectStore('chunks').delete(datasetRange(id));
					await tx.objectStore('dictionaries').delete(datasetRange(id));
					const kv = tx.objectStore('kv');
					const active = (await kv.get(KV_ACTIVE_DATASET)) === id;
					if (active) await kv.delete(KV_ACTIVE_DATASET);
					return active;
				})()
			);
			this.#notify({ topic: 'datasets', id });
			if (wasActive) this.#notify({ topic: 'active-dataset' });
		});
	}

	findDatasetByHash(fileHash: string): Promise<DatasetMeta | null> {
		return this.#run(async (db) => {
			const all = await db.getAllFromIndex('datasets', 'byHash', fileHash);
			const ready = all.filter((r) => r.status === 'ready');
			ready.sort((a, b) => b.meta.createdAt - a.meta.createdAt);
			return ready[0]?.meta ?? null;
		});
	}

	setActiveDataset(id: string | null): Promise<void> {
		return this.#run(async (db) => {
			const tx = db.transaction(['datasets', 'kv'], 'readwrite');
			const ok = await finish(
				tx,
				(async () => {
					if (id === null) {
						await tx.objectStore('kv').delete(KV_ACTIVE_DATASET);
						return true;
					}
					const rec = await tx.objectStore('datasets').get(id);
					if (!rec || rec.status !== 'ready') return false;
					await tx.objectStore('kv').put(id, KV_ACTIVE_DATASET);
					return true;
				})()
			);
			if (!ok) throw storageFailure('not-found', 'dataset-gone');
			this.#notify(id === null ? { topic: 'active-dataset' } : { topic: 'active-dataset', id });
		});
	}

	getActiveDataset(): Promise<DatasetMeta | null> {
		return this.#run(async (db) => {
			const tx = db.transaction(['datasets', 'kv'], 'readonly');
			return finish(
				tx,
				(async () => {
					const id = await tx.objectStore('kv').get(KV_ACTIVE_DATASET);
					if (typeof id !== 'string') return null;
					const rec = await tx.objectStore('datasets').get(id);
					return rec && rec.status === 'ready' ? rec.meta : null;
				})()
			);
		});
	}

	// ----- models -------------------------------------------------------------------------------

	saveModel(model: Model, options: SaveModelOptions = {}): Promise<ModelSummary> {
		return this.#run(async (db) => {
			const tx = db.transaction('models', 'readwrite');
			const rec = await finish(
				tx,
				(async () => {
					const old = await tx.store.get(model.id);
					const expect = options.expectRevision;
					if (old && expect !== undefined && (old.revision ?? 0) !== expect)
						return new ModelConflict(old);
					const next: ModelRecord = {
						id: model.id,
						name: model.name,
						updatedAt: this.#now(),
						current: model,
						versions: old?.versions ?? [],
						revision: (old?.revision ?? 0) + 1
					};
					await tx.store.put(next);
					return next;
				})()
			);
			if (rec instanceof ModelConflict) throw rec;
			this.#notify({ topic: 'models', id: model.id });
			return summariseModel(rec);
		});
	}

	saveModelVersion(id: string, note: string, model?: Model): Promise<ModelVersion> {
		return this.#run(async (db) => {
			const tx = db.transaction('models', 'readwrite');
			const version = await finish(
				tx,
				(async () => {
					const old = await tx.store.get(id);
					const current = model ?? old?.current;
					if (!current) return null;
					const now = this.#now();
					const versions = old?.versions ?? [];
					const v: ModelVersion = {
						version: (versions.at(-1)?.version ?? 0) + 1,
						savedAt: now,
						note,
						model: current
					};
					await tx.store.put({
						id,
						name: current.name,
						updatedAt: now,
						current,
						versions: [...versions, v]
					});
					return v;
				})()
			);
			if (!version) throw storageFailure('not-found', 'model-gone', { id });
			this.#notify({ topic: 'models', id });
			return version;
		});
	}

	listModels(): Promise<ModelSummary[]> {
		return this.#run(async (db) =>
			(await db.getAll('models')).map(summariseModel).sort((a, b) => b.updatedAt - a.updatedAt)
		);
	}

	loadModel(id: string): Promise<ModelRecord | null> {
		return this.#run(async (db) => (await db.get('models', id)) ?? null);
	}

	deleteModel(id: string): Promise<void> {
		return this.#run(async (db) => {
			await db.delete('models', id);
			this.#notify({ topic: 'models', id });
		});
	}

	// ----- mappings, settings, backtests ----------------------------------------------------------

	saveMapping<T>(headers: readonly string[], mapping: T): Promise<void> {
		return this.#run(async (db) => {
			await db.put('mappings', {
				key: headersKey(headers),
				headers: normaliseHeaders(headers),
				mapping,
				savedAt: this.#now()
			});
			this.#notify({ topic: 'mappings' });
		});
	}

	findMapping<T>(headers: readonly string[]): Promise<T | null> {
		return this.#run(async (db) => {
			const rec = await db.get('mappings', headersKey(headers));
			if (!rec) return null;
			const want = normaliseHeaders(headers);
			const same = rec.headers.length === want.length && rec.headers.every((h, i) => h === want[i]);
			return same ? (rec.mapping as T) : null;
		});
	}

	getSetting<T>(key: string): Promise<T | undefined> {
		return this.#run(async (db) => (await db.get('kv', key)) as T | undefined);
	}

	setSetting(key: string, value: unknown): Promise<void> {
		return this.#run(async (db) => {
			await db.put('kv', value, key);
			this.#notify({ topic: 'settings', id: key });
		});
	}

	saveBacktest(record: BacktestRecord): Promise<void> {
		return this.#run(async (db) => {
			await db.put('backtests', record);
			this.#notify({ topic: 'backtests', id: record.id });
		});
	}

	listBacktests(): Promise<BacktestSummary[]> {
		return this.#run(async (db) =>
			(await db.getAll('backtests'))
				.map(summariseBacktest)
				.sort((a, b) => b.createdAt - a.createdAt)
		);
	}

	loadBacktest(id: string): Promise<BacktestRecord | null> {
		return this.#run(async (db) => (await db.get('backtests', id)) ?? null);
	}

	deleteBacktest(id: string): Promise<void> {
		return this.#run(async (db) => {
			await db.delete('backtests', id);
			this.#notify({ topic: 'backtests', id });
		});
	}

	// ----- housekeeping -------------------------------------------------------------------------

	purgeOrphans(): Promise<number> {
		return this.#run(async (db) => (await ifNoImport(() => this.#purge(db))) ?? 0);
	}

	async #purge(db: WorkbenchIDB): Promise<number> {
		const tx = db.transaction(['datasets', 'chunks', 'dictionaries', 'kv'], 'readwrite');
		return finish(
			tx,
			(async () => {
				const datasets = tx.objectStore('datasets');
				const records = await datasets.getAll();
				const ready = new Set(records.filter((r) => r.status === 'ready').map((r) => r.id));
				const [chunkKeys, dictKeys] = await Promise.all([
					tx.objectStore('chunks').getAllKeys(),
					tx.objectStore('dictionaries').getAllKeys()
				]);
				const orphans = new Set<string>();
				for (const r of records) if (r.status !== 'ready') orphans.add(r.id);
				for (const [id] of chunkKeys) if (!ready.has(id)) orphans.add(id);
				for (const [id] of dictKeys) if (!ready.has(id)) orphans.add(id);
				for (const id of orphans) {
					await datasets.delete(id);
					await tx.objectStore('chunks').delete(datasetRange(id));
					await tx.objectStore('dictionaries').delete(datasetRange(id));
				}
				const kv = tx.objectStore('kv');
				const active = await kv.get(KV_ACTIVE_DATASET);
				if (typeof active === 'string' && !ready.has(active)) await kv.delete(KV_ACTIVE_DATASET);
				return orphans.size;
			})()
		);
	}

	onChange(listener: (message: ChangeMessage) => void): () => void {
		return this.#opts.channel.subscribe(listener);
	}

	close(): void {
		this.#db?.close();
		this.#db = null;
		this.#closedByUpgrade = true;
		this.#opts.channel.close();
	}
}
