/** Download a report table built as text rows (the CsvButton's file): formula-safe CSV. */
import { csvBlob, type CsvCell } from '$lib/data/export/csv';
import { saveBlob } from '$lib/data/export/download';

type CsvRows = readonly (readonly string[])[];

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Builder rows (strings) → header and cells, numeric text back to numbers (never escaped). */
export function csvCells(rows: CsvRows): { header: string[]; cells: CsvCell[][] } {
	const [header = [], ...body] = rows;
	return {
		header: [...header],
		cells: body.map((r) => r.map((c) => (c === '' ? null : NUMBER.test(c) ? Number(c) : c)))
	};
}

/** Save a table of text rows as a formula-safe CSV. */
export function saveCsv(rows: CsvRows, fileName: string): void {
	const { header, cells } = csvCells(rows);
	saveBlob(csvBlob(header, cells), fileName);
}
