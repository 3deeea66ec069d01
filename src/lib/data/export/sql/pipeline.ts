/**
 * The whole pipeline as one SQL query per dialect: from the raw source tables (accounts,
 * periods, events, snapshots, churn log) to the recipe's features at each as-of date, then the
 * model's score, shown score and tier (the scoring stages of `toSql`, reused), one row per
 * account (life) per as-of date.
 *
 * The as-of dates are the first CTE, `as_of` (one `SELECT CAST('YYYY-MM-DD' AS DATE) AS
 * as_of_date` per date): edit it, or replace it by a date spine, to backfill. Each date's
 * accounts are their own population for percentile metrics, as in the browser.
 *
 * The stages mirror `sources/build.ts` and `sources/lives.ts` rule for rule:
 *   as_of, grid       the as-of dates and their day numbers t (days since 1970-01-01)
 *   s<i>              source i read: key as text, dates as day numbers, value columns c<j>
 *   accts             the account list (or every key seen in a directly keyed source)
 *   r<i>              source i's rows that reach an account (through the link if any), dated
 *   starts            each account's start: an account source's start date, else its first row
 *   churn_days … lives each account's lives (first churn final, or new lives after returns)
 *   w                 one row per account life per as-of date while t < its churn day
 *   f<k>              feature k per (account, t): only rows with day ≤ t; windows (t − N, t]
 *   features          the modelling table, then the scoring stages and the final SELECT
 *
 * Keys are compared as text (give key columns a text type). Timestamps are read as their DATE
 * in the session's time zone. Where the browser takes an account's *first* row (an account
 * attribute, a link that maps a key to two accounts) the SQL takes the smallest value.
 */
import type { Model } from '$lib/model/types';
import type {
	EventFeature,
	FeatureSpec,
	PeriodFeature,
	Recipe,
	SourceSpec
} from '$lib/sources/types';
import { gridDays, dayIso } from '$lib/sources/grid';
import { dialectFor, num, type Dialect, type DialectName } from './dialect';
import { scoreStages } from './to-sql';
import type { SqlColumnType } from './schemes';
import { DATE_COLUMNS, derivedStages, type DerivedColumnSql } from './derived';

/** How a source column is typed in the warehouse. */
export type PipelineColumnType = 'number' | 'text' | 'boolean' | 'date';

export interface PipelineSqlOptions {
	dialect: DialectName;
	/** Source name → warehouse table (dot-separated parts quoted one by one). */
	tables: Record<string, string>;
	/**
	 * Source name → column → warehouse type. Key columns are read as text and date columns
	 * (time, start, end, churn date) as dates whatever is given; other columns default to number.
	 */
	columnTypes?: Record<string, Record<string, PipelineColumnType>>;
	/** As-of dates (ISO); default the recipe's grid (a snapshot-dates grid needs them given). */
	asOfDates?: string[];
	/**
	 * A date spine to backfill from instead of a fixed list: a table (or, with `verbatim`, a
	 * relation such as dbt's `{{ ref('as_of_dates') }}`) with an `as_of_date` column. Each date
	 * gives one row per account alive then, built only from data dated at or before it.
	 */
	asOfTable?: string;
	/**
	 * `verbatim`: table names (sources and `asOfTable`) are written as given, for templating
	 * (dbt's `{{ source(…) }}`); default `quoted`: dot-separated parts quoted one by one.
	 */
	relations?: 'quoted' | 'verbatim';
	/**
	 * Derived metrics computed on the feature table, in order (a later one may read an earlier
	 * one), as the browser adds them to the built dataset (`ColumnInfo.derived`).
	 */
	derived?: readonly DerivedColumnSql[];
	generatedAt?: string;
}

/** An open period's end in the SQL (a day number past any real date). */
const OPEN_END = 1_000_000_000;

/** Output columns, after the features: churn columns (when the recipe has an outcome), then the score. */
export const PIPELINE_SCORE_COLUMNS = ['score', 'shown', 'tier', 'coverage'] as const;

