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
import { COVERAGE_EPSILON } from '$lib/model/engine/constants';
import type { ColumnTable, Metric, Model } from '$lib/model/types';
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
	/**
	 * Table to read, e.g. `analytics.accounts`; dot-separated parts are quoted one by one (in
	 * BigQuery the whole path is one backtick-quoted name). Quoted names are case-sensitive in
	 * PostgreSQL and Snowflake: pass them as stored (Snowflake stores unquoted names upper case).
	 */
	table: string;
	/** Column holding the account id, as named in the warehouse (not renamed by `columns`). */
	idColumn: string;
	/**
	 * Model column name → warehouse column name, for columns named differently there (e.g.
	 * `{ tenure: 'TENURE' }` for a Snowflake table created with unquoted names).
	 */
	columns?: Record<string, string>;
	/**
	 * How model columns are typed in the warehouse, keyed by model column name (see
	 * `columnTypesOf`). Defaults: `text` for category metrics and the segment column, `number`
	 * for the rest. A `text` column read as a number is trimmed and parsed, NULL when it is not
	 * a number (the engine's reading of a text column); a `boolean` column reads as 1 / 0.
	 */
	columnTypes?: Record<string, SqlColumnType>;
	/** Shown in the header comment (ISO date or timestamp); never read from the clock here. */
	generatedAt?: string;
	/**
	 * A column carried through every stage after the account id and ranking every percentile
	 * within its value (the pipeline export's `as_of_date`: each date's accounts are their own
	 * population, as the browser scores the rows of one as-of date). Output after `account_id`.
	 */
	groupColumn?: string;
	/**
	 * Read an earlier CTE of this name (unquoted, a plain lower-case word) instead of `table`.
	 * CTE names stay unquoted so that every dialect's parser and case rules read them alike.
	 */
	fromCte?: string;
}

/**
 * Warehouse column types matching a dataset's columns as the engine holds them: number
 * columns (numbers, 1/0 booleans) → `number`, dictionary-coded columns → `text`.
 */
export function columnTypesOf(table: ColumnTable): Record<string, SqlColumnType> {
	const out: Record<string, SqlColumnType> = {};
	for (const [name, col] of table.columns) out[name] = col.kind === 'number' ? 'number' : 'text';
	return out;
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
		'up), tier (decided on shown), coverage (0-1), and one dim_<id> column per dimension:',
		...model.dimensions.map((d) => `  dim_${d.id} = ${commentText(d.name)}`)
	];
	return lines.map((l) => `-- ${l}`).join('\n');
}

/**
 * How an override value compares with the segment column. The engine reads a number column's
 * value as `String(x)`, so on a number column only canonical number spellings (`'3'`, `'2.5'`)
 * can match, and they are compared as numbers; a boolean column is read as 1 / 0 like the engine's.
 */
