import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { DatasetsState } from './datasets.svelte';
import { ImportState } from './import.svelte';
import { inProcessWorker } from './testing/worker';
import { Workbench } from './workbench.svelte';
import { hasSharedData } from '../../../tests/shared-data';

const DATA = resolve(__dirname, '../../../../shared/data');
const has = hasSharedData('ravenstack-accounts.csv');
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

/** A seeded pick (mulberry32): the same files on every run. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `rows` rows: `cell(column, row)` per header. */
function csv(headers: string[], rows: number, cell: (h: string, i: number) => string): string {
	const out = [headers.join(',')];
	for (let i = 0; i < rows; i++) out.push(headers.map((h) => cell(h, i)).join(','));
	return out.join('\n') + '\n';
}

describe('import: the key without an id-like name', () => {
	const r = rng(9);
	const who = Array.from({ length: 300 }, () => Math.floor(r() * 40));
	const minute = Array.from({ length: 300 }, () => Math.floor(r() * 60 * 24 * 90));
	const stamp = (i: number, zone = '+09:00') => {
		const d = new Date(Date.UTC(2024, 0, 1) + minute[i]! * 60_000);
		return d.toISOString().slice(0, 19) + zone;
	};
	const kinds = ['login', 'export', 'invite', 'report'];
	// headers → cells, and the expected grain, key, event time and reason.
	const cases: {
		name: string;
		headers: string[];
		cell: (h: string, i: number) => string;
		grain: string;
		key: string;
		time?: string;
		reason: string;
	}[] = [
		{
			name: 'user (text) + ts with +09:00',
			headers: ['user', 'ts', 'action'],
			cell: (h, i) =>
				h === 'user' ? `u${who[i]}@example.com` : h === 'ts' ? stamp(i) : kinds[i % 4]!,
			grain: 'event',
			key: 'user',
			time: 'ts',
			reason: '“user” repeats: 300 rows, 40 distinct ids; each row is dated by “ts”.'
		},
		{
			name: 'customer (whole numbers) + date',
			headers: ['customer', 'day', 'minutes'],
			cell: (h, i) =>
				h === 'customer'
					? String(1000 + who[i]!)
					: h === 'day'
						? stamp(i, 'Z').slice(0, 10)
						: String(minute[i]! % 97),
			grain: 'event',
			key: 'customer',
			time: 'day',
			reason: '“customer” repeats: 300 rows, 40 distinct ids; each row is dated by “day”.'
		},
		{
			name: 'org (text) beside an own unique event_id',
			headers: ['event_id', 'org', 'occurred'],
			cell: (h, i) =>
				h === 'event_id'
					? `E${String(i).padStart(5, '0')}`
					: h === 'org'
						? `Org ${who[i]}`
						: stamp(i),
			grain: 'event',
			key: 'org',
			time: 'occurred',
			reason: '“org” repeats: 300 rows, 40 distinct ids; each row is dated by “occurred”.'
		},
		{
			name: 'Kundennummer (German, one word)',
			headers: ['Kundennummer', 'Datum', 'Betrag'],
			cell: (h, i) =>
				h === 'Kundennummer'
					? `K-${who[i]! * 7}`
					: h === 'Datum'
						? stamp(i, 'Z').slice(0, 10)
						: String(who[i]! * 3 + (i % 5)),
			grain: 'event',
			key: 'Kundennummer',
			time: 'Datum',
			reason: '“Kundennummer” repeats: 300 rows, 40 distinct ids; each row is dated by “Datum”.'
		},
		{
			name: 'no id-like name at all: "who" + "when"',
			headers: ['who', 'when', 'what'],
			cell: (h, i) => (h === 'who' ? `person ${who[i]}` : h === 'when' ? stamp(i) : kinds[i % 4]!),
			grain: 'event',
			key: 'who',
			time: 'when',
			reason:
				'No column is named like an id; “who” repeats beside a date, so it is taken as the key. “who” repeats: 300 rows, 40 distinct ids; each row is dated by “when”.'
		},
		{
			name: 'no id-like name, plus a row number: "shop" words',
			headers: ['row', 'holder', 'start', 'end', 'mrr'],
			cell: (h, i) =>
				h === 'row'
					? String(i + 1)
					: h === 'holder'
						? `H${who[i]}x`
						: h === 'start'
							? stamp(i, 'Z').slice(0, 10)
							: h === 'end'
								? new Date(Date.UTC(2024, 3, 1) + minute[i]! * 60_000).toISOString().slice(0, 10)
								: String(100 + (i % 7) * 10),
			grain: 'period',
			key: 'holder',
			reason:
				'No column is named like an id; “holder” repeats beside a date, so it is taken as the key. “holder” repeats: 300 rows, 40 distinct ids; each row runs from “start” to “end”.'
		},
		{
			name: 'a full panel: 30 members × 10 month ends',
			headers: ['member', 'counted', 'seats'],
			cell: (h, i) =>
				h === 'member'
					? `m${i % 30}`
					: h === 'counted'
						? new Date(Date.UTC(2024, Math.floor(i / 30) + 1, 0)).toISOString().slice(0, 10)
						: String(1 + (i % 9)),
			grain: 'snapshot',
			key: 'member',
			reason:
				'“member” repeats: 300 rows, 30 distinct ids; “counted” has 10 dates and 30 × 10 = 300: one row per id per date (a snapshot).'
		},
		{
			name: 'an account list with a repeated owner stays an account list',
			headers: ['account_id', 'owner', 'signup_date'],
			cell: (h, i) =>
				h === 'account_id' ? `A${i}` : h === 'owner' ? `csm ${i % 6}` : stamp(i, 'Z').slice(0, 10),
			grain: 'account',
			key: 'account_id',
			reason: 'Each “account_id” appears once (300 rows): one row per account.'
		}
	];
	for (const c of cases)
		it(c.name, async () => {
			const { imp } = await setup();
			await imp.chooseFile(file(csv(c.headers, 300, c.cell), 'f.csv'));
			expect(imp.grain).toBe(c.grain);
			expect(imp.grainGuess?.reason).toBe(c.reason);
			const got = roles(imp);
			expect(got[c.key]).toBe('account-id');
			if (c.time) expect(got[c.time]).toBe('event-time');
			if (c.grain === 'period')
				expect(got).toMatchObject({ start: 'period-start', end: 'period-end' });
			if (c.grain === 'snapshot') expect(got).toMatchObject({ counted: 'snapshot-date' });
			await imp.review();
			expect(imp.report).toMatchObject({ rows: 300, skippedRows: 0 });
		});

	it('+09:00 offsets are read and stated, and an event keeps its Tokyo-morning day in UTC', async () => {
		const { imp } = await setup();
		const text =
			'user,ts\nann,2024-03-02T08:30:00+09:00\nann,2024-03-02T10:00:00+09:00\nbob,2024-03-03T00:00:00+09:00\n';
		await imp.chooseFile(file(text, 'f.csv'));
		expect(imp.grain).toBe('event');
		expect(roles(imp)).toMatchObject({ user: 'account-id', ts: 'event-time' });
		expect(imp.timeNote).toBe(
			'“ts” has times with a zone: converted to UTC. Each row counts on its date in UTC.'
		);
	});
});