interface SourceCtx {
	spec: SourceSpec;
	index: number;
	/** Value column name → alias `c<j>` in s<i> / r<i>. */
	cols: Map<string, string>;
	types: Record<string, PipelineColumnType>;
}

function tableRef(d: Dialect, table: string): string {
	if (d.name === 'bigquery') return d.ident(table);
	return table
		.split('.')
		.map((p) => d.ident(p))
		.join('.');
}

/** Day number (days since 1970-01-01) of a date or timestamp expression. */
export function dayNum(d: Dialect, e: string): string {
	switch (d.name) {
		case 'postgres':
			return `(CAST(${e} AS DATE) - DATE '1970-01-01')`;
		case 'duckdb':
			return `date_diff('day', DATE '1970-01-01', CAST(${e} AS DATE))`;
		case 'bigquery':
			return `UNIX_DATE(CAST(${e} AS DATE))`;
		case 'snowflake':
		case 'redshift':
			return `DATEDIFF(day, DATE '1970-01-01', CAST(${e} AS DATE))`;
		case 'databricks':
			return `DATEDIFF(CAST(${e} AS DATE), DATE '1970-01-01')`;
	}
}

/** Text MAX in code-point order (PostgreSQL's default collation may be linguistic). */
function textMax(d: Dialect, e: string): string {
	return d.name === 'postgres' ? `MAX(${e} COLLATE "C")` : `MAX(${e})`;
}

function dbl(d: Dialect, e: string): string {
	return `CAST(${e} AS ${d.doubleType})`;
}

function cteOf(d: Dialect, name: string, body: string): string {
	return `${name} AS ${d.cteKeyword}(\n${body
		.split('\n')
		.map((l) => `\t${l}`)
		.join('\n')}\n)`;
}

/** Columns (other than key and dates) the recipe reads from a source. */
function valueColumns(recipe: Recipe, spec: SourceSpec): string[] {
	const out = new Set<string>();
	for (const f of recipe.features) {
		if (f.source !== spec.name) continue;
		if (f.kind === 'event') {
			if (f.column) out.add(f.column);
			if (f.filter) out.add(f.filter.column);
		} else if (f.kind === 'period') {
			if (f.column) out.add(f.column);
		} else out.add(f.column);
	}
	for (const s of recipe.sources) if (s.link?.via === spec.name) out.add(s.link.column);
	return [...out];
}

function isText(ctx: SourceCtx, column: string): boolean {
	return ctx.types[column] === 'text';
}

/** A value column read for features: numbers and booleans as doubles, dates as day numbers, text as text. */
function readValue(d: Dialect, expr: string, type: PipelineColumnType): string {
	switch (type) {
		case 'text':
			return `CAST(${expr} AS ${d.textType})`;
		case 'boolean':
			return `CASE WHEN ${expr} THEN ${num(d, 1)} WHEN NOT ${expr} THEN ${num(d, 0)} END`;
		case 'date':
			return dbl(d, dayNum(d, expr));
		case 'number':
			return d.toDouble(expr);
	}
}

/** `col IN (…)` for a filter: text compares as text; numbers only to canonical number spellings. */
function filterSql(d: Dialect, col: string, values: string[], text: boolean): string {
	if (text) return `${col} IN (${values.map((v) => d.str(v)).join(', ')})`;
	const nums = values
		.map((v) => Number(v))
		.filter((x, k) => values[k]!.trim() !== '' && Number.isFinite(x) && String(x) === values[k]);
	return nums.length ? `${col} IN (${nums.map((x) => num(d, x)).join(', ')})` : '1 = 0';
}

/**
 * The feature stages of the pipeline: CTEs from `as_of` to `features` (account_id, as_of_date,
 * one column per feature, churn columns), and how each feature column is typed for scoring.
 * Throws on a recipe the SQL cannot express (named in the message).
 */
