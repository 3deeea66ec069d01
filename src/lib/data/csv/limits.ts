/** Shape limits of an imported CSV and the blocking issues that name them. */
import type { ParseIssue } from './issues';

/**
 * Shape limits, chosen so real exports pass: Excel stops at 16,384 columns and Google Sheets at
 * 18,278, and Excel's cells hold at most 32,767 characters. Beyond them a file is refused at
 * once with a message, instead of freezing the page over a 50 MB "column name".
 */
export interface ShapeLimits {
	/** Columns in the header row (default 20,000). */
	maxColumns: number;
	/** Characters in one row, i.e. one line or one record (default 8 Mi). */
	maxLineChars: number;
	/** Characters in one cell (default 1 Mi). */
	maxCellChars: number;
	/** Characters in one header name (default 4,096). */
	maxHeaderChars: number;
}
export const DEFAULT_LIMITS: ShapeLimits = {
	maxColumns: 20_000,
	maxLineChars: 8 * 1024 * 1024,
	maxCellChars: 1024 * 1024,
	maxHeaderChars: 4096
};

const fmt = (n: number) => n.toLocaleString('en-US');

/** Blocking issue for a header row with too many columns. */
export function tooManyColumns(n: number, max: number): ParseIssue {
	return {
		row: 1,
		column: null,
		code: 'TooManyColumns',
		message: `The header row has ${fmt(n)} columns; the limit is ${fmt(max)} (more than a spreadsheet can hold). Check the delimiter, or remove unused columns.`,
		params: { n, max },
		blocking: true
	};
}

/** Blocking issue for a row (line or quoted record) longer than the limit. */
export function lineTooLong(row: number, max: number): ParseIssue {
	return {
		row,
		column: null,
		code: 'LineTooLong',
		message: `Row ${row} is longer than ${fmt(max)} characters, the limit for one row. This is not a table this app can read (a missing line break or an unclosed quote?).`,
		params: { row, max },
		blocking: true
	};
}

/** Blocking issue for one cell longer than the limit (or a header name longer than its limit). */
export function cellTooLong(row: number, column: number, length: number, max: number): ParseIssue {
	const header = row === 1;
	return {
		row,
		column: `column ${column + 1}`,
		code: header ? 'HeaderTooLong' : 'CellTooLong',
		message: header
			? `The header of column ${column + 1} is ${fmt(length)} characters long; a column name can have at most ${fmt(max)}. Is the first row really a header row?`
			: `Row ${row}, column ${column + 1}: the cell is ${fmt(length)} characters long; the limit is ${fmt(max)}.`,
		params: { row, col: column + 1, length, max },
		blocking: true
	};
}
