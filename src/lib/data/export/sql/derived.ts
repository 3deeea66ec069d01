/**
 * Derived metrics (`$lib/data/derive.ts`) as SQL stages after the features: ratio, change,
 * days-since and rolling window, each the browser's rule in SQL, on the feature table's rows
 * (one per account life per as-of date; `account_id` is the life's id, as in the browser).
 *
 * Every derived column adds one CTE `feat<k+1>` = `feat<k>` plus the column (the last is named
 * by the caller, e.g. `features`); history kinds add a helper `dv<k>` that joins the account's
 * own rows. The rules, as in `deriveColumn`:
 *   ratio       a / b × scale; NULL when b = 0, an input is NULL or the result is not finite
 *   change      against the account's latest row dated ≤ date − days (NULL when there is none
 *               or its value is NULL); pct = (now − then) / |then| × 100 (NULL when then = 0)
 *   days-since  as-of day − the column's day; NULL when negative
 *   window      rows of the account dated in (date − days, date]: sum / mean of the present
 *               values, count of values > 0; NULL when no value is present
 * Window sums add in date order where the dialect lets an aggregate be ordered (PostgreSQL,
 * DuckDB), which is the browser's order; elsewhere in the warehouse's own order, which gives the
 * same result for whole numbers but may differ in the last digit for fractional values (floating
 * point addition is not associative: (0.1 + 0.2) + 0.3 ≠ 0.1 + (0.2 + 0.3)).
 */
import type { DerivedSpec } from '$lib/data/derive';
import { num, type Dialect, type DialectName } from './dialect';
import type { SqlColumnType } from './schemes';

/** A derived column to compute: its name (a plain identifier) and definition. */
export interface DerivedColumnSql {
	name: string;
	spec: DerivedSpec;
}

/** Whether the dialect adds a window's values in date order, as the browser does. */
export function ordersWindowSums(dialect: DialectName): boolean {
	return dialect === 'postgres' || dialect === 'duckdb';
}

/**
 * The derived columns that may differ from the browser in the last digit in `dialect`: where
 * window sums are not ordered, every window sum or mean, and every derived column reading one.
 */
export function lastDigitRisk(
	dialect: DialectName,
	derived: readonly DerivedColumnSql[]
): string[] {
	if (ordersWindowSums(dialect)) return [];
	const risky = new Set<string>();
	for (const { name, spec } of derived) {
		const reads = spec.kind === 'ratio' ? [spec.numerator, spec.denominator] : [spec.column];
		if ((spec.kind === 'window' && spec.agg !== 'count') || reads.some((c) => risky.has(c)))
			risky.add(name);
	}
	return [...risky];
}

/** Columns of the feature table that hold dates (as day numbers; `as_of_date` is a DATE). */
export const DATE_COLUMNS = new Set(['as_of_date', 'churn_date']);

function cteOf(d: Dialect, name: string, body: string): string {
	return `${name} AS ${d.cteKeyword}(\n${body
		.split('\n')
		.map((l) => `\t${l}`)
		.join('\n')}\n)`;
}

/**
 * The CTEs computing `derived` in order on top of the CTE `from`, the last named `last`; and the
 * column types with the derived columns added (numbers). Throws, naming the column, when a
 * definition reads a column the table lacks or a text column.
 *
 * @param dayOf SQL for the day number (days since 1970-01-01) of a DATE expression
 */
