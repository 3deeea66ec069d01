/**
 * The dbt package proves itself: built for the ravenstack model (5 raw sources, 17 features,
 * 11 derived metrics of every kind, percentile, band, category, boolean metrics, a segment
 * with its own weights and tiers), its
 * models rendered with ref/source resolved as dbt would (dbt-harness.ts), run in DuckDB and in
 * PGlite in dependency order: every hsw_features, hsw_derived_metrics and hsw_scores row equals the browser's
 * (buildFeatureTable + scoreTable + the top driver of the scored export), bit for bit; the unit
 * test's expected rows are the browser's own scored rows, and running hsw_scores on the unit
 * test's given rows returns exactly the expected rows; an incremental run adds only new dates.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { validateModel, type Model } from '$lib/model';
import { buildFeatureTable } from '$lib/sources/build';
import { dayIso, isoDay } from '$lib/sources/grid';
import { ravenRecipe, ravenSources } from '$lib/sources/test-data';
import { dialectFor } from '../sql/dialect';
import {
	DERIVED,
	DERIVED_MODEL,
	dayOf,
	diffRows,
	engineRows,
	loadDuck,
	loadPg,
	loads,
	withDerived
} from '../sql/testing/raven-fixture';
import { buildDbtPackage, DBT_MODELS } from './package';
import { unitSample } from './sample';
import { contractColumns } from './contract';
import { zipPackage } from './zip';
import { renderModel, runUnitTest, unitTests, type UnitTestEngine } from './dbt-harness';

const DATES = ['2023-09-30', '2024-01-31', '2024-06-30', '2024-12-31'];
const recipe = ravenRecipe({ grid: { kind: 'dates', dates: DATES } });
/** The proof model (with derived metrics) at a higher minimum coverage: some accounts are not scored. */
const MODEL: Model = { ...DERIVED_MODEL, minCoverage: 0.8 };
/** The browser's feature table with the derived columns added by deriveColumn, in order. */
const built = withDerived(buildFeatureTable(recipe, ravenSources()), DERIVED);
const asOfCol = built.table.columns.get('as_of_date')!;
if (asOfCol.kind !== 'number') throw new Error('as_of_date');
const asOf = Array.from(asOfCol.values, (d) => dayIso(d));
/** The browser's rows for every account and date (score, shown, tier, top driver). */
const browser = unitSample({
	model: MODEL,
	table: built.table,
	ids: built.ids,
	asOf,
	size: Infinity
});
const browserByKey = new Map(browser.expect.map((r) => [`${r.account_id}|${r.as_of_date}`, r]));
const sample = unitSample({
	model: MODEL,
	table: built.table,
	ids: built.ids,
	asOf,
	derived: DERIVED
});
const RUN_AT = '2026-11-30 12:00:00';

function pkg(dialect: 'postgres' | 'duckdb', l: ReturnType<typeof loads>, dates = DATES) {
	return buildDbtPackage({
		model: MODEL,
		recipe,
		dialect,
		tables: Object.fromEntries(l.map((x) => [x.name, x.table])),
		columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes])),
		asOfDates: dates,
		derived: DERIVED,
		sample,
		generatedAt: '2026-11-30'
	});
}

/** Feature and score columns of the browser's rows, as hsw_features / hsw_scores name them. */
const FEATURES = [...recipe.features.map((f) => f.id), 'churn_date', 'churned'];
const DERIVED_COLUMNS = [...FEATURES, ...DERIVED.map((x) => x.name)];

type Run = (sql: string) => Promise<Record<string, unknown>[]>;

/** Build every model in order (views, tables, the incremental first run as a table). */
async function buildModels(
	files: Map<string, string>,
	exec: (sql: string) => Promise<unknown>,
	q: (s: string) => string
) {
	for (const m of DBT_MODELS) {
		const sql = renderModel(files.get(`models/${m}.sql`)!, {
			files,
			ident: q,
			self: m,
			incremental: false,
			runStartedAt: RUN_AT
		});
		const kind = files.get(`models/${m}.sql`)!.includes("materialized='view'") ? 'VIEW' : 'TABLE';
		await exec(`CREATE ${kind} ${q(m)} AS\n${sql}`);
	}
}

