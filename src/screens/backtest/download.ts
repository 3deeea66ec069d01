/** Downloads from the Backtest screen: table CSVs (formula-safe) and the report JSON. */
import type { CsvRows } from '$lib/backtest/csv';
import { csvBlob, type CsvCell } from '$lib/data/export/csv';

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Builder rows (strings) → header and cells, numeric text back to numbers (never escaped). */
export function csvCells(rows: CsvRows): { header: string[]; cells: CsvCell[][] } {
	const [header = [], ...body] = rows;
	return {
		header,
		cells: body.map((r) => r.map((c) => (c === '' ? null : NUMBER.test(c) ? Number(c) : c)))
	};
}

/** Save a blob through an `<a download>` with a blob: URL. */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveCsv(rows: CsvRows, fileName: string): void {
	const { header, cells } = csvCells(rows);
	saveBlob(csvBlob(header, cells), fileName);
}
