// Issue 16: the persist() grant is recorded in the localStorage marker beside "had data", and
// the storage line says when the browser may clear the data.
import { describe, expect, it } from 'vitest';
import { markSaved, readMarker, type KeyValueStorage } from '$lib/data/db/marker';
import type { StorageManagerLike } from '$lib/data/db/persist';
import { BackupState } from './backup.svelte';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k)
	};
}

function manager(granted: boolean, persisted = false): StorageManagerLike & { asked: number } {
	const m = {
		asked: 0,
		persist: async () => {
			m.asked++;
			persisted = persisted || granted;
			return granted;
		},
		persisted: async () => persisted
	};
	return m;
}

describe('persist() grant in the marker', () => {
	it('records a denial beside "had data" and keeps the save times', async () => {
		const marker = memoryStorage();
		markSaved({}, 1000, marker);
		const b = new BackupState({ marker, storage: manager(false) });
		expect(await b.askPersistence()).toBe('denied');
		expect(b.persistence).toBe('denied');
		expect(readMarker(marker)).toMatchObject({
			hadData: true,
			firstSavedAt: 1000,
			lastSavedAt: 1000,
			persistence: 'denied'
		});
	});

	it('records a grant, and a later save keeps it', async () => {
		const marker = memoryStorage();
		markSaved({}, 1000, marker);
		const b = new BackupState({ marker, storage: manager(true) });
		expect(await b.askPersistence()).toBe('granted');
		markSaved({}, 2000, marker);
		expect(readMarker(marker)).toMatchObject({ lastSavedAt: 2000, persistence: 'granted' });
	});

	it('creates no marker when nothing was saved yet', async () => {
		const marker = memoryStorage();
		const b = new BackupState({ marker, storage: manager(true) });
		expect(await b.askPersistence()).toBe('granted');
		expect(marker.map.size).toBe(0);
	});

	it('checkPersistence reads persisted() without prompting and updates a stale record', async () => {
		const marker = memoryStorage();
		markSaved({ persistence: 'denied' }, 1000, marker);
		const m = manager(false, true); // granted since (e.g. the user bookmarked the site)
		const b = new BackupState({ marker, storage: m });
		expect(await b.checkPersistence()).toBe('granted');
		expect(m.asked).toBe(0);
		expect(readMarker(marker)?.persistence).toBe('granted');
	});

	it('without the API, checkPersistence keeps the recorded answer', async () => {
		const marker = memoryStorage();
		markSaved({ persistence: 'denied' }, 1000, marker);
		const b = new BackupState({ marker, storage: {} });
		expect(await b.checkPersistence()).toBe('denied');
		expect(await new BackupState({ marker: memoryStorage(), storage: {} }).checkPersistence()).toBe(
			null
		);
	});
});