/** hsw_scores rows against the browser's: every column of the contract that the browser gives. */
function checkScores(rows: Record<string, unknown>[], fromBrowser = browserByKey) {
	const diffs: unknown[] = [];
	for (const r of rows) {
		const key = `${String(r.account_id)}|${dayIso(dayOf(r.as_of_date))}`;
		const w = fromBrowser.get(key);
		if (!w) {
			diffs.push({ key, extra: true });
			continue;
		}
		for (const c of ['score', 'shown_score', 'tier', 'top_driver']) {
			const v = r[c];
			const got = v === null || v === undefined ? null : typeof w[c] === 'number' ? Number(v) : v;
			if (!Object.is(got, w[c])) diffs.push({ key, c, got, want: w[c] });
		}
		expect(r.model_name).toBe(MODEL.name);
		const at = r.generated_at;
		expect(at instanceof Date ? at.toISOString() : String(at)).toMatch(/^2026-11-30.12:00:00/);
	}
	return diffs;
}

/** Dimension scores, coverage and features from engineRows (shared with the pipeline proof). */
const engine = engineRows(MODEL, built);
const DIMS = MODEL.dimensions.map((d) => `dim_${d.id}`);

/**
 * Every unit test in the package, run as dbt runs it (dbt-harness.ts), passes; and the same
 * run fails when one expected number is one unit in the last place off, one expected tier is
 * another, or one given row is dropped: the check would catch a wrong expected row.
 */
async function runUnitTests(files: Map<string, string>, db: UnitTestEngine) {
	const tests = unitTests(files.get('models/schema.yml')!);
	expect(tests.map((t) => t.model)).toEqual(DBT_MODELS.slice(2));
	for (const t of tests)
		expect({ test: t.name, ...(await runUnitTest(t, files, db, RUN_AT)) }).toEqual({
			test: t.name,
			onlyActual: [],
			onlyExpected: []
		});
	const fails = async (t: (typeof tests)[number]) => {
		const r = await runUnitTest(t, files, db, RUN_AT);
		return r.onlyActual.length + r.onlyExpected.length > 0;
	};
	for (const t of tests) {
		// One fractional expected number nudged by one unit in the last place.
		const k = t.expect.findIndex((r) =>
			Object.values(r).some((v) => typeof v === 'string' && /^-?\d+\.\d+$/.test(v))
		);
		expect(k, t.name).toBeGreaterThanOrEqual(0);
		const row = { ...t.expect[k]! };
		const col = Object.keys(row).find(
			(c) => typeof row[c] === 'string' && /^-?\d+\.\d+$/.test(row[c] as string)
		)!;
		const x = Number(row[col]);
		row[col] = String(x + Math.abs(x) * Number.EPSILON);
		expect(Number(row[col])).not.toBe(x);
		expect(await fails({ ...t, expect: t.expect.with(k, row) }), `${t.name} ${col}`).toBe(true);
		// One given row dropped.
		const g = t.given[0]!;
		expect(await fails({ ...t, given: [{ ...g, rows: g.rows.slice(1) }] }), t.name).toBe(true);
	}
	const scores = tests.at(-1)!;
	const k = scores.expect.findIndex((r) => r.tier !== null);
	const other = MODEL.tiers.find((x) => x.name !== scores.expect[k]!.tier)!.name;
	expect(
		await fails({ ...scores, expect: scores.expect.with(k, { ...scores.expect[k]!, tier: other }) })
	).toBe(true);
}

let pg: PGlite | null = null;
let duck: DuckDBConnection | null = null;
afterAll(async () => {
	await pg?.close();
	duck?.closeSync();
});