export function featureStages(
	recipe: Recipe,
	opts: PipelineSqlOptions
): { ctes: string[]; columnTypes: Record<string, SqlColumnType> } {
	const d = dialectFor(opts.dialect);
	const q = d.ident;
	const ctes: string[] = [];
	const add = (name: string, body: string) => ctes.push(cteOf(d, name, body));
	const rel = (table: string) => (opts.relations === 'verbatim' ? table : tableRef(d, table));
	// As-of dates: a spine table, or the given (or the grid's) dates.
	if (opts.asOfTable !== undefined)
		add(
			'as_of',
			`SELECT DISTINCT CAST(${q('as_of_date')} AS DATE) AS as_of_date\nFROM ${rel(opts.asOfTable)}\nWHERE ${q('as_of_date')} IS NOT NULL`
		);
	else {
		const dates =
			opts.asOfDates ??
			(recipe.grid.kind === 'snapshot-dates' ? null : gridDays(recipe.grid).map(dayIso));
		if (!dates || dates.length === 0)
			throw new Error('The as-of dates must be given for a grid read from a snapshot source.');
		add(
			'as_of',
			dates.map((s) => `SELECT CAST(${d.str(s)} AS DATE) AS as_of_date`).join('\nUNION ALL\n')
		);
	}
	add('grid', `SELECT as_of_date, ${dayNum(d, 'as_of_date')} AS t FROM as_of`);
	// Sources.
	const ctx = new Map<string, SourceCtx>();
	recipe.sources.forEach((spec, index) => {
		const table = opts.tables[spec.name];
		if (!table) throw new Error(`No warehouse table is given for source "${spec.name}".`);
		const types = { ...(opts.columnTypes?.[spec.name] ?? {}) };
		const cols = new Map<string, string>();
		valueColumns(recipe, spec).forEach((c, j) => cols.set(c, `c${j}`));
		const c: SourceCtx = { spec, index, cols, types };
		ctx.set(spec.name, c);
		const select = [`CAST(${q(spec.key)} AS ${d.textType}) AS k`];
		const time = spec.grain === 'period' ? spec.start : spec.time;
		select.push(`${time ? dayNum(d, q(time)) : 'CAST(NULL AS INTEGER)'} AS d`);
		select.push(
			`${spec.grain === 'period' && spec.end ? dayNum(d, q(spec.end)) : 'CAST(NULL AS INTEGER)'} AS en`
		);
		if (recipe.outcome.kind === 'churn-log' && recipe.outcome.source === spec.name)
			select.push(`${dayNum(d, q(recipe.outcome.column))} AS cd`);
		for (const [col, alias] of cols)
			select.push(`${readValue(d, q(col), types[col] ?? 'number')} AS ${alias}`);
		add(
			`s${index}`,
			`SELECT ${select.join(', ')}\nFROM ${rel(table)}\nWHERE ${q(spec.key)} IS NOT NULL AND TRIM(CAST(${q(spec.key)} AS ${d.textType})) <> ''`
		);
	});
	// Accounts.
	const direct = recipe.sources.filter((s) => !s.link);
	if (recipe.accounts !== null)
		add('accts', `SELECT DISTINCT k AS account_id FROM s${ctx.get(recipe.accounts)!.index}`);
	else
		add(
			'accts',
			direct
				.map((s) => `SELECT DISTINCT k AS account_id FROM s${ctx.get(s.name)!.index}`)
				.join('\nUNION\n')
		);
	// Resolved rows: direct first, then linked.
	const valueList = (c: SourceCtx, alias: string) =>
		[...c.cols.values()].map((a) => `${alias}.${a}`);
	const okRow = (spec: SourceSpec, alias: string) =>
		spec.grain === 'account'
			? '1 = 1'
			: `${alias}.d IS NOT NULL${spec.grain === 'period' ? ` AND (${alias}.en IS NULL OR ${alias}.en >= ${alias}.d)` : ''}`;
	for (const spec of [...direct, ...recipe.sources.filter((s) => s.link)]) {
		const c = ctx.get(spec.name)!;
		const extra =
			recipe.outcome.kind === 'churn-log' && recipe.outcome.source === spec.name ? ['x.cd'] : [];
		const sel = ['a.account_id', 'x.d', 'x.en', ...extra, ...valueList(c, 'x')].join(', ');
		if (!spec.link)
			add(
				`r${c.index}`,
				`SELECT ${sel}\nFROM s${c.index} x JOIN accts a ON a.account_id = x.k\nWHERE ${okRow(spec, 'x')}`
			);
		else {
			const via = ctx.get(spec.link.via)!;
			const lk = via.cols.get(spec.link.column)!;
			add(
				`r${c.index}`,
				`SELECT ${sel}\nFROM s${c.index} x JOIN (\n\tSELECT ${lk} AS lk, MIN(account_id) AS account_id FROM r${via.index} GROUP BY ${lk}\n) a ON a.lk = x.k\nWHERE ${okRow(spec, 'x')}`
			);
		}
	}
	// Account starts: an account source's start date, else the first dated row (churn log aside).
	const churnSource = recipe.outcome.kind === 'churn-log' ? recipe.outcome.source : null;
	const accountStarts = recipe.sources.filter((s) => s.grain === 'account' && s.time);
	const activity = recipe.sources.filter((s) => s.grain !== 'account' && s.name !== churnSource);
	add(
		'activity',
		activity.length
			? activity
					.map((s) => `SELECT account_id, d FROM r${ctx.get(s.name)!.index}`)
					.join('\nUNION ALL\n')
			: `SELECT account_id, CAST(NULL AS INTEGER) AS d FROM accts WHERE 1 = 0`
	);
	const declared = accountStarts.length
		? accountStarts
				.map((s) => `SELECT account_id, d FROM r${ctx.get(s.name)!.index} WHERE d IS NOT NULL`)
				.join('\nUNION ALL\n')
		: `SELECT account_id, CAST(NULL AS INTEGER) AS d FROM accts WHERE 1 = 0`;
	add(
		'starts',
		`SELECT a.account_id, COALESCE(sd.s, fs.s) AS s\nFROM accts a\nLEFT JOIN (SELECT account_id, MIN(d) AS s FROM (${declared}) u GROUP BY account_id) sd ON sd.account_id = a.account_id\nLEFT JOIN (SELECT account_id, MIN(d) AS s FROM activity GROUP BY account_id) fs ON fs.account_id = a.account_id`
	);
	// Lives.
	const o = recipe.outcome;
	if (o.kind === 'none') {
		add('lives', `SELECT account_id, 1 AS life, s AS ls, CAST(NULL AS INTEGER) AS le FROM starts`);
	} else if (o.kind === 'period-end') {
		// Periods merged into stretches: a new stretch starts after a gap of more than graceDays
		// past every earlier period's end; a stretch ending on or before the end of the data is a churn.
		const ps = ctx.get(o.source)!;
		const ends = recipe.dataEnd
			? `SELECT ${dayNum(d, `CAST(${d.str(recipe.dataEnd)} AS DATE)`)} AS e`
			: `SELECT MAX(x) AS e FROM (\n${recipe.sources
					.map((s) => {
						const r = `r${ctx.get(s.name)!.index}`;
						return `\tSELECT d AS x FROM ${r}\n\tUNION ALL SELECT en AS x FROM ${r}`;
					})
					.join('\n\tUNION ALL\n')}\n) u`;
		add('data_end', ends);
		add('pe_rows', `SELECT account_id, d, COALESCE(en, ${OPEN_END}) AS e FROM r${ps.index}`);
		add(
			'pe_prev',
			`SELECT account_id, d, e, MAX(e) OVER (PARTITION BY account_id ORDER BY d, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pm FROM pe_rows`
		);
		add(
			'pe_num',
			`SELECT account_id, d, e, SUM(CASE WHEN pm IS NULL OR d > pm + ${o.graceDays} THEN 1 ELSE 0 END) OVER (PARTITION BY account_id ORDER BY d, e ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS sn FROM pe_prev`
		);
		add(
			'stretches',
			`SELECT x.account_id, x.sn, x.ss, CASE WHEN x.se <= de.e THEN x.se END AS ce\nFROM (SELECT account_id, sn, MIN(d) AS ss, MAX(e) AS se FROM pe_num GROUP BY account_id, sn) x CROSS JOIN data_end de`
		);
		const first = `SELECT st.account_id, 1 AS life, st.s AS ls, x.ce AS le\nFROM starts st LEFT JOIN stretches x ON x.account_id = st.account_id AND x.sn = 1`;
		add(
			'lives',
			o.reactivation === 'none'
				? first
				: `${first}\nUNION ALL\nSELECT account_id, sn AS life, ss AS ls, ce AS le FROM stretches WHERE sn > 1`
		);
	} else {
		const cs = ctx.get(o.source)!;
		const endCap = recipe.dataEnd
			? ` AND r.cd <= ${dayNum(d, `CAST(${d.str(recipe.dataEnd)} AS DATE)`)}`
			: '';
		add(
			'churn_days',
			`SELECT DISTINCT r.account_id, r.cd AS c\nFROM r${cs.index} r JOIN starts st ON st.account_id = r.account_id\nWHERE r.cd IS NOT NULL AND (st.s IS NULL OR r.cd >= st.s)${endCap}`
		);
		add(
			'churn_prev',
			`SELECT account_id, c, LAG(c) OVER (PARTITION BY account_id ORDER BY c) AS p FROM churn_days`
		);
		// A churn ends a life when it is the first, or when the account was active after the previous churn.
		add(
			'life_ends',
			o.reactivation === 'none'
				? `SELECT account_id, c FROM churn_prev WHERE p IS NULL`
				: `SELECT cp.account_id, cp.c\nFROM churn_prev cp\nLEFT JOIN (\n\tSELECT cp2.account_id, cp2.c, COUNT(*) AS n\n\tFROM churn_prev cp2 JOIN activity a ON a.account_id = cp2.account_id AND a.d > cp2.p AND a.d <= cp2.c\n\tGROUP BY cp2.account_id, cp2.c\n) act ON act.account_id = cp.account_id AND act.c = cp.c\nWHERE cp.p IS NULL OR act.n > 0`
		);
		add(
			'ends',
			`SELECT account_id, c, ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY c) AS n FROM life_ends`
		);
		const first = `SELECT st.account_id, 1 AS life, st.s AS ls, e.c AS le\nFROM starts st LEFT JOIN ends e ON e.account_id = st.account_id AND e.n = 1`;
		if (o.reactivation === 'none') add('lives', first);
		else {
			add(
				'returns',
				`SELECT e.account_id, e.n, MIN(a.d) AS r\nFROM ends e JOIN activity a ON a.account_id = e.account_id AND a.d > e.c\nGROUP BY e.account_id, e.n`
			);
			add(
				'lives',
				`${first}\nUNION ALL\nSELECT rt.account_id, rt.n + 1 AS life, rt.r AS ls, nx.c AS le\nFROM returns rt LEFT JOIN ends nx ON nx.account_id = rt.account_id AND nx.n = rt.n + 1`
			);
		}
	}
	add(
		'w',
		`SELECT l.account_id, l.life, l.le, g.as_of_date, g.t\nFROM lives l JOIN grid g ON (l.ls IS NULL OR l.ls <= g.t) AND (l.le IS NULL OR g.t < l.le)`
	);
	// Features.
	const outCols: { id: string; text: boolean }[] = [];
	recipe.features.forEach((f, k) => {
		const c = ctx.get(f.source)!;
		const text = featureIsText(f, c);
		outCols.push({ id: f.id, text });
		for (const [name, body] of featureSql(d, f, c, k)) add(name, body);
	});
	const life = `CASE WHEN w.life = 1 THEN w.account_id ELSE w.account_id || ' #' || CAST(w.life AS ${d.textType}) END`;
	const fsel = [`${life} AS ${q('account_id')}`, `w.as_of_date AS ${q('as_of_date')}`];
	const joins: string[] = [];
	outCols.forEach((c, k) => {
		fsel.push(`f${k}.v AS ${q(c.id)}`);
		joins.push(`LEFT JOIN f${k} ON f${k}.account_id = w.account_id AND f${k}.t = w.t`);
	});
	if (o.kind !== 'none') {
		fsel.push(`${dbl(d, 'w.le')} AS ${q('churn_date')}`);
		fsel.push(`CASE WHEN w.le IS NULL THEN ${num(d, 0)} ELSE ${num(d, 1)} END AS ${q('churned')}`);
	}
	const derived = opts.derived ?? [];
	const base = derived.length ? 'base_features' : 'features';
	add(base, `SELECT ${fsel.join(',\n\t')}\nFROM w\n${joins.join('\n')}`);
	const columnTypes: Record<string, SqlColumnType> = {};
	for (const c of outCols) columnTypes[c.id] = c.text ? 'text' : 'number';
	if (o.kind !== 'none') columnTypes.churn_date = columnTypes.churned = 'number';
	if (!derived.length) return { ctes, columnTypes };
	// Date columns: the as-of and churn dates, and features passing a date column through.
	const dates = new Set(DATE_COLUMNS);
	for (const f of recipe.features)
		if (
			(f.kind === 'snapshot' || f.kind === 'account') &&
			ctx.get(f.source)!.types[f.column] === 'date'
		)
			dates.add(f.id);
	const more = derivedStages(d, derived, base, 'features', columnTypes, (e) => dayNum(d, e), dates);
	return { ctes: [...ctes, ...more.ctes], columnTypes: more.columnTypes };
}

