// "Back up everything" round trip and refusals, on fake-indexeddb (a fresh factory per test).
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { templateById } from '$lib/model';
import { openWorkbenchDb } from './index';
import { decodeBackup, encodeBackup, exportBackup, restoreBackup, type Backup } from './backup';
import { MARKER_KEY, readMarker, type KeyValueStorage } from './marker';
import { makeDataset } from './testing/helpers';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k)
	};
}

async function seeded(factory: IDBFactory, marker: KeyValueStorage | null = null) {
	const store = await openWorkbenchDb({ factory, channel: false, chunkRows: 40, marker });
	await store.saveDataset(makeDataset(100, 'ds-a', 1));
	await store.saveDataset(makeDataset(7, 'ds-b', 2), undefined, { activate: false });
	const model = structuredClone(templateById('usage-led-saas')!.model);
	await store.saveModel(model);
	await store.saveModelVersion(model.id, 'first version');
	await store.setSetting('lastView', { screen: 'portfolio' });
	await store.saveMapping(['id', 'mrr'], { id: 'account-id' });
	return { store, model };
}

/** Everything readable through the store API, for before/after comparisons. */
async function snapshot(factory: IDBFactory) {
	const store = await openWorkbenchDb({ factory, channel: false, purge: false, marker: null });
	const list = await store.listDatasets();
	const datasets = await Promise.all(list.map((d) => store.loadDataset(d.id)));
	const models = await store.listModels();
	const records = await Promise.all(models.map((m) => store.loadModel(m.id)));
	const out = {
		list,
		datasets,
		records,
		active: await store.getActiveDataset(),
		lastView: await store.getSetting('lastView'),
		mapping: await store.findMapping(['id', 'mrr'])
	};
	store.close();
	return out;
}

describe('Back up everything', () => {
	it('round trip: a new browser restored from the file equals the original', async () => {
		const a = new IDBFactory();
		const { store } = await seeded(a);
		store.close();
		const { bytes, counts } = await exportBackup({ factory: a, now: () => 42 });
		expect(counts).toMatchObject({ datasets: 2, models: 1, settings: 2 });
		expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // gzip

		const b = new IDBFactory();
		await (await openWorkbenchDb({ factory: b, channel: false, marker: null })).close();
		const r = await restoreBackup(bytes, { factory: b });
		expect(r).toEqual({ ok: true, counts });
		const [before, after] = [await snapshot(a), await snapshot(b)];
		expect(after).toEqual(before);
		expect(after.datasets[0]!.table.columns.get('nps')).toEqual(
			before.datasets[0]!.table.columns.get('nps')
		);
		expect(after.records[0]!.versions.map((v) => v.note)).toEqual(['first version']);
		expect(after.active?.id).toBe('ds-a');
	});

	it('restore replaces what is stored (nothing of the old data remains)', async () => {
		const a = new IDBFactory();
		(await seeded(a)).store.close();
		const { bytes } = await exportBackup({ factory: a });
		const b = new IDBFactory();
		const other = await openWorkbenchDb({ factory: b, channel: false, marker: null });
		await other.saveDataset(makeDataset(5, 'ds-other', 9));
		other.close();
		expect((await restoreBackup(bytes, { factory: b })).ok).toBe(true);
		expect((await snapshot(b)).list.map((d) => d.id).sort()).toEqual(['ds-a', 'ds-b']);
	});

	describe('a bad backup changes nothing', () => {
		async function damaged(edit: (b: Backup) => void): Promise<Uint8Array> {
			const a = new IDBFactory();
			(await seeded(a)).store.close();
			const decoded = await decodeBackup((await exportBackup({ factory: a })).bytes);
			if (!decoded.ok) throw new Error(decoded.message);
			edit(decoded.backup);
			return encodeBackup(decoded.backup);
		}
		const rows = (b: Backup, store: string) => b.stores[store]!;

		const cases: [string, () => Promise<Uint8Array>, string][] = [
			[
				'not gzip, not a backup',
				async () => new TextEncoder().encode('id,v\n1,2\n'),
				'not made by'
			],
			[
				'gzip cut in half',
				async () => {
					const full = await damaged(() => {});
					return full.subarray(0, full.length >> 1);
				},
				'damaged'
			],
			[
				'a newer format',
				() => damaged((b) => (b.version = 99)),
				'made by a newer version of the app'
			],
			['a chunk missing', () => damaged((b) => rows(b, 'chunks').pop()), 'is missing rows'],
			[
				'a number block one value short (its last column is damaged)',
				() =>
					damaged((b) => {
						const chunk = rows(b, 'chunks')[0]![1] as { block: Float64Array };
						chunk.block = chunk.block.slice(1);
					}),
				'column “snapshot_date” is damaged'
			],
			[
				'a category block of the wrong type',
				() =>
					damaged((b) => {
						const chunk = rows(b, 'chunks')[0]![1] as { codeBlock: unknown };
						chunk.codeBlock = Float64Array.from(chunk.codeBlock as Int32Array);
					}),
				'column “segment” is damaged'
			],
			[
				'an older per-column chunk with a column of the wrong length',
				() =>
					damaged((b) => {
						const chunk = rows(b, 'chunks')[0]![1] as Record<string, unknown>;
						chunk.numbers = {
							seat_utilisation_pct: new Float64Array(40),
							nps: new Float64Array(39)
						};
						chunk.codes = { segment: new Int32Array(40), exec_sponsor_engaged: new Int32Array(40) };
						delete chunk.block;
						delete chunk.codeBlock;
					}),
				'column “nps” is damaged'
			],
			[
				'an invalid model',
				() =>
					damaged((b) => {
						const m = rows(b, 'models')[0]![1] as { current: { dimensions: unknown[] } };
						m.current.dimensions = [];
					}),
				'is not valid'
			],
			[
				'an unknown part',
				() => damaged((b) => (b.stores.secrets = [['k', 1]])),
				'a part “secrets” this app does not know'
			],
			[
				'a write that fails half-way (a record without its key)',
				() =>
					// Passes the checks (mappings are free-form) but its put fails after the clears
					// and the earlier puts of the same transaction: the abort must undo them all.
					damaged((b) => rows(b, 'mappings').push(['k', { headers: [] }])),
				'could not be written'
			]
		];
		it.each(cases)('%s', async (_n, make, words) => {
			const target = new IDBFactory();
			const { store } = await seeded(target);
			store.close();
			const before = await snapshot(target);
			const bytes = await make();
			const r = await restoreBackup(bytes, { factory: target });
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.message).toContain(words);
				expect(r.message).toMatch(/Nothing was changed\.$/);
			}
			expect(await snapshot(target)).toEqual(before);
		});
	});
});

describe('the "had saved data" marker', () => {
	it('is written beside IndexedDB when a dataset or a model is saved, not before', async () => {
		const storage = memoryStorage();
		const store = await openWorkbenchDb({
			factory: new IDBFactory(),
			channel: false,
			marker: storage,
			now: () => 1000
		});
		expect(readMarker(storage)).toBeNull();
		await store.setSetting('lastView', 'x');
		expect(readMarker(storage)).toBeNull();
		await store.saveDataset(makeDataset(3, 'ds-m', 1));
		expect(readMarker(storage)).toEqual({
			hadData: true,
			firstSavedAt: 1000,
			lastSavedAt: 1000,
			persistence: null,
			lastBackupAt: null,
			lostAt: null
		});
		storage.map.set(MARKER_KEY, '{not json');
		expect(readMarker(storage)).toBeNull();
	});
});
