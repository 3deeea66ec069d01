/**
 * Backfill by date: the pipeline SQL reading a date spine (a table of 12 month ends) gives one
 * row per account per date, and equals 12 separate point-in-time scorings in the browser
 * (`buildFeatureTable` on a one-date grid + `scoreTable`), every feature, churn column, score,
 * shown score, tier, coverage and dimension score, bit for bit, in PGlite and in DuckDB.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { buildFeatureTable } from '$lib/sources/build';
import { ravenRecipe, ravenSources } from '$lib/sources/test-data';
import { toPipelineSql } from './pipeline';
import {
	RAVEN_MODEL,
	diffRows,
	engineRows,
	loadDuck,
	loadPg,
	loads,
	type EngineRow
} from './testing/raven-fixture';

/** The last day of each month of 2024. */
const MONTH_ENDS = Array.from({ length: 12 }, (_, m) =>
	new Date(Date.UTC(2024, m + 1, 0)).toISOString().slice(0, 10)
);

/** 12 point-in-time scorings, one build per date (no date sees another's data). */
function pointInTime(): Map<string, EngineRow> {
	const all = new Map<string, EngineRow>();
	const sources = ravenSources();
	for (const T of MONTH_ENDS) {
		const built = buildFeatureTable(ravenRecipe({ grid: { kind: 'dates', dates: [T] } }), sources);
		expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
		for (const [k, v] of engineRows(RAVEN_MODEL, built)) all.set(k, v);
	}
	return all;
}

const want = pointInTime();
/** Every column the pipeline returns besides the key: features, outcome, score, dimensions. */
const columns = [
	...ravenRecipe().features.map((f) => f.id),
	'churn_date',
	'churned',
	'score',
	'shown',
	'tier',
	'coverage',
	...RAVEN_MODEL.dimensions.map((d) => `dim_${d.id}`)
];

function backfillSql(dialect: 'postgres' | 'duckdb', l: ReturnType<typeof loads>) {
	return toPipelineSql(
		ravenRecipe({ grid: { kind: 'dates', dates: ['2024-01-31'] } }),
		RAVEN_MODEL,
		{
			dialect,
			tables: Object.fromEntries(l.map((x) => [x.name, x.table])),
			columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes])),
			asOfTable: 'as_of_spine'
		}
	);
}

const SPINE = `CREATE TABLE as_of_spine AS SELECT CAST(x AS DATE) AS as_of_date FROM (VALUES ${MONTH_ENDS.map((d) => `('${d}')`).join(', ')}) v(x)`;

let pg: PGlite | null = null;
let duck: DuckDBConnection | null = null;
afterAll(async () => {
	await pg?.close();
	duck?.closeSync();
});

describe('backfill over 12 monthly dates equals 12 point-in-time browser scorings', () => {
	it('the reference covers every month and several tiers', () => {
		const days = new Set([...want.values()].map((r) => r.as_of_day));
		expect(days.size).toBe(12);
		expect(want.size).toBeGreaterThan(3000);
		expect(columns).toEqual(expect.arrayContaining(['usage_30d', 'churned', 'score', 'tier']));
		expect(new Set([...want.values()].map((r) => r.tier)).size).toBeGreaterThan(2);
		for (const c of columns) expect(want.values().next().value!).toHaveProperty(c);
	});

	it('the SQL reads its dates from the spine table, not a fixed list', () => {
		const sql = backfillSql('duckdb', loads('DOUBLE'));
		expect(sql).toContain('FROM "as_of_spine"');
		expect(sql).not.toContain("CAST('2024-01-31' AS DATE)");
	});

	it('PostgreSQL (PGlite)', async () => {
		pg ??= new PGlite();
		const l = loads('DOUBLE PRECISION');
		await loadPg(pg, l);
		await pg.exec(SPINE);
		const res = await pg.query<Record<string, unknown>>(backfillSql('postgres', l));
		expect(res.rows).toHaveLength(want.size);
		expect(diffRows(res.rows, want, columns).slice(0, 5)).toEqual([]);
	}, 180_000);

	it('DuckDB', async () => {
		duck ??= await (await DuckDBInstance.create(':memory:')).connect();
		const l = loads('DOUBLE');
		await loadDuck(duck, l);
		await duck.run(SPINE);
		const rows = (await duck.runAndReadAll(backfillSql('duckdb', l))).getRowObjectsJS();
		expect(rows).toHaveLength(want.size);
		expect(diffRows(rows, want, columns).slice(0, 5)).toEqual([]);
	}, 180_000);
});