export function segmentLiteral(d: Dialect, type: SqlColumnType): (value: string) => string | null {
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

function cte(d: Dialect, name: string, select: string[], from: string): string {
	return `${name} AS ${d.cteKeyword}(\n\tSELECT\n\t\t${select.join(',\n\t\t')}\n\tFROM ${from}\n)`;
}

/** What every stage needs: the dialect, the model and the row's segment. */
interface Ctx {
	d: Dialect;
	q: (name: string) => string;
	model: Model;
	metrics: Metric[];
	seg: SegmentSql | null;
	/** Columns carried through every CTE: account id, group column and segment. */
	keep: string[];
	group: string | null;
	variants: SegmentVariant[];
}

/** src: the account id, the segment value and each metric's raw value. */
function srcStage(ctx: Ctx, opts: ToSqlOptions, segType: SqlColumnType) {
	const { d, q, model } = ctx;
	const colOf = (name: string) => q(opts.columns?.[name] ?? name);
	const select = [`${q(opts.idColumn)} AS ${q('account_id')}`];
	if (opts.groupColumn) select.push(`${q(opts.groupColumn)} AS ${q(opts.groupColumn)}`);
	if (model.segments) {
		const c = colOf(model.segments.column);
		select.push(`${segType === 'text' ? c : finiteDouble(d, c, segType)} AS ${q('segment')}`);
	}
	const rawKind = new Map<string, RawValueSql['kind']>();
	for (const m of ctx.metrics) {
		const fallback = m.scheme.kind === 'category' ? 'text' : 'number';
		const raw = rawValueSql(d, m, colOf(m.column), opts.columnTypes?.[m.column] ?? fallback);
		rawKind.set(m.id, raw.kind);
		select.push(`${raw.expr} AS ${q(`x_${m.id}`)}`);
	}
	return { select, rawKind };
}

/** pts: points by scheme; percentile windows partition by the segment value. */
function ptsStage(ctx: Ctx, rawKind: Map<string, RawValueSql['kind']>, segType: SqlColumnType) {
	const { d, q, seg } = ctx;
	const win = {
		segment: seg ? d.partitionKey(seg.expr, segType === 'text' ? 'text' : 'double') : null,
		group: ctx.group
	};
	return [
		...ctx.keep,
		...ctx.metrics.map((m) => {
			const raw = { col: q(`x_${m.id}`), kind: rawKind.get(m.id) ?? 'double' };
			return `${pointsSql(d, m, raw, win)} AS ${q(`p_${m.id}`)}`;
		})
	];
}

/** pol: points after the missing policy, and whether the metric had a real value. */
function polStage(ctx: Ctx) {
	const { d, q } = ctx;
	return [
		...ctx.keep,
		...ctx.metrics.flatMap((m) => {
			const p = q(`p_${m.id}`);
			return [
				`${withMissingPolicy(d, m, p)} AS ${q(`q_${m.id}`)}`,
				`CASE WHEN ${p} IS NULL THEN 0 ELSE 1 END AS ${q(`h_${m.id}`)}`
			];
		})
	];
}

/** dims: weighted mean of each dimension's points, and coverage. */
function dimsStage(ctx: Ctx) {
	const { d, q, model, variants, seg } = ctx;
	const dims = model.dimensions.map((dim) => {
		const terms = dim.metrics.map((m) => ({
			value: q(`q_${m.id}`),
			weight: weightSql(d, variants, m.id, m.weight, seg)
		}));
		return `${weightedMean(d, terms)} AS ${q(`dim_${dim.id}`)}`;
	});
	const coverage = coverageSql(d, model, variants, seg, (id) => q(`h_${id}`));
	return [...ctx.keep, ...dims, `${coverage} AS ${q('coverage')}`];
}

/** acct: the account score over the dimensions, NULL below the minimum coverage. */
function acctStage(ctx: Ctx, dimCols: string[]) {
	const { d, q, model, variants, seg } = ctx;
	const terms = model.dimensions.map((dim) => ({
		value: q(`dim_${dim.id}`),
		weight: weightSql(d, variants, dim.id, dim.weight, seg)
	}));
	// Coverage within COVERAGE_EPSILON of the minimum counts as reaching it (the engine's isScored);
	// an account with no real value at all is never scored, even at minCoverage 0 (as the engine).
	const covered = `${q('coverage')} > ${num(d, 0)} AND ${q('coverage')} + ${num(d, COVERAGE_EPSILON)} >= ${num(d, model.minCoverage)}`;
	const score = `CASE WHEN ${covered} THEN ${weightedMean(d, terms)} END`;
	return [...ctx.keep, `${score} AS ${q('score')}`, q('coverage'), ...dimCols];
}

/**
 * Generate the SQL for a (validated) model: one statement ending with `;`. Identifiers are
 * quoted, strings escaped, numbers written as exact doubles and every sum and division done
 * in the engine's order, so the warehouse score equals the browser's `scoreTable` score.
 */
export function toSql(model: Model, opts: ToSqlOptions): string {
	const s = scoreStages(model, opts);
	return `${s.header}\nWITH\n${s.ctes.join(',\n')}\n${s.select};\n`;
}

/**
 * The scoring stages of `toSql` as parts: the header comment, the CTEs (reading `opts.table`,
 * which may be an earlier CTE's name) and the final SELECT (without `;`), so the pipeline export
 * can put its feature CTEs in front.
 */
export function scoreStages(
	model: Model,
	opts: ToSqlOptions
): { header: string; ctes: string[]; select: string } {
	const d = dialectFor(opts.dialect);
	const q = d.ident;
	const segCol = model.segments?.column ?? null;
	const segType = segCol === null ? 'text' : (opts.columnTypes?.[segCol] ?? 'text');
	const seg = segCol === null ? null : { expr: q('segment'), literal: segmentLiteral(d, segType) };
	const ctx: Ctx = {
		d,
		q,
		model,
		metrics: model.dimensions.flatMap((dim) => dim.metrics),
		seg,
		keep: [
			q('account_id'),
			...(opts.groupColumn ? [q(opts.groupColumn)] : []),
			...(seg ? [seg.expr] : [])
		],
		group: opts.groupColumn ? q(opts.groupColumn) : null,
		variants: variantsOf(model)
	};
	const src = srcStage(ctx, opts, segType);
	const dimCols = model.dimensions.map((dim) => q(`dim_${dim.id}`));
	const shown = `${shownSql(d, q('score'))} AS ${q('shown')}`;
	const tier = `${tierSql(d, ctx.variants, seg, q('shown'))} AS ${q('tier')}`;
	const ctes = [
		cte(d, 'src', src.select, opts.fromCte ?? tableRef(d, opts.table)),
		cte(d, 'pts', ptsStage(ctx, src.rawKind, segType), 'src'),
		cte(d, 'pol', polStage(ctx), 'pts'),
		cte(d, 'dims', dimsStage(ctx), 'pol'),
		cte(d, 'acct', acctStage(ctx, dimCols), 'dims'),
		cte(d, 'shown_score', [...ctx.keep, q('score'), shown, q('coverage'), ...dimCols], 'acct')
	];
	const final = [
		q('account_id'),
		...(opts.groupColumn ? [q(opts.groupColumn)] : []),
		q('score'),
		q('shown'),
		tier,
		q('coverage'),
		...dimCols
	];
	return {
		header: header(model, opts),
		ctes,
		select: `SELECT\n\t${final.join(',\n\t')}\nFROM shown_score`
	};
}

/**
 * Σ w·v / Σ w over terms whose value is not NULL; NULL when no term has a value (or the
 * present weights sum to 0: weights are ≥ 0, so NULLIF(Σ w, 0) is the engine's `Σ w > 0`).
 * Sums run left to right from the first term, like the engine's loop (adding 0 for a missing
 * term changes nothing).
 */
function weightedMean(d: Dialect, terms: { value: string; weight: string }[]): string {
	if (terms.length === 0) return `CAST(NULL AS ${d.doubleType})`;
	const num = terms
		.map((t) => `CASE WHEN ${t.value} IS NULL THEN 0 ELSE ${t.weight} * ${t.value} END`)
		.join(' + ');
	const den = terms
		.map((t) => `CASE WHEN ${t.value} IS NULL THEN 0 ELSE ${t.weight} END`)
		.join(' + ');
	return `(${num}) / NULLIF(${den}, 0)`;
}
