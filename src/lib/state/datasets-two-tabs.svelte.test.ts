// Issue 16: a dataset deleted or replaced in one tab updates the others (over the real
// BroadcastChannel between two stores on one fake IndexedDB).
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { openChangeChannel } from '$lib/data/db/broadcast';
import { makeDataset } from '$lib/data/db/testing/helpers';
import type { WorkbenchStore } from '$lib/data/db/store';
import { DatasetsState } from './datasets.svelte';
import { Workbench } from './workbench.svelte';

const stores: WorkbenchStore[] = [];
afterEach(() => {
	for (const s of stores.splice(0)) s.close();
});

let run = 0;
async function twoTabs() {
	const factory = new IDBFactory();
	const name = `hsw-test-${++run}-${Math.random()}`;
	const tab = async () => {
		const store = await openWorkbenchDb({
			factory,
			channel: openChangeChannel(name),
			marker: null
		});
		stores.push(store);
		const wb = new Workbench();
		const ds = new DatasetsState(wb);
		await ds.attach(store);
		return { store, wb, ds };
	};
	return [await tab(), await tab()] as const;
}

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
}

describe('datasets across tabs', () => {
	it('deleted in tab A: tab B drops it from its list and stops showing it, and says so', async () => {
		const [a, b] = await twoTabs();
		await a.store.saveDataset(makeDataset(10, 'ds-a'));
		await b.ds.refresh();
		expect(await b.ds.activate('ds-a')).toBe(true);
		expect(b.wb.dataset?.meta.id).toBe('ds-a');

		await a.ds.refresh();
		expect(await a.ds.remove('ds-a')).toBe(true);

		// Before: B kept scoring the deleted dataset and listed nothing new.
		await until(() => b.wb.dataset === null);
		expect(b.ds.list).toEqual([]);
		expect(b.ds.notice).toBe(`“${makeDataset(10, 'ds-a').meta.name}” was deleted in another tab.`);
	});

	it('replaced in tab A: tab B loads the replacement and says so', async () => {
		const [a, b] = await twoTabs();
		await a.store.saveDataset(makeDataset(10, 'ds-old'));
		await b.ds.refresh();
		await b.ds.activate('ds-old');
		const replacement = makeDataset(7, 'ds-new', 2, 'hash-new');
		await a.store.saveDataset(replacement, undefined, { replaces: 'ds-old' });

		await until(() => b.wb.dataset?.meta.id === 'ds-new');
		expect(b.wb.dataset!.meta.rows).toBe(7);
		expect(b.ds.list.map((d) => d.id)).toEqual(['ds-new']);
		expect(b.ds.notice).toMatch(/was replaced in another tab; “.+” is now shown\.$/);
	});

	it('another dataset deleted elsewhere leaves the shown one alone, without a notice', async () => {
		const [a, b] = await twoTabs();
		await a.store.saveDataset(makeDataset(3, 'ds-x'), undefined, { activate: false });
		await a.store.saveDataset(makeDataset(4, 'ds-y'));
		await b.ds.refresh();
		await b.ds.activate('ds-y');
		await a.ds.refresh();
		await a.ds.remove('ds-x');
		await until(() => b.ds.list.length === 1);
		expect(b.wb.dataset?.meta.id).toBe('ds-y');
		expect(b.ds.notice).toBeNull();
	});
});
