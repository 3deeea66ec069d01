import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import type { StoreFaults } from '$lib/data/db/store';
import { inProcessWorker } from './testing/worker';
import { DatasetsState } from './datasets.svelte';
import { ImportState, hashFile, nameFromFile } from './import.svelte';
import { Workbench } from './workbench.svelte';
import { hasSharedData, sharedDataPath } from '../../../tests/shared-data';

const TELCO = sharedDataPath('telco-churn.csv');
const HAVE_TELCO = hasSharedData('telco-churn.csv');

async function setup(faults?: StoreFaults) {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	const store = await openWorkbenchDb({ factory: new IDBFactory(), channel: false, faults });
	await ds.attach(store);
	const imp = new ImportState({
		workbench: wb,
		datasets: ds,
		worker: inProcessWorker,
		now: () => 1
	});
	cleanups.push(() => {
		imp.dispose();
		store.close();
	});
	return { wb, ds, store, imp };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const c of cleanups.splice(0)) c();
});

const csv = (text: string, name = 'accounts.csv') => new File([text], name, { type: 'text/csv' });

const SMALL = [
	'account_id,segment,logins_30d,churned',
	'A1,SMB,10,No',
	'A2,SMB,abc,Yes',
	'A3,Enterprise,30,No',
	'A4,Enterprise,40,No',
	''
].join('\n');