describe('the dbt package', () => {
	const files = pkg('duckdb', loads('DOUBLE'));

	it('has dbt_project.yml, one model per stage, sources, schema, tests and a README', () => {
		expect(validateModel(MODEL)).toMatchObject({ ok: true });
		expect([...files.keys()].sort()).toEqual(
			[
				'README.md',
				'dbt_project.yml',
				'models/hsw_as_of_dates.sql',
				'models/hsw_derived_metrics.sql',
				'models/hsw_dimension_scores.sql',
				'models/hsw_features.sql',
				'models/hsw_metric_points.sql',
				'models/hsw_scores.sql',
				'models/schema.yml',
				'models/sources.yml',
				'tests/hsw_one_row_per_account_and_date.sql',
				'tests/hsw_scores_between_0_and_100.sql'
			].sort()
		);
		const features = files.get('models/hsw_features.sql')!;
		expect(features).toContain("{{ source('hsw_raw', 'accounts') }}");
		expect(features).toContain("{{ ref('hsw_as_of_dates') }}");
		expect(files.get('models/hsw_scores.sql')).toContain("materialized='incremental'");
		const schema = files.get('models/schema.yml')!;
		expect(schema).toContain('enforced: true');
		for (const c of contractColumns(MODEL)) expect(schema).toContain(`      - name: ${c.name}\n`);
		expect(schema).toContain('values: ["Green", "Yellow", "Red"]');
		if (process.env.HSW_DUMP) writeFileSync(process.env.HSW_DUMP, schema);
		const readme = files.get('README.md')!;
		for (const p of ['Gainsight', 'HubSpot', 'Vitally', 'Planhat', 'top_driver', 'Backfill'])
			expect(readme).toContain(p);
	});

	it('the unit tests carry the browser’s own rows, edge cases included', () => {
		const tests = new Map(unitTests(files.get('models/schema.yml')!).map((t) => [t.model, t]));
		/** A row read back from schema.yml, fractional numbers turned back from text as the browser's. */
		const back = (r: Record<string, unknown>, like: Record<string, unknown>) =>
			Object.fromEntries(
				Object.entries(r).map(([c, v]) => [
					c,
					typeof like[c] === 'number' && typeof v === 'string' ? Number(v) : v
				])
			);
		const engineOf = (r: Record<string, unknown>) =>
			engine.get(`${String(r.account_id)}|${isoDay(String(r.as_of_date))}`)!;
		const scores = tests.get('hsw_scores')!;
		expect(scores.given[0]!.input).toBe('hsw_dimension_scores');
		expect(scores.given[0]!.rows).toHaveLength(12);
		expect(scores.expect.map((r, k) => back(r, sample.expect[k]!))).toEqual(sample.expect);
		for (const r of sample.expect)
			expect(r).toEqual(browserByKey.get(`${r.account_id}|${r.as_of_date}`));
		expect(sample.why).toContain('not scored (too little data)');
		expect(sample.why).toContain('missing metric values (coverage below 1)');
		expect(sample.why.some((w) => w.startsWith('exactly on a tier boundary'))).toBe(true);
		expect(sample.expect.some((r) => r.score === null && r.tier === null)).toBe(true);
		// Dimension scores and coverage: the browser's (scoreTable on each date's whole population).
		const dims = tests.get('hsw_dimension_scores')!;
		expect(dims.given[0]!.input).toBe('hsw_metric_points');
		for (const r of dims.expect) {
			const w = engineOf(r);
			const want = Object.fromEntries(Object.keys(r).map((c) => [c, w[c] ?? null]));
			expect(back(r, want)).toEqual({
				...want,
				account_id: r.account_id,
				as_of_date: r.as_of_date
			});
		}
		// (No ravenstack row has a dimension without data; coverage below 1 is the missing case.)
		expect(dims.expect.some((r) => Number(r.coverage) < 1)).toBe(true);
		// Metric points: given the browser's feature values; a metric without a value among them.
		const points = tests.get('hsw_metric_points')!;
		expect(points.given[0]!.input).toBe('hsw_derived_metrics');
		for (const r of points.given.flatMap((g) => g.rows)) {
			const w = engineOf(r);
			for (const c of Object.keys(r).filter((c) => c !== 'as_of_date'))
				expect(back(r, w)[c], c).toEqual(w[c] ?? null);
		}
		expect(
			points.expect.some((r) => Object.entries(r).some(([c, v]) => c.startsWith('h_') && v === 0))
		).toBe(true);
		// Derived metrics: every as-of row of the sampled accounts, the browser's derived values.
		const derived = tests.get('hsw_derived_metrics')!;
		expect(derived.given[0]!.input).toBe('hsw_features');
		const accounts = new Set(sample.expect.map((r) => r.account_id));
		expect(derived.expect).toHaveLength(built.ids.filter((id) => accounts.has(id)).length);
		for (const r of derived.expect) {
			const w = engineOf(r);
			for (const x of DERIVED) expect(back(r, w)[x.name], x.name).toEqual(w[x.name] ?? null);
		}
		expect(derived.expect.some((r) => DERIVED.some((x) => r[x.name] === null))).toBe(true);
	});

	it('says plainly where a warehouse may differ in the last digit, and leaves those columns out of the unit test', () => {
		// Floating-point addition depends on the order: why unordered window sums are at risk.
		expect(0.1 + 0.2 + 0.3).not.toBe(0.1 + (0.2 + 0.3));
		const risky = ['errors_sum_100d', 'csat_mean_95d', 'errors_per_tenure'];
		for (const dialect of ['snowflake', 'bigquery', 'databricks', 'redshift'] as const) {
			const other = buildDbtPackage({
				model: MODEL,
				recipe,
				dialect,
				derived: DERIVED,
				sample,
				generatedAt: '2026-11-30'
			});
			const header = other.get('models/hsw_derived_metrics.sql')!.split('\nWITH\n')[0]!;
			const readme = other.get('README.md')!;
			for (const text of [header, readme]) {
				expect(text).toContain(`${dialect} adds the values of a rolling window in its own order`);
				expect(text).toContain(
					`so ${risky.join(', ')} may differ from the workbench in the last digit`
				);
			}
			expect(readme).toContain('**Last digit.**');
			const t = unitTests(other.get('models/schema.yml')!).find(
				(x) => x.model === 'hsw_derived_metrics'
			)!;
			for (const r of t.expect) {
				for (const c of risky) expect(r).not.toHaveProperty(c);
				expect(r).toHaveProperty('months_used_120d');
				expect(r).toHaveProperty('tickets_per_use');
			}
		}
		// PostgreSQL and DuckDB add by date: no warning, every derived column tested.
		expect(files.get('README.md')).not.toContain('Last digit');
		expect(files.get('models/hsw_derived_metrics.sql')).not.toContain('its own order');
		const t = unitTests(files.get('models/schema.yml')!).find(
			(x) => x.model === 'hsw_derived_metrics'
		)!;
		for (const c of risky) expect(t.expect[0]).toHaveProperty(c);
	});

	it('zips under one folder; the zip reads back to the same files', () => {
		const zip = zipPackage('hsw_ravenstack', files);
		const back = unzipSync(zip);
		expect(Object.keys(back).sort()).toEqual(
			[...files.keys()].map((p) => `hsw_ravenstack/${p}`).sort()
		);
		expect(strFromU8(back['hsw_ravenstack/models/schema.yml']!)).toBe(
			files.get('models/schema.yml')
		);
		expect(zipPackage('hsw_ravenstack', files)).toEqual(zip);
	});

	it('DuckDB: every feature and score row equals the browser’s; unit test and incremental run pass', async () => {
		duck ??= await (await DuckDBInstance.create(':memory:')).connect();
		const l = loads('DOUBLE');
		await loadDuck(duck, l);
		const q = dialectFor('duckdb').ident;
		const exec = (sql: string) => duck!.run(sql);
		const run: Run = async (sql) =>
			(await duck!.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
		await buildModels(files, exec, q);
		const scores = await run('SELECT * FROM hsw_scores');
		expect(scores).toHaveLength(built.table.n);
		expect(checkScores(scores).slice(0, 5)).toEqual([]);
		expect(diffRows(scores, engine, ['coverage', ...DIMS]).slice(0, 5)).toEqual([]);
		expect(diffRows(await run('SELECT * FROM hsw_features'), engine, FEATURES).slice(0, 5)).toEqual(
			[]
		);
		expect(
			diffRows(await run('SELECT * FROM hsw_derived_metrics'), engine, DERIVED_COLUMNS).slice(0, 5)
		).toEqual([]);
		// Data tests: the singular tests return no rows.
		for (const t of [
			'tests/hsw_one_row_per_account_and_date.sql',
			'tests/hsw_scores_between_0_and_100.sql'
		])
			expect(
				await run(
					renderModel(files.get(t)!, {
						files,
						ident: q,
						self: 't',
						incremental: false,
						runStartedAt: RUN_AT
					})
				)
			).toEqual([]);
		await runUnitTests(files, {
			ident: q,
			str: dialectFor('duckdb').str,
			query: run,
			columns: async (sql) =>
				(await run(`DESCRIBE ${sql}`)).map((r) => ({
					name: String(r.column_name),
					type: String(r.column_type)
				}))
		});
		// Incremental: one more date; the run adds only its rows.
		const more = pkg('duckdb', l, [...DATES, '2025-03-31']);
		await exec('DROP TABLE hsw_as_of_dates');
		await exec(
			`CREATE TABLE hsw_as_of_dates AS ${renderModel(more.get('models/hsw_as_of_dates.sql')!, { files: more, ident: q, self: 'hsw_as_of_dates', incremental: false, runStartedAt: RUN_AT })}`
		);
		const inc = renderModel(more.get('models/hsw_scores.sql')!, {
			files: more,
			ident: q,
			self: 'hsw_scores',
			incremental: true,
			runStartedAt: RUN_AT
		});
		await exec(`INSERT INTO hsw_scores ${inc}`);
		const after = await run(
			'SELECT as_of_date, COUNT(*) AS n FROM hsw_scores GROUP BY as_of_date ORDER BY as_of_date'
		);
		expect(after.map((r) => dayIso(dayOf(r.as_of_date)))).toEqual([...DATES, '2025-03-31']);
		const builtMore = buildFeatureTable(
			ravenRecipe({ grid: { kind: 'dates', dates: ['2025-03-31'] } }),
			ravenSources()
		);
		expect(Number(after.at(-1)!.n)).toBe(builtMore.table.n);
	}, 240_000);

	it('DuckDB reads a bare decimal literal one unit in the last place off; quoted text exactly', async () => {
		// Why the unit tests write fractional numbers as text: dbt casts each fixture value to
		// the column's type, and DuckDB reads 0.00010294633015765149 as a DECIMAL first.
		duck ??= await (await DuckDBInstance.create(':memory:')).connect();
		const x = 0.00010294633015765149;
		const [r] = (
			await duck.runAndReadAll(
				`SELECT CAST(${String(x)} AS DOUBLE) AS bare, CAST('${String(x)}' AS DOUBLE) AS quoted`
			)
		).getRowObjectsJS();
		expect(r!.bare).not.toBe(x);
		expect(r!.quoted).toBe(x);
		const { expect: rows } = unitTests(files.get('models/schema.yml')!).at(-1)!;
		for (const row of rows)
			for (const v of Object.values(row))
				if (typeof v === 'number') expect(Number.isSafeInteger(v)).toBe(true);
	});

	it('PostgreSQL (PGlite): every feature and score row equals the browser’s; unit test passes', async () => {
		pg ??= new PGlite();
		const l = loads('DOUBLE PRECISION');
		await loadPg(pg, l);
		const files = pkg('postgres', l);
		const q = dialectFor('postgres').ident;
		const exec = (sql: string) => pg!.exec(sql);
		const run: Run = async (sql) => (await pg!.query<Record<string, unknown>>(sql)).rows;
		await buildModels(files, exec, q);
		const scores = await run('SELECT * FROM hsw_scores');
		expect(scores).toHaveLength(built.table.n);
		expect(checkScores(scores).slice(0, 5)).toEqual([]);
		expect(diffRows(scores, engine, ['coverage', ...DIMS]).slice(0, 5)).toEqual([]);
		expect(diffRows(await run('SELECT * FROM hsw_features'), engine, FEATURES).slice(0, 5)).toEqual(
			[]
		);
		expect(
			diffRows(await run('SELECT * FROM hsw_derived_metrics'), engine, DERIVED_COLUMNS).slice(0, 5)
		).toEqual([]);
		// The contract's column types are the table's.
		const types = await run(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'hsw_scores' ORDER BY ordinal_position`
		);
		expect(types.map((t) => t.column_name)).toEqual(contractColumns(MODEL).map((c) => c.name));
		await runUnitTests(files, {
			ident: q,
			str: dialectFor('postgres').str,
			query: run,
			columns: async (sql) => {
				await exec(`CREATE TEMP VIEW hsw_probe AS ${sql}`);
				const cols = await run(
					`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'hsw_probe' ORDER BY ordinal_position`
				);
				await exec('DROP VIEW hsw_probe');
				return cols.map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
			}
		});
	}, 240_000);
});
