// Issue 16: two tabs editing one model. Tab A sets Product usage to 5, tab B (still showing 40)
// sets Financial to 35: nothing is lost, and the user is told.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { templateById, validateModel } from '$lib/model';
import type { Model } from '$lib/model/types';
import { ModelAutosave } from './autosave.svelte';
import { mergeModels } from './model-merge';
import { Workbench } from './workbench.svelte';

const template = () => structuredClone(templateById('usage-led-saas')!.model);
const weight = (m: Model, id: string) => m.dimensions.find((d) => d.id === id)!.weight;
const setWeight = (m: Model, id: string, w: number): Model => ({
	...m,
	dimensions: m.dimensions.map((d) => (d.id === id ? { ...d, weight: w } : d))
});

async function tab(factory: IDBFactory, model: Model) {
	const store = await openWorkbenchDb({ factory, channel: false, marker: null });
	const wb = new Workbench();
	wb.loadModel(model);
	const saver = new ModelAutosave(wb, () => store, 10_000);
	await saver.init();
	return { store, wb, saver };
}

describe('two tabs, one model', () => {
	it('the issue scenario: both edits survive, the second tab is told', async () => {
		const factory = new IDBFactory();
		const seed = await openWorkbenchDb({ factory, channel: false, marker: null });
		await seed.saveModel(template());
		seed.close();
		const loaded = (await (
			await openWorkbenchDb({ factory, channel: false, marker: null })
		).loadModel(template().id))!.current;
		const a = await tab(factory, structuredClone(loaded));
		const b = await tab(factory, structuredClone(loaded));
		expect(weight(b.wb.model!, 'usage')).toBe(40);

		a.wb.editModel(setWeight(a.wb.model!, 'usage', 5), 'usage 5');
		a.saver.notify(a.wb.model);
		await a.saver.flush();
		// B never heard (no channel here): it still shows 40 and edits Financial.
		b.wb.editModel(setWeight(b.wb.model!, 'financial', 35), 'financial 35');
		b.saver.notify(b.wb.model);
		await b.saver.flush();

		// Before: a fresh tab showed usage 40 and financial 35 (A's edit lost, nobody told).
		const fresh = (await a.store.loadModel(template().id))!;
		expect(weight(fresh.current, 'usage')).toBe(5);
		expect(weight(fresh.current, 'financial')).toBe(35);
		expect(fresh.revision).toBe(3);
		expect(weight(b.wb.model!, 'usage')).toBe(5); // B now shows the merged model
		expect(b.wb.storageMessage).toBe(
			'This model was also changed in another tab. Both tabs’ changes were kept (merged).'
		);
		expect(b.wb.changeLog.at(-1)).toBe('merged with changes from another tab');
		a.store.close();
		b.store.close();
	});

	it('an idle tab follows the other tab’s save (remote change)', async () => {
		const factory = new IDBFactory();
		const a = await tab(factory, template());
		const b = await tab(factory, template());
		a.wb.editModel(setWeight(a.wb.model!, 'usage', 5), 'usage 5');
		a.saver.notify(a.wb.model);
		await a.saver.flush();
		await b.saver.remoteChange({ topic: 'models', id: template().id });
		expect(weight(b.wb.model!, 'usage')).toBe(5);
		expect(b.wb.storageMessage).toMatch(/^This model was changed in another tab/);
		// B's next edit saves on top of A's without a conflict.
		b.wb.editModel(setWeight(b.wb.model!, 'financial', 35), 'financial 35');
		b.saver.notify(b.wb.model);
		await b.saver.flush();
		const stored = (await a.store.loadModel(template().id))!.current;
		expect([weight(stored, 'usage'), weight(stored, 'financial')]).toEqual([5, 35]);
		a.store.close();
		b.store.close();
	});

	it('both tabs change the same weight: this tab’s value wins and the field is named', async () => {
		const factory = new IDBFactory();
		const a = await tab(factory, template());
		const b = await tab(factory, template());
		a.wb.editModel(setWeight(a.wb.model!, 'usage', 5), 'usage 5');
		a.saver.notify(a.wb.model);
		await a.saver.flush();
		b.wb.editModel(setWeight(b.wb.model!, 'usage', 60), 'usage 60');
		b.saver.notify(b.wb.model);
		await b.saver.flush();
		expect(weight((await a.store.loadModel(template().id))!.current, 'usage')).toBe(60);
		expect(b.wb.storageMessage).toContain('dimensions › Product usage › weight');
		a.store.close();
		b.store.close();
	});
});

describe('mergeModels', () => {
	it('merges lists by id: an added metric on one side, a deleted tier on the other', () => {
		const base = template();
		const mine = structuredClone(base);
		const extra = { ...structuredClone(mine.dimensions[0]!.metrics[0]!), id: 'extra_metric' };
		mine.dimensions[0]!.metrics.push(extra);
		const theirs = structuredClone(base);
		theirs.description = 'changed there';
		const r = mergeModels(base, mine, theirs);
		expect(r.conflicts).toEqual([]);
		expect(r.model.dimensions[0]!.metrics.map((m) => m.id)).toContain('extra_metric');
		expect(r.model.description).toBe('changed there');
		expect(validateModel(r.model).ok).toBe(true);
	});
});
