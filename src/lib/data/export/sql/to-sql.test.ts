/**
 * Proof that the exported SQL gives the engine's scores: the PostgreSQL output runs in PGlite,
 * the DuckDB output in DuckDB, on the same cells the engine's `scoreTable` scores; every
 * account's score (|Δ| ≤ 1e-9), shown score, tier, coverage and dimension scores must agree.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { effectiveModels, scoreTable, templateById, validateModel } from '$lib/model';
import type { ColumnTable, Model } from '$lib/model';
import { segmentGroups } from '$lib/model/segments';
import { toSql } from './to-sql';
import type { SqlColumnType } from './schemes';
import {
	compareWithEngine,
	parseSimpleCsv,
	tableLoad,
	toColumnTable,
	type Cells,
	type ColumnSpec,
	type SqlRow
} from './testing/harness';
import {
	EDGE_MODEL,
	EDGE_SPECS,
	TELCO_MODEL,
	TELCO_SPECS,
	edgeCells,
	telcoCells
} from './testing/fixtures';
import { sharedDataPath } from '../../../../../tests/shared-data';

const TELCO = sharedDataPath('telco-churn.csv');

interface Case {
	model: Model;
	cells: Cells;
	idColumn: string;
	specs: Record<string, ColumnSpec>;
}

function sqlTypes(specs: Record<string, ColumnSpec>): Record<string, SqlColumnType> {
	return Object.fromEntries(
		Object.entries(specs).map(([k, s]) => [k, s.sql === 'double' ? 'number' : 'text'])
	);
}

let tableCount = 0;
let pg: PGlite | null = null;
let duck: DuckDBConnection | null = null;

/** One PGlite and one DuckDB for the whole file (start-up dominates the run time). */
afterAll(async () => {
	await pg?.close();
	duck?.closeSync();
});

function exportOptions(c: Case, dialect: 'postgres' | 'duckdb', table: string) {
	return { dialect, table, idColumn: c.idColumn, columnTypes: sqlTypes(c.specs) } as const;
}