/**
 * The pipeline SQL for a (validated) recipe and model: one statement ending with `;`, returning
 * `account_id` (a later life as `<id> #n`), `as_of_date`, one column per feature, `churn_date`
 * (day number) and `churned` (with an outcome), `score`, `shown`, `tier`, `coverage`, then one
 * `dim_<id>` per dimension.
 * Throws on a recipe the SQL cannot express (named in the message).
 */
export function toPipelineSql(recipe: Recipe, model: Model, opts: PipelineSqlOptions): string {
	const d = dialectFor(opts.dialect);
	const q = d.ident;
	const { ctes, columnTypes } = featureStages(recipe, opts);
	// Score.
	const score = scoreStages(model, {
		dialect: opts.dialect,
		table: 'features',
		fromCte: 'features',
		idColumn: 'account_id',
		groupColumn: 'as_of_date',
		columnTypes,
		generatedAt: opts.generatedAt
	});
	const scoreCtes = score.ctes.map((c) => c);
	const all = [...ctes, ...scoreCtes, `scored AS ${d.cteKeyword}(\n${score.select}\n)`];
	const final = [
		'f.*',
		...PIPELINE_SCORE_COLUMNS.map((c) => `s.${q(c)}`),
		...model.dimensions.map((dim) => `s.${q(`dim_${dim.id}`)}`)
	];
	const header = [
		`-- Health Score Workbench pipeline: raw sources → features → score and tier. Dialect: ${d.name}.`,
		`-- Sources: ${recipe.sources.map((s) => `${s.name} (${s.grain}) = ${opts.tables[s.name]}`).join('; ')}.`.replace(
			/[\r\n]+/g,
			' '
		),
		`-- As-of dates: edit the as_of CTE (or replace it by a date spine) to backfill.`,
		score.header
	].join('\n');
	return `${header}\nWITH\n${all.join(',\n')}\nSELECT ${final.join(', ')}\nFROM features f JOIN scored s ON s.${q('account_id')} = f.${q('account_id')} AND s.${q('as_of_date')} = f.${q('as_of_date')};\n`;
}

