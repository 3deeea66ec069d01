/**
 * Fast path of the CSV reader for plain files: ASCII bytes, no quote character, a one-byte
 * delimiter, `\n` or `\r\n` line ends. One pass over the bytes records where every cell starts
 * (`CellIndex`); no per-cell strings are made. Cells are read later straight from the bytes
 * (numbers, ISO dates, 0/1 flags) or sliced from the decoded text. Any quote or non-ASCII byte
 * makes the scan give up (`null`), and the caller falls back to the general reader, which gives
 * the same result for every input (tested).
 */
import type { Dialect } from './dialect';
import type { ParseIssue } from './issues';
import { cellTooLong, lineTooLong, tooManyColumns, type ShapeLimits } from './limits';

/** Where the cells of a plain file are: offsets into `bytes` (and equally into `text`). */
export interface CellIndex {
	/** The file's bytes after the BOM (ASCII only). */
	bytes: Uint8Array;
	/** The same bytes as a string (ASCII: byte offset = character offset). */
	text: string;
	/** Columns per row. */
	ncols: number;
	/**
	 * `ncols + 1` offsets per kept row: cell c of row i is `[starts[i*(ncols+1)+c],
	 * starts[i*(ncols+1)+c+1] - 1)`; the last offset is one past the line's content end + 1.
	 */
	starts: Uint32Array;
}

/** Cell `c` of row `i` as a string. */
export function cellText(ix: CellIndex, c: number, i: number): string {
	const b = i * (ix.ncols + 1) + c;
	return ix.text.slice(ix.starts[b]!, ix.starts[b + 1]! - 1);
}

/** One column of the index as strings. */
export function columnText(ix: CellIndex, c: number, rows: number): string[] {
	const out = new Array<string>(rows);
	const stride = ix.ncols + 1;
	const { starts, text } = ix;
	for (let i = 0, b = c; i < rows; i++, b += stride)
		out[i] = text.slice(starts[b]!, starts[b + 1]! - 1);
	return out;
}

/** Whether bytes `[s, e)` are empty or only ASCII whitespace (a missing cell). */
export function blankBytes(bytes: Uint8Array, s: number, e: number): boolean {
	for (let p = s; p < e; p++) {
		const b = bytes[p]!;
		if (b !== 32 && (b < 9 || b > 13)) return false;
	}
	return true;
}

export interface FastScan {
	index: CellIndex;
	headers: string[];
	rowNumbers: Uint32Array;
	rows: number;
	issues: ParseIssue[];
	raggedRows: number;
	/** Set when the row cap stopped the scan (the `TooManyRows` issue is in `issues`). */
	blocked: boolean;
}

/**
 * Scans `bytes` (BOM already removed; `skip` = length of a `sep=` line) into a cell index.
 * Returns null when the file is not plain (a `"` or a byte ≥ 0x80, a `\r`-only dialect, line
 * endings of more than one kind), so the caller reads it the general way. Ragged and blank rows
 * are handled as the general reader does; so are the shape limits (`limits`).
 */
