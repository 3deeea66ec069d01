/**
 * Test support for the SQL export (imported only by `*.test.ts`): a tiny CSV reader, the
 * engine's ColumnTable built from the same cells, loaders for PGlite and DuckDB, and the
 * comparison of warehouse rows with the engine's `scoreTable`.
 */
import type { ColumnTable, Column, Model, ScoreResult } from '$lib/model/types';

/** A cell table: header plus rows of raw strings (`null` = SQL NULL). */
export interface Cells {
	header: string[];
	rows: (string | null)[][];
}

/** How a column is held by the engine and stored in the test database. */
export interface ColumnSpec {
	/** Engine column kind: `number` (Float64Array, NaN for blank / non-numeric) or `text`. */
	engine: 'number' | 'text';
	/** Database column type: a double column or a text column. */
	sql: 'double' | 'text';
}

/** Split a CSV with no quoted fields (the telco file) into cells. */
export function parseSimpleCsv(text: string): Cells {
	const lines = text.split(/\r?\n/).filter((l) => l !== '');
	const [head, ...body] = lines;
	return { header: (head ?? '').split(','), rows: body.map((l) => l.split(',')) };
}

/** Number as the engine's import reads a cell: trimmed, blank → NaN, else Number(). */
function cellNumber(s: string | null): number {
	if (s === null || s.trim() === '') return NaN;
	return Number(s.trim());
}

/** The engine's ColumnTable for the given columns of a cell table. */
export function toColumnTable(cells: Cells, specs: Record<string, ColumnSpec>): ColumnTable {
	const columns = new Map<string, Column>();
	for (const [name, spec] of Object.entries(specs)) {
		const j = cells.header.indexOf(name);
		if (j < 0) throw new Error(`no column ${name}`);
		if (spec.engine === 'number') {
			const values = Float64Array.from(cells.rows, (r) => cellNumber(r[j] ?? null));
			columns.set(name, { kind: 'number', values });
		} else {
			const dictionary: string[] = [];
			const index = new Map<string, number>();
			const codes = Int32Array.from(cells.rows, (r) => {
				const s = r[j] ?? null;
				if (s === null || s === '') return -1;
				let c = index.get(s);
				if (c === undefined) index.set(s, (c = dictionary.push(s) - 1));
				return c;
			});
			columns.set(name, { kind: 'category', codes, dictionary });
		}
	}
	return { n: cells.rows.length, columns };
}

/** A CSV field: text quoted (blank = unquoted empty = NULL), numbers trimmed. */
function csvField(s: string | null, sql: ColumnSpec['sql']): string {
	if (s === null || s === '') return '';
	if (sql === 'double') return s.trim();
	return `"${s.split('"').join('""')}"`;
}

/**
 * The columns a case needs (id first, as text) as a CREATE TABLE statement and a CSV for
 * `COPY … FROM` (header row; an unquoted empty field is NULL in both engines' CSV readers;
 * 'NaN' and 'Infinity' cells load as those doubles).
 */
export function tableLoad(
	cells: Cells,
	table: string,
	idColumn: string,
	specs: Record<string, ColumnSpec>,
	doubleType: string
): { ddl: string; csv: string } {
	const cols = [idColumn, ...Object.keys(specs).filter((c) => c !== idColumn)];
	const idx = cols.map((c) => cells.header.indexOf(c));
	const types = cols.map((c) => (c === idColumn ? 'text' : (specs[c]?.sql ?? 'text')));
	const ddl = cols.map((c, k) => `"${c}" ${types[k] === 'double' ? doubleType : 'VARCHAR'}`);
	const lines = [cols.map((c) => `"${c}"`).join(',')];
	for (const r of cells.rows)
		lines.push(idx.map((j, k) => csvField(r[j] ?? null, types[k]!)).join(','));
	return { ddl: `CREATE TABLE "${table}" (${ddl.join(', ')})`, csv: lines.join('\n') + '\n' };
}

/** One output row of the exported SELECT. */
export interface SqlRow {
	account_id: string;
	score: number | null;
	shown: number | null;
	tier: string | null;
	coverage: number;
	[dim: string]: string | number | null;
}

/** A mismatch between the warehouse and the engine, for a readable failure. */
export interface Mismatch {
	id: string;
	field: string;
	sql: unknown;
	engine: unknown;
}

/**
 * Allowed |Δ| between warehouse and engine numbers. The brief allows 1e-9; the SQL mirrors the
 * engine's operations in the same order, so the two agree to the bit and any drift (e.g. the
 * engine changing a summation order) shows up here before it can flip a shown score or tier.
 */
export const SCORE_TOLERANCE = 0;

/**
 * Compare every account's score (|Δ| ≤ tol), shown, tier (exact), coverage and dimension scores
 * with the engine's result. Tier names come from the tiers in force for the row.
 */
export function compareWithEngine(
	rows: SqlRow[],
	ids: string[],
	result: ScoreResult,
	tierNames: (row: number) => string[],
	model: Model,
	tol = SCORE_TOLERANCE
): Mismatch[] {
	const byId = new Map(rows.map((r) => [String(r.account_id), r]));
	const bad: Mismatch[] = [];
	const close = (a: number | null, b: number) =>
		Number.isNaN(b) ? a === null : a !== null && Math.abs(a - b) <= tol;
	ids.forEach((id, i) => {
		const r = byId.get(id);
		if (!r) return void bad.push({ id, field: 'row', sql: undefined, engine: i });
		const check = (field: string, sql: number | null, engine: number) => {
			if (!close(sql, engine)) bad.push({ id, field, sql, engine });
		};
		check('score', toNum(r.score), result.score[i]!);
		check('shown', toNum(r.shown), result.shown[i]!);
		check('coverage', toNum(r.coverage), result.coverage[i]!);
		model.dimensions.forEach((dim, k) =>
			check(`dim_${dim.id}`, toNum(r[`dim_${dim.id}`] ?? null), result.dimensions[k]![i]!)
		);
		const t = result.tier[i]!;
		const tier = t < 0 ? null : (tierNames(i)[t] ?? null);
		if (r.tier !== tier) bad.push({ id, field: 'tier', sql: r.tier, engine: tier });
	});
	if (rows.length !== ids.length)
		bad.push({ id: '*', field: 'count', sql: rows.length, engine: ids.length });
	return bad;
}

function toNum(v: unknown): number | null {
	if (v === null || v === undefined) return null;
	return typeof v === 'number' ? v : Number(v);
}
