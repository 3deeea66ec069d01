/**
 * The in-memory `WorkbenchStore`: used when IndexedDB is missing or refuses to open (private
 * windows, storage disabled). Same behaviour as `IdbStore` (all-or-nothing saves, values copied
 * on the way in and out) but nothing survives the tab; `isPersistent` is false for the banner.
 */
import type { Dataset, DatasetMeta } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import type { ChangeMessage } from './broadcast';
import { headersKey, normaliseHeaders, packDataset, unpackDataset } from './chunks';
import { StorageError, storageFailure, toStorageError } from './errors';
import { KV_ACTIVE_DATASET } from './schema';
import type {
	BacktestRecord,
	ChunkRecord,
	DatasetRecord,
	DictionaryRecord,
	MappingRecord,
	ModelRecord,
	ModelVersion
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

export interface MemoryStoreOptions {
	/** Why IndexedDB could not be used (shown in the banner). */
	reason?: StorageError | null;
	chunkRows?: number;
	now?: () => number;
	faults?: StoreFaults;
}

interface StoredDataset {
	record: DatasetRecord;
	chunks: ChunkRecord[];
	dictionaries: DictionaryRecord[];
}

const ACTIVE = KV_ACTIVE_DATASET;

export class MemoryStore implements WorkbenchStore {
	readonly isPersistent = false;
	readonly unavailableReason: StorageError | null;
	#datasets = new Map<string, StoredDataset>();
	#models = new Map<string, ModelRecord>();
	#mappings = new Map<string, MappingRecord>();
	#kv = new Map<string, unknown>();
	#backtests = new Map<string, BacktestRecord>();
	#opts: MemoryStoreOptions;
	#now: () => number;

	constructor(opts: MemoryStoreOptions = {}) {
		this.#opts = opts;
		this.unavailableReason = opts.reason ?? null;
		this.#now = opts.now ?? Date.now;
	}

	async saveDataset(
		dataset: Dataset,
		onProgress?: SaveProgress,
		options: SaveDatasetOptions = {}
	): Promise<DatasetMeta> {
		const packed = packDataset(dataset, this.#opts.chunkRows);
		const id = dataset.meta.id;
		if (this.#datasets.has(id)) throw storageFailure('conflict', 'id-taken', { id });
		const meta: DatasetMeta = { ...dataset.meta, bytes: packed.bytes };
		// Staged locally; committed to the maps only at the end, in one step.
		const chunks: ChunkRecord[] = [];
		let written = 0;
		for (const chunk of packed.chunks) {
			const fault = this.#opts.faults?.chunkWrite?.(chunk.index) ?? null;
			if (fault && !(fault instanceof Error)) throw fault.halt;
			if (fault) throw toStorageError(injectedAbort(fault));
			chunks.push(structuredClone(chunk));
			written += chunk.n;
			onProgress?.(written, meta.rows);
			await Promise.resolve();
		}
		if (packed.chunks.length === 0) onProgress?.(0, 0);
		const record: DatasetRecord = {
			id,
			status: 'ready',
			meta: structuredClone(meta),
			layout: packed.layout,
			chunkRows: packed.chunkRows,
			chunkCount: packed.chunks.length,
			updatedAt: this.#now()
		};
		const old = options.replaces;
		const replacingActive = old !== undefined && this.#kv.get(ACTIVE) === old;
		this.#datasets.set(id, {
			record,
			chunks,
			dictionaries: structuredClone(packed.dictionaries)
		});
		if (old && old !== id) this.#datasets.delete(old);
		if ((options.activate ?? true) || replacingActive) this.#kv.set(ACTIVE, id);
		return structuredClone(meta);
	}

	async loadDataset(id: string): Promise<Dataset> {
		const d = this.#datasets.get(id);
		if (!d) throw storageFailure('not-found', 'dataset-gone');
		return unpackDataset(
			structuredClone(d.record.meta),
			d.record.layout,
			structuredClone(d.chunks),
			structuredClone(d.dictionaries)
		);
	}

	async listDatasets(): Promise<DatasetMeta[]> {
		return [...this.#datasets.values()]
			.map((d) => structuredClone(d.record.meta))
			.sort((a, b) => b.createdAt - a.createdAt);
	}

	async renameDataset(id: string, name: string): Promise<DatasetMeta> {
		const d = this.#datasets.get(id);
		if (!d) throw new StorageError('not-found');
		d.record = { ...d.record, meta: { ...d.record.meta, name }, updatedAt: this.#now() };
		return structuredClone(d.record.meta);
	}

	async deleteDataset(id: string): Promise<void> {
		this.#datasets.delete(id);
		if (this.#kv.get(ACTIVE) === id) this.#kv.delete(ACTIVE);
	}

	async findDatasetByHash(fileHash: string): Promise<DatasetMeta | null> {
		const hits = [...this.#datasets.values()]
			.map((d) => d.record.meta)
			.filter((m) => m.fileHash === fileHash)
			.sort((a, b) => b.createdAt - a.createdAt);
		return hits[0] ? structuredClone(hits[0]) : null;
	}

	async setActiveDataset(id: string | null): Promise<void> {
		if (id === null) {
			this.#kv.delete(ACTIVE);
			return;
		}
		if (!this.#datasets.has(id)) throw storageFailure('not-found', 'dataset-gone');
		this.#kv.set(ACTIVE, id);
	}

	async getActiveDataset(): Promise<DatasetMeta | null> {
		const id = this.#kv.get(ACTIVE);
		const d = typeof id === 'string' ? this.#datasets.get(id) : undefined;
		return d ? structuredClone(d.record.meta) : null;
	}

	async saveModel(model: Model, options: SaveModelOptions = {}): Promise<ModelSummary> {
		const old = this.#models.get(model.id);
		const expect = options.expectRevision;
		if (old && expect !== undefined && (old.revision ?? 0) !== expect)
			throw new ModelConflict(structuredClone(old));
		const rec: ModelRecord = {
			id: model.id,
			name: model.name,
			updatedAt: this.#now(),
			current: structuredClone(model),
			versions: old?.versions ?? [],
			revision: (old?.revision ?? 0) + 1
		};
		this.#models.set(model.id, rec);
		return summariseModel(rec);
	}

	async saveModelVersion(id: string, note: string, model?: Model): Promise<ModelVersion> {
		const old = this.#models.get(id);
		const current = model ? structuredClone(model) : old?.current;
		if (!current) throw storageFailure('not-found', 'model-gone', { id });
		const now = this.#now();
		const versions = old?.versions ?? [];
		const v: ModelVersion = {
			version: (versions.at(-1)?.version ?? 0) + 1,
			savedAt: now,
			note,
			model: structuredClone(current)
		};
		this.#models.set(id, {
			id,
			name: current.name,
			updatedAt: now,
			current,
			versions: [...versions, v]
		});
		return structuredClone(v);
	}

	async listModels(): Promise<ModelSummary[]> {
		return [...this.#models.values()].map(summariseModel).sort((a, b) => b.updatedAt - a.updatedAt);
	}

	async loadModel(id: string): Promise<ModelRecord | null> {
		const r = this.#models.get(id);
		return r ? structuredClone(r) : null;
	}

	async deleteModel(id: string): Promise<void> {
		this.#models.delete(id);
	}

	async saveMapping<T>(headers: readonly string[], mapping: T): Promise<void> {
		const key = headersKey(headers);
		this.#mappings.set(key, {
			key,
			headers: normaliseHeaders(headers),
			mapping: structuredClone(mapping),
			savedAt: this.#now()
		});
	}

	async findMapping<T>(headers: readonly string[]): Promise<T | null> {
		const rec = this.#mappings.get(headersKey(headers));
		if (!rec) return null;
		const want = normaliseHeaders(headers);
		const same = rec.headers.length === want.length && rec.headers.every((h, i) => h === want[i]);
		return same ? (structuredClone(rec.mapping) as T) : null;
	}

	async getSetting<T>(key: string): Promise<T | undefined> {
		return structuredClone(this.#kv.get(key)) as T | undefined;
	}

	async setSetting(key: string, value: unknown): Promise<void> {
		this.#kv.set(key, structuredClone(value));
	}

	async saveBacktest(record: BacktestRecord): Promise<void> {
		this.#backtests.set(record.id, structuredClone(record));
	}

	async listBacktests(): Promise<BacktestSummary[]> {
		return [...this.#backtests.values()]
			.map(summariseBacktest)
			.sort((a, b) => b.createdAt - a.createdAt);
	}

	async loadBacktest(id: string): Promise<BacktestRecord | null> {
		const r = this.#backtests.get(id);
		return r ? structuredClone(r) : null;
	}

	async deleteBacktest(id: string): Promise<void> {
		this.#backtests.delete(id);
	}

	/** Nothing to purge: a failed save never reaches the maps. */
	async purgeOrphans(): Promise<number> {
		return 0;
	}

	/** No other tab shares this memory: never called. */
	onChange(_listener: (message: ChangeMessage) => void): () => void {
		return () => {};
	}

	close(): void {}
}
