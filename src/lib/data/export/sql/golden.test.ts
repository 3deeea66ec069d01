/**
 * BigQuery, Snowflake, Databricks and Redshift cannot run here, so their output is pinned by golden files
 * (tests/golden/sql/<case>.<dialect>.sql; regenerate with UPDATE_GOLDEN=1 and review the diff),
 * and every dialect's output is checked against that dialect's own vocabulary: only its
 * documented functions and type names, its identifier quotes, no `::` casts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateById, type Model } from '$lib/model';
import { toSql, type ToSqlOptions } from './to-sql';
import { DIALECTS, type DialectName } from './dialect';
import { EDGE_MODEL, TELCO_MODEL } from './testing/fixtures';

const GOLDEN_DIR = 'tests/golden/sql';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GENERATED_AT = '2025-01-15';

type CaseOptions = Omit<ToSqlOptions, 'dialect'>;

const CASES: { name: string; model: Model; options: CaseOptions }[] = [
	{
		name: 'telco-every-scheme',
		model: TELCO_MODEL,
		options: {
			table: 'analytics.telco_accounts',
			idColumn: 'customerID',
			columns: { CsmRating: 'csm_rating_score', Contract: 'contract_type' },
			columnTypes: { TotalCharges: 'text', Active: 'text', SeniorCitizen: 'boolean' },
			generatedAt: GENERATED_AT
		}
	},
	{
		name: 'edges',
		model: EDGE_MODEL,
		options: { table: 'edges', idColumn: 'id', generatedAt: GENERATED_AT }
	},
	...['usage-led-saas', 'four-dimensions'].map((id) => ({
		name: id,
		model: templateById(id)!.model,
		options: { table: 'crm.accounts', idColumn: 'account_id', generatedAt: GENERATED_AT }
	}))
];

describe('golden SQL (BigQuery, Snowflake, Databricks, Redshift)', () => {
	for (const c of CASES) {
		for (const dialect of ['bigquery', 'snowflake', 'databricks', 'redshift'] as const) {
			it(`${c.name}.${dialect}.sql`, () => {
				const sql = toSql(c.model, { ...c.options, dialect });
				const file = `${GOLDEN_DIR}/${c.name}.${dialect}.sql`;
				if (UPDATE || !existsSync(file)) {
					mkdirSync(GOLDEN_DIR, { recursive: true });
					writeFileSync(file, sql);
					if (!UPDATE) throw new Error(`wrote missing golden ${file}; review and commit it`);
				}
				expect(sql).toBe(readFileSync(file, 'utf8'));
			});
		}
	}
});

/** Documented functions each dialect may use (upper case). */
const FUNCTIONS: Record<DialectName, string[]> = {
	postgres: ['CAST', 'COALESCE', 'NULLIF', 'COUNT', 'RANK', 'FLOOR', 'LOWER', 'TRIM'],
	duckdb: [
		'CAST',
		'TRY_CAST',
		'ISFINITE',
		'COALESCE',
		'NULLIF',
		'COUNT',
		'RANK',
		'FLOOR',
		'LOWER',
		'TRIM'
	],
	bigquery: [
		'CAST',
		'SAFE_CAST',
		'IS_NAN',
		'IS_INF',
		'FORMAT',
		'COALESCE',
		'NULLIF',
		'COUNT',
		'RANK',
		'FLOOR',
		'LOWER',
		'TRIM'
	],
	snowflake: ['CAST', 'TRY_CAST', 'COALESCE', 'NULLIF', 'COUNT', 'RANK', 'FLOOR', 'LOWER', 'TRIM'],
	databricks: ['CAST', 'COALESCE', 'NULLIF', 'COUNT', 'RANK', 'FLOOR', 'LOWER', 'TRIM'],
	redshift: ['CAST', 'COALESCE', 'NULLIF', 'COUNT', 'RANK', 'FLOOR', 'LOWER', 'TRIM']
};

/** Type names each dialect's casts may target. */
const TYPES: Record<DialectName, string[]> = {
	postgres: ['DOUBLE PRECISION', 'TEXT'],
	duckdb: ['DOUBLE', 'VARCHAR'],
	bigquery: ['FLOAT64', 'STRING'],
	snowflake: ['FLOAT', 'VARCHAR'],
	databricks: ['DOUBLE', 'STRING'],
	redshift: ['DOUBLE PRECISION', 'VARCHAR(65535']
};

/** Keywords that may stand before `(` without being function calls. */
const KEYWORDS = new Set([
	'MATERIALIZED',
	'AS',
	'IN',
	'OVER',
	'AND',
	'OR',
	'NOT',
	'THEN',
	'ELSE',
	'WHEN',
	'BY',
	'RLIKE'
]);

/** The SQL with comments, string literals and quoted identifiers blanked out. */
function codeOnly(sql: string): string {
	return sql
		.replace(/--[^\n]*/g, '')
		.replace(/'(?:[^'\\]|\\.|'')*'/g, "''")
		.replace(/"(?:[^"]|"")*"/g, '""')
		.replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

describe('each dialect uses only its own vocabulary', () => {
	for (const c of CASES) {
		for (const dialect of DIALECTS) {
			it(`${c.name} in ${dialect}`, () => {
				const sql = toSql(c.model, { ...c.options, dialect });
				const code = codeOnly(sql);
				const calls = new Set(
					[...code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)].map((m) => m[1]!.toUpperCase())
				);
				for (const k of KEYWORDS) calls.delete(k);
				expect([...calls].filter((f) => !FUNCTIONS[dialect].includes(f))).toEqual([]);
				const types = new Set(
					[...code.matchAll(/\bAS ([A-Z][A-Z0-9 ]*?(?:\(\d+)?)\)/g)].map((m) => m[1]!)
				);
				expect([...types].filter((t) => !TYPES[dialect].includes(t))).toEqual([]);
				expect(code).not.toContain('::');
				expect(code).not.toMatch(/GREATEST|LEAST|PERCENT_RANK/i);
				if (dialect === 'bigquery' || dialect === 'databricks') expect(code).not.toContain('"');
				else expect(code).not.toContain('`');
				expect(code.match(/;/g) ?? []).toHaveLength(1);
				expect(sql.trimEnd().endsWith(';')).toBe(true);
				expect(sql).toContain(`-- Health Score Workbench model`);
			});
		}
	}
});
