/** startModelAutosave's wiring: its `$effect` sees every model change; page hide saves at once. */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMemoryStore } from '$lib/data/db';
import { templateById } from '$lib/model';
import { startModelAutosave } from './autosave.svelte';
import { SETTING_ACTIVE_MODEL } from './settings';
import { Workbench } from './workbench.svelte';

/** Node has no page: a window and a document that only dispatch events. */
const page = { window: new EventTarget(), document: new EventTarget() };

beforeEach(() => {
	vi.useFakeTimers();
	vi.stubGlobal('window', page.window);
	vi.stubGlobal('document', Object.assign(page.document, { visibilityState: 'visible' }));
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

function setup() {
	const wb = new Workbench();
	const store = openMemoryStore();
	const base = templateById('usage-led-saas')!.model;
	wb.loadModel(base);
	const stop = startModelAutosave(wb, () => store, 400);
	flushSync();
	return { wb, store, base, stop };
}

describe('startModelAutosave', () => {
	it('leaves the starting model alone, then saves edits after the quiet time', async () => {
		const { wb, store, base, stop } = setup();
		const save = vi.spyOn(store, 'saveModel');
		await vi.advanceTimersByTimeAsync(1000);
		expect(save).not.toHaveBeenCalled();

		wb.editModel({ ...base, name: 'First' }, 'rename');
		flushSync();
		wb.editModel({ ...base, name: 'Second' }, 'rename');
		flushSync();
		await vi.advanceTimersByTimeAsync(399);
		expect(save).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(save).toHaveBeenCalledTimes(1);
		expect((await store.loadModel(base.id))?.current.name).toBe('Second');
		expect(await store.getSetting(SETTING_ACTIVE_MODEL)).toBe(base.id);

		wb.undo();
		flushSync();
		await vi.advanceTimersByTimeAsync(400);
		expect((await store.loadModel(base.id))?.current.name).toBe('First');
		stop();
	});

	it('saves at once when the page is hidden or closed', async () => {
		const { wb, store, base, stop } = setup();
		wb.editModel({ ...base, name: 'Hidden' }, 'rename');
		flushSync();
		Object.assign(document, { visibilityState: 'hidden' });
		document.dispatchEvent(new Event('visibilitychange'));
		await vi.advanceTimersByTimeAsync(0);
		expect((await store.loadModel(base.id))?.current.name).toBe('Hidden');

		wb.editModel({ ...base, name: 'Closed' }, 'rename');
		flushSync();
		window.dispatchEvent(new Event('pagehide'));
		await vi.advanceTimersByTimeAsync(0);
		expect((await store.loadModel(base.id))?.current.name).toBe('Closed');
		stop();
	});

	it('stops: no effect, no timer and no page listener saves after stop()', async () => {
		const { wb, store, base, stop } = setup();
		const save = vi.spyOn(store, 'saveModel');
		wb.editModel({ ...base, name: 'Pending' }, 'rename');
		flushSync();
		stop();
		wb.editModel({ ...base, name: 'After stop' }, 'rename');
		flushSync();
		window.dispatchEvent(new Event('pagehide'));
		await vi.advanceTimersByTimeAsync(1000);
		expect(save).not.toHaveBeenCalled();
	});
});
