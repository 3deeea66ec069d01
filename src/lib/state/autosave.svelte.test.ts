import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMemoryStore } from '$lib/data/db';
import { templateById } from '$lib/model';
import { ModelAutosave } from './autosave.svelte';
import { SETTING_ACTIVE_MODEL } from './settings';
import { Workbench } from './workbench.svelte';

afterEach(() => vi.useRealTimers());

function setup() {
	vi.useFakeTimers();
	const wb = new Workbench();
	const store = openMemoryStore();
	const base = templateById('usage-led-saas')!.model;
	wb.loadModel(base);
	const saver = new ModelAutosave(wb, () => store, 400);
	// What startModelAutosave's effect does on every model change.
	const edit = (m: typeof base, note: string) => {
		wb.editModel(m, note);
		saver.notify(wb.model);
	};
	const stop = () => saver.stop();
	saver.notify(wb.model);
	return { wb, store, base, stop, edit, saver };
}

describe('ModelAutosave (the saving logic; startModelAutosave wires it: autosave.wiring.test.ts)', () => {
	it('does not rewrite the model it started with', async () => {
		const { store, base, stop } = setup();
		await vi.advanceTimersByTimeAsync(1000);
		expect(await store.loadModel(base.id)).toBeNull();
		stop();
	});

	it('saves an edit once after the quiet time and remembers it as the active model', async () => {
		const { store, base, stop, edit } = setup();
		const saveSpy = vi.spyOn(store, 'saveModel');
		edit({ ...base, name: 'Edited once' }, 'rename');
		edit({ ...base, name: 'Edited twice' }, 'rename');
		await vi.advanceTimersByTimeAsync(399);
		expect(saveSpy).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(saveSpy).toHaveBeenCalledTimes(1);
		expect((await store.loadModel(base.id))?.current.name).toBe('Edited twice');
		expect(await store.getSetting(SETTING_ACTIVE_MODEL)).toBe(base.id);
		stop();
	});

	it('saves undo too (the model on screen is the one kept)', async () => {
		const { wb, store, base, stop, edit, saver } = setup();
		edit({ ...base, name: 'Edited' }, 'rename');
		await vi.advanceTimersByTimeAsync(400);
		wb.undo();
		saver.notify(wb.model);
		await vi.advanceTimersByTimeAsync(400);
		expect((await store.loadModel(base.id))?.current.name).toBe(base.name);
		stop();
	});

	it('reports a failed save as a storage message and keeps working', async () => {
		const { wb, store, base, stop, edit } = setup();
		vi.spyOn(store, 'saveModel').mockRejectedValueOnce(
			new DOMException('full', 'QuotaExceededError')
		);
		edit({ ...base, name: 'Edited' }, 'rename');
		await vi.advanceTimersByTimeAsync(400);
		expect(wb.storageMessage).toMatch(/could not be saved.*Storage is full/i);
		stop();
	});
});
