// Issue 16: an emptied IndexedDB after the user had data is said, not silently re-seeded.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '$lib/data/db/marker';
import { BackupState } from './backup.svelte';
import { runBootstrap, SAMPLE_NAME } from './bootstrap';
import { DatasetsState } from './datasets.svelte';
import { inProcessWorker } from './testing/worker';
import { Workbench } from './workbench.svelte';

const SAMPLE =
	'account_id,snapshot_date,segment,logins_30d,churned\nA1,2024-01-31,SMB,3,0\nA2,2024-01-31,SMB,9,1\n';

function memoryStorage(): KeyValueStorage {
	const map = new Map<string, string>();
	return {
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k)
	};
}

async function open(factory: IDBFactory, marker: KeyValueStorage) {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	const backup = new BackupState({ marker, target: { factory }, reload: () => {} });
	let fetched = 0;
	await runBootstrap({
		workbench: wb,
		datasets: ds,
		fetch: async (url) => {
			// This test's sample is a small CSV: no packed columns (bootstrap.test.ts covers those).
			if (url.endsWith('.bin')) return new Response('', { status: 404 });
			fetched++;
			return new Response(SAMPLE, { status: 200 });
		},
		db: { factory, channel: false, marker },
		importDeps: { worker: inProcessWorker },
		backup,
		marker
	});
	return { wb, ds, backup, fetched };
}

describe('emptied database', () => {
	it('a first visit gets the sample; an emptied one gets the notice and no sample', async () => {
		const marker = memoryStorage();
		const first = await open(new IDBFactory(), marker);
		expect(first.fetched).toBe(1);
		expect(first.ds.list.map((d) => d.name)).toEqual([SAMPLE_NAME]);
		expect(first.backup.lost).toBeNull();
		first.ds.store?.close();

		// The browser empties the whole database (a new factory = an empty origin), the marker stays.
		const after = await open(new IDBFactory(), marker);
		expect(after.fetched).toBe(0);
		expect(after.ds.list).toEqual([]);
		expect(after.backup.lost?.hadData).toBe(true);
		expect(after.backup.lost?.lostAt).toEqual(expect.any(Number));
		expect(after.wb.model).not.toBeNull(); // the app still works (template model)
		after.ds.store?.close();

		// Reloading again keeps saying so until the user acts.
		const again = await open(new IDBFactory(), marker);
		expect(again.backup.lost).not.toBeNull();
		expect(again.fetched).toBe(0);
		again.ds.store?.close();

		// "Start again with the sample": the marker is forgotten, the next open seeds the sample.
		again.backup.startFresh();
		const fresh = await open(new IDBFactory(), marker);
		expect(fresh.backup.lost).toBeNull();
		expect(fresh.fetched).toBe(1);
		fresh.ds.store?.close();
	});

	it('restoring a backup into the emptied database brings the data back and ends the notice', async () => {
		const marker = memoryStorage();
		const original = new IDBFactory();
		const first = await open(original, marker);
		first.ds.store?.close();
		let saved: Blob | null = null;
		const b = new BackupState({
			marker,
			target: { factory: original },
			save: (blob) => (saved = blob)
		});
		expect(await b.download()).toBe(true);
		expect(b.message).toMatch(/^Backed up 1 dataset and \d+ models? \(/);

		const emptied = new IDBFactory();
		const lost = await open(emptied, marker);
		expect(lost.backup.lost).not.toBeNull();
		expect(lost.backup.lost?.lastBackupAt).toEqual(expect.any(Number));
		lost.ds.store?.close();
		expect(await lost.backup.restore(saved!)).toBe(true);
		expect(lost.backup.lost).toBeNull();

		const back = await open(emptied, marker);
		expect(back.backup.lost).toBeNull();
		expect(back.ds.list.map((d) => d.name)).toEqual([SAMPLE_NAME]);
		expect(back.wb.dataset?.table.n).toBe(2);
		back.ds.store?.close();
	});
});
