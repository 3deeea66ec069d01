/**
 * Derived metrics in SQL equal the browser's, bit for bit: ravenstack's feature table on 12
 * month ends (2024), with one derived column of each kind added by `deriveColumn` (as the model
 * designer adds them) and edge rows in each: a ratio dividing by zero and by a missing value, a
 * change on an account's first date (no earlier row) and against a 0 (pct), days since a date
 * that is missing or after the as-of date, rolling windows over fractional values (sum order)
 * and with no present value, and a derived column read by another. The pipeline SQL with
 * those definitions, run in PGlite and DuckDB, returns every derived value, every feature and
 * the score of a model reading the derived columns exactly as the browser computes them.
 * Checked that it can fail: with a plain SUM (no ORDER BY inside) both engines' window sums
 * differ in the last bit (e.g. 4.439285714285715 against the browser's 4.439285714285714), and
 * with the window's upper edge excluded DuckDB gives 0.75 where the browser gives 1.75.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { buildFeatureTable } from '$lib/sources/build';
import { ravenRecipe, ravenSources } from '$lib/sources/test-data';
import type { DerivedSpec } from '$lib/data/derive';
import { validateModel } from '$lib/model';
import { toPipelineSql } from './pipeline';
import {
	DERIVED,
	DERIVED_MODEL,
	RAVEN_MODEL,
	diffRows,
	engineRows,
	loadDuck,
	loadPg,
	loads,
	withDerived
} from './testing/raven-fixture';

const MONTH_ENDS = Array.from({ length: 12 }, (_, m) =>
	new Date(Date.UTC(2024, m + 1, 0)).toISOString().slice(0, 10)
);
const recipe = ravenRecipe({ grid: { kind: 'dates', dates: MONTH_ENDS } });
const built0 = buildFeatureTable(recipe, ravenSources());

const built = withDerived(built0, DERIVED);

const want = engineRows(DERIVED_MODEL, built);
const names = DERIVED.map((x) => x.name);
const columns = [
	...recipe.features.map((f) => f.id),
	...names,
	'score',
	'shown',
	'tier',
	'coverage',
	...DERIVED_MODEL.dimensions.map((d) => `dim_${d.id}`)
];

function sql(dialect: 'postgres' | 'duckdb', l: ReturnType<typeof loads>): string {
	return toPipelineSql(recipe, DERIVED_MODEL, {
		dialect,
		tables: Object.fromEntries(l.map((x) => [x.name, x.table])),
		columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes])),
		derived: DERIVED
	});
}

let pg: PGlite | null = null;
let duck: DuckDBConnection | null = null;
afterAll(async () => {
	await pg?.close();
	duck?.closeSync();
});

describe('derived metrics in SQL equal the browser’s', () => {
	it('the reference holds every edge case', () => {
		expect(validateModel(DERIVED_MODEL)).toMatchObject({ ok: true });
		const col = (n: string) => {
			const c = built.table.columns.get(n);
			if (c?.kind !== 'number') throw new Error(n);
			return c.values;
		};
		const present = (n: string) => col(n).filter((v) => !Number.isNaN(v)).length;
		const n = built.table.n;
		expect(n).toBeGreaterThan(3000);
		// Every derived column has values and missing rows.
		for (const name of names.filter((x) => x !== 'days_since_churn')) {
			expect(present(name), name).toBeGreaterThan(0);
			const always = ['days_since_as_of', 'months_used_120d'].includes(name);
			expect(present(name) < n || always, name).toBe(true);
		}
		// usage_30d is never missing (0 without use): the count has rows of 0 instead.
		expect(col('months_used_120d').some((v) => v === 0)).toBe(true);
		// Rows live only before their churn: days since churn is always negative → missing.
		expect(present('days_since_churn')).toBe(0);
		const use = col('usage_30d');
		const ratio = col('tickets_per_use');
		let zero = 0;
		for (let i = 0; i < n; i++)
			if (use[i] === 0) {
				zero++;
				expect(ratio[i]).toBeNaN();
			}
		expect(zero).toBeGreaterThan(0);
		// First date: no earlier row, so no change; a 0 earlier value gives no % change.
		const asOf = col('as_of_date');
		const first = asOf[0]! <= Math.min(...asOf) ? asOf[0]! : Math.min(...asOf);
		for (let i = 0; i < n; i++) if (asOf[i] === first) expect(col('usage_change_60d')[i]).toBeNaN();
		// Fractional window sums (the order of addition matters for the last bit).
		expect([...col('errors_sum_100d')].some((v) => !Number.isNaN(v) && !Number.isInteger(v))).toBe(
			true
		);
		expect(new Set([...want.values()].map((r) => r.tier)).size).toBeGreaterThan(2);
	});

	it('PostgreSQL (PGlite): every derived value, feature and score', async () => {
		pg ??= new PGlite();
		const l = loads('DOUBLE PRECISION');
		await loadPg(pg, l);
		const res = await pg.query<Record<string, unknown>>(sql('postgres', l));
		expect(res.rows).toHaveLength(want.size);
		expect(diffRows(res.rows, want, columns).slice(0, 5)).toEqual([]);
	}, 240_000);

	it('DuckDB: every derived value, feature and score', async () => {
		duck ??= await (await DuckDBInstance.create(':memory:')).connect();
		const l = loads('DOUBLE');
		await loadDuck(duck, l);
		const rows = (await duck.runAndReadAll(sql('duckdb', l))).getRowObjectsJS();
		expect(rows).toHaveLength(want.size);
		expect(diffRows(rows, want, columns).slice(0, 5)).toEqual([]);
	}, 240_000);

	it('a definition the SQL cannot compute is refused, naming the column', () => {
		const l = loads('DOUBLE');
		const bad = (spec: DerivedSpec) => () =>
			toPipelineSql(recipe, RAVEN_MODEL, {
				dialect: 'duckdb',
				tables: Object.fromEntries(l.map((x) => [x.name, x.table])),
				columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes])),
				derived: [{ name: 'x', spec }]
			});
		expect(bad({ kind: 'ratio', numerator: 'nope', denominator: 'mrr' })).toThrow(/"nope"/);
		expect(bad({ kind: 'window', column: 'plan_now', days: 30, agg: 'sum' })).toThrow(/text/);
		expect(bad({ kind: 'days-since', column: 'mrr' })).toThrow(/not a date/);
	});
});
