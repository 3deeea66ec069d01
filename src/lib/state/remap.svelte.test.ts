import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { inProcessWorker } from './testing/worker';
import { DatasetsState } from './datasets.svelte';
import { ImportState } from './import.svelte';
import { RemapState } from './remap.svelte';
import { Workbench } from './workbench.svelte';

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const c of cleanups.splice(0)) c();
});

const CSV = [
	'account_id,segment,logins_30d,Exited',
	'A1,SMB,10,0',
	'A2,SMB,2,1',
	'A3,Enterprise,30,0',
	'A4,Enterprise,1,1',
	''
].join('\n');

/** The CSV imported through the wizard with the outcome `Exited` ignored. */
async function importedWithoutOutcome() {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	const store = await openWorkbenchDb({ factory: new IDBFactory(), channel: false });
	await ds.attach(store);
	const imp = new ImportState({ workbench: wb, datasets: ds, worker: inProcessWorker });
	cleanups.push(() => {
		imp.dispose();
		store.close();
	});
	await imp.chooseFile(new File([CSV], 'accounts.csv', { type: 'text/csv' }));
	const exited = imp.columns.find((c) => c.name === 'Exited')!;
	imp.setRole(exited.index, 'ignore');
	await imp.review();
	await imp.commit();
	expect(imp.step).toBe('done');
	const replaced: string[] = [];
	const remap = new RemapState({
		workbench: wb,
		datasets: ds,
		onReplaced: (old) => void replaced.push(old)
	});
	return { wb, ds, store, imp, remap, replaced, meta: imp.saved! };
}

describe('RemapState', () => {
	it('re-maps an ignored outcome as the churned flag and replaces the stored dataset in one save', async () => {
		const { wb, ds, store, remap, replaced, meta } = await importedWithoutOutcome();
		expect(wb.dataset?.meta.columns.some((c) => c.name === 'Exited')).toBe(false);
		await remap.open(meta);
		expect(remap.step).toBe('mapping');
		expect(remap.columns.find((c) => c.name === 'Exited')?.role).toBe('ignore');
		remap.setRole('Exited', 'churned');
		expect(remap.columns.find((c) => c.name === 'Exited')?.type).toBe('boolean');
		remap.review();
		expect(remap.errors).toEqual([]);
		expect(remap.step).toBe('review');
		expect(remap.changes).toEqual(['“Exited”: ignored column → churned flag.']);
		await remap.apply();
		expect(remap.step).toBe('done');
		// One dataset, the new one, active in the workbench with the outcome.
		const list = await store.listDatasets();
		expect(list.map((d) => d.id)).toEqual([remap.saved!.id]);
		expect(ds.list.map((d) => d.id)).toEqual([remap.saved!.id]);
		expect(replaced).toEqual([meta.id]);
		const exited = wb.dataset?.table.columns.get('Exited');
		expect(exited?.kind === 'number' && [...exited.values]).toEqual([0, 1, 0, 1]);
		expect(wb.dataset?.meta.columns.find((c) => c.role === 'churned')?.name).toBe('Exited');
	});

	it('moves a single role from the column that had it, and refuses a repeated id by name', async () => {
		const { remap, meta, store } = await importedWithoutOutcome();
		await remap.open(meta);
		remap.setRole('segment', 'account-id');
		expect(remap.columns.find((c) => c.name === 'account_id')?.role).toBe('ignore');
		expect(remap.notice).toBe('“account_id” had that role; it is now ignored.');
		remap.review();
		expect(remap.step).toBe('mapping');
		expect(remap.errors[0]).toMatch(/^Column “segment” cannot be the account id: “SMB”/);
		// Nothing was stored.
		expect((await store.listDatasets()).map((d) => d.id)).toEqual([meta.id]);
	});

	it('a failed save leaves the stored dataset as it was', async () => {
		const { remap, meta, store } = await importedWithoutOutcome();
		await remap.open(meta);
		remap.setRole('Exited', 'churned');
		remap.review();
		store.close(); // every write now fails
		await remap.apply();
		expect(remap.step).toBe('review');
		expect(remap.error).toMatch(/The dataset is unchanged\.$/);
	});
});