async function runPostgres(c: Case): Promise<SqlRow[]> {
	pg ??= new PGlite();
	const table = `accounts_${++tableCount}`;
	const load = tableLoad(c.cells, table, c.idColumn, c.specs, 'DOUBLE PRECISION');
	await pg.exec(load.ddl);
	await pg.query(`COPY "${table}" FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
		blob: new Blob([load.csv])
	});
	const res = await pg.query<SqlRow>(toSql(c.model, exportOptions(c, 'postgres', table)));
	return res.rows;
}

async function runDuckdb(c: Case): Promise<SqlRow[]> {
	duck ??= await (await DuckDBInstance.create(':memory:')).connect();
	const table = `accounts_${++tableCount}`;
	const load = tableLoad(c.cells, table, c.idColumn, c.specs, 'DOUBLE');
	const file = join(mkdtempSync(join(tmpdir(), 'hsw-sql-')), `${table}.csv`);
	writeFileSync(file, load.csv);
	await duck.run(load.ddl);
	await duck.run(`COPY "${table}" FROM '${file}' (FORMAT csv, HEADER true)`);
	const reader = await duck.runAndReadAll(toSql(c.model, exportOptions(c, 'duckdb', table)));
	return reader.getRowObjects() as unknown as SqlRow[];
}

function engine(c: Case) {
	const table: ColumnTable = toColumnTable(c.cells, c.specs);
	const result = scoreTable(c.model, table);
	const groups = segmentGroups(c.model, table);
	const tiersByGroup = effectiveModels(c.model).map((m) => m.tiers.map((t) => t.name));
	const tierNames = (i: number) => tiersByGroup[groups ? groups[i]! : 0]!;
	const idIdx = c.cells.header.indexOf(c.idColumn);
	const ids = c.cells.rows.map((r) => String(r[idIdx]));
	return { result, tierNames, ids };
}

async function prove(c: Case, run: (c: Case) => Promise<SqlRow[]>) {
	const { result, tierNames, ids } = engine(c);
	const rows = await run(c);
	const bad = compareWithEngine(rows, ids, result, tierNames, c.model);
	expect(bad.slice(0, 10)).toEqual([]);
	return { result, rows };
}

const telco: Case = {
	model: TELCO_MODEL,
	cells: telcoCells(parseSimpleCsv(readFileSync(TELCO, 'utf8'))),
	idColumn: 'customerID',
	specs: TELCO_SPECS
};

const edges: Case = { model: EDGE_MODEL, cells: edgeCells(), idColumn: 'id', specs: EDGE_SPECS };

/** The edge rows under a model that imputes every missing value and asks no minimum coverage. */
const imputedOnly: Case = {
	...edges,
	model: {
		...EDGE_MODEL,
		id: 'imputed_only',
		minCoverage: 0,
		dimensions: EDGE_MODEL.dimensions.map((dim, i) => ({
			...dim,
			metrics: dim.metrics.map((m) => ({ ...m, missing: i % 2 === 0 ? 'neutral' : 'zero' }))
		}))
	}
};

describe('toSql matches the engine', () => {
	it('the proof models are valid models', () => {
		expect(validateModel(TELCO_MODEL)).toMatchObject({ ok: true });
		expect(validateModel(EDGE_MODEL)).toMatchObject({ ok: true });
	});

	it('telco, every scheme: the engine data has what the proof needs', () => {
		const { result } = engine(telco);
		const scored = result.score.filter((s) => !Number.isNaN(s)).length;
		// Some rows not scored (min coverage), most scored, and several tiers in use.
		expect(scored).toBeGreaterThan(telco.cells.rows.length / 2);
		expect(scored).toBeLessThan(telco.cells.rows.length);
		expect(new Set(result.tier).size).toBeGreaterThanOrEqual(4);
	});

	for (const [name, run] of [
		['PostgreSQL (PGlite)', runPostgres],
		['DuckDB', runDuckdb]
	] as const) {
		it(`telco, every scheme: ${name}`, async () => {
			const { rows } = await prove(telco, run);
			expect(rows).toHaveLength(7043);
		}, 240_000);
		it(`edges (rounding, coverage boundary, ties, NULL segment): ${name}`, async () => {
			await prove(edges, run);
		});
		it(`minCoverage 0 with imputed-only rows stays not scored: ${name}`, async () => {
			const { result } = await prove(imputedOnly, run);
			// The case must contain rows whose only points are imputed (zero / neutral).
			expect(result.score.some((s) => Number.isNaN(s))).toBe(true);
			expect(result.score.some((s) => !Number.isNaN(s))).toBe(true);
		});
	}
});

describe('the proof can fail', () => {
	it('notices a 1-ulp weight change and a tier boundary moved by one point', async () => {
		const { result, tierNames, ids } = engine(telco);
		const nudged = structuredClone(TELCO_MODEL);
		nudged.dimensions[3]!.weight = 2.5000000000000004;
		nudged.tiers[1]!.min = 51;
		const rows = await runDuckdb({ ...telco, model: nudged });
		const bad = compareWithEngine(rows, ids, result, tierNames, TELCO_MODEL, 0);
		expect(bad.some((b) => b.field === 'score')).toBe(true);
		expect(bad.some((b) => b.field === 'tier')).toBe(true);
	}, 120_000);
});

const SAMPLE = 'public/sample/portfolio.csv';

/**
 * The sample portfolio as cells, with a `__row` key (rows are account snapshots, so the account
 * id repeats). A template column whose non-blank cells all read as numbers is a number column
 * (engine and database), otherwise text, as the import's type inference would do.
 */
function sampleCase(model: Model): Case {
	const parsed = Papa.parse<string[]>(readFileSync(SAMPLE, 'utf8'), { skipEmptyLines: true });
	const [header = [], ...body] = parsed.data;
	const cells: Cells = {
		header: [...header, '__row'],
		rows: body.map((r, i) => [...r, `r${i}`])
	};
	const specs: Record<string, ColumnSpec> = {};
	const columns = new Set(model.dimensions.flatMap((d) => d.metrics.map((m) => m.column)));
	if (model.segments) columns.add(model.segments.column);
	for (const col of columns) {
		const j = cells.header.indexOf(col);
		const isNumber = cells.rows.every((r) => {
			const v = (r[j] ?? '').trim();
			return v === '' || Number.isFinite(Number(v));
		});
		specs[col] = isNumber ? { engine: 'number', sql: 'double' } : { engine: 'text', sql: 'text' };
	}
	return { model, cells, idColumn: '__row', specs };
}

const template = templateById('usage-led-saas');
describe('sample portfolio (public/sample/portfolio.csv) with the usage-led-saas template', () => {
	const hasSample = existsSync(SAMPLE);
	for (const [name, run] of [
		['PostgreSQL (PGlite)', runPostgres],
		['DuckDB', runDuckdb]
	] as const) {
		const title = hasSample
			? `is scored identically: ${name}`
			: `SKIPPED, ${SAMPLE} not generated yet (npm run sample): ${name}`;
		it.skipIf(!hasSample)(
			title,
			async () => {
				expect(template).toBeDefined();
				const c = sampleCase(template!.model);
				const { rows } = await prove(c, run);
				expect(rows.length).toBe(c.cells.rows.length);
			},
			600_000
		);
	}
});
