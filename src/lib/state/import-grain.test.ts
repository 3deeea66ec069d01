import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { DatasetsState } from './datasets.svelte';
import { ImportState } from './import.svelte';
import { inProcessWorker } from './test-worker';
import { Workbench } from './workbench.svelte';

const DATA = resolve(__dirname, '../../../../shared/data');
const has = existsSync(resolve(DATA, 'ravenstack-accounts.csv'));
const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const c of cleanups.splice(0)) c();
});

async function setup() {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	const store = await openWorkbenchDb({ factory: new IDBFactory(), channel: false });
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
	return { wb, ds, imp };
}

const file = (text: string, name: string) => new File([text], name, { type: 'text/csv' });
const roles = (imp: ImportState) =>
	Object.fromEntries(imp.columns.filter((c) => c.role !== 'ignore').map((c) => [c.name, c.role]));

describe('import: what one row is', () => {
	it('detects events from repeated ids and a date; stores every row with grain and zone', async () => {
		const { wb, imp } = await setup();
		const text = [
			'ticket_id,account_id,submitted_at,closed_at,priority',
			'T1,A1,2024-01-02,2024-01-02 10:00:00,high',
			'T2,A1,2024-01-03,2024-01-04 09:00:00,low',
			'T3,A2,2024-01-03,2024-01-03 11:00:00,low',
			''
		].join('\n');
		await imp.chooseFile(file(text, 'tickets.csv'));
		expect(imp.grain).toBe('event');
		expect(imp.grainGuess?.reason).toBe(
			'“account_id” repeats: 3 rows, 2 distinct ids; each row is dated by “submitted_at”.'
		);
		expect(roles(imp)).toMatchObject({ account_id: 'account-id', submitted_at: 'event-time' });
		expect(imp.timeNote).toBe(
			'“closed_at” has times without a zone: read as UTC time. Each row counts on its date in UTC.'
		);
		await imp.review();
		expect(imp.report).toMatchObject({ rows: 3, skippedRows: 0, issueCount: 0 });
		await imp.commit();
		expect(imp.step).toBe('done');
		expect(wb.dataset?.meta).toMatchObject({ grain: 'event', timeZone: 'UTC', rows: 3 });
	});

	it('unique ids are accounts; choosing "event" without a date asks for one', async () => {
		const { imp } = await setup();
		await imp.chooseFile(file('id,seats\nA,1\nB,2\n', 'a.csv'));
		expect(imp.grain).toBe('account');
		expect(imp.grainGuess?.reason).toBe('Each “id” appears once (2 rows): one row per account.');
		imp.setGrain('event');
		await imp.review();
		expect(imp.step).toBe('mapping');
		expect(imp.mappingErrors).toEqual([
			'Events need a date: choose the column that dates each row (role “event time”).'
		]);
	});

	it.skipIf(!has)(
		'ravenstack: each table gets its grain and key, and every row is kept',
		async () => {
			const expected = {
				accounts: ['account', 'account_id', 500, null],
				subscriptions: ['period', 'account_id', 5000, ['start_date', 'end_date']],
				'feature-usage': ['event', 'subscription_id', 25000, ['usage_date']],
				'support-tickets': ['event', 'account_id', 2000, ['submitted_at']],
				'churn-events': ['event', 'account_id', 600, ['churn_date']]
			} as const;
			for (const [t, [grain, key, rows, dates]] of Object.entries(expected)) {
				const { imp } = await setup();
				const text = readFileSync(resolve(DATA, `ravenstack-${t}.csv`), 'utf8');
				await imp.chooseFile(file(text, `ravenstack-${t}.csv`));
				expect(imp.grain, t).toBe(grain);
				const r = roles(imp);
				expect(r[key], t).toBe('account-id');
				if (grain === 'period')
					expect(r).toMatchObject({ start_date: 'period-start', end_date: 'period-end' });
				if (grain === 'event') expect(r[dates![0]!], t).toBe('event-time');
				await imp.review();
				// usage_id repeats 21 times: not an error, the key is subscription_id.
				expect(imp.report, t).toMatchObject({ rows, skippedRows: 0 });
			}
		}
	);
});
