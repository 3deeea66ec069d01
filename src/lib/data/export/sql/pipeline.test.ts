/**
 * Proof that the pipeline SQL gives the browser's features, score and tier: ravenstack's five
 * raw tables are loaded into PGlite (PostgreSQL) and DuckDB with warehouse types (dates as DATE,
 * timestamps as TIMESTAMP, numbers as DOUBLE, ids and text as VARCHAR), the exported query runs
 * there, and every account's features, churn columns, score, shown score, tier and coverage at
 * four as-of dates equal `buildFeatureTable` + `scoreTable` on the same files (tolerance 0).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { effectiveModels, scoreTable, validateModel } from '$lib/model';
import { segmentGroups } from '$lib/model/segments';
import { gatherTable } from '$lib/backtest/asof';
import { buildFeatureTable } from '$lib/sources/build';
import { isoDay } from '$lib/sources/grid';
import { ravenRecipe, ravenSources } from '$lib/sources/test-data';
import { RAVEN_MODEL as MODEL, loads } from './testing/raven-fixture';
import type { BuiltTable, Recipe } from '$lib/sources/types';
import { toPipelineSql } from './pipeline';
import { compareWithEngine, type SqlRow } from './testing/harness';

const DATES = ['2023-09-30', '2024-01-31', '2024-06-30', '2024-12-31'];
const recipe = ravenRecipe({ grid: { kind: 'dates', dates: DATES } });

function sqlFor(dialect: 'postgres' | 'duckdb', l: ReturnType<typeof loads>, rec: Recipe = recipe) {
	return toPipelineSql(rec, MODEL, {
		dialect,
		tables: Object.fromEntries(l.map((x) => [x.name, x.table])),
		columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes]))
	});
}

let pg: PGlite | null = null;
let duck: DuckDBConnection | null = null;
afterAll(async () => {
	await pg?.close();
	duck?.closeSync();
});

const builtChurnLog: BuiltTable = buildFeatureTable(recipe, ravenSources());
const periodRecipe = ravenRecipe({
	grid: { kind: 'dates', dates: DATES },
	outcome: { kind: 'period-end', source: 'subscriptions', graceDays: 0, reactivation: 'new-life' }
});
const builtPeriods: BuiltTable = buildFeatureTable(periodRecipe, ravenSources());

type Row = SqlRow & Record<string, unknown>;

/** ISO day of a returned as_of_date (a JS Date from PGlite, a DuckDB date value). */
function dayOf(v: unknown): number {
	if (v instanceof Date) return Math.round(v.getTime() / 86_400_000);
	return isoDay(String(v));
}

function proveAgainstEngine(rows: Row[], built: BuiltTable = builtChurnLog, rec: Recipe = recipe) {
	expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
	const asOf = built.table.columns.get('as_of_date')!;
	if (asOf.kind !== 'number') throw new Error('as_of_date');
	let compared = 0;
	for (const T of built.asOfDays) {
		const idx: number[] = [];
		for (let i = 0; i < built.table.n; i++) if (asOf.values[i] === T) idx.push(i);
		const sub = gatherTable(built.table, Int32Array.from(idx));
		const ids = idx.map((i) => built.ids[i]!);
		const atT = rows.filter((r) => dayOf(r.as_of_date) === T);
		// Scores, shown scores, tiers, coverage, dimension scores.
		const result = scoreTable(MODEL, sub);
		const groups = segmentGroups(MODEL, sub);
		const tiersByGroup = effectiveModels(MODEL).map((m) => m.tiers.map((t) => t.name));
		const bad = compareWithEngine(atT, ids, result, (i) => tiersByGroup[groups ? groups[i]! : 0]!, {
			...MODEL,
			dimensions: []
		});
		expect(bad.slice(0, 5), `as of ${T}`).toEqual([]);
		// Every feature and the outcome columns.
		const byId = new Map(atT.map((r) => [String(r.account_id), r]));
		const cols = [...rec.features.map((f) => f.id), 'churn_date', 'churned'];
		const diffs: unknown[] = [];
		ids.forEach((id, j) => {
			const r = byId.get(id)!;
			for (const c of cols) {
				const col = sub.columns.get(c)!;
				const want =
					col.kind === 'number'
						? Number.isNaN(col.values[j]!)
							? null
							: col.values[j]!
						: col.codes[j]! < 0
							? null
							: col.dictionary[col.codes[j]!]!;
				const raw = r[c];
				const got =
					raw === null || raw === undefined
						? null
						: typeof want === 'number'
							? Number(raw)
							: String(raw);
				if (got !== want) diffs.push({ id, T, c, got, want });
			}
		});
		expect(diffs.slice(0, 5)).toEqual([]);
		compared += ids.length;
	}
	expect(compared).toBe(rows.length);
	return compared;
}

describe('pipeline SQL matches the browser on ravenstack (5 raw tables, 4 as-of dates)', () => {
	it('the proof model is valid and scores most rows', () => {
		expect(validateModel(MODEL)).toMatchObject({ ok: true });
		expect(builtChurnLog.table.n).toBeGreaterThan(1000);
		// The period-end outcome really has churns and returns on this data.
		expect(builtPeriods.lives).toBeGreaterThan(builtPeriods.accounts);
	});

	it('PostgreSQL (PGlite): every feature, churn column, score, shown score and tier equal', async () => {
		pg ??= new PGlite();
		const l = loads('DOUBLE PRECISION');
		for (const x of l) {
			await pg.exec(x.ddl);
			await pg.query(`COPY "${x.table}" FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
				blob: new Blob([x.csv])
			});
		}
		const res = await pg.query<Row>(sqlFor('postgres', l));
		expect(proveAgainstEngine(res.rows)).toBe(builtChurnLog.table.n);
	}, 120_000);

	it('DuckDB: every feature, churn column, score, shown score and tier equal', async () => {
		duck ??= await (await DuckDBInstance.create(':memory:')).connect();
		const l = loads('DOUBLE');
		const dir = mkdtempSync(join(tmpdir(), 'hsw-pipe-'));
		for (const x of l) {
			const file = join(dir, `${x.table}.csv`);
			writeFileSync(file, x.csv);
			await duck.run(x.ddl);
			await duck.run(`COPY "${x.table}" FROM '${file}' (FORMAT csv, HEADER true)`);
		}
		const reader = await duck.runAndReadAll(sqlFor('duckdb', l));
		expect(proveAgainstEngine(reader.getRowObjectsJS() as unknown as Row[])).toBe(
			builtChurnLog.table.n
		);
		// Churn from the end of the last subscription, with new lives after a gap.
		const periods = await duck.runAndReadAll(sqlFor('duckdb', l, periodRecipe));
		expect(
			proveAgainstEngine(periods.getRowObjectsJS() as unknown as Row[], builtPeriods, periodRecipe)
		).toBe(builtPeriods.table.n);
	}, 120_000);

	it('BigQuery and Snowflake spell the same pipeline in their dialects', () => {
		const l = loads('DOUBLE');
		const tables = Object.fromEntries(l.map((x) => [x.name, x.table]));
		const bq = toPipelineSql(recipe, MODEL, { dialect: 'bigquery', tables });
		expect(bq).toContain('UNIX_DATE(CAST(`start_date` AS DATE))');
		const sf = toPipelineSql(recipe, MODEL, { dialect: 'snowflake', tables });
		expect(sf).toContain(`DATEDIFF(day, DATE '1970-01-01', CAST("start_date" AS DATE))`);
		expect(sf).toContain('features AS (');
	});
});
