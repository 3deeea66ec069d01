// Issue 16: two tabs editing one model. Tab A sets Product usage to 5, tab B (still showing 40)
// sets Financial to 35: nothing is lost, and the user is told.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { TEMPLATES, templateById, validateModel } from '$lib/model';
import type { Model } from '$lib/model/types';
import { i18n } from '$lib/i18n/i18n.svelte';
import { statusEn } from '$lib/i18n/catalog/status';
import { ModelAutosave, conflictText } from './autosave.svelte';
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

type Tab = Awaited<ReturnType<typeof tab>>;

/** A tab edits its model and the autosave writes it at once. */
async function save(t: Tab, next: Model): Promise<void> {
	t.wb.editModel(next, 'edit');
	t.saver.notify(t.wb.model);
	await t.saver.flush();
}

/** Both tabs change Product usage's weight: A to 5, then B to 60. */
async function sameWeightTwice(): Promise<[Tab, Tab]> {
	const factory = new IDBFactory();
	const a = await tab(factory, template());
	const b = await tab(factory, template());
	await save(a, setWeight(a.wb.model!, 'usage', 5));
	await save(b, setWeight(b.wb.model!, 'usage', 60));
	return [a, b];
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

		// B never heard (no channel here): it still shows 40 and edits Financial.
		await save(a, setWeight(a.wb.model!, 'usage', 5));
		await save(b, setWeight(b.wb.model!, 'financial', 35));

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
		await save(a, setWeight(a.wb.model!, 'usage', 5));
		await b.saver.remoteChange({ topic: 'models', id: template().id });
		expect(weight(b.wb.model!, 'usage')).toBe(5);
		expect(b.wb.storageMessage).toMatch(/^This model was changed in another tab/);
		// B's next edit saves on top of A's without a conflict.
		await save(b, setWeight(b.wb.model!, 'financial', 35));
		const stored = (await a.store.loadModel(template().id))!.current;
		expect([weight(stored, 'usage'), weight(stored, 'financial')]).toEqual([5, 35]);
		a.store.close();
		b.store.close();
	});

	it('both tabs change the same weight: this tab’s value wins and the field is named', async () => {
		const [a, b] = await sameWeightTwice();
		expect(weight((await a.store.loadModel(template().id))!.current, 'usage')).toBe(60);
		expect(b.wb.storageMessage).toContain('dimensions › Product usage › weight');
		a.store.close();
		b.store.close();
	});

	it('in Japanese, the message and the place are in Japanese, the names as the user wrote them', async () => {
		i18n.set('ja');
		const [a, b] = await sameWeightTwice();
		try {
			expect(b.wb.storageMessage).toContain('ディメンションの「Product usage」の重み');
			expect(b.wb.storageMessage).toMatch(/^このモデルは別のタブでも変更されました/);
			expect(b.wb.changeLog.at(-1)).toBe('別のタブの変更と統合');
		} finally {
			i18n.set('en');
			a.store.close();
			b.store.close();
		}
	});
});

describe('conflictText', () => {
	it('words every kind; an unknown field stays as its key', () => {
		const path = [{ field: 'tiers' }, { name: 'Red' }, { field: 'min' }];
		expect(conflictText({ path, kind: 'both' })).toBe('tiers › Red › minimum score');
		expect(conflictText({ path: [], kind: 'both' })).toBe('the model');
		expect(conflictText({ path: [{ name: 'Usage' }], kind: 'deletedThere' })).toBe(
			'Usage (deleted in the other tab, changed here: kept)'
		);
		expect(conflictText({ path: [{ field: 'newField' }], kind: 'deletedHere' })).toBe(
			'newField (deleted here, changed in the other tab: kept)'
		);
		i18n.set('ja');
		try {
			expect(conflictText({ path, kind: 'both' })).toBe('ティアの「Red」の最低スコア');
			expect(conflictText({ path: [{ name: 'Usage' }], kind: 'deletedThere' })).toBe(
				'「Usage」（別のタブで削除、このタブで変更：残しました）'
			);
		} finally {
			i18n.set('en');
		}
	});

	it('every field of a model JSON has a word in both languages', () => {
		// Collect the field keys of a full template (dimensions, metrics, schemes, tiers, playbooks).
		const keys = new Set<string>();
		const walk = (v: unknown) => {
			if (Array.isArray(v)) v.forEach(walk);
			else if (v && typeof v === 'object')
				for (const [k, x] of Object.entries(v)) {
					keys.add(k);
					walk(x);
				}
		};
		for (const tpl of TEMPLATES) walk(tpl.model);
		expect(keys.size).toBeGreaterThan(20);
		for (const k of keys) expect(Object.keys(statusEn), k).toContain(`st.tab.f.${k}`);
		i18n.set('ja');
		try {
			for (const k of keys)
				expect(conflictText({ path: [{ field: k }], kind: 'both' }), k).not.toBe(k);
		} finally {
			i18n.set('en');
		}
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