export function scanPlain(
	bytes: Uint8Array,
	text: string,
	skip: number,
	dialect: Dialect,
	maxRows: number,
	maxListed: number,
	limits?: ShapeLimits
): FastScan | null {
	if (dialect.newline === '\r') return null;
	const crlf = dialect.newline === '\r\n';
	const d = dialect.delimiter.charCodeAt(0);
	const end = bytes.length;
	let ncols = -1;
	let headers: string[] = [];
	let cap = 1024;
	let fs = new Uint32Array(cap); // field starts of the current line
	let starts = new Uint32Array(0);
	let rowNums = new Uint32Array(0);
	let rows = 0;
	let excelRow = 0;
	let ragged = 0;
	const issues: ParseIssue[] = [];
	const blockWith = (issue: ParseIssue): FastScan => ({
		index: { bytes, text, ncols: Math.max(0, ncols), starts: new Uint32Array(0) },
		headers,
		rowNumbers: new Uint32Array(0),
		rows: 0,
		issues: [issue],
		raggedRows: 0,
		blocked: true
	});
	let p = skip;
	while (p < end) {
		const ls = p;
		let nf = 0;
		fs[0] = p;
		let blank = true;
		let ce = end; // content end of the line
		let next = end; // start of the next line
		for (; p < end; p++) {
			const b = bytes[p]!;
			if (b === d) {
				if (++nf === cap) {
					const grown = new Uint32Array(cap * 2);
					grown.set(fs);
					fs = grown;
					cap *= 2;
				}
				fs[nf] = p + 1;
			} else if (b === 10) {
				if (!crlf) {
					ce = p;
					next = p + 1;
					break;
				}
				if (p > ls && bytes[p - 1] === 13) {
					ce = p - 1;
					next = p + 1;
					break;
				}
				return null; // a bare LF in a CRLF file: mixed line endings
			} else if (b > 32) {
				if (b >= 128 || b === 34) return null;
				blank = false;
			} else if (b === 13) {
				// A CR that does not end a CRLF (or any CR in an LF file): mixed line endings.
				if (!crlf || p + 1 >= end || bytes[p + 1] !== 10) return null;
			} else if (b < 9 || (b > 13 && b < 32)) blank = false;
		}
		if (p >= end) {
			// No line end: the rest is the last line. A trailing newline leaves no empty line.
			if (ls === end) break;
			ce = end;
			next = end;
		}
		p = next;
		excelRow++;
		if (limits && ce - ls > limits.maxCellChars) {
			if (ce - ls > limits.maxLineChars)
				return blockWith(lineTooLong(excelRow, limits.maxLineChars));
			const cap = ncols < 0 ? limits.maxHeaderChars : limits.maxCellChars;
			for (let c = 0; c <= nf; c++) {
				const len = (c < nf ? fs[c + 1]! - 1 : ce) - fs[c]!;
				if (len > cap) return blockWith(cellTooLong(excelRow, c, len, cap));
			}
		}
		if (blank) continue; // only whitespace and delimiters: skipped, but counted

		const nfields = nf + 1;
		if (ncols < 0) {
			if (limits && nfields > limits.maxColumns)
				return blockWith(tooManyColumns(nfields, limits.maxColumns));
			if (limits && ce - ls > limits.maxHeaderChars)
				for (let c = 0; c < nfields; c++) {
					const len = (c < nf ? fs[c + 1]! - 1 : ce) - fs[c]!;
					if (len > limits.maxHeaderChars)
						return blockWith(cellTooLong(excelRow, c, len, limits.maxHeaderChars));
				}
			ncols = nfields;
			headers = new Array<string>(ncols);
			for (let c = 0; c < ncols; c++)
				headers[c] = text.slice(fs[c]!, c + 1 < ncols ? fs[c + 1]! - 1 : ce);
			const guess = Math.max(
				16,
				Math.min(maxRows, Math.ceil((end / Math.max(1, ce - ls + 1)) * 1.1))
			);
			starts = new Uint32Array(guess * (ncols + 1));
			rowNums = new Uint32Array(guess);
			continue;
		}
		if (nfields !== ncols) {
			ragged++;
			if (ragged <= maxListed) {
				const few = nfields < ncols;
				issues.push({
					row: excelRow,
					column: null,
					code: few ? 'TooFewFields' : 'TooManyFields',
					message: `Row ${excelRow} has ${nfields} field${nfields === 1 ? '' : 's'}; the header has ${ncols}.`,
					params: { row: excelRow, n: nfields, ncols },
					blocking: false
				});
			}
			continue;
		}
		if (rows >= maxRows) {
			issues.push({
				row: excelRow,
				column: null,
				code: 'TooManyRows',
				message: `The file has more than ${maxRows.toLocaleString('en-US')} rows, the limit.`,
				params: { max: maxRows },
				blocking: true
			});
			return {
				index: { bytes, text, ncols, starts },
				headers,
				rowNumbers: rowNums.slice(0, rows),
				rows,
				issues,
				raggedRows: ragged,
				blocked: true
			};
		}
		const stride = ncols + 1;
		if (rows === rowNums.length) {
			const more = rows * 2;
			const s2 = new Uint32Array(more * stride);
			s2.set(starts);
			starts = s2;
			const r2 = new Uint32Array(more);
			r2.set(rowNums);
			rowNums = r2;
		}
		const base = rows * stride;
		for (let c = 0; c < ncols; c++) starts[base + c] = fs[c]!;
		starts[base + ncols] = ce + 1;
		rowNums[rows++] = excelRow;
	}
	if (ncols < 0) return null; // empty or blank-only: the general reader words the issue
	return {
		index: { bytes, text, ncols, starts: starts.subarray(0, rows * (ncols + 1)) },
		headers,
		rowNumbers: rowNums.slice(0, rows),
		rows,
		issues,
		raggedRows: ragged,
		blocked: false
	};
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A plain decimal (`-12`, `3.25`, `.5`, at most 15 digits, no exponent) read straight from
 * bytes `[s, e)`: exactly `Number(text)` (an integer below 2^53 divided by an exact power of
 * ten rounds once, correctly). `NaN` means "not plain: read the string the general way".
 */
export function plainDecimal(bytes: Uint8Array, s: number, e: number): number {
	let p = s;
	const neg = p < e && bytes[p] === 45;
	if (neg) p++;
	let m = 0;
	let digits = 0;
	let frac = 0;
	let dot = false;
	for (; p < e; p++) {
		const b = bytes[p]!;
		if (b >= 48 && b <= 57) {
			m = m * 10 + (b - 48);
			digits++;
			if (dot) frac++;
		} else if (b === 46 && !dot) dot = true;
		else return NaN;
	}
	if (digits === 0 || digits > 15 || bytes[e - 1] === 46) return NaN;
	const x = frac === 0 ? m : m / POW10[frac]!;
	return neg ? -x : x;
}

/** Value of `n` ASCII digits at `p`, or −1. */
function digitsAt(bytes: Uint8Array, p: number, n: number): number {
	let v = 0;
	for (let k = 0; k < n; k++) {
		const c = bytes[p + k]! - 48;
		if (c < 0 || c > 9) return -1;
		v = v * 10 + c;
	}
	return v;
}

/**
 * `YYYY-MM-DD` at bytes `[s, e)` → [year, month, day] packed as `y * 10000 + m * 100 + d`, or −1
 * when the cell is not exactly that shape (the caller then reads the string the general way).
 */
export function isoDateParts(bytes: Uint8Array, s: number, e: number): number {
	if (e - s !== 10 || bytes[s + 4] !== 45 || bytes[s + 7] !== 45) return -1;
	const y = digitsAt(bytes, s, 4);
	const m = digitsAt(bytes, s + 5, 2);
	const d = digitsAt(bytes, s + 8, 2);
	if (y < 0 || m < 0 || d < 0) return -1;
	return y * 10000 + m * 100 + d;
}
