import { describe, expect, it } from 'vitest';
import {
	probablyFits,
	requestPersistence,
	storageEstimate,
	type StorageManagerLike
} from './persist';

describe('requestPersistence', () => {
	it.each<[string, StorageManagerLike | undefined, string]>([
		['granted', { persist: async () => true, persisted: async () => false }, 'granted'],
		[
			'already persisted (no prompt)',
			{
				persist: async () => {
					throw new Error('must not ask');
				},
				persisted: async () => true
			},
			'granted'
		],
		['denied', { persist: async () => false }, 'denied'],
		[
			'persist throws',
			{
				persist: async () => {
					throw new Error('no');
				}
			},
			'unavailable'
		],
		['no persist()', {}, 'unavailable'],
		['no StorageManager', undefined, 'unavailable']
	])('%s → %s', async (_name, manager, want) => {
		expect(await requestPersistence(manager)).toBe(want);
	});
});

describe('storageEstimate / probablyFits', () => {
	it('normalises the estimate', async () => {
		const m = { estimate: async () => ({ usage: 25, quota: 100 }) };
		expect(await storageEstimate(m)).toEqual({ usage: 25, quota: 100, share: 0.25 });
		expect(await probablyFits(60, m)).toBe(true); // 25 + 66 ≤ 100
		expect(await probablyFits(70, m)).toBe(false); // 25 + 77 > 100
	});
	it('is null (and optimistic) without an estimate', async () => {
		expect(await storageEstimate({})).toBeNull();
		expect(await storageEstimate({ estimate: () => Promise.reject(new Error('x')) })).toBeNull();
		expect(await probablyFits(1e12, {})).toBe(true);
	});
});
