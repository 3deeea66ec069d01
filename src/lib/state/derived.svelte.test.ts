import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { makeDataset } from '$lib/data/db/testing/helpers';
import type { WorkbenchStore } from '$lib/data/db/store';
import { TEMPLATES } from '$lib/model';
import { DatasetsState } from './datasets.svelte';
import { DerivedForm } from './derived.svelte';
import { Workbench } from './workbench.svelte';

const stores: WorkbenchStore[] = [];
afterEach(() => {
	for (const s of stores.splice(0)) s.close();
});

describe('DerivedForm.add', () => {
	it('stores the dataset with the column (replacing it, still active) and adds an undoable metric', async () => {
		const wb = new Workbench();
		const ds = new DatasetsState(wb);
		const store = await openWorkbenchDb({ factory: new IDBFactory(), channel: false });
		stores.push(store);
		await ds.attach(store);
		await store.saveDataset(makeDataset(50, 'ds-a'));
		await ds.refresh();
		await ds.activate('ds-a');
		const model = structuredClone(TEMPLATES[0]!.model);
		wb.loadModel(model);

		const f = new DerivedForm(() => null, wb, ds);
		f.numerator = 'nps';
		f.denominator = 'seat_utilisation_pct';
		f.dimensionId = model.dimensions[1]!.id;
		expect(f.name).toBe('nps_per_seat_utilisation_pct');
		expect(f.issues).toEqual([]);
		expect(f.preview?.first).toHaveLength(5);

		expect(await f.add()).toBe(true);
		const next = wb.dataset!;
		expect(next.meta.id).not.toBe('ds-a');
		const info = next.meta.columns.find((c) => c.name === 'nps_per_seat_utilisation_pct');
		expect(info?.derived).toEqual({
			kind: 'ratio',
			numerator: 'nps',
			denominator: 'seat_utilisation_pct',
			scale: 100
		});
		expect((await store.listDatasets()).map((d) => d.id)).toEqual([next.meta.id]);
		expect((await store.getActiveDataset())?.id).toBe(next.meta.id);
		expect(ds.activeId).toBe(next.meta.id);
		const stored = await store.loadDataset(next.meta.id);
		expect(stored.meta.columns.at(-1)?.derived?.kind).toBe('ratio');
		expect(stored.table.columns.get('nps_per_seat_utilisation_pct')).toEqual(
			next.table.columns.get('nps_per_seat_utilisation_pct')
		);

		const metrics = wb.model!.dimensions[1]!.metrics;
		expect(metrics.at(-1)?.column).toBe('nps_per_seat_utilisation_pct');
		// The same name again is refused: the column exists now.
		expect(f.issues.map((i) => i.code)).toEqual(['bad-name']);
		wb.undo();
		expect(wb.model!.dimensions[1]!.metrics).toHaveLength(metrics.length - 1);
	});
});
