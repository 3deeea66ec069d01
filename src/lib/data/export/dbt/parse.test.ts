/**
 * The dbt package's models for the warehouses that cannot run here (BigQuery, Snowflake,
 * Databricks, Redshift), with derived metrics of every kind, rendered as dbt would, each parse in that dialect (node-sql-parser;
 * Databricks by its Hive grammar, as in sql/parse.test.ts). DuckDB and PostgreSQL run for real
 * in package.test.ts.
 */
import { describe, expect, it } from 'vitest';
import nodeSqlParser from 'node-sql-parser';
import { ravenRecipe } from '$lib/sources/test-data';
import { dialectFor } from '../sql/dialect';
import { DERIVED, DERIVED_MODEL, loads } from '../sql/testing/raven-fixture';
import { buildDbtPackage, DBT_MODELS } from './package';
import { renderModel } from './dbt-harness';

const parser = new nodeSqlParser.Parser();
const GRAMMAR = {
	bigquery: 'BigQuery',
	snowflake: 'Snowflake',
	databricks: 'Hive',
	redshift: 'Redshift'
} as const;

describe('dbt models parse in each warehouse’s dialect', () => {
	const l = loads('DOUBLE');
	const recipe = ravenRecipe({ grid: { kind: 'dates', dates: ['2024-01-31', '2024-06-30'] } });
	for (const [dialect, grammar] of Object.entries(GRAMMAR) as [keyof typeof GRAMMAR, string][])
		it(dialect, () => {
			const files = buildDbtPackage({
				model: DERIVED_MODEL,
				recipe,
				derived: DERIVED,
				dialect,
				tables: Object.fromEntries(l.map((x) => [x.name, `raw.${x.table}`])),
				columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes])),
				generatedAt: '2026-11-30'
			});
			const paths = [
				...DBT_MODELS.map((m) => `models/${m}.sql`),
				'tests/hsw_one_row_per_account_and_date.sql',
				'tests/hsw_scores_between_0_and_100.sql'
			];
			for (const path of paths)
				for (const incremental of [false, true]) {
					const sql = renderModel(files.get(path)!, {
						files,
						ident: dialectFor(dialect).ident,
						self: 'hsw_scores',
						incremental,
						runStartedAt: '2026-11-30 12:00:00'
					});
					expect(
						() => parser.astify(sql, { database: grammar }),
						`${path} in ${dialect}`
					).not.toThrow();
				}
		});
});
