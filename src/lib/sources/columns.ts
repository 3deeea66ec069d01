/**
 * Reading a source's columns: key values as text, dates as integer days, a row filter.
 * Pure and allocation-light: category columns are handled through their dictionaries.
 */
import type { Column } from '$lib/model/types';
import type { RowFilter, SourceTable } from './types';

/** A column of a source: a table column, or the dataset's id column as text. */
export type SourceColumn = Column | { kind: 'ids'; values: readonly string[] };

/** The column `name` of a source, or null. */
export function sourceColumn(src: SourceTable, name: string): SourceColumn | null {
	if (src.ids && src.idColumn === name) return { kind: 'ids', values: src.ids };
	return src.table.columns.get(name) ?? null;
}

/** Column names of a source (the id column first). */
export function sourceColumnNames(src: SourceTable): string[] {
	const out = src.ids && src.idColumn ? [src.idColumn] : [];
	for (const name of src.table.columns.keys()) if (name !== src.idColumn) out.push(name);
	return out;
}

/** The text of a number cell as the recipe compares it: `String(x)`, blank when missing. */
export function numberText(x: number): string {
	return Number.isFinite(x) ? String(x) : '';
}

/**
 * Map each row's key (as text; blank = no key) to an index through `lookup` (−1 when the key
 * is blank or `lookup` returns −1). Category columns look up each dictionary entry once.
 */
export function mapKeys(col: SourceColumn, n: number, lookup: (key: string) => number): Int32Array {
	const out = new Int32Array(n);
	if (col.kind === 'category') {
		const byCode = new Int32Array(col.dictionary.length);
		for (let c = 0; c < col.dictionary.length; c++) {
			const k = col.dictionary[c]!;
			byCode[c] = k.trim() === '' ? -1 : lookup(k);
		}
		for (let i = 0; i < n; i++) {
			const c = col.codes[i]!;
			out[i] = c < 0 ? -1 : byCode[c]!;
		}
	} else if (col.kind === 'ids') {
		for (let i = 0; i < n; i++) {
			const k = col.values[i] ?? '';
			out[i] = k.trim() === '' ? -1 : lookup(k);
		}
	} else {
		for (let i = 0; i < n; i++) {
			const x = col.values[i]!;
			out[i] = Number.isFinite(x) ? lookup(String(x)) : -1;
		}
	}
	return out;
}

/** The key text of row `i` (blank when missing). */
export function keyText(col: SourceColumn, i: number): string {
	if (col.kind === 'category') {
		const c = col.codes[i]!;
		return c < 0 ? '' : col.dictionary[c]!;
	}
	if (col.kind === 'ids') return col.values[i] ?? '';
	return numberText(col.values[i]!);
}

/** Integer days of a date column (fractional days floored; NaN when missing or not a date column). */
export function dayValues(col: SourceColumn | null, n: number): Float64Array {
	const out = new Float64Array(n).fill(NaN);
	if (!col || col.kind !== 'number') return out;
	for (let i = 0; i < n; i++) out[i] = Math.floor(col.values[i]!);
	return out;
}

/** 1 for rows that pass the filter (all rows without one). */
export function filterMask(
	src: SourceTable,
	n: number,
	filter: RowFilter | null | undefined
): Uint8Array {
	const out = new Uint8Array(n);
	if (!filter) return out.fill(1);
	const col = sourceColumn(src, filter.column);
	if (!col) return out;
	const want = new Set(filter.values);
	if (col.kind === 'category') {
		const ok = col.dictionary.map((s) => want.has(s));
		for (let i = 0; i < n; i++) {
			const c = col.codes[i]!;
			out[i] = c >= 0 && ok[c] ? 1 : 0;
		}
	} else if (col.kind === 'ids') {
		for (let i = 0; i < n; i++) out[i] = want.has(col.values[i] ?? '') ? 1 : 0;
	} else {
		for (let i = 0; i < n; i++) {
			const x = col.values[i]!;
			out[i] = Number.isFinite(x) && want.has(String(x)) ? 1 : 0;
		}
	}
	return out;
}

/**
 * A value column read as numbers (`values`, NaN missing) or as text codes (`codes` into
 * `dictionary`, −1 missing): the ids column is dictionary-coded on the fly.
 */
export type ValueColumn =
	| { kind: 'number'; values: Float64Array }
	| { kind: 'category'; codes: Int32Array; dictionary: string[] };

export function valueColumn(col: SourceColumn): ValueColumn {
	if (col.kind !== 'ids') return col;
	const dict = new Map<string, number>();
	const codes = new Int32Array(col.values.length);
	for (let i = 0; i < col.values.length; i++) {
		const s = col.values[i] ?? '';
		if (s === '') {
			codes[i] = -1;
			continue;
		}
		let c = dict.get(s);
		if (c === undefined) {
			c = dict.size;
			dict.set(s, c);
		}
		codes[i] = c;
	}
	return { kind: 'category', codes, dictionary: [...dict.keys()] };
}
