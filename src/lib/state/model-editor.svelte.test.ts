import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { openMemoryStore } from '$lib/data/db';
import { TEMPLATES } from '$lib/model';
import { historyKey, ModelEditor } from './model-editor.svelte';
import { renameDimension, setDimensionWeight } from '$lib/model/edits';
import { Workbench } from './workbench.svelte';

function setup() {
	const wb = new Workbench();
	const store = openMemoryStore();
	wb.loadModel(structuredClone(TEMPLATES[1]!.model));
	return { wb, store, ed: new ModelEditor(() => store, wb) };
}

describe('ModelEditor', () => {
	it('edits through the workbench with undo and redo', () => {
		const { wb, ed } = setup();
		const before = wb.model!;
		const id = before.dimensions[0]!.id;
		ed.edit((m) => renameDimension(m, id, 'Usage!'), 'rename');
		expect(wb.model!.dimensions[0]!.name).toBe('Usage!');
		wb.undo();
		expect(wb.model).toBe(before);
		wb.redo();
		expect(wb.model!.dimensions[0]!.name).toBe('Usage!');
	});

	it('merges one slider drag into one undo step', () => {
		const { wb, ed } = setup();
		const before = wb.model!;
		const id = before.dimensions[0]!.id;
		for (const w of [41, 42, 43])
			ed.edit((m) => setDimensionWeight(m, id, w), `weight ${w}`, `w:${id}`);
		ed.endEdit();
		ed.edit((m) => setDimensionWeight(m, id, 50), 'weight 50', `w:${id}`);
		expect(wb.changeLog).toEqual(['weight 43', 'weight 50']);
		wb.undo();
		expect(wb.model!.dimensions[0]!.weight).toBe(43);
		wb.undo();
		expect(wb.model).toBe(before);
	});

	it('rejects a bad model file with path-named issues and changes nothing', () => {
		const { wb, ed } = setup();
		const before = wb.model;
		const bad = {
			...before,
			tiers: [{ id: 'x', name: 'X', min: 'high', color: 'red', action: '' }]
		};
		expect(ed.importJson(JSON.stringify(bad), 'bad.json')).toBe(false);
		expect(ed.importIssues.length).toBeGreaterThan(0);
		expect(ed.importIssues.some((i) => i.path.startsWith('tiers'))).toBe(true);
		expect(wb.model).toBe(before);
		expect(ed.importJson('{nope', 'x.json')).toBe(false);
		expect(wb.model).toBe(before);
		expect(wb.canUndo).toBe(false);
	});

	it('imports a good file and exports the same JSON back', () => {
		const { wb, ed } = setup();
		const json = JSON.stringify(TEMPLATES[0]!.model);
		expect(ed.importJson(json, 'good.json')).toBe(true);
		expect(JSON.parse(ed.exportJson())).toEqual(TEMPLATES[0]!.model);
		expect(wb.canUndo).toBe(true);
	});

	it('saves named versions with the edits since the last save', async () => {
		const { ed } = setup();
		const id = ed.model!.dimensions[0]!.id;
		ed.edit((m) => renameDimension(m, id, 'Adoption'), 'rename usage to Adoption');
		await ed.saveVersion('workshop');
		ed.edit((m) => setDimensionWeight(m, id, 10), 'usage weight 10');
		await ed.saveVersion('');
		flushSync();
		expect(ed.versions.map((v) => [v.version, v.note])).toEqual([
			[2, 'usage weight 10'],
			[1, 'workshop; rename usage to Adoption']
		]);
		ed.restore(ed.versions[1]!);
		expect(ed.model!.dimensions[0]!.weight).not.toBe(10);
	});

	it('derives warnings for a model with a zero weight', () => {
		const { ed } = setup();
		const id = ed.model!.dimensions[0]!.id;
		ed.edit((m) => setDimensionWeight(m, id, 0), 'zero');
		flushSync();
		expect(ed.warnings.some((w) => w.kind === 'zero-weight')).toBe(true);
	});
});

describe('historyKey', () => {
	const k = (
		key: string,
		mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}
	) => historyKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
	it.each([
		[k('z', { ctrlKey: true }), 'undo'],
		[k('z', { metaKey: true }), 'undo'],
		[k('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
		[k('z', { metaKey: true, shiftKey: true }), 'redo'],
		[k('y', { ctrlKey: true }), 'redo'],
		[k('z'), null],
		[k('y', { metaKey: true }), null]
	])('%s → %s', (got, want) => expect(got).toBe(want));
});
