/**
 * The feature build on hand-computed edge cases (every expected figure below is worked out by
 * hand in the comments), and the point-in-time property: changing every row dated after T
 * leaves every feature at T identical.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column, ColumnTable } from '$lib/model/types';
import { buildFeatureTable, fromDataset } from './build';
import { dayIso, isoDay } from './grid';
import type { BuiltTable, FeatureSpec, Recipe, SourceTable } from './types';

type Cell = string | number | null;

/** A SourceTable from row objects: strings → dictionary-coded text, numbers → numbers. */
function source(name: string, rows: Record<string, Cell>[], columns: string[]): SourceTable {
	const n = rows.length;
	const map = new Map<string, Column>();
	for (const c of columns) {
		const sample = rows.find((r) => r[c] !== null && r[c] !== undefined)?.[c];
		if (typeof sample === 'string') {
			const dict: string[] = [];
			const codes = Int32Array.from(rows, (r) => {
				const v = r[c];
				if (typeof v !== 'string') return -1;
				let k = dict.indexOf(v);
				if (k < 0) k = dict.push(v) - 1;
				return k;
			});
			map.set(c, { kind: 'category', codes, dictionary: dict });
		} else
			map.set(c, {
				kind: 'number',
				values: Float64Array.from(rows, (r) => (typeof r[c] === 'number' ? (r[c] as number) : NaN))
			});
	}
	const table: ColumnTable = { n, columns: map };
	return { name, ids: null, idColumn: null, table };
}

/** Feature value of the row with `id` at as-of day `T` (text features as their text). */
function cell(b: BuiltTable, id: string, T: number, feature: string): number | string | null {
	const asOf = b.table.columns.get('as_of_date')!;
	for (let i = 0; i < b.table.n; i++) {
		if (b.ids[i] !== id || (asOf.kind === 'number' && asOf.values[i] !== T)) continue;
		const c = b.table.columns.get(feature)!;
		if (c.kind === 'number') return c.values[i]!;
		return c.codes[i]! < 0 ? null : c.dictionary[c.codes[i]!]!;
	}
	throw new Error(`no row ${id} at ${dayIso(T)}`);
}

function idsAt(b: BuiltTable, T: number): string[] {
	const asOf = b.table.columns.get('as_of_date')!;
	const out: string[] = [];
	for (let i = 0; i < b.table.n; i++)
		if (asOf.kind === 'number' && asOf.values[i] === T) out.push(b.ids[i]!);
	return out.sort();
}

const D = isoDay('2024-03-31');
const D2 = D + 30; // 2024-04-30

const accounts = source(
	'crm',
	[
		{ account_id: 'A', signup: D - 90, tier: 'Pro' },
		{ account_id: 'B', signup: D - 90, tier: 'Basic' },
		{ account_id: 'C', signup: D + 15, tier: 'Pro' }
	],
	['account_id', 'signup', 'tier']
);
const tickets = source(
	'tickets',
	[
		{ account_id: 'A', at: D, x: 1, kind: 'login' }, // exactly at T: in (T − 30, T]
		{ account_id: 'A', at: D - 30, x: 2, kind: 'login' }, // exactly T − 30: out of the 30-day window
		{ account_id: 'A', at: D - 29, x: 4, kind: 'email' }, // in
		{ account_id: 'A', at: D + 1, x: 8, kind: 'login' }, // after T: never at T
		{ account_id: 'A', at: D - 100, x: 16, kind: 'login' },
		{ account_id: 'A', at: D + 15, x: 32, kind: 'email' }, // after A's churn (D + 10): a return
		{ account_id: 'B', at: D - 29, x: 5, kind: 'login' },
		{ account_id: 'B', at: D - 29, x: 7, kind: 'login' }, // same day: `last` takes the largest
		{ account_id: 'Z', at: D, x: 64, kind: 'login' }, // orphan: Z is not in the account list
		{ account_id: 'B', at: null, x: 1, kind: 'login' } // no date: left out, reported
	],
	['account_id', 'at', 'x', 'kind']
);
const subs = source(
	'subs',
	[
		{ account_id: 'A', start: D - 60, end: D, mrr: 100, seats: 5, plan: 'Basic' }, // ends at T: not active at T
		{ account_id: 'A', start: D, end: null, mrr: 50, seats: 8, plan: 'Pro' }, // starts at T: active
		{ account_id: 'B', start: D - 10, end: D + 20, mrr: 70, seats: 3, plan: 'Basic' },
		{ account_id: 'B', start: D + 1, end: null, mrr: 999, seats: 1, plan: 'Ent' }, // starts after T
		{ account_id: 'B', start: D + 5, end: D + 2, mrr: 1, seats: 1, plan: 'Ent' } // ends before it starts
	],
	['account_id', 'start', 'end', 'mrr', 'seats', 'plan']
);
const churns = source(
	'churn',
	[
		{ account_id: 'A', on: D + 10 },
		{ account_id: 'B', on: D2 } // churn exactly at T2: B has no row at T2
	],
	['account_id', 'on']
);

