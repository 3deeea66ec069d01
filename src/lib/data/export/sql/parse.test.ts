/**
 * The output for every dialect that cannot run here (BigQuery, Snowflake, Databricks, Redshift)
 * is read by a real SQL parser for that dialect (node-sql-parser's grammars), on top of the
 * golden files: the scoring SELECT for every golden case, and the
 * whole pipeline (raw sources → features → score) on ravenstack. PostgreSQL and DuckDB also run
 * for real (PGlite, DuckDB) in to-sql.test.ts and pipeline.test.ts.
 *
 * node-sql-parser has no Spark grammar: Databricks output is parsed by its Hive grammar (Spark
 * SQL's parser descends from Hive's). As an independent one-off reference, Debian's
 * python3-sqlglot 10.6.3 parsed every BigQuery, Snowflake, Databricks, Redshift and DuckDB output
 * here in its own dialect without error on 2026-11-30 (its PostgreSQL reader predates
 * `AS MATERIALIZED` and stops there):
 *   SQL_DUMP=/tmp/hsw-sql npx vitest run src/lib/data/export/sql/parse.test.ts
 *   /usr/bin/python3 -c "import sqlglot,glob; [sqlglot.parse_one(open(f).read(),
 *     read=f.split('.')[-2]) for f in glob.glob('/tmp/hsw-sql/*.sql')]"
 * (the tests do not need Python).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import nodeSqlParser from 'node-sql-parser';
import { templateById, type Model } from '$lib/model';
import { ravenRecipe } from '$lib/sources/test-data';
import { toSql, type ToSqlOptions } from './to-sql';
import { toPipelineSql } from './pipeline';
import { DIALECTS, type DialectName } from './dialect';
import { EDGE_MODEL, TELCO_MODEL } from './testing/fixtures';
import { DERIVED, DERIVED_MODEL, RAVEN_MODEL, loads } from './testing/raven-fixture';

const parser = new nodeSqlParser.Parser();

/**
 * node-sql-parser's grammar for each dialect that cannot run here. PostgreSQL and DuckDB are read
 * by their own parsers: the same SQL runs in PGlite and DuckDB in to-sql.test.ts and
 * pipeline.test.ts (node-sql-parser's PostgreSQL grammar lacks `AS MATERIALIZED` and
 * expressions in PARTITION BY, both valid PostgreSQL that PGlite runs).
 */
const GRAMMAR: Record<Exclude<DialectName, 'duckdb' | 'postgres'>, string> = {
	bigquery: 'BigQuery',
	snowflake: 'Snowflake',
	databricks: 'Hive',
	redshift: 'Redshift'
};

type Parsed = keyof typeof GRAMMAR;
const PARSED = Object.keys(GRAMMAR) as Parsed[];

const DUMP = process.env.SQL_DUMP;

/** With SQL_DUMP set, write the SQL there (for the one-off sqlglot reference). */
function dump(sql: string, dialect: DialectName, name: string): void {
	if (!DUMP || name === 'broken') return;
	mkdirSync(DUMP, { recursive: true });
	writeFileSync(`${DUMP}/${name}.${dialect}.sql`, sql);
}

/** PostgreSQL and DuckDB output, dumped beside the rest when SQL_DUMP is set. */
function dumpRunnable(sql: (dialect: DialectName) => string, name: string): void {
	if (DUMP) for (const d of DIALECTS) if (!(d in GRAMMAR)) dump(sql(d), d, name);
}

/** Parse with the dialect's grammar; the error names the line and shows the text around it. */
function parse(sql: string, dialect: Parsed, name: string): unknown {
	dump(sql, dialect, name);
	try {
		return parser.astify(sql, { database: GRAMMAR[dialect] });
	} catch (e) {
		const at = (e as { location?: { start: { offset: number; line: number } } }).location?.start;
		const where = at ? ` at line ${at.line}: …${sql.slice(at.offset - 80, at.offset + 40)}…` : '';
		throw new Error(`${name} does not parse as ${dialect}${where}`, { cause: e });
	}
}