function featureIsText(f: FeatureSpec, c: SourceCtx): boolean {
	if (f.kind === 'event') return f.agg === 'last' && !!f.column && isText(c, f.column);
	if (f.kind === 'period')
		return f.measure === 'value' && f.combine !== 'sum' && !!f.column && isText(c, f.column);
	return isText(c, f.column);
}

/** The CTEs of one feature: the last is `f<k>(account_id, t, v)`. */
function featureSql(d: Dialect, f: FeatureSpec, c: SourceCtx, k: number): [string, string][] {
	const r = `r${c.index}`;
	const name = `f${k}`;
	if (f.kind === 'account') {
		const col = c.cols.get(f.column)!;
		const agg = isText(c, f.column)
			? textMax(d, `e.${col}`).replace('MAX', 'MIN')
			: `MIN(e.${col})`;
		return [
			[
				name,
				`SELECT w.account_id, w.t, ${agg} AS v\nFROM w JOIN ${r} e ON e.account_id = w.account_id\nGROUP BY w.account_id, w.t`
			]
		];
	}
	if (f.kind === 'snapshot')
		return eventSql(d, { ...f, kind: 'event', agg: 'last', days: null, filter: null }, c, k);
	if (f.kind === 'event') return eventSql(d, f, c, k);
	return periodSql(d, f, c, k);
}

