/** Test helpers for the CSV layer (imported by *.test.ts only). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	parseCsv,
	type CsvSource,
	type ParseOptions,
	type ParseResult,
	type RawTable
} from '../parse';
import { buildTable, type ColumnMapping } from '../build';
import type { Dataset, DatasetMeta } from '../../dataset';

/** Committed fixture bytes from tests/e2e/fixtures/csv/. */
export function fixture(name: string): Uint8Array<ArrayBuffer> {
	return new Uint8Array(
		readFileSync(
			fileURLToPath(new URL(`../../../../../tests/e2e/fixtures/csv/${name}`, import.meta.url))
		)
	);
}

/** All records (header first) of an ok parse, rebuilt row-wise for comparison. */
export function records(r: ParseResult): string[][] {
	if (r.status !== 'ok') throw new Error(`parse not ok: ${JSON.stringify(r)}`);
	const { originalHeaders, columns, rows } = r.table;
	const out = [originalHeaders];
	for (let i = 0; i < rows; i++) out.push(columns.map((c) => c[i]!));
	return out;
}

/** Parses and returns the result; asserts the same outcome with tiny chunks (streaming edges). */
export async function parseBoth(
	source: CsvSource,
	options: ParseOptions = {}
): Promise<ParseResult> {
	const whole = await parseCsv(source, options);
	for (const chunkBytes of [1, 3, 7]) {
		const small = await parseCsv(source, { ...options, chunkBytes });
		const strip = (x: ParseResult) => JSON.stringify({ ...x, elapsedMs: 0, bytes: 0 }, replacer);
		if (strip(small) !== strip(whole))
			throw new Error(`chunkBytes ${chunkBytes} differs:\n${strip(small)}\nvs\n${strip(whole)}`);
	}
	return whole;
}

function replacer(_k: string, v: unknown): unknown {
	return v instanceof Uint32Array ? Array.from(v) : v;
}

/** A parsed table from headers and rows of cells (data rows numbered from 2, as in Excel). */
export function raw(headers: string[], rows: string[][]): RawTable {
	return {
		headers,
		originalHeaders: headers,
		headerNotes: [],
		columns: headers.map((_, c) => rows.map((r) => r[c]!)),
		rowNumbers: new Uint32Array(rows.map((_, i) => i + 2)),
		rows: rows.length
	};
}

/** A stored dataset as the import makes it (ignored columns held as text). */
export function stored(
	headers: string[],
	rows: string[][],
	mapping: ColumnMapping[],
	grain: 'account' | 'snapshot' = 'account'
): Dataset {
	const b = buildTable(raw(headers, rows), mapping, { grain, rowNumberIds: true });
	if (!b.ok) throw new Error(b.issues.map((i) => i.message).join('; '));
	const meta: DatasetMeta = {
		id: 'ds-old',
		name: 'Churn',
		fileName: 'churn.csv',
		fileHash: 'abc',
		createdAt: 1,
		rows: b.table.n,
		columns: b.columns,
		dateRange: b.dateRange,
		bytes: 10,
		grain
	};
	return { meta, ids: b.ids, table: b.table };
}
