/**
 * Per-dialect spelling for the SQL export: identifier quoting, string and number literals,
 * casts and the finiteness guard. Everything the generator writes that differs between
 * PostgreSQL, DuckDB, BigQuery, Snowflake, Databricks (Spark SQL) and Redshift goes through a
 * `Dialect`.
 */

/** The SQL dialects the model can be exported to. */
export type DialectName =
	'postgres' | 'duckdb' | 'bigquery' | 'snowflake' | 'databricks' | 'redshift';

export const DIALECTS: readonly DialectName[] = [
	'postgres',
	'duckdb',
	'bigquery',
	'snowflake',
	'databricks',
	'redshift'
];

/** Each dialect's name as the Actions screen shows it (SQL export and dbt package). */
export const DIALECT_NAMES: Readonly<Record<DialectName, string>> = {
	postgres: 'PostgreSQL',
	duckdb: 'DuckDB',
	bigquery: 'BigQuery',
	snowflake: 'Snowflake',
	databricks: 'Databricks (Spark SQL)',
	redshift: 'Redshift'
};

/** How one dialect spells the few things the generator needs. */
export interface Dialect {
	name: DialectName;
	/** IEEE double type name (`DOUBLE PRECISION`, `DOUBLE`, `FLOAT64`, `FLOAT`). */
	doubleType: string;
	/** Text type name for casts. */
	textType: string;
	/** Quote an identifier (column or table name), escaping the quote character. */
	ident(name: string): string;
	/** Quote a string literal, escaping quotes (and backslashes where they are escapes). */
	str(value: string): string;
	/**
	 * A segment value as a window PARTITION BY key. BigQuery cannot partition by FLOAT64, so a
	 * number segment is keyed by its 17-significant-digit text there (one text per double).
	 */
	partitionKey(expr: string, kind: 'double' | 'text'): string;
	/**
	 * Keyword after `name AS` in a CTE. PostgreSQL inlines single-use CTEs and copies each
	 * column's expression into every place it is used (no common-subexpression elimination), so
	 * the nested stages grow multiplicatively; `MATERIALIZED` computes each stage once.
	 */
	cteKeyword: string;
	/** Read a numeric column as a double. */
	toDouble(expr: string): string;
	/** Read a text column as a double: trimmed, NULL when it is not a number (never an error). */
	textToDouble(expr: string): string;
	/** True when a double is finite (NULL stays NULL, so CASE WHEN treats it as missing). */
	isFinite(expr: string): string;
}

/**
 * A finite number as an exact decimal literal without exponent: the shortest digits that
 * round-trip in JS (`String(x)`), expanded, e.g. `1e-7` → `0.0000001`, `1e21` → `1000…0`.
 * Parsing these digits as a double (every engine's text → double cast is correctly rounded)
 * gives back exactly `x`. Throws on NaN / ±Infinity (a validated model has none).
 */