function eventSql(d: Dialect, f: EventFeature, c: SourceCtx, k: number): [string, string][] {
	const r = `r${c.index}`;
	const name = `f${k}`;
	const conds = [`e.account_id = w.account_id`, `e.d <= w.t`];
	if (f.days !== null) conds.push(`e.d > w.t - ${f.days}`);
	if (f.filter)
		conds.push(
			filterSql(d, `e.${c.cols.get(f.filter.column)!}`, f.filter.values, isText(c, f.filter.column))
		);
	const on = conds.join(' AND ');
	const col = f.column ? `e.${c.cols.get(f.column)!}` : '';
	const group = `FROM w LEFT JOIN ${r} e ON ${on}\nGROUP BY w.account_id, w.t`;
	const one = (v: string): [string, string][] => [
		[name, `SELECT w.account_id, w.t, ${v} AS v\n${group}`]
	];
	switch (f.agg) {
		case 'count':
			return one(dbl(d, 'COUNT(e.d)'));
		case 'sum':
			return one(`COALESCE(SUM(${col}), ${num(d, 0)})`);
		case 'mean':
			return one(`CASE WHEN COUNT(${col}) > 0 THEN SUM(${col}) / ${dbl(d, `COUNT(${col})`)} END`);
		case 'min':
			return one(`MIN(${col})`);
		case 'max':
			return one(`MAX(${col})`);
		case 'distinct':
			return one(dbl(d, `COUNT(DISTINCT ${col})`));
		case 'days-since-last':
			return one(dbl(d, 'w.t - MAX(e.d)'));
		case 'days-since-first':
			return one(dbl(d, 'w.t - MIN(e.d)'));
		case 'last': {
			const text = isText(c, f.column!);
			return [
				[
					`${name}d`,
					`SELECT w.account_id, w.t, MAX(e.d) AS ld\nFROM w JOIN ${r} e ON ${on} AND ${col} IS NOT NULL\nGROUP BY w.account_id, w.t`
				],
				[
					name,
					`SELECT l.account_id, l.t, ${text ? textMax(d, col) : `MAX(${col})`} AS v\nFROM ${name}d l JOIN ${r} e ON e.account_id = l.account_id AND e.d = l.ld AND ${col} IS NOT NULL${f.filter ? ` AND ${filterSql(d, `e.${c.cols.get(f.filter.column)!}`, f.filter.values, isText(c, f.filter.column))}` : ''}\nGROUP BY l.account_id, l.t`
				]
			];
		}
	}
}

