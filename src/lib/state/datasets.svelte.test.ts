import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore, openWorkbenchDb } from '$lib/data/db';
import { makeDataset } from '$lib/data/db/testing/helpers';
import type { WorkbenchStore } from '$lib/data/db/store';
import { TEMPLATES } from '$lib/model';
import { DatasetsState, MEMORY_ONLY_MESSAGE } from './datasets.svelte';
import { runBootstrap, SAMPLE_NAME } from './bootstrap';
import { inProcessWorker } from './testing/worker';
import { Workbench } from './workbench.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';

const stores: WorkbenchStore[] = [];
afterEach(() => {
	for (const s of stores.splice(0)) s.close();
});

async function withStore(store?: WorkbenchStore) {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	const s = store ?? (await openWorkbenchDb({ factory: new IDBFactory(), channel: false }));
	stores.push(s);
	await ds.attach(s);
	return { wb, ds, store: s };
}

describe('DatasetsState', () => {
	it('says its refusals and a gone dataset in the UI language, the name kept', async () => {
		const { ds, store } = await withStore();
		await store.saveDataset(makeDataset(4, 'ds-a'), undefined, { activate: false });
		await ds.refresh();
		try {
			expect(await ds.rename('ds-a', ' ')).toBe(false);
			expect(ds.error).toBe('A dataset name cannot be blank.');
			i18n.set('ja');
			expect(ds.error).toBe('データセット名は空欄にできません。');
			await store.deleteDataset('ds-a');
			expect(await ds.activate('ds-a')).toBe(false);
			expect(ds.error).toBe('このデータセットは、このブラウザにもう保存されていません。');
			i18n.set('en');
			expect(ds.error).toBe('This dataset is no longer saved in this browser.');
		} finally {
			i18n.set('en');
		}
	});

	it('lists, activates, renames and deletes datasets', async () => {
		const { wb, ds, store } = await withStore();
		await store.saveDataset(makeDataset(10, 'ds-a'), undefined, { activate: false });
		await store.saveDataset(makeDataset(5, 'ds-b'), undefined, { activate: false });
		await ds.refresh();
		expect(ds.list.map((d) => d.id).sort()).toEqual(['ds-a', 'ds-b']);
		expect(ds.activeId).toBeNull();

		expect(await ds.activate('ds-b')).toBe(true);
		expect(ds.activeId).toBe('ds-b');
		expect(wb.dataset?.table.n).toBe(5);
		expect(ds.active?.id).toBe('ds-b');

		expect(await ds.rename('ds-b', '  Renamed  ')).toBe(true);
		expect(ds.list.find((d) => d.id === 'ds-b')?.name).toBe('Renamed');
		expect(wb.dataset?.meta.name).toBe('Renamed');
		expect(await ds.rename('ds-b', '   ')).toBe(false);
		expect(ds.error).toContain('blank');

		expect(await ds.remove('ds-b')).toBe(true);
		expect(ds.list.map((d) => d.id)).toEqual(['ds-a']);
		expect(ds.activeId).toBeNull();
		expect(wb.dataset).toBeNull();
		expect((await store.listDatasets()).map((d) => d.id)).toEqual(['ds-a']);
	});

	it('reports a missing dataset as an error, not a throw', async () => {
		const { ds } = await withStore();
		expect(await ds.activate('nope')).toBe(false);
		expect(ds.error).toBeTruthy();
		expect(ds.busyId).toBeNull();
	});

	it('shows the in-memory banner for a store that does not persist', async () => {
		const { wb } = await withStore(openMemoryStore());
		expect(wb.isPersistent).toBe(false);
		expect(wb.storageMessage).toBe(MEMORY_ONLY_MESSAGE);
	});
});

describe('first open (runBootstrap)', () => {
	const SAMPLE =
		'account_id,snapshot_date,segment,logins_30d,churned\nA1,2024-01-31,SMB,3,0\nA2,2024-01-31,SMB,9,1\n';
	const fetchSample = async () => new Response(SAMPLE, { status: 200 });

	it('imports the sample once, makes it active, and loads the usage-led template', async () => {
		const factory = new IDBFactory();
		const wb = new Workbench();
		const ds = new DatasetsState(wb);
		await runBootstrap({
			workbench: wb,
			datasets: ds,
			fetch: fetchSample,
			db: { factory, channel: false },
			importDeps: { worker: inProcessWorker }
		});
		expect(ds.error).toBeNull();
		expect(ds.list.map((d) => d.name)).toEqual([SAMPLE_NAME]);
		expect(ds.activeId).toBe(ds.list[0]!.id);
		expect(wb.dataset?.table.n).toBe(2);
		expect(wb.dataset?.meta.dateRange).not.toBeNull();
		expect(wb.model?.id).toBe(TEMPLATES.find((t) => t.id === 'usage-led-saas')!.model.id);
		expect(ds.status).toBeNull();
		ds.store?.close();

		// Second open: the active dataset is loaded, the sample is not fetched again.
		const wb2 = new Workbench();
		const ds2 = new DatasetsState(wb2);
		let fetched = 0;
		await runBootstrap({
			workbench: wb2,
			datasets: ds2,
			fetch: async () => {
				fetched++;
				return fetchSample();
			},
			db: { factory, channel: false },
			importDeps: { worker: inProcessWorker }
		});
		expect(fetched).toBe(0);
		expect(ds2.list).toHaveLength(1);
		expect(wb2.dataset?.meta.name).toBe(SAMPLE_NAME);
		ds2.store?.close();
	});

	it('says so when the sample cannot be fetched, and still loads a model', async () => {
		const wb = new Workbench();
		const ds = new DatasetsState(wb);
		await runBootstrap({
			workbench: wb,
			datasets: ds,
			fetch: async () => new Response('', { status: 404 }),
			db: { factory: new IDBFactory(), channel: false }
		});
		expect(ds.error).toMatch(/sample portfolio is missing/);
		expect(wb.model).not.toBeNull();
		expect(wb.dataset).toBeNull();
		ds.store?.close();
	});
});