export function plainDecimal(x: number): string {
	if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
	if (Object.is(x, -0)) return '0';
	const s = String(x);
	const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
	if (!m) return s;
	const sign = m[1] ?? '';
	const digits = (m[2] ?? '') + (m[3] ?? '');
	const point = (m[2] ?? '').length + Number(m[4]);
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function quoteWith(q: string) {
	return (name: string): string => q + name.split(q).join(q + q) + q;
}

/** Standard SQL string literal: single quotes doubled. */
function standardString(value: string): string {
	return `'${value.split("'").join("''")}'`;
}

/**
 * BigQuery and Snowflake read backslash escapes inside quotes: escape the backslash, the quote
 * character and control characters (a raw newline is not allowed in a BigQuery literal).
 */
function backslashQuote(q: string) {
	return (value: string): string => {
		let out = '';
		for (const ch of value) {
			const code = ch.codePointAt(0)!;
			if (ch === '\\' || ch === q) out += `\\${ch}`;
			else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
			else out += ch;
		}
		return q + out + q;
	};
}

const postgres: Dialect = {
	name: 'postgres',
	doubleType: 'DOUBLE PRECISION',
	textType: 'TEXT',
	ident: quoteWith('"'),
	str: standardString,
	cteKeyword: 'MATERIALIZED ',
	partitionKey: (e) => e,
	toDouble: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
	// No TRY_CAST in PostgreSQL: only text shaped like a decimal number is cast.
	textToDouble: (e) =>
		`CASE WHEN TRIM(${e}) ~ '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$' THEN CAST(TRIM(${e}) AS DOUBLE PRECISION) END`,
	// PostgreSQL doubles hold NaN and ±Infinity (and NaN = NaN is true there).
	isFinite: (e) =>
		`${e} NOT IN (CAST('NaN' AS DOUBLE PRECISION), CAST('Infinity' AS DOUBLE PRECISION), CAST('-Infinity' AS DOUBLE PRECISION))`
};

const duckdb: Dialect = {
	name: 'duckdb',
	doubleType: 'DOUBLE',
	textType: 'VARCHAR',
	ident: quoteWith('"'),
	str: standardString,
	partitionKey: (e) => e,
	cteKeyword: '',
	toDouble: (e) => `CAST(${e} AS DOUBLE)`,
	textToDouble: (e) => `TRY_CAST(TRIM(${e}) AS DOUBLE)`,
	isFinite: (e) => `isfinite(${e})`
};

const bigquery: Dialect = {
	name: 'bigquery',
	doubleType: 'FLOAT64',
	textType: 'STRING',
	// Quoted identifiers take the same backslash escapes as strings in BigQuery.
	ident: backslashQuote('`'),
	str: backslashQuote("'"),
	partitionKey: (e, kind) => (kind === 'double' ? `FORMAT('%.17g', ${e})` : e),
	cteKeyword: '',
	toDouble: (e) => `CAST(${e} AS FLOAT64)`,
	textToDouble: (e) => `SAFE_CAST(TRIM(${e}) AS FLOAT64)`,
	isFinite: (e) => `NOT IS_NAN(${e}) AND NOT IS_INF(${e})`
};

const snowflake: Dialect = {
	name: 'snowflake',
	doubleType: 'FLOAT',
	textType: 'VARCHAR',
	// Double-quoted identifiers are case-sensitive in Snowflake: names are kept exactly.
	ident: quoteWith('"'),
	str: backslashQuote("'"),
	partitionKey: (e) => e,
	cteKeyword: '',
	toDouble: (e) => `CAST(${e} AS FLOAT)`,
	// TRY_CAST accepts only text input in Snowflake, which is what it gets here.
	textToDouble: (e) => `TRY_CAST(TRIM(${e}) AS FLOAT)`,
	isFinite: (e) => `${e} NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))`
};

/** A decimal number as written in text, trimmed (the engine's reading of a text cell). */
const NUMBER_TEXT = '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$';

/**
 * Spark SQL reads backslash escapes in string literals (`\n`, `\u000a`, but not `\x0a`), so
 * backslash and quote are escaped and control characters written as `\uXXXX`.
 */
function sparkString(value: string): string {
	let out = '';
	for (const ch of value) {
		const code = ch.codePointAt(0)!;
		if (ch === '\\' || ch === "'") out += `\\${ch}`;
		else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
		else out += ch;
	}
	return `'${out}'`;
}

const databricks: Dialect = {
	name: 'databricks',
	doubleType: 'DOUBLE',
	textType: 'STRING',
	// Backtick-quoted identifiers; a backtick inside is doubled.
	ident: quoteWith('`'),
	str: sparkString,
	partitionKey: (e) => e,
	cteKeyword: '',
	toDouble: (e) => `CAST(${e} AS DOUBLE)`,
	// Guarded by a pattern: with ANSI mode on (the Databricks SQL default) a bad cast is an error,
	// and Spark's cast would also read '1d', 'Infinity' or hex that the engine does not.
	textToDouble: (e) =>
		`CASE WHEN TRIM(${e}) RLIKE '${NUMBER_TEXT}' THEN CAST(TRIM(${e}) AS DOUBLE) END`,
	// Spark doubles hold NaN and ±Infinity, and NaN = NaN is true there (as in PostgreSQL).
	isFinite: (e) =>
		`${e} NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))`
};

/**
 * Redshift string literals take backslash escapes: backslash and quote are escaped (the quote by
 * doubling), other characters are written as they are.
 */
function redshiftString(value: string): string {
	return `'${value.split('\\').join('\\\\').split("'").join("''")}'`;
}

const redshift: Dialect = {
	name: 'redshift',
	doubleType: 'DOUBLE PRECISION',
	// A bare VARCHAR (and TEXT) is VARCHAR(256) in Redshift: casts take the longest.
	textType: 'VARCHAR(65535)',
	// Redshift folds even quoted names to lower case unless enable_case_sensitive_identifier is on.
	ident: quoteWith('"'),
	str: redshiftString,
	partitionKey: (e) => e,
	cteKeyword: '',
	toDouble: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
	textToDouble: (e) =>
		`CASE WHEN TRIM(${e}) ~ '${NUMBER_TEXT}' THEN CAST(TRIM(${e}) AS DOUBLE PRECISION) END`,
	isFinite: postgres.isFinite
};

const BY_NAME: Record<DialectName, Dialect> = {
	postgres,
	duckdb,
	bigquery,
	snowflake,
	databricks,
	redshift
};

/** The spelling rules of one dialect. */
export function dialectFor(name: DialectName): Dialect {
	return BY_NAME[name];
}

/**
 * A number as a double-typed SQL expression with exactly the value `x`. Integers up to 2^53 are
 * cast from integer literals; other values from their exact decimal digits as a string, so no
 * engine reads them as an inexact DECIMAL first.
 */
export function num(d: Dialect, x: number): string {
	if (Number.isSafeInteger(x) && !Object.is(x, -0)) {
		return `CAST(${x} AS ${d.doubleType})`;
	}
	return `CAST('${plainDecimal(x)}' AS ${d.doubleType})`;
}
