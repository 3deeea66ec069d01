/**
 * SQL expressions for one metric: reading its raw value from the row, and turning that value
 * into 0–100 points by its scheme, with the same arithmetic (and order of operations) as the
 * engine's `schemePoints`, so the warehouse agrees with the browser to the last bit.
 */
import { MISSING_POINTS } from '$lib/model/engine/constants';
import type { Direction, Metric } from '$lib/model/types';
import { num, type Dialect } from './dialect';

/**
 * How a source column is typed in the warehouse table: `number` (any numeric type),
 * `text` (VARCHAR / STRING) or `boolean` (a native BOOLEAN column).
 */
export type SqlColumnType = 'number' | 'text' | 'boolean';

/** Text spellings accepted by a `boolean` metric on a text column (compared lower-cased). */
export const TRUE_WORDS = ['1', 'true', 'yes', 'y'] as const;
export const FALSE_WORDS = ['0', 'false', 'no', 'n'] as const;

/** `CASE WHEN <cond> THEN <then> END` guard that keeps NULLs NULL. */
function when(cond: string, then: string): string {
	return `CASE WHEN ${cond} THEN ${then} END`;
}

/** `expr` when it is a finite double, else NULL (blank, not a number, NaN, ±Infinity). */
function finite(d: Dialect, x: string): string {
	return when(`${x} IS NOT NULL AND (${d.isFinite(x)})`, x);
}

/**
 * A column read as the engine reads it into a number: a numeric column as a double, a text
 * column parsed (trimmed; NULL when not a number), a BOOLEAN as 1 / 0; non-finite → NULL.
 */
export function finiteDouble(d: Dialect, col: string, type: SqlColumnType = 'number'): string {
	if (type === 'boolean')
		return `CASE WHEN ${col} THEN ${num(d, 1)} WHEN NOT ${col} THEN ${num(d, 0)} END`;
	return finite(d, type === 'text' ? d.textToDouble(col) : d.toDouble(col));
}

/** A metric's raw value in SQL, and whether it is a double or text. */
export interface RawValueSql {
	expr: string;
	kind: 'double' | 'text';
}

/**
 * The raw value of a metric as the points stage reads it: a finite double, except for a
 * `category` metric on a text column (text) and a `boolean` metric on a text column, whose
 * words (TRUE_WORDS / FALSE_WORDS, trimmed, any case) become 1 / 0.
 *
 * @param col the quoted source column
 * @param type how that column is typed in the warehouse
 */
export function rawValueSql(
	d: Dialect,
	metric: Metric,
	col: string,
	type: SqlColumnType
): RawValueSql {
	const kind = metric.scheme.kind;
	if (kind === 'category' && type === 'text') return { expr: col, kind: 'text' };
	if (kind === 'boolean' && type === 'text') {
		const t = `LOWER(TRIM(${col}))`;
		const list = (ws: readonly string[]) => ws.map((w) => d.str(w)).join(', ');
		const expr =
			`CASE WHEN ${t} IN (${list(TRUE_WORDS)}) THEN ${num(d, 1)} ` +
			`WHEN ${t} IN (${list(FALSE_WORDS)}) THEN ${num(d, 0)} END`;
		return { expr, kind: 'double' };
	}
	return { expr: finiteDouble(d, col, type), kind: 'double' };
}

/** `100 × clamp(t, 0, 1)` written with CASE (GREATEST/LEAST treat NULL differently per dialect). */
function clamp100(d: Dialect, t: string): string {
	return (
		`CASE WHEN ${t} <= ${num(d, 0)} THEN ${num(d, 0)} ` +
		`WHEN ${t} >= ${num(d, 1)} THEN ${num(d, 100)} ` +
		`ELSE ${t} * ${num(d, 100)} END`
	);
}

/** Where a percentile metric ranks. */
export interface PercentileWindow {
	/** Quoted segment expression to partition by (for `within: 'segment'`), or null. */
	segment: string | null;
	/** Quoted column every percentile ranks within (e.g. the pipeline's as-of date), or null. */
	group?: string | null;
}

/**
 * Points for a metric from its raw value `x` (a column of the previous CTE), NULL when the value
 * is missing or maps to no points. The missing policy is applied by `withMissingPolicy`.
 */
