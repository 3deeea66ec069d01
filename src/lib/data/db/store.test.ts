/**
 * The WorkbenchStore contract, run against both implementations (IndexedDB via fake-indexeddb
 * with a fresh factory per test, and memory), plus IndexedDB-only cases (reopen, upgrade,
 * version error, terminated, blocking, fallback, cross-tab notices, purge after a crash).
 */
import { IDBFactory, forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Model } from '$lib/model/types';
import { StorageError } from './errors';
import { openMemoryStore, openWorkbenchDb } from './index';
import { DB_NAME, DB_VERSION } from './schema';
import type { StoreFaults, WorkbenchStore } from './store';
import { assertSameRows, makeDataset } from './testing/helpers';

interface Harness {
	open(faults?: StoreFaults): Promise<WorkbenchStore>;
	/** Chunk keys left in the raw database (memory: none by construction). */
	chunkKeys(): Promise<unknown[]>;
}

function rawRequest<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function rawChunkKeys(factory: IDBFactory): Promise<unknown[]> {
	const db = await rawRequest(factory.open(DB_NAME));
	const keys = await rawRequest(db.transaction('chunks').objectStore('chunks').getAllKeys());
	db.close();
	return keys;
}

const idbHarness = (): Harness => {
	const factory = new IDBFactory();
	return {
		open: (faults) => openWorkbenchDb({ factory, channel: false, chunkRows: 50_000, faults }),
		chunkKeys: () => rawChunkKeys(factory)
	};
};

const memoryHarness = (): Harness => ({
	open: async (faults) => openMemoryStore({ chunkRows: 50_000, faults }),
	chunkKeys: async () => []
});

function model(id: string, name = `Model ${id}`): Model {
	return {
		schemaVersion: 1,
		id,
		name,
		dimensions: [],
		tiers: [{ id: 'green', name: 'Green', min: 0, color: '#00aa00', action: 'none' }],
		minCoverage: 0.5
	};
}

async function rejection(p: Promise<unknown>): Promise<StorageError> {
	try {
		await p;
	} catch (e) {
		expect(e).toBeInstanceOf(StorageError);
		return e as StorageError;
	}
	throw new Error('expected a rejection');
}