const ev = (id: string, agg: FeatureSpec & { kind: 'event' }): FeatureSpec => ({
	...agg,
	id,
	name: id
});
const FEATURES: FeatureSpec[] = [
	ev('n30', { id: '', name: '', source: 'tickets', kind: 'event', agg: 'count', days: 30 }),
	ev('sum30', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'sum',
		column: 'x',
		days: 30
	}),
	ev('mean30', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'mean',
		column: 'x',
		days: 30
	}),
	ev('min30', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'min',
		column: 'x',
		days: 30
	}),
	ev('max30', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'max',
		column: 'x',
		days: 30
	}),
	ev('kinds30', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'distinct',
		column: 'kind',
		days: 30
	}),
	ev('nall', { id: '', name: '', source: 'tickets', kind: 'event', agg: 'count', days: null }),
	ev('sumall', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'sum',
		column: 'x',
		days: null
	}),
	ev('last', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'last',
		column: 'x',
		days: null
	}),
	ev('lastkind', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'last',
		column: 'kind',
		days: null
	}),
	ev('since', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'days-since-last',
		days: null
	}),
	ev('first', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'days-since-first',
		days: null
	}),
	ev('logins30', {
		id: '',
		name: '',
		source: 'tickets',
		kind: 'event',
		agg: 'count',
		days: 30,
		filter: { column: 'kind', values: ['login'] }
	}),
	{ id: 'active', name: 'active', source: 'subs', kind: 'period', measure: 'active' },
	{
		id: 'mrr',
		name: 'mrr',
		source: 'subs',
		kind: 'period',
		measure: 'value',
		column: 'mrr',
		combine: 'sum'
	},
	{
		id: 'plan',
		name: 'plan',
		source: 'subs',
		kind: 'period',
		measure: 'value',
		column: 'plan',
		combine: 'latest'
	},
	{ id: 'tenure', name: 'tenure', source: 'subs', kind: 'period', measure: 'tenure' },
	{ id: 'renewal', name: 'renewal', source: 'subs', kind: 'period', measure: 'days-to-renewal' },
	{
		id: 'ups',
		name: 'ups',
		source: 'subs',
		kind: 'period',
		measure: 'changes',
		column: 'seats',
		days: 365,
		direction: 'up'
	},
	{ id: 'tier', name: 'tier', source: 'crm', kind: 'account', column: 'tier' }
];

function recipe(over: Partial<Recipe> = {}): Recipe {
	return {
		schemaVersion: 1,
		sources: [
			{ name: 'crm', grain: 'account', key: 'account_id', time: 'signup' },
			{ name: 'tickets', grain: 'event', key: 'account_id', time: 'at' },
			{ name: 'subs', grain: 'period', key: 'account_id', start: 'start', end: 'end' },
			{ name: 'churn', grain: 'event', key: 'account_id', time: 'on' }
		],
		accounts: 'crm',
		grid: { kind: 'dates', dates: [dayIso(D), dayIso(D2)] },
		features: FEATURES,
		outcome: { kind: 'churn-log', source: 'churn', column: 'on', reactivation: 'new-life' },
		segment: 'tier',
		contractValue: 'mrr',
		...over
	};
}
const ALL = [accounts, tickets, subs, churns];

