/**
 * The model as one SQL SELECT (CTEs allowed) that the data team runs in the warehouse, giving
 * the identical score, shown score and tier as the browser engine (`scoreTable`).
 *
 * Pipeline, one CTE per stage, mirroring the engine:
 *   src   raw values read from the table (finite doubles, 1/0 booleans, text categories)
 *   pts   metric points by scheme (percentile as a window over rows that have a value)
 *   pol   points after the missing policy, plus whether each metric had a real value
 *   dims  dimension scores (weighted mean over non-missing points) and coverage
 *   acct  account score (weighted mean over non-missing dimensions), NULL below min coverage
 *   shown score rounded half up; the final SELECT adds the tier decided on the shown score
 */
import type { Model } from '$lib/model/types';
import { dialectFor, num, type Dialect, type DialectName } from './dialect';
import {
	rawValueSql,
	pointsSql,
	withMissingPolicy,
	finiteDouble,
	canonicalNumber,
	type RawValueSql,
	type SqlColumnType
} from './schemes';
import {
	variantsOf,
	weightSql,
	coverageSql,
	tierSql,
	shownSql,
	type SegmentVariant,
	type SegmentSql
} from './combine';

/** Options for `toSql`. */
export interface ToSqlOptions {
	dialect: DialectName;
	/** Table to read, e.g. `analytics.accounts`; dot-separated parts are quoted one by one. */
	table: string;
	/** Column holding the account id (after renaming). */
	idColumn: string;
	/** Model column name → warehouse column name, for columns named differently there. */
	columns?: Record<string, string>;
	/**
	 * How model columns are typed in the warehouse (keyed by model column name). Defaults:
	 * `text` for category metrics and the segment column, `number` for the rest.
	 */
	columnTypes?: Record<string, SqlColumnType>;
	/** Shown in the header comment (ISO date or timestamp); never read from the clock here. */
	generatedAt?: string;
}

/** Output column names of the SELECT, in order (then one `dim_<id>` per dimension). */
export const OUTPUT_COLUMNS = ['account_id', 'score', 'shown', 'tier', 'coverage'] as const;