describe.each([
	['IndexedDB', idbHarness],
	['memory', memoryHarness]
])('WorkbenchStore contract: %s', (kind, harness) => {
	it('round-trips a 120k-row dataset over 3 chunks exactly (NaN, −0, categories, leading zeros)', async () => {
		const h = harness();
		const store = await h.open();
		const ds = makeDataset(120_000, 'ds-big');
		const progress: number[] = [];
		const meta = await store.saveDataset(ds, (done, total) => progress.push(done / total));
		expect(progress).toEqual([50_000 / 120_000, 100_000 / 120_000, 1]);
		expect(meta.bytes).toBeGreaterThan(120_000 * 32);
		const back = await store.loadDataset('ds-big');
		assertSameRows(ds, back);
		expect(back.ids[7]).toBe('00000007');
		expect(back.meta).toEqual(meta);
		expect((await store.getActiveDataset())?.id).toBe('ds-big');
		if (kind === 'IndexedDB') expect(await h.chunkKeys()).toHaveLength(3);
		store.close();
	});

	it('lists, finds by hash, renames and deletes; delete clears the active pointer', async () => {
		const store = await harness().open();
		await store.saveDataset(makeDataset(10, 'a', 1, 'h1'));
		await store.saveDataset(makeDataset(10, 'b', 2, 'h2'), undefined, { activate: false });
		expect((await store.listDatasets()).map((m) => m.id)).toEqual(['b', 'a']); // newest first
		expect((await store.findDatasetByHash('h2'))?.id).toBe('b');
		expect(await store.findDatasetByHash('nope')).toBeNull();
		expect((await store.getActiveDataset())?.id).toBe('a');
		expect((await store.renameDataset('a', 'Renamed')).name).toBe('Renamed');
		expect((await store.loadDataset('a')).meta.name).toBe('Renamed');
		await store.deleteDataset('a');
		expect(await store.getActiveDataset()).toBeNull();
		expect((await store.listDatasets()).map((m) => m.id)).toEqual(['b']);
		expect((await rejection(store.loadDataset('a'))).code).toBe('not-found');
		expect((await rejection(store.setActiveDataset('a'))).code).toBe('not-found');
		await store.setActiveDataset('b');
		expect((await store.getActiveDataset())?.id).toBe('b');
		store.close();
	});

	it('replaces a re-imported dataset in the commit, keeping it active', async () => {
		const store = await harness().open();
		await store.saveDataset(makeDataset(60_000, 'old', 1, 'same'));
		await store.saveDataset(makeDataset(60_000, 'new', 2, 'same'), undefined, {
			activate: false,
			replaces: 'old'
		});
		expect((await store.listDatasets()).map((m) => m.id)).toEqual(['new']);
		expect((await store.getActiveDataset())?.id).toBe('new');
		expect((await store.findDatasetByHash('same'))?.id).toBe('new');
		store.close();
	});

	it('refuses a taken id and an inconsistent dataset without writing anything', async () => {
		const h = harness();
		const store = await h.open();
		await store.saveDataset(makeDataset(10, 'a'));
		expect((await rejection(store.saveDataset(makeDataset(10, 'a', 9)))).code).toBe('conflict');
		const bad = makeDataset(10, 'bad');
		bad.ids.pop();
		expect((await rejection(store.saveDataset(bad))).code).toBe('invalid');
		expect((await store.listDatasets()).map((m) => m.id)).toEqual(['a']);
		assertSameRows(await store.loadDataset('a'), makeDataset(10, 'a'));
		if (kind === 'IndexedDB') expect(await h.chunkKeys()).toEqual([['a', 0]]);
		store.close();
	});

	it.each([
		['a write error', new Error('disk on fire'), 'aborted'],
		[
			'QuotaExceededError inside an AbortError',
			new DOMException('full', 'QuotaExceededError'),
			'quota'
		]
	])(
		'a failing import (%s at chunk 2 of 3) leaves the previous dataset and pointer intact',
		async (_n, fault, code) => {
			const h = harness();
			let armed = false;
			const store = await h.open({ chunkWrite: (i) => (armed && i === 1 ? fault : null) });
			const previous = makeDataset(60_000, 'prev', 5);
			await store.saveDataset(previous);
			armed = true;
			const err = await rejection(store.saveDataset(makeDataset(120_000, 'next', 6)));
			expect(err.code).toBe(code);
			if (code === 'quota') expect(err.message).toMatch(/^Storage is full: export your model/);
			expect((await store.listDatasets()).map((m) => m.id)).toEqual(['prev']);
			expect((await store.getActiveDataset())?.id).toBe('prev');
			assertSameRows(await store.loadDataset('prev'), previous);
			expect((await rejection(store.loadDataset('next'))).code).toBe('not-found');
			if (kind === 'IndexedDB')
				expect(await h.chunkKeys()).toEqual([
					['prev', 0],
					['prev', 1]
				]);
			store.close();
		}
	);

	it('saves models with named versions and a change log', async () => {
		const store = await harness().open();
		await store.saveModel(model('m1', 'First'));
		expect((await rejection(store.saveModelVersion('nope', 'x'))).code).toBe('not-found');
		const v1 = await store.saveModelVersion('m1', 'initial weights');
		const v2 = await store.saveModelVersion('m1', 'usage up to 50 %', model('m1', 'First v2'));
		expect([v1.version, v2.version]).toEqual([1, 2]);
		await store.saveModel(model('m1', 'Working copy'));
		const rec = await store.loadModel('m1');
		expect(rec?.current.name).toBe('Working copy');
		expect(rec?.versions.map((v) => [v.version, v.note, v.model.name])).toEqual([
			[1, 'initial weights', 'First'],
			[2, 'usage up to 50 %', 'First v2']
		]);
		await store.saveModel(model('m2'));
		const list = await store.listModels();
		expect(list.map((m) => [m.id, m.versionCount, m.latestVersion]).sort()).toEqual([
			['m1', 2, 2],
			['m2', 0, 0]
		]);
		await store.deleteModel('m2');
		expect(await store.loadModel('m2')).toBeNull();
		store.close();
	});

	it('remembers mappings by header list (order, case and spaces ignored)', async () => {
		const store = await harness().open();
		const mapping = { account_id: 'account-id', nps: 'metric' };
		await store.saveMapping(['Account_ID', 'NPS'], mapping);
		expect(await store.findMapping([' nps', 'account_id '])).toEqual(mapping);
		expect(await store.findMapping(['account_id', 'nps', 'seats'])).toBeNull();
		store.close();
	});

	it('keeps settings and backtests, copied (not aliased)', async () => {
		const store = await harness().open();
		const view = { screen: 'portfolio', sort: ['score'] };
		await store.setSetting('lastView', view);
		view.sort.push('mutated');
		expect(await store.getSetting('lastView')).toEqual({ screen: 'portfolio', sort: ['score'] });
		expect(await store.getSetting('missing')).toBeUndefined();
		await store.saveBacktest({
			id: 'bt1',
			name: 'Q3',
			datasetId: 'a',
			modelId: 'm',
			createdAt: 5,
			report: { auc: 0.8 }
		});
		expect(await store.listBacktests()).toEqual([
			{ id: 'bt1', name: 'Q3', datasetId: 'a', modelId: 'm', createdAt: 5 }
		]);
		expect((await store.loadBacktest('bt1'))?.report).toEqual({ auc: 0.8 });
		await store.deleteBacktest('bt1');
		expect(await store.loadBacktest('bt1')).toBeNull();
		store.close();
	});

	it('says whether it persists', async () => {
		const store = await harness().open();
		expect(store.isPersistent).toBe(kind === 'IndexedDB');
		store.close();
	});
});