export function derivedStages(
	d: Dialect,
	derived: readonly DerivedColumnSql[],
	from: string,
	last: string,
	columnTypes: Record<string, SqlColumnType>,
	dayOf: (expr: string) => string,
	dateColumns: ReadonlySet<string> = DATE_COLUMNS
): { ctes: string[]; columnTypes: Record<string, SqlColumnType> } {
	const q = d.ident;
	const types: Record<string, SqlColumnType> = { ...columnTypes };
	const ctes: string[] = [];
	const dbl = (e: string) => `CAST(${e} AS ${d.doubleType})`;
	const t = (alias: string) => dbl(dayOf(`${alias}.${q('as_of_date')}`));
	const ordered = ordersWindowSums(d.name);
	let prev = from;
	derived.forEach(({ name, spec }, k) => {
		const need = (col: string, what: 'number' | 'date') => {
			if (what === 'date') {
				if (!dateColumns.has(col))
					throw new Error(
						`Derived metric "${name}": "${col}" is not a date column of the feature table.`
					);
				return;
			}
			if (!(col in types))
				throw new Error(`Derived metric "${name}" reads "${col}", which the SQL does not compute.`);
			if (types[col] === 'text')
				throw new Error(`Derived metric "${name}" reads "${col}", which is text, not a number.`);
		};
		const next = k === derived.length - 1 ? last : `feat${k + 1}`;
		const col = (alias: string, c: string) => `${alias}.${q(c)}`;
		let body: string;
		switch (spec.kind) {
			case 'ratio': {
				need(spec.numerator, 'number');
				need(spec.denominator, 'number');
				const v = `(${col('x', spec.numerator)} / ${col('x', spec.denominator)}) * ${num(d, spec.scale ?? 1)}`;
				// Nested: PostgreSQL raises an error on a division by zero, so it must not be reached.
				body = `SELECT x.*, CASE WHEN ${col('x', spec.denominator)} <> 0 THEN CASE WHEN ${d.isFinite(v)} THEN ${v} END END AS ${q(name)}\nFROM ${prev} x`;
				break;
			}
			case 'days-since': {
				need(spec.column, 'date');
				const at = spec.column === 'as_of_date' ? t('x') : dbl(col('x', spec.column));
				const v = `${t('x')} - ${at}`;
				body = `SELECT x.*, CASE WHEN ${v} >= 0 THEN ${v} END AS ${q(name)}\nFROM ${prev} x`;
				break;
			}
			case 'change': {
				need(spec.column, 'number');
				const helper = `dv${k}`;
				ctes.push(
					cteOf(
						d,
						helper,
						`SELECT x.${q('account_id')} AS account_id, x.${q('as_of_date')} AS as_of_date, MAX(y.${q('as_of_date')}) AS ref\nFROM ${prev} x JOIN ${prev} y ON y.${q('account_id')} = x.${q('account_id')} AND ${t('y')} <= ${t('x')} - ${num(d, spec.days)}\nGROUP BY x.${q('account_id')}, x.${q('as_of_date')}`
					)
				);
				const now = col('x', spec.column);
				const then = col('y', spec.column);
				const v =
					spec.mode === 'pct'
						? `((${now} - ${then}) / ABS(${then})) * ${num(d, 100)}`
						: `${now} - ${then}`;
				const finite = `CASE WHEN ${d.isFinite(v)} THEN ${v} END`;
				const guarded = spec.mode === 'pct' ? `CASE WHEN ${then} <> 0 THEN ${finite} END` : finite;
				body = `SELECT x.*, ${guarded} AS ${q(name)}\nFROM ${prev} x\nLEFT JOIN ${helper} r ON r.account_id = x.${q('account_id')} AND r.as_of_date = x.${q('as_of_date')}\nLEFT JOIN ${prev} y ON y.${q('account_id')} = x.${q('account_id')} AND y.${q('as_of_date')} = r.ref`;
				break;
			}
			case 'window': {
				need(spec.column, 'number');
				const helper = `dv${k}`;
				const y = col('y', spec.column);
				const sum = ordered ? `SUM(${y} ORDER BY y.${q('as_of_date')})` : `SUM(${y})`;
				ctes.push(
					cteOf(
						d,
						helper,
						`SELECT x.${q('account_id')} AS account_id, x.${q('as_of_date')} AS as_of_date, ${sum} AS s, COUNT(${y}) AS c, SUM(CASE WHEN ${y} > 0 THEN 1 ELSE 0 END) AS p\nFROM ${prev} x JOIN ${prev} y ON y.${q('account_id')} = x.${q('account_id')} AND ${t('y')} > ${t('x')} - ${num(d, spec.days)} AND ${t('y')} <= ${t('x')}\nGROUP BY x.${q('account_id')}, x.${q('as_of_date')}`
					)
				);
				const v =
					spec.agg === 'sum' ? 'w.s' : spec.agg === 'mean' ? `w.s / ${dbl('w.c')}` : dbl('w.p');
				body = `SELECT x.*, CASE WHEN w.c > 0 THEN ${v} END AS ${q(name)}\nFROM ${prev} x\nLEFT JOIN ${helper} w ON w.account_id = x.${q('account_id')} AND w.as_of_date = x.${q('as_of_date')}`;
				break;
			}
		}
		ctes.push(cteOf(d, next, body));
		types[name] = 'number';
		prev = next;
	});
	return { ctes, columnTypes: types };
}
