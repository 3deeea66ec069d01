/**
 * exportPlan: what the Actions screen used to decide in DbtExport.svelte, now in the pure core.
 * On a single table (no recipe) with derived metrics, the plan reads the derived columns'
 * inputs (not the derived columns) from the raw table, keeps only the derived columns the
 * model needs, in order, and the pipeline SQL built from it, run in DuckDB, gives the browser's
 * derived values (deriveColumn) and scores (scoreTable per as-of date) row for row, edge rows
 * included: 0 seats, missing users, a renewal after the snapshot, an account’s first date.
 * It caught a bug: with one direct source the account list kept one row per snapshot (513 rows
 * came back for 9) until the accounts stage became SELECT DISTINCT.
 */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { deriveColumn, withDerivedColumn, type DerivedSpec } from '$lib/data/derive';
import { isoToEpochDay, type ColumnInfo, type Dataset } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import { toPipelineSql } from '../sql/pipeline';
import { exportPlan, neededDerived } from './plan';
import { unitSample } from './sample';
import { dayOf } from '../sql/testing/raven-fixture';
import { dayIso } from '$lib/sources/grid';

const DATES = ['2024-01-31', '2024-02-29', '2024-03-31'];
/** account, date, seats, users, renewal (ISO or ''), plan. */
const ROWS: [string, string, number, number, string, string][] = [
	['a', DATES[0]!, 10, 7, '2023-06-01', 'Pro'],
	['a', DATES[1]!, 10, 9, '2023-06-01', 'Pro'],
	['a', DATES[2]!, 0, 4, '2024-06-01', 'Pro'],
	['b', DATES[0]!, 5, NaN, '', 'Basic'],
	['b', DATES[1]!, 5, 2, '2024-02-01', 'Basic'],
	['b', DATES[2]!, 8, 3, '2024-02-01', 'Basic'],
	['c', DATES[0]!, 20, 0, '2022-01-15', 'Enterprise'],
	['c', DATES[1]!, 20, 5, '2022-01-15', 'Enterprise'],
	['c', DATES[2]!, 25, 25, '2022-01-15', 'Enterprise']
];

const info = (name: string, role: ColumnInfo['role'], type: ColumnInfo['type']): ColumnInfo => ({
	name,
	originalName: name,
	role,
	type,
	missingShare: 0
});

function dataset(): Dataset {
	const plans = ['Basic', 'Pro', 'Enterprise'];
	let ds: Dataset = {
		meta: {
			id: 'ds',
			name: 'single',
			fileName: 'single.csv',
			fileHash: '',
			createdAt: 0,
			rows: ROWS.length,
			columns: [
				info('acct', 'account-id', 'text'),
				info('snap', 'snapshot-date', 'date'),
				info('seats', 'metric', 'number'),
				info('users', 'metric', 'number'),
				info('renewal', 'metric', 'date'),
				info('plan', 'segment', 'category')
			],
			dateRange: null,
			bytes: 0
		},
		ids: ROWS.map((r) => r[0]),
		table: {
			n: ROWS.length,
			columns: new Map([
				['snap', { kind: 'number', values: Float64Array.from(ROWS, (r) => isoToEpochDay(r[1])) }],
				['seats', { kind: 'number', values: Float64Array.from(ROWS, (r) => r[2]) }],
				['users', { kind: 'number', values: Float64Array.from(ROWS, (r) => r[3]) }],
				[
					'renewal',
					{
						kind: 'number',
						values: Float64Array.from(ROWS, (r) => (r[4] ? isoToEpochDay(r[4]) : NaN))
					}
				],
				[
					'plan',
					{
						kind: 'category',
						dictionary: plans,
						codes: Int32Array.from(ROWS, (r) => plans.indexOf(r[5]))
					}
				]
			])
		}
	};
	const add = (name: string, spec: DerivedSpec) => {
		const r = deriveColumn(ds, spec);
		expect(r.issues).toEqual([]);
		ds = withDerivedColumn(ds, name, spec, r.column);
	};
	add('utilisation', { kind: 'ratio', numerator: 'users', denominator: 'seats', scale: 100 });
	add('unused', { kind: 'ratio', numerator: 'seats', denominator: 'users' });
	add('days_since_renewal', { kind: 'days-since', column: 'renewal' });
	add('util_change_29d', { kind: 'change', column: 'utilisation', days: 29, mode: 'abs' });
	return ds;
}

const metric = (column: string, worst: number, best: number) => ({
	id: column,
	name: column,
	column,
	direction: best > worst ? ('higher' as const) : ('lower' as const),
	scheme: { kind: 'linear' as const, worst, best },
	weight: 1,
	missing: 'exclude' as const,
	timing: 'leading' as const
});