function periodSql(d: Dialect, f: PeriodFeature, c: SourceCtx, k: number): [string, string][] {
	const r = `r${c.index}`;
	const name = `f${k}`;
	const started = `FROM w LEFT JOIN ${r} e ON e.account_id = w.account_id AND e.d <= w.t\nGROUP BY w.account_id, w.t`;
	const cov = `(e.en IS NULL OR e.en > w.t)`;
	const col = f.column ? `e.${c.cols.get(f.column)!}` : '';
	const one = (v: string): [string, string][] => [
		[name, `SELECT w.account_id, w.t, ${v} AS v\n${started}`]
	];
	switch (f.measure) {
		case 'active':
			return one(
				`CASE WHEN MAX(CASE WHEN e.d IS NOT NULL AND ${cov} THEN 1 ELSE 0 END) = 1 THEN ${num(d, 1)} ELSE ${num(d, 0)} END`
			);
		case 'tenure':
			return one(dbl(d, 'w.t - MIN(e.d)'));
		case 'days-to-renewal':
			return one(dbl(d, `MIN(CASE WHEN e.en > w.t THEN e.en - w.t END)`));
		case 'value': {
			if (f.combine === 'sum')
				return one(`COALESCE(SUM(CASE WHEN ${cov} THEN ${col} END), ${num(d, 0)})`);
			const text = isText(c, f.column!);
			return [
				[
					`${name}d`,
					`SELECT w.account_id, w.t, MAX(e.d) AS ld\nFROM w JOIN ${r} e ON e.account_id = w.account_id AND e.d <= w.t AND ${cov} AND ${col} IS NOT NULL\nGROUP BY w.account_id, w.t`
				],
				[
					name,
					`SELECT l.account_id, l.t, ${text ? textMax(d, col) : `MAX(${col})`} AS v\nFROM ${name}d l JOIN ${r} e ON e.account_id = l.account_id AND e.d = l.ld AND (e.en IS NULL OR e.en > l.t) AND ${col} IS NOT NULL\nGROUP BY l.account_id, l.t`
				]
			];
		}
		case 'changes': {
			const cmp = f.direction === 'down' ? '<' : '>';
			const v = col.replace('e.', '');
			// NULLs last, spelled without `NULLS LAST` (not in every dialect's grammar; the default differs).
			const order = `d, CASE WHEN ${v} IS NULL THEN 1 ELSE 0 END, ${v}`;
			const win = f.days != null ? ` AND e.d > w.t - ${f.days}` : '';
			return [
				[
					`${name}c`,
					`SELECT account_id, d, CASE WHEN ${v} ${cmp} LAG(${v}) OVER (PARTITION BY account_id ORDER BY ${order}) THEN 1 ELSE 0 END AS ch\nFROM ${r}`
				],
				[
					name,
					`SELECT w.account_id, w.t, ${dbl(d, 'COALESCE(SUM(e.ch), 0)')} AS v\nFROM w LEFT JOIN ${name}c e ON e.account_id = w.account_id AND e.d <= w.t${win}\nGROUP BY w.account_id, w.t`
				]
			];
		}
	}
}