describe('buildFeatureTable: hand-computed window edges', () => {
	const b = buildFeatureTable(recipe(), ALL);

	it('builds without errors; rows: A and B at T, A #2 and C at T2 (B churned exactly at T2)', () => {
		expect(b.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(idsAt(b, D)).toEqual(['A', 'B']);
		expect(idsAt(b, D2)).toEqual(['A #2', 'C']);
		expect(b.accounts).toBe(3);
		expect(b.lives).toBe(4); // A, A #2, B, C
	});

	it('event windows (T − 30, T]: the row at T is in, the row at T − 30 is out, rows after T never count', () => {
		// A at T: rows D (x 1, login) and D − 29 (x 4, email) are in; D − 30 (x 2) and D + 1 (x 8) are not.
		expect(cell(b, 'A', D, 'n30')).toBe(2);
		expect(cell(b, 'A', D, 'sum30')).toBe(5);
		expect(cell(b, 'A', D, 'mean30')).toBe(2.5);
		expect(cell(b, 'A', D, 'min30')).toBe(1);
		expect(cell(b, 'A', D, 'max30')).toBe(4);
		expect(cell(b, 'A', D, 'kinds30')).toBe(2);
		expect(cell(b, 'A', D, 'logins30')).toBe(1);
		// All history ≤ T: D, D − 29, D − 30, D − 100 → 4 rows, 1 + 4 + 2 + 16 = 23.
		expect(cell(b, 'A', D, 'nall')).toBe(4);
		expect(cell(b, 'A', D, 'sumall')).toBe(23);
		expect(cell(b, 'A', D, 'last')).toBe(1);
		expect(cell(b, 'A', D, 'lastkind')).toBe('login');
		expect(cell(b, 'A', D, 'since')).toBe(0);
		expect(cell(b, 'A', D, 'first')).toBe(100);
	});

	it('same-day ties: last takes the largest value; an undated row is left out and reported', () => {
		expect(cell(b, 'B', D, 'n30')).toBe(2);
		expect(cell(b, 'B', D, 'sum30')).toBe(12);
		expect(cell(b, 'B', D, 'last')).toBe(7);
		expect(cell(b, 'B', D, 'since')).toBe(29);
		expect(cell(b, 'B', D, 'min30')).toBe(5);
		const noDate = b.issues.find((i) => i.source === 'tickets' && i.column === 'at');
		expect(noDate).toMatchObject({ severity: 'warning', row: 10, rows: 1 });
		expect(noDate?.message).toContain('no readable date in "at"');
	});

	it('an exact duplicate event is counted and named (row and source)', () => {
		const twice = source(
			'tickets',
			[
				{ account_id: 'A', at: D, x: 1, kind: 'login' },
				{ account_id: 'A', at: D, x: 2, kind: 'login' },
				{ account_id: 'A', at: D, x: 1, kind: 'login' }
			],
			['account_id', 'at', 'x', 'kind']
		);
		const r = buildFeatureTable(recipe(), [accounts, twice, subs, churns]);
		expect(cell(r, 'A', D, 'n30')).toBe(3);
		const dup = r.issues.find((i) => i.source === 'tickets' && i.message.includes('repeat'));
		expect(dup).toMatchObject({ severity: 'warning', row: 3, rows: 1 });
		expect(b.issues.some((i) => i.message.includes('repeat'))).toBe(false);
	});

	it('periods: one ending at T is not active at T, one starting at T is', () => {
		expect(cell(b, 'A', D, 'active')).toBe(1);
		expect(cell(b, 'A', D, 'mrr')).toBe(50); // only the period starting at T
		expect(cell(b, 'A', D, 'plan')).toBe('Pro');
		expect(cell(b, 'A', D, 'tenure')).toBe(60);
		expect(cell(b, 'A', D, 'renewal')).toBeNaN(); // the covering period is open
		expect(cell(b, 'A', D, 'ups')).toBe(1); // seats 5 → 8 on a period starting at T
		expect(cell(b, 'B', D, 'mrr')).toBe(70); // 999 starts after T
		expect(cell(b, 'B', D, 'renewal')).toBe(20);
		expect(cell(b, 'B', D, 'tenure')).toBe(10);
		const back = b.issues.find((i) => i.source === 'subs' && i.column === 'end');
		expect(back).toMatchObject({ row: 5, rows: 1 });
	});

	it('orphans are counted per source, never silently dropped', () => {
		expect(b.orphans.find((o) => o.source === 'tickets')).toEqual({
			source: 'tickets',
			rows: 1,
			keys: 1,
			examples: ['Z']
		});
		expect(b.orphans.find((o) => o.source === 'subs')?.rows).toBe(0);
	});

	it('outcome: churn date per life; a return after churning starts a new life whose features keep the history', () => {
		expect(cell(b, 'A', D, 'churn_date')).toBe(D + 10);
		expect(cell(b, 'A', D, 'churned')).toBe(1);
		expect(cell(b, 'B', D, 'churn_date')).toBe(D2);
		expect(cell(b, 'A #2', D2, 'churned')).toBe(0);
		expect(cell(b, 'A #2', D2, 'churn_date')).toBeNaN();
		expect(cell(b, 'A #2', D2, 'life')).toBe(2);
		// A #2 at T2: rows in (D, D + 30] are D + 1 (8) and D + 15 (32).
		expect(cell(b, 'A #2', D2, 'n30')).toBe(2);
		expect(cell(b, 'A #2', D2, 'sum30')).toBe(40);
		expect(cell(b, 'A #2', D2, 'nall')).toBe(6);
		expect(cell(b, 'C', D2, 'tier')).toBe('Pro');
		expect(b.columns.find((c) => c.name === 'tier')?.role).toBe('segment');
		expect(b.columns.find((c) => c.name === 'mrr')?.role).toBe('contract-value');
		expect(b.outcomeDescription).toContain('new life');
	});

	it('reactivation none: the first churn is final', () => {
		const r = buildFeatureTable(
			recipe({
				outcome: { kind: 'churn-log', source: 'churn', column: 'on', reactivation: 'none' }
			}),
			ALL
		);
		expect(idsAt(r, D)).toEqual(['A', 'B']);
		expect(idsAt(r, D2)).toEqual(['C']);
		expect(r.lives).toBe(3);
	});

	it('outcome from the end of the last period: a gap is a churn, the next start a new life; grace days join them', () => {
		const p = source(
			'subs',
			[
				{ account_id: 'A', start: D - 60, end: D, mrr: 1, seats: 1, plan: 'x' },
				{ account_id: 'A', start: D, end: null, mrr: 1, seats: 1, plan: 'x' }, // touches: one stretch
				{ account_id: 'B', start: D - 100, end: D - 50, mrr: 1, seats: 1, plan: 'x' },
				{ account_id: 'B', start: D - 20, end: null, mrr: 1, seats: 1, plan: 'x' } // 30-day gap
			],
			['account_id', 'start', 'end', 'mrr', 'seats', 'plan']
		);
		const base = recipe({
			features: FEATURES.filter((f) => f.source !== 'tickets'),
			grid: { kind: 'dates', dates: [dayIso(D - 60), dayIso(D)] },
			outcome: { kind: 'period-end', source: 'subs', graceDays: 0, reactivation: 'new-life' }
		});
		const r = buildFeatureTable(base, [accounts, tickets, p, churns]);
		expect(idsAt(r, D - 60)).toEqual(['A', 'B']);
		expect(cell(r, 'B', D - 60, 'churn_date')).toBe(D - 50);
		expect(idsAt(r, D)).toEqual(['A', 'B #2']);
		const g = buildFeatureTable(
			{
				...base,
				outcome: { kind: 'period-end', source: 'subs', graceDays: 30, reactivation: 'new-life' }
			},
			[accounts, tickets, p, churns]
		);
		expect(idsAt(g, D)).toEqual(['A', 'B']);
		expect(cell(g, 'B', D, 'churned')).toBe(0);
	});

	it('without an account list the accounts are the ids seen anywhere (Z included, no orphans)', () => {
		const r = buildFeatureTable(
			recipe({
				accounts: null,
				features: FEATURES.filter((f) => f.source !== 'crm'),
				segment: null
			}),
			ALL
		);
		expect(r.accounts).toBe(4); // A, B, C (CRM), Z (tickets); C signs up after T
		expect(idsAt(r, D)).toEqual(['A', 'B', 'Z']);
		expect(r.orphans.every((o) => o.rows === 0)).toBe(true);
	});

	it('bad recipes and key mismatches build nothing and say why', () => {
		const gone = buildFeatureTable(recipe(), [
			accounts,
			source(
				'tickets',
				[{ account_id: 'A', at: D, y: 1, kind: 'x' }],
				['account_id', 'at', 'y', 'kind']
			),
			subs,
			churns
		]);
		expect(gone.table.n).toBe(0);
		expect(gone.issues.map((i) => i.message)).toContain(
			'Feature "sum30" reads column "x" from "tickets", which no longer has that column.'
		);
		const none = buildFeatureTable(recipe(), [
			accounts,
			source(
				'tickets',
				[{ account_id: 'Q', at: D, x: 1, kind: 'x' }],
				['account_id', 'at', 'x', 'kind']
			),
			subs,
			churns
		]);
		expect(none.table.n).toBe(0);
		expect(none.issues.find((i) => i.severity === 'error')).toMatchObject({
			source: 'tickets',
			column: 'account_id'
		});
	});

	it('links: a key reached through another source (usage → subscription → account)', () => {
		const usage = source(
			'usage',
			[
				{ sub: 's1', at: D },
				{ sub: 's2', at: D - 1 },
				{ sub: 's9', at: D }
			],
			['sub', 'at']
		);
		const s2 = source(
			'subs',
			[
				{ sub_id: 's1', account_id: 'A', start: D - 5, end: null },
				{ sub_id: 's2', account_id: 'B', start: D - 5, end: null }
			],
			['sub_id', 'account_id', 'start', 'end']
		);
		const r = buildFeatureTable(
			recipe({
				sources: [
					{ name: 'crm', grain: 'account', key: 'account_id', time: 'signup' },
					{
						name: 'usage',
						grain: 'event',
						key: 'sub',
						link: { via: 'subs', column: 'sub_id' },
						time: 'at'
					},
					{ name: 'subs', grain: 'period', key: 'account_id', start: 'start', end: 'end' }
				],
				features: [
					{ id: 'uses', name: 'uses', source: 'usage', kind: 'event', agg: 'count', days: null }
				],
				outcome: { kind: 'none' },
				segment: null,
				contractValue: null,
				grid: { kind: 'dates', dates: [dayIso(D)] }
			}),
			[accounts, usage, s2]
		);
		expect(cell(r, 'A', D, 'uses')).toBe(1);
		expect(cell(r, 'B', D, 'uses')).toBe(1);
		expect(r.orphans.find((o) => o.source === 'usage')).toMatchObject({
			rows: 1,
			examples: ['s9']
		});
	});

	it('fromDataset reads a stored dataset without copying', () => {
		const s = fromDataset('x', {
			ids: ['A'],
			table: accounts.table,
			meta: { columns: [{ name: 'account_id', role: 'account-id' }] }
		});
		expect(s.idColumn).toBe('account_id');
		expect(s.table).toBe(accounts.table);
	});
});

describe('point in time: rows dated after T never reach a feature at T', () => {
	const T = 1000;
	const ACC = ['a', 'b', 'c', 'd'];
	const KINDS = ['x', 'y', 'z'];
	const eventRow = fc.record({
		acc: fc.constantFrom(...ACC),
		at: fc.integer({ min: 900, max: 1100 }),
		v: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constant(null)),
		k: fc.constantFrom(...KINDS)
	});
	const periodRow = fc.record({
		acc: fc.constantFrom(...ACC),
		start: fc.integer({ min: 850, max: 1100 }),
		len: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(null)),
		v: fc.integer({ min: 0, max: 9 })
	});
	const feats: FeatureSpec[] = [
		...(
			[
				'count',
				'sum',
				'mean',
				'min',
				'max',
				'distinct',
				'last',
				'days-since-last',
				'days-since-first'
			] as const
		).flatMap((agg) =>
			[7, 30, null].map<FeatureSpec>((days) => ({
				id: `e_${agg.replace(/-/g, '_')}_${days ?? 'all'}`,
				name: agg,
				source: 'ev',
				kind: 'event',
				agg,
				column: agg === 'distinct' ? 'k' : 'v',
				days,
				filter: days === 7 ? { column: 'k', values: ['x', 'y'] } : null
			}))
		),
		{ id: 'last_k', name: 'k', source: 'ev', kind: 'event', agg: 'last', column: 'k', days: 30 },
		{ id: 'p_active', name: 'p', source: 'per', kind: 'period', measure: 'active' },
		{
			id: 'p_sum',
			name: 'p',
			source: 'per',
			kind: 'period',
			measure: 'value',
			column: 'v',
			combine: 'sum'
		},
		{
			id: 'p_latest',
			name: 'p',
			source: 'per',
			kind: 'period',
			measure: 'value',
			column: 'v',
			combine: 'latest'
		},
		{ id: 'p_tenure', name: 'p', source: 'per', kind: 'period', measure: 'tenure' },
		{
			id: 'p_up',
			name: 'p',
			source: 'per',
			kind: 'period',
			measure: 'changes',
			column: 'v',
			days: 60,
			direction: 'up'
		},
		{ id: 's_last', name: 's', source: 'snap', kind: 'snapshot', column: 'v' }
	];
	const rec: Recipe = {
		schemaVersion: 1,
		sources: [
			{ name: 'ev', grain: 'event', key: 'acc', time: 'at' },
			{ name: 'per', grain: 'period', key: 'acc', start: 'start', end: 'end' },
			{ name: 'snap', grain: 'snapshot', key: 'acc', time: 'at' },
			{ name: 'churn', grain: 'event', key: 'acc', time: 'at' }
		],
		accounts: null,
		grid: { kind: 'dates', dates: [dayIso(T)] },
		features: feats,
		outcome: { kind: 'churn-log', source: 'churn', column: 'at', reactivation: 'new-life' },
		dataEnd: dayIso(1200)
	};
	type E = { acc: string; at: number; v: number | null; k: string };
	type P = { acc: string; start: number; len: number | null; v: number };
	const tables = (ev: E[], per: P[], churn: E[]) => [
		source('ev', ev, ['acc', 'at', 'v', 'k']),
		source(
			'per',
			per.map((p) => ({
				acc: p.acc,
				start: p.start,
				end: p.len === null ? null : p.start + p.len,
				v: p.v
			})),
			['acc', 'start', 'end', 'v']
		),
		source('snap', ev, ['acc', 'at', 'v', 'k']),
		source('churn', churn, ['acc', 'at'])
	];
	const atT = (b: BuiltTable) => {
		const out = new Map<string, (number | string)[]>();
		for (let i = 0; i < b.table.n; i++)
			out.set(
				b.ids[i]!,
				feats.map((f) => {
					const c = b.table.columns.get(f.id)!;
					return c.kind === 'number'
						? c.values[i]!
						: c.codes[i]! < 0
							? ''
							: c.dictionary[c.codes[i]!]!;
				})
			);
		return out;
	};
	it('changing every row dated after T (values, accounts, dates, period ends after T) changes no feature at T', () => {
		fc.assert(
			fc.property(
				fc.array(eventRow, { maxLength: 40 }),
				fc.array(periodRow, { maxLength: 12 }),
				fc.array(eventRow, { maxLength: 4 }),
				fc.integer(),
				(ev, per, churn, seed) => {
					// Every account has a dated row by 900 so its presence at T is decided by ≤ T data.
					const base: E[] = ACC.map((acc) => ({ acc, at: 899, v: 1, k: 'x' }));
					const ev0 = [...base, ...ev];
					const churnPast = churn.filter((c) => c.at <= T);
					const b0 = buildFeatureTable(
						rec,
						tables(ev0, per, [...churnPast, ...churn.filter((c) => c.at > T)])
					);
					let s = seed;
					const rnd = (m: number) => {
						s = (Math.imul(s, 1103515245) + 12345) | 0;
						return Math.abs(s) % m;
					};
					const ev1 = ev0.map((e) =>
						e.at > T
							? {
									acc: ACC[rnd(4)]!,
									at: T + 1 + rnd(150),
									v: rnd(3) ? rnd(100) - 50 : null,
									k: KINDS[rnd(3)]!
								}
							: e
					);
					const per1 = per.map((p) => {
						if (p.start > T)
							return {
								acc: ACC[rnd(4)]!,
								start: T + 1 + rnd(90),
								len: rnd(2) ? rnd(50) : null,
								v: rnd(10)
							};
						// Started by T: its end may move anywhere after T (or become open), never to ≤ T.
						const ended = p.len !== null && p.start + p.len <= T;
						return ended ? p : { ...p, len: rnd(2) ? T + 1 + rnd(60) - p.start : null };
					});
					const churn1 = [
						...churnPast,
						...churn
							.filter((c) => c.at > T)
							.map(() => ({ acc: ACC[rnd(4)]!, at: T + 1 + rnd(100), v: null, k: 'x' }))
					];
					const b1 = buildFeatureTable(rec, tables(ev1, per1, churn1));
					expect(b0.issues.filter((i) => i.severity === 'error')).toEqual([]);
					expect(atT(b1)).toEqual(atT(b0));
				}
			),
			{ seed: 20261130, numRuns: 300 }
		);
	});
});