describe('ImportState', () => {
	it('names datasets from files', () => {
		expect(nameFromFile('telco-churn.csv')).toBe('telco-churn');
		expect(nameFromFile('x.TSV')).toBe('x');
		expect(nameFromFile('.csv')).toBe('Dataset');
	});

	it('hashes file bytes with SHA-256', async () => {
		expect(await hashFile(csv('abc'))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('reads, maps automatically, reports the unreadable row and stores the rest', async () => {
		const { wb, ds, imp } = await setup();
		await imp.chooseFile(csv(SMALL));
		expect(imp.step).toBe('mapping');
		expect(imp.rows).toBe(4);
		const roles = Object.fromEntries(imp.columns.map((c) => [c.name, c.role]));
		expect(roles).toEqual({
			account_id: 'account-id',
			segment: 'segment',
			logins_30d: 'ignore', // 1 of 4 cells is not a number: below the 95 % needed to infer
			churned: 'churned'
		});
		imp.setType(2, 'number');
		imp.setRole(2, 'metric');
		await imp.review();
		expect(imp.step).toBe('report');
		expect(imp.report).toMatchObject({ rows: 3, skippedRows: 1, issueCount: 1 });
		expect(imp.report!.issues[0]).toMatchObject({
			row: 3,
			column: 'logins_30d',
			code: 'not-a-number'
		});
		expect(imp.report!.churnShare).toBe(0); // A2 (the churned one) was the unreadable row
		await imp.commit();
		expect(imp.step).toBe('done');
		expect(ds.list).toHaveLength(1);
		expect(ds.list[0]).toMatchObject({ name: 'accounts', rows: 3 });
		expect(ds.activeId).toBe(ds.list[0]!.id);
		expect(wb.dataset?.ids).toEqual(['A1', 'A3', 'A4']);
	});

	it('moves a single-use role instead of duplicating it, and asks for ambiguous date orders', async () => {
		const { imp } = await setup();
		await imp.chooseFile(
			csv('account_id,other_id,renewal\nA1,X1,01/02/2024\nA2,X2,03/04/2024\n', 'r.csv')
		);
		imp.setRole(1, 'account-id');
		flushSync();
		expect(imp.columns.map((c) => c.role)).toEqual(['ignore', 'account-id', 'renewal-date']);
		expect(imp.notice).toContain('account_id');
		await imp.review();
		expect(imp.step).toBe('mapping');
		expect(imp.mappingErrors[0]).toContain('date order');
		imp.setDateOrder(2, 'dmy');
		await imp.review();
		expect(imp.step).toBe('report');
	});

	it('asks before storing an identical file again: keep both, then replace', async () => {
		const { ds, imp } = await setup();
		const file = csv(SMALL);
		await imp.chooseFile(file);
		await imp.review();
		await imp.commit();
		expect(ds.list).toHaveLength(1);
		await imp.chooseFile(file);
		await imp.review();
		await imp.commit();
		expect(imp.step).toBe('duplicate');
		expect(imp.duplicateOf?.name).toBe('accounts');
		await imp.resolveDuplicate('keep-both');
		expect(ds.list.map((d) => d.name).sort()).toEqual(['accounts', 'accounts (2)']);
		await imp.chooseFile(file);
		await imp.review();
		await imp.commit();
		expect(imp.step).toBe('duplicate');
		const replaced = imp.duplicateOf!.id;
		await imp.resolveDuplicate('replace');
		expect(ds.list).toHaveLength(2);
		expect(ds.list.some((d) => d.id === replaced)).toBe(false);
		await imp.chooseFile(file);
		await imp.review();
		await imp.commit();
		await imp.resolveDuplicate('cancel');
		expect(imp.step).toBe('choose');
		expect(ds.list).toHaveLength(2);
	});

	it('remembers a mapping for files with the same headers', async () => {
		const { imp } = await setup();
		await imp.chooseFile(csv(SMALL));
		expect(imp.usedRememberedMapping).toBe(false);
		imp.setRole(1, 'ignore');
		await imp.review();
		await imp.commit();
		await imp.chooseFile(csv(SMALL.replace('A1,', 'B1,'), 'other.csv'));
		expect(imp.usedRememberedMapping).toBe(true);
		expect(imp.columns[1]!.role).toBe('ignore');
		expect(imp.columns[0]!.role).toBe('account-id');
	});

	it('keeps everything stored before when storage is full', async () => {
		let fail = false;
		const { ds, imp } = await setup({
			chunkWrite: () => (fail ? new DOMException('full', 'QuotaExceededError') : null)
		});
		await imp.chooseFile(csv(SMALL));
		await imp.review();
		await imp.commit();
		const before = ds.list.map((d) => d.id);
		fail = true;
		await imp.chooseFile(csv(SMALL.replace('A1,', 'Z1,'), 'b.csv'));
		await imp.review();
		await imp.commit();
		expect(imp.step).toBe('report');
		expect(imp.error).toMatch(/^Storage is full/);
		await ds.refresh();
		expect(ds.list.map((d) => d.id)).toEqual(before);
		expect(ds.activeId).toBe(before[0]);
	});

	it('blocks an unbalanced quote with its row and stores nothing', async () => {
		const { ds, imp } = await setup();
		await imp.chooseFile(csv('account_id,name\nA1,"ok"\nA2,"broken\nA3,x\n'));
		expect(imp.step).toBe('blocked');
		expect(imp.blockingIssues[0]?.row).toBe(3);
		expect(ds.list).toHaveLength(0);
	});

	it('cancels reading and returns to step 1', async () => {
		const { imp } = await setup();
		const big =
			'account_id,v\n' + Array.from({ length: 50_000 }, (_, i) => `A${i},${i}`).join('\n');
		const p = imp.chooseFile(csv(big));
		imp.cancelReading();
		await p;
		expect(imp.step).toBe('choose');
		expect(imp.file).toBeNull();
	});

	it.skipIf(!HAVE_TELCO)('imports telco-churn: 7,043 rows, 26.54 % churn', async () => {
		const { ds, imp } = await setup();
		await imp.chooseFile(csv(readFileSync(TELCO, 'utf8'), 'telco-churn.csv'));
		const by = (n: string) => imp.columns.find((c) => c.name === n)!;
		expect(imp.rows).toBe(7043);
		expect(by('customerID').role).toBe('account-id');
		expect(by('Churn').role).toBe('churned');
		expect(by('TotalCharges').profile.missing).toBe(11);
		await imp.review();
		expect(imp.report?.rows).toBe(7043);
		expect(imp.report!.churnShare! * 100).toBeCloseTo(26.537, 2); // 1,869 / 7,043
		await imp.commit();
		expect(ds.list[0]?.rows).toBe(7043);
	});
});