/** One-line, comment-safe text (no newlines or control characters). */
function commentText(s: string): string {
	// eslint-disable-next-line no-control-regex
	return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

function header(model: Model, opts: ToSqlOptions): string {
	const lines = [
		`Health Score Workbench model "${commentText(model.name)}" (id ${commentText(model.id)}), schema version ${model.schemaVersion}`,
		`Dialect: ${opts.dialect}.${opts.generatedAt ? ` Generated ${commentText(opts.generatedAt)}.` : ''}`,
		'Returns one row per account: score (full precision, NULL = not scored), shown (rounded half',
		'up), tier (decided on shown), coverage (0-1), and one dim_<id> column per dimension.'
	];
	return lines.map((l) => `-- ${l}`).join('\n');
}

/**
 * How an override value compares with the segment column. The engine reads a number column's
 * value as `String(x)`, so on a number column only canonical number spellings (`'3'`, `'2.5'`)
 * can match, and they are compared as numbers; a boolean column is read as 1 / 0 like the engine's.
 */
function segmentLiteral(d: Dialect, type: SqlColumnType): (value: string) => string | null {
	if (type === 'text') return (v) => d.str(v);
	return (v) => canonicalNumber(d, v);
}

function tableRef(d: Dialect, table: string): string {
	// BigQuery quotes a whole `project.dataset.table` path in one pair of backticks.
	if (d.name === 'bigquery') return d.ident(table);
	return table
		.split('.')
		.map((p) => d.ident(p))
		.join('.');
}

function cte(name: string, select: string[], from: string): string {
	return `${name} AS (\n\tSELECT\n\t\t${select.join(',\n\t\t')}\n\tFROM ${from}\n)`;
}

/**
 * Generate the SQL for a (validated) model. The result is one statement, no trailing
 * semicolon issues: it ends with `;`. Identifiers are quoted, strings escaped, numbers written
 * as exact doubles, so the warehouse score equals the browser's `scoreTable` score.
 */
export function toSql(model: Model, opts: ToSqlOptions): string {
	const d = dialectFor(opts.dialect);
	const q = d.ident;
	const colOf = (name: string) => q(opts.columns?.[name] ?? name);
	const typeOf = (name: string, fallback: SqlColumnType) => opts.columnTypes?.[name] ?? fallback;
	const metrics = model.dimensions.flatMap((dim) => dim.metrics);
	const segCol = model.segments?.column ?? null;
	const segType = segCol === null ? 'text' : typeOf(segCol, 'text');
	const seg: SegmentSql | null =
		segCol === null ? null : { expr: q('segment'), literal: segmentLiteral(d, segType) };

	// src: raw values.
	const srcSel = [`${colOf(opts.idColumn)} AS ${q('account_id')}`];
	if (segCol !== null) {
		const c = colOf(segCol);
		const expr = segType === 'text' ? c : finiteDouble(d, c, segType);
		srcSel.push(`${expr} AS ${q('segment')}`);
	}
	const rawKind = new Map<string, RawValueSql['kind']>();
	for (const m of metrics) {
		const type = typeOf(m.column, m.scheme.kind === 'category' ? 'text' : 'number');
		const raw = rawValueSql(d, m, colOf(m.column), type);
		rawKind.set(m.id, raw.kind);
		srcSel.push(`${raw.expr} AS ${q(`x_${m.id}`)}`);
	}

	// pts: points by scheme.
	const keep = [q('account_id'), ...(seg ? [seg.expr] : [])];
	const ptsSel = [
		...keep,
		...metrics.map((m) => {
			const raw = { col: q(`x_${m.id}`), kind: rawKind.get(m.id) ?? 'double' };
			return `${pointsSql(d, m, raw, { segment: seg?.expr ?? null })} AS ${q(`p_${m.id}`)}`;
		})
	];

	// pol: missing policy and has-value flags.
	const polSel = [...keep];
	for (const m of metrics) {
		const p = q(`p_${m.id}`);
		polSel.push(`${withMissingPolicy(d, m, p)} AS ${q(`q_${m.id}`)}`);
		polSel.push(`CASE WHEN ${p} IS NULL THEN 0 ELSE 1 END AS ${q(`h_${m.id}`)}`);
	}

	// dims: weighted means per dimension, and coverage.
	const variants: SegmentVariant[] = variantsOf(model);
	const dimsSel = [...keep];
	for (const dim of model.dimensions) {
		const terms = dim.metrics.map((m) => ({
			value: q(`q_${m.id}`),
			weight: weightSql(d, variants, m.id, m.weight, seg)
		}));
		dimsSel.push(`${weightedMean(d, terms)} AS ${q(`dim_${dim.id}`)}`);
	}
	dimsSel.push(`${coverageSql(d, model, variants, seg, (id) => q(`h_${id}`))} AS ${q('coverage')}`);

	// acct: account score over dimensions with weight > 0.
	const dimTerms = model.dimensions.map((dim) => ({
		value: q(`dim_${dim.id}`),
		weight: weightSql(d, variants, dim.id, dim.weight, seg)
	}));
	const dimCols = model.dimensions.map((dim) => q(`dim_${dim.id}`));
	const raw = weightedMean(d, dimTerms);
	// Coverage within 1e-9 of the minimum counts as reaching it (engine's COVERAGE_EPSILON).
	const covered = `${q('coverage')} + ${num(d, 1e-9)} >= ${num(d, model.minCoverage)}`;
	const scoreExpr = `CASE WHEN ${covered} THEN ${raw} END`;
	const acctSel = [...keep, `${scoreExpr} AS ${q('score')}`, q('coverage'), ...dimCols];

	const shownSel = [
		...keep,
		q('score'),
		`${shownSql(d, q('score'))} AS ${q('shown')}`,
		q('coverage'),
		...dimCols
	];

	const finalSel = [
		q('account_id'),
		q('score'),
		q('shown'),
		`${tierSql(d, variants, seg, q('shown'))} AS ${q('tier')}`,
		q('coverage'),
		...dimCols
	];

	const ctes = [
		cte('src', srcSel, tableRef(d, opts.table)),
		cte('pts', ptsSel, 'src'),
		cte('pol', polSel, 'pts'),
		cte('dims', dimsSel, 'pol'),
		cte('acct', acctSel, 'dims'),
		cte(q('shown_score'), shownSel, 'acct')
	];
	return (
		`${header(model, opts)}\nWITH\n${ctes.join(',\n')}\n` +
		`SELECT\n\t${finalSel.join(',\n\t')}\nFROM ${q('shown_score')};\n`
	);
}

/**
 * Σ w·v / Σ w over terms whose value is not NULL; NULL when no term has a value (or the
 * present weights sum to 0). Sums run left to right from the first term, like the engine's loop.
 */
function weightedMean(d: Dialect, terms: { value: string; weight: string }[]): string {
	if (terms.length === 0) return `CAST(NULL AS ${d.doubleType})`;
	const num = terms
		.map((t) => `CASE WHEN ${t.value} IS NULL THEN 0 ELSE ${t.weight} * ${t.value} END`)
		.join(' + ');
	const den = terms
		.map((t) => `CASE WHEN ${t.value} IS NULL THEN 0 ELSE ${t.weight} END`)
		.join(' + ');
	return `CASE WHEN (${den}) > 0 THEN (${num}) / (${den}) END`;
}