describe('IndexedDB store only', () => {
	it('creates fresh, then reopens with everything still there', async () => {
		const factory = new IDBFactory();
		const a = await openWorkbenchDb({ factory, channel: false });
		await a.saveDataset(makeDataset(1000, 'keep'));
		await a.saveModel(model('m'));
		await a.setSetting('lastView', 'backtest');
		a.close();
		const b = await openWorkbenchDb({ factory, channel: false });
		expect(b.isPersistent).toBe(true);
		assertSameRows(await b.loadDataset('keep'), makeDataset(1000, 'keep'));
		expect((await b.getActiveDataset())?.id).toBe('keep');
		expect((await b.loadModel('m'))?.name).toBe('Model m');
		expect(await b.getSetting('lastView')).toBe('backtest');
		b.close();
	});

	it(`opens a v${DB_VERSION} database created by raw IndexedDB calls`, async () => {
		const factory = new IDBFactory();
		const req = factory.open(DB_NAME, 1);
		req.onupgradeneeded = () => {
			const db = req.result;
			db.createObjectStore('datasets', { keyPath: 'id' }).createIndex('byHash', 'meta.fileHash');
			db.createObjectStore('chunks', { keyPath: ['datasetId', 'index'] });
			db.createObjectStore('dictionaries', { keyPath: ['datasetId', 'column'] });
			db.createObjectStore('models', { keyPath: 'id' });
			db.createObjectStore('mappings', { keyPath: 'key' });
			db.createObjectStore('kv');
			db.createObjectStore('backtests', { keyPath: 'id' });
		};
		const raw = await rawRequest(req);
		await rawRequest(raw.transaction('kv', 'readwrite').objectStore('kv').put('dark', 'theme'));
		raw.close();
		const store = await openWorkbenchDb({ factory, channel: false });
		expect(store.isPersistent).toBe(true);
		expect(await store.getSetting('theme')).toBe('dark');
		store.close();
	});

	it('maps a database saved by a newer version to code "version" (no memory fallback)', async () => {
		const factory = new IDBFactory();
		(await rawRequest(factory.open(DB_NAME, DB_VERSION + 5))).close();
		const err = await rejection(openWorkbenchDb({ factory, channel: false }));
		expect(err.code).toBe('version');
		expect(err.message).toMatch(/saved by a newer version of the app/);
	});

	it('falls back to memory when IndexedDB is missing or open throws', async () => {
		const none = await openWorkbenchDb({ factory: null, channel: false });
		expect(none.isPersistent).toBe(false);
		expect(none.unavailableReason?.code).toBe('unavailable');
		const throwing = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		} as unknown as IDBFactory;
		const mem = await openWorkbenchDb({ factory: throwing, channel: false });
		expect(mem.isPersistent).toBe(false);
		expect(mem.unavailableReason?.message).toMatch(/private window/);
		await mem.saveModel(model('x'));
		expect((await mem.loadModel('x'))?.id).toBe('x');
		await expect(openWorkbenchDb({ factory: null, fallbackToMemory: false })).rejects.toMatchObject(
			{
				code: 'unavailable'
			}
		);
	});

	it('calls onTerminated when the browser closes the connection, then reopens', async () => {
		const factory = new IDBFactory();
		const dbs: IDBDatabase[] = [];
		const spy = {
			open: (name: string, version?: number) => {
				const r = factory.open(name, version);
				r.addEventListener('success', () => dbs.push(r.result));
				return r;
			}
		} as unknown as IDBFactory;
		const onTerminated = vi.fn();
		const store = await openWorkbenchDb({ factory: spy, channel: false, onTerminated });
		await store.setSetting('k', 1);
		const first = dbs[0];
		if (!first) throw new Error('no connection captured');
		// fake-indexeddb's typing says `typeof IDBDatabase`, but it takes a connection.
		forceCloseDatabase(first as unknown as typeof IDBDatabase);
		expect(onTerminated).toHaveBeenCalledTimes(1);
		expect((onTerminated.mock.calls[0]?.[0] as StorageError).code).toBe('closed');
		expect(await store.getSetting('k')).toBe(1); // reopened on demand
		expect(dbs).toHaveLength(2);
		store.close();
	});

	it('closes and calls onBlocking when a newer version opens in another tab', async () => {
		const factory = new IDBFactory();
		const onBlocking = vi.fn();
		const store = await openWorkbenchDb({ factory, channel: false, onBlocking });
		const newer = factory.open(DB_NAME, DB_VERSION + 1);
		const blocked = vi.fn();
		newer.onblocked = blocked;
		(await rawRequest(newer)).close();
		expect(onBlocking).toHaveBeenCalledTimes(1);
		expect(blocked).not.toHaveBeenCalled();
		expect((await rejection(store.listDatasets())).code).toBe('closed');
		store.close();
	});

	it('calls onBlocked while an older tab (without a versionchange handler) holds the database', async () => {
		const factory = new IDBFactory();
		const old = await rawRequest(factory.open('blocked-test', 1));
		const onBlocked = vi.fn();
		const { openIdb } = await import('./idb-store');
		const pending = openIdb(factory, 'blocked-test', { onBlocked }, 2);
		await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledTimes(1));
		expect((onBlocked.mock.calls[0]?.[0] as StorageError).message).toMatch(/close the other tabs/);
		old.close(); // the user closed the other tab: the open goes through
		(await pending).close();
	});

	it('writes a few chunks per transaction; a failure in a later transaction still leaves nothing', async () => {
		// 12 chunks of 1,000 rows = two transactions (CHUNKS_PER_TRANSACTION = 8); the fault hits
		// chunk 10, after the first transaction has committed 8 chunks of "next".
		const factory = new IDBFactory();
		let armed = false;
		const store = await openWorkbenchDb({
			factory,
			channel: false,
			chunkRows: 1_000,
			faults: {
				chunkWrite: (i) =>
					armed && i === 10 ? new DOMException('full', 'QuotaExceededError') : null
			}
		});
		const previous = makeDataset(2_500, 'prev', 3);
		await store.saveDataset(previous);
		armed = true;
		const seen: number[] = [];
		const err = await rejection(
			store.saveDataset(makeDataset(12_000, 'next', 4), (rows) => seen.push(rows))
		);
		expect(err.code).toBe('quota');
		// Progress moved chunk by chunk up to the failure (10 chunks written).
		expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => k * 1_000));
		expect(await rawChunkKeys(factory)).toEqual([
			['prev', 0],
			['prev', 1],
			['prev', 2]
		]);
		expect((await store.listDatasets()).map((m) => m.id)).toEqual(['prev']);
		assertSameRows(await store.loadDataset('prev'), previous);
		armed = false;
		const next = makeDataset(12_000, 'next', 4);
		await store.saveDataset(next);
		assertSameRows(await store.loadDataset('next'), next);
		store.close();
	});

	it('purges a crashed import at start-up: no orphan chunks, previous data intact', async () => {
		const factory = new IDBFactory();
		const previous = makeDataset(60_000, 'prev', 3);
		const tabClosed = new Error('tab closed mid-import');
		const a = await openWorkbenchDb({
			factory,
			channel: false,
			chunkRows: 50_000,
			faults: { chunkWrite: (i) => (i === 2 ? { halt: tabClosed } : null) }
		});
		await a.saveDataset(previous);
		await expect(a.saveDataset(makeDataset(150_000, 'crashed', 4))).rejects.toThrow(
			tabClosed.message
		);
		a.close();
		// The crash left staging data behind…
		expect(
			(await rawChunkKeys(factory)).filter((k) => (k as string[])[0] === 'crashed')
		).toHaveLength(2);
		// …which the next start-up purges.
		const b = await openWorkbenchDb({ factory, channel: false });
		expect(await rawChunkKeys(factory)).toEqual([
			['prev', 0],
			['prev', 1]
		]);
		expect((await b.listDatasets()).map((m) => m.id)).toEqual(['prev']);
		expect((await b.getActiveDataset())?.id).toBe('prev');
		assertSameRows(await b.loadDataset('prev'), previous);
		expect(await b.purgeOrphans()).toBe(0);
		b.close();
	});

	it('tells other tabs what changed over BroadcastChannel', async () => {
		const factory = new IDBFactory();
		const name = `hsw-test-${Math.random()}`;
		const { openChangeChannel } = await import('./broadcast');
		const a = await openWorkbenchDb({ factory, channel: openChangeChannel(name) });
		const b = await openWorkbenchDb({ factory, channel: openChangeChannel(name) });
		const heard: unknown[] = [];
		b.onChange((m) => heard.push(m));
		await a.saveModel(model('m1'));
		await a.saveDataset(makeDataset(10, 'd1'));
		await vi.waitFor(() => expect(heard).toHaveLength(3));
		expect(heard).toEqual([
			{ topic: 'models', id: 'm1' },
			{ topic: 'datasets', id: 'd1' },
			{ topic: 'active-dataset', id: 'd1' }
		]);
		a.close();
		b.close();
	});
});
