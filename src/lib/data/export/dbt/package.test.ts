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
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { validateModel, type Model } from '$lib/model';
import { buildFeatureTable } from '$lib/sources/build';
import { dayIso } from '$lib/sources/grid';
import { ravenRecipe, ravenSources } from '$lib/sources/test-data';
import { dialectFor, num } from '../sql/dialect';
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
import { renderModel, unitTestRows } from './dbt-harness';

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
const sample = unitSample({ model: MODEL, table: built.table, ids: built.ids, asOf });
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

/** The unit test run: hsw_scores on the given rows must return exactly the expected rows. */
async function runUnitTest(
	files: Map<string, string>,
	dialect: 'postgres' | 'duckdb',
	exec: (sql: string) => Promise<unknown>,
	run: Run
) {
	const d = dialectFor(dialect);
	const { given, expect: want } = unitTestRows(files.get('models/schema.yml')!);
	const cols = Object.keys(given[0]!);
	const type = (c: string) =>
		c === 'account_id' || c === 'segment' ? d.textType : c === 'as_of_date' ? 'DATE' : d.doubleType;
	const lit = (c: string, v: unknown) =>
		v === null
			? `CAST(NULL AS ${type(c)})`
			: typeof v === 'number'
				? num(d, v)
				: c === 'as_of_date'
					? `CAST(${d.str(String(v))} AS DATE)`
					: d.str(String(v));
	await exec(
		`CREATE TABLE given_dims AS\n${given.map((r) => `SELECT ${cols.map((c) => `${lit(c, r[c])} AS ${d.ident(c)}`).join(', ')}`).join('\nUNION ALL\n')}`
	);
	const sql = renderModel(files.get('models/hsw_scores.sql')!, {
		files,
		ident: d.ident,
		self: 'hsw_scores',
		incremental: false,
		runStartedAt: RUN_AT,
		refs: { hsw_dimension_scores: 'given_dims' }
	});
	const got = await run(sql);
	const byKey = new Map(want.map((r) => [`${r.account_id}|${r.as_of_date}`, r]));
	expect(got).toHaveLength(want.length);
	expect(checkScores(got, byKey as typeof browserByKey)).toEqual([]);
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
		const readme = files.get('README.md')!;
		for (const p of ['Gainsight', 'HubSpot', 'Vitally', 'Planhat', 'top_driver', 'Backfill'])
			expect(readme).toContain(p);
	});

	it('the unit test carries the browser’s own rows, edge cases included', () => {
		const { given, expect: want } = unitTestRows(files.get('models/schema.yml')!);
		expect(given.length).toBe(12);
		expect(want).toEqual(sample.expect);
		for (const r of want) expect(r).toEqual(browserByKey.get(`${r.account_id}|${r.as_of_date}`));
		expect(sample.why).toContain('not scored (too little data)');
		expect(sample.why).toContain('missing metric values (coverage below 1)');
		expect(sample.why.some((w) => w.startsWith('exactly on a tier boundary'))).toBe(true);
		expect(want.some((r) => r.score === null && r.tier === null)).toBe(true);
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
		await runUnitTest(files, 'duckdb', exec, run);
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
		await runUnitTest(files, 'postgres', exec, run);
	}, 240_000);
});