export function pointsSql(
	d: Dialect,
	metric: Metric,
	raw: { col: string; kind: RawValueSql['kind'] },
	win: PercentileWindow
): string {
	const s = metric.scheme;
	const x = raw.col;
	switch (s.kind) {
		case 'linear': {
			const t = `((${x} - ${num(d, s.worst)}) / (${num(d, s.best)} - ${num(d, s.worst)}))`;
			return when(`${x} IS NOT NULL`, clamp100(d, t));
		}
		case 'manual': {
			const t = `(${x} / ${num(d, s.max)})`;
			return when(`${x} IS NOT NULL`, clamp100(d, t));
		}
		case 'bands': {
			const arms = s.bands.map((b) =>
				b.upTo === null
					? `ELSE ${num(d, b.points)}`
					: `WHEN ${x} <= ${num(d, b.upTo)} THEN ${num(d, b.points)}`
			);
			const hasElse = s.bands.some((b) => b.upTo === null);
			return `CASE WHEN ${x} IS NULL THEN NULL ${arms.join(' ')}${hasElse ? '' : ' ELSE NULL'} END`;
		}
		case 'percentile':
			return percentileSql(
				d,
				metric.direction,
				x,
				s.within === 'segment' ? win.segment : null,
				win.group ?? null
			);
		case 'boolean':
			return (
				`CASE WHEN ${x} = ${num(d, 1)} THEN ${num(d, s.truePoints)} ` +
				`WHEN ${x} = ${num(d, 0)} THEN ${num(d, s.falsePoints)} END`
			);
		case 'category': {
			const arms = s.map.flatMap((c) => {
				const lit = raw.kind === 'text' ? d.str(c.value) : canonicalNumber(d, c.value);
				return lit === null ? [] : [`WHEN ${x} = ${lit} THEN ${num(d, c.points)}`];
			});
			const other = s.otherPoints === null ? 'NULL' : num(d, s.otherPoints);
			return `CASE WHEN ${x} IS NULL THEN NULL ${arms.join(' ')} ELSE ${other} END`;
		}
	}
}

/**
 * A category value compared with a number column: the engine matches `String(x)`, so only a
 * canonical number spelling (`'3'`, `'2.5'`, not `'03'` or `'3.0'`) can ever match.
 */
export function canonicalNumber(d: Dialect, value: string): string | null {
	const x = Number(value);
	return value.trim() !== '' && Number.isFinite(x) && String(x) === value ? num(d, x) : null;
}

/**
 * 100 × percent_rank, written out as the engine computes it: (100 × (rank − 1)) / (n − 1) over
 * the rows with a value (in the segment when `segment` is given), 0 when n = 1. Ties share the
 * lowest rank. Spelled with RANK and COUNT rather than PERCENT_RANK so the division happens in
 * the same order as the engine's (PERCENT_RANK() × 100 can differ in the last bit).
 */
function percentileSql(
	d: Dialect,
	dir: Direction,
	x: string,
	segment: string | null,
	group: string | null
): string {
	const parts = [
		`CASE WHEN ${x} IS NULL THEN 1 ELSE 0 END`,
		...(group ? [group] : []),
		...(segment ? [segment] : [])
	];
	const part = `PARTITION BY ${parts.join(', ')}`;
	const n = `COUNT(*) OVER (${part})`;
	const rank = `RANK() OVER (${part} ORDER BY ${x} ${dir === 'lower' ? 'DESC' : 'ASC'})`;
	const dbl = (e: string) => `CAST(${e} AS ${d.doubleType})`;
	return (
		`CASE WHEN ${x} IS NULL THEN NULL WHEN ${n} <= 1 THEN ${num(d, 0)} ` +
		`ELSE (${num(d, 100)} * ${dbl(`${rank} - 1`)}) / ${dbl(`${n} - 1`)} END`
	);
}

/** Points after the missing policy: `exclude` keeps NULL, `zero` → 0, `neutral` → 50. */
export function withMissingPolicy(d: Dialect, metric: Metric, points: string): string {
	if (metric.missing === 'exclude') return points;
	return `COALESCE(${points}, ${num(d, MISSING_POINTS[metric.missing])})`;
}