/**
 * Warehouse column types the recipe implies when the raw sources are not at hand: a column read
 * by a feature whose built column is text (`textFeatures`) is text; a filter column is text when
 * some filter value is not a number; everything else is a number (dates are read as dates anyway).
 */
export function impliedColumnTypes(
	recipe: Recipe,
	textFeatures: ReadonlySet<string>
): Record<string, Record<string, PipelineColumnType>> {
	const out: Record<string, Record<string, PipelineColumnType>> = {};
	const set = (source: string, column: string, type: PipelineColumnType) => {
		(out[source] ??= {})[column] = type;
	};
	for (const f of recipe.features) {
		const column = f.kind === 'event' || f.kind === 'period' ? f.column : f.column;
		if (column && textFeatures.has(f.id)) set(f.source, column, 'text');
		if (
			f.kind === 'event' &&
			f.filter &&
			f.filter.values.some((v) => !Number.isFinite(Number(v)) || v.trim() === '')
		)
			set(f.source, f.filter.column, 'text');
		if (f.kind === 'event' && f.agg === 'distinct' && f.column && !out[f.source]?.[f.column])
			set(f.source, f.column, 'text');
	}
	for (const s of recipe.sources) if (s.link) set(s.link.via, s.link.column, 'text');
	return out;
}
