import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { openMemoryStore } from '$lib/data/db';
import { i18n } from '$lib/i18n/i18n.svelte';
import { checkOverride, isActive, OverridesState, type Override } from './overrides.svelte';

const o: Override = {
	accountId: 'A1',
	tierId: 'green',
	reason: 'Exec sponsor confirmed',
	expiresOn: '2025-03-31',
	createdOn: '2025-01-10'
};

describe('overrides', () => {
	it.each([
		[o, {}],
		[{ ...o, reason: ' ' }, { reason: 'Say why (at least 3 characters).' }],
		[{ ...o, expiresOn: '2024-12-31' }, { expiresOn: 'The expiry date is in the past.' }],
		[{ ...o, expiresOn: '' }, { expiresOn: 'Give an expiry date.' }],
		[{ ...o, tierId: '' }, { tierId: 'Choose a tier.' }]
	])('checkOverride %#', (input, want) => expect(checkOverride(input, '2025-01-10')).toEqual(want));

	it('says what is wrong in the UI language', () => {
		i18n.set('ja');
		try {
			expect(checkOverride({ ...o, reason: '', tierId: '', expiresOn: '' }, '2025-01-10')).toEqual({
				tierId: 'ティアを選んでください。',
				reason: '理由を書いてください（3 文字以上）。',
				expiresOn: '有効期限の日付を入力してください。'
			});
		} finally {
			i18n.set('en');
		}
	});

	it('expires after its last day', () => {
		expect(isActive(o, '2025-03-31')).toBe(true);
		expect(isActive(o, '2025-04-01')).toBe(false);
	});

	it('persists in the settings record and survives a reload', async () => {
		const store = openMemoryStore();
		const a = new OverridesState(() => store);
		await a.set(o);
		await a.set({ ...o, accountId: 'A2' });
		await a.remove('A1');
		const b = new OverridesState(() => store);
		await b.load();
		flushSync();
		expect(b.list.map((x) => x.accountId)).toEqual(['A2']);
		expect(b.byAccount.get('A2')?.reason).toBe(o.reason);
	});
});