/** The statement's top-level WITH names, as parsed. */
function cteNames(ast: unknown): string[] {
	const one = (Array.isArray(ast) ? ast[0] : ast) as {
		type: string;
		with?: { name: { value: string } | string }[];
	};
	expect(one.type).toBe('select');
	return (one.with ?? []).map((w) => (typeof w.name === 'string' ? w.name : w.name.value));
}

const CASES: { name: string; model: Model; options: Omit<ToSqlOptions, 'dialect'> }[] = [
	{
		name: 'telco-every-scheme',
		model: TELCO_MODEL,
		options: {
			table: 'analytics.telco_accounts',
			idColumn: 'customerID',
			columnTypes: { TotalCharges: 'text', Active: 'text', SeniorCitizen: 'boolean' }
		}
	},
	{ name: 'edges', model: EDGE_MODEL, options: { table: 'edges', idColumn: 'id' } },
	...['usage-led-saas', 'four-dimensions'].map((id) => ({
		name: id,
		model: templateById(id)!.model,
		options: { table: 'crm.accounts', idColumn: 'account_id' }
	}))
];

describe('each dialect’s scoring SQL parses in that dialect', () => {
	for (const c of CASES)
		for (const dialect of PARSED)
			it(`${c.name} as ${dialect}`, () => {
				dumpRunnable((d) => toSql(c.model, { ...c.options, dialect: d }), c.name);
				const ast = parse(toSql(c.model, { ...c.options, dialect }), dialect, c.name);
				expect(cteNames(ast)).toEqual(['src', 'pts', 'pol', 'dims', 'acct', 'shown_score']);
			});
});

describe('each dialect’s pipeline SQL (ravenstack, 5 sources) parses in that dialect', () => {
	const l = loads('DOUBLE');
	const recipe = ravenRecipe({ grid: { kind: 'dates', dates: ['2024-01-31', '2024-06-30'] } });
	for (const dialect of PARSED)
		it(dialect, () => {
			const sqlFor = (d: DialectName) =>
				toPipelineSql(recipe, RAVEN_MODEL, {
					dialect: d,
					tables: Object.fromEntries(l.map((x) => [x.name, `raw.${x.table}`])),
					columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes]))
				});
			const sql = sqlFor(dialect);
			dumpRunnable(sqlFor, 'ravenstack-pipeline');
			const names = cteNames(parse(sql, dialect, 'ravenstack-pipeline'));
			expect(names.slice(0, 2)).toEqual(['as_of', 'grid']);
			expect(names).toContain('features');
			expect(names.at(-1)).toBe('scored');
		});
});

describe('each dialect’s pipeline SQL with derived metrics parses in that dialect', () => {
	const l = loads('DOUBLE');
	const recipe = ravenRecipe({ grid: { kind: 'dates', dates: ['2024-01-31', '2024-06-30'] } });
	for (const dialect of PARSED)
		it(dialect, () => {
			const sqlFor = (d: DialectName) =>
				toPipelineSql(recipe, DERIVED_MODEL, {
					dialect: d,
					tables: Object.fromEntries(l.map((x) => [x.name, `raw.${x.table}`])),
					columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes])),
					derived: DERIVED
				});
			const sql = sqlFor(dialect);
			dumpRunnable(sqlFor, 'ravenstack-derived');
			const names = cteNames(parse(sql, dialect, 'ravenstack-derived'));
			// One stage per derived column (kinds: ratio, change, days-since, window), helpers for history.
			expect(names).toContain('base_features');
			expect(names.filter((n) => /^feat\d+$/.test(n))).toHaveLength(DERIVED.length - 1);
			expect(names.filter((n) => /^dv\d+$/.test(n))).toHaveLength(
				DERIVED.filter((x) => x.spec.kind === 'change' || x.spec.kind === 'window').length
			);
			expect(names).toContain('features');
		});
});

describe('the parsers are real checks', () => {
	it('a broken statement fails in every grammar', () => {
		const bad = toSql(templateById('usage-led-saas')!.model, {
			dialect: 'postgres',
			table: 't',
			idColumn: 'id'
		}).replace('FROM acct', 'FROM acct WHERE (');
		for (const dialect of PARSED) expect(() => parse(bad, dialect, 'broken')).toThrow(/line/);
	});
});