const MODEL: Model = {
	schemaVersion: 1,
	id: 'single',
	name: 'Single table',
	minCoverage: 0.5,
	dimensions: [
		{
			id: 'adoption',
			name: 'Adoption',
			weight: 1,
			metrics: [
				metric('util_change_29d', -50, 50),
				metric('days_since_renewal', 365, 0),
				metric('seats', 0, 30)
			]
		}
	],
	tiers: [
		{ id: 'g', name: 'Green', min: 60, color: '#2e7d32', action: '' },
		{ id: 'r', name: 'Red', min: 0, color: '#c62828', action: '' }
	]
} as Model;

describe('exportPlan', () => {
	const ds = dataset();
	const plan = exportPlan(MODEL, ds, '2026-11-30');

	it('keeps the derived columns the model needs, in order, and reads their inputs instead', () => {
		expect(neededDerived(MODEL, ds.meta).derived.map((x) => x.name)).toEqual([
			'utilisation',
			'days_since_renewal',
			'util_change_29d'
		]);
		expect(plan.derived.map((x) => x.name)).not.toContain('unused');
		expect(plan.recipe.features.map((f) => f.id).sort()).toEqual(['renewal', 'seats', 'users']);
		expect(plan.columnTypes.accounts).toMatchObject({ renewal: 'date', seats: 'number' });
		expect(plan.asOfDates).toEqual(DATES);
		expect(plan.asOf).toEqual(ROWS.map((r) => r[1]));
	});

	it('rows without a snapshot date take today', () => {
		const meta = { ...ds.meta, columns: ds.meta.columns.filter((c) => c.name !== 'snap') };
		const p = exportPlan(MODEL, { ...ds, meta }, '2026-11-30');
		expect(new Set(p.asOf)).toEqual(new Set(['2026-11-30']));
	});

	it('the pipeline SQL from the plan gives the browser’s derived values and scores (DuckDB)', async () => {
		const con = await (await DuckDBInstance.create(':memory:')).connect();
		await con.run(
			`CREATE TABLE raw_accounts AS SELECT * FROM (VALUES ${ROWS.map(
				(r) =>
					`('${r[0]}', DATE '${r[1]}', ${r[2]}, ${Number.isNaN(r[3]) ? 'NULL' : r[3]}, ${r[4] ? `DATE '${r[4]}'` : 'NULL'})`
			).join(', ')}) v(acct, snap, seats, users, renewal)`
		);
		const sql = toPipelineSql(plan.recipe, MODEL, {
			dialect: 'duckdb',
			tables: { accounts: 'raw_accounts' },
			columnTypes: plan.columnTypes,
			asOfDates: plan.asOfDates,
			derived: plan.derived
		});
		const rows = (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
		con.closeSync();
		expect(rows).toHaveLength(ROWS.length);
		const browser = unitSample({
			model: MODEL,
			table: ds.table,
			ids: ds.ids,
			asOf: plan.asOf,
			size: Infinity
		});
		const byKey = new Map(browser.expect.map((r) => [`${r.account_id}|${r.as_of_date}`, r]));
		const col = (n: string) => (ds.table.columns.get(n) as { values: Float64Array }).values;
		const diffs: unknown[] = [];
		for (const r of rows) {
			const date = dayIso(dayOf(r.as_of_date));
			const i = ROWS.findIndex((x) => x[0] === r.account_id && x[1] === date);
			for (const n of ['utilisation', 'days_since_renewal', 'util_change_29d']) {
				const want = Number.isNaN(col(n)[i]!) ? null : col(n)[i]!;
				const got = r[n] === null ? null : Number(r[n]);
				if (!Object.is(got, want)) diffs.push({ key: `${r.account_id}|${date}`, n, got, want });
			}
			const w = byKey.get(`${r.account_id}|${date}`)!;
			const score = r.score === null ? null : Number(r.score);
			if (!Object.is(score, w.score))
				diffs.push({ key: `${r.account_id}|${date}`, score, want: w.score });
		}
		expect(diffs).toEqual([]);
		// The edge rows are in: no utilisation for 0 seats or missing users, no days since a
		// renewal after the date, no change on the first date.
		const util = col('utilisation');
		expect([util[2], util[3]].every(Number.isNaN)).toBe(true);
		expect(col('days_since_renewal')[2]).toBeNaN(); // renews after the date
		expect(col('days_since_renewal')[3]).toBeNaN(); // no renewal date
		expect(col('days_since_renewal')[4]).toBe(28);
		expect(col('util_change_29d')[0]).toBeNaN();
		expect(col('util_change_29d')[1]).toBe(20);
	});
});
