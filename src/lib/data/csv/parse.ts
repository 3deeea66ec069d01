/**
 * Streaming CSV parse on the current thread (it runs inside our module worker; never PapaParse's
 * `worker:true`). Bytes are read in chunks, decoded with one streaming `TextDecoder`, and split
 * into records: a hand splitter for chunks without a quote character, PapaParse's `Parser` for
 * chunks with quotes. Cells stay raw strings, collected column-wise; typing happens after
 * mapping (`build.ts`). Problems are returned as data, never thrown.
 */
import Papa from 'papaparse';
import {
	createChunkDecoder,
	detectEncoding,
	encodingCandidates,
	binaryKind,
	sniffBinary,
	type EncodingCandidate,
	type EncodingName
} from './encoding';
import { measureSince } from '../measure';
import { detectDialect, type Delimiter, type Dialect } from './dialect';
import { cleanHeaders, type HeaderNote } from './headers';
import { columnText, scanPlain, type CellIndex } from './fast';
import {
	cellTooLong,
	DEFAULT_LIMITS,
	lineTooLong,
	tooManyColumns,
	type ShapeLimits
} from './limits';

export { DEFAULT_LIMITS, type ShapeLimits } from './limits';

/** Default hard caps (configurable per call). */
export const DEFAULT_MAX_BYTES = 500_000_000;
export const DEFAULT_MAX_ROWS = 10_000_000;
/** Bytes read and decoded per step. */
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
/** Ragged rows listed individually; more are counted only. */
export const MAX_LISTED_ISSUES = 1000;

export interface ParseOptions {
	/** The user's encoding choice (from the picker); detected when absent. */
	encoding?: EncodingName;
	/** The user's delimiter choice; detected when absent. */
	delimiter?: Delimiter;
	/** Hard cap on file size in bytes (default 500 MB). */
	maxBytes?: number;
	/** Hard cap on data rows (default 10,000,000: a 5M-row event export must import, issue 9). */
	maxRows?: number;
	/** Bytes per read/decode step (default 4 MiB). */
	chunkBytes?: number;
	signal?: AbortSignal;
	onProgress?: (progress: ParseProgress) => void;
	/** Try the byte fast path for plain files (default true; false forces the general reader). */
	fastPath?: boolean;
	/** Receives the whole file's bytes when they were read in one piece (e.g. to hash them). */
	onBytes?: (bytes: Uint8Array) => void;
	/** Shape limits (columns, row, cell and header length); defaults in `DEFAULT_LIMITS`. */
	limits?: Partial<ShapeLimits>;
}

export interface ParseProgress {
	/** Data rows read so far. */
	rows: number;
	/** Bytes (or characters, for string input) consumed so far. */
	bytes: number;
	totalBytes: number;
	elapsedMs: number;
}

import type { ParseIssue, ParseIssueCode, ProblemParams } from './issues';
export type { ParseIssue, ParseIssueCode, ProblemParams };

/** Raw cells, column-wise, plus the Excel row number of each data row. */
export interface RawTable {
	/** Safe unique column names (see `headers.ts`). */
	headers: string[];
	/** Header cells exactly as in the file. */
	originalHeaders: string[];
	headerNotes: HeaderNote[];
	/** `columns[c][i]` = raw cell of column c, data row i. Ragged rows are not included. */
	columns: string[][];
	/** Excel row number of data row i (header row = 1). */
	rowNumbers: Uint32Array;
	rows: number;
	/**
	 * Plain files read by the fast path: where each cell is in the bytes. `columns` is then
	 * made (and cached) on first access only; typing reads the bytes directly.
	 */
	cells?: CellIndex;
}

export type ParseResult =
	| {
			status: 'ok';
			table: RawTable;
			encoding: EncodingName;
			dialect: Dialect;
			/** Non-blocking issues: ragged rows (listed up to `MAX_LISTED_ISSUES`). */
			issues: ParseIssue[];
			/** Ragged rows left out of `table` (user decides: skip them or cancel). */
			raggedRows: number;
			bytes: number;
			elapsedMs: number;
	  }
	| {
			status: 'blocked';
			issues: ParseIssue[];
			encoding: EncodingName | null;
			dialect: Dialect | null;
			bytes: number;
			elapsedMs: number;
	  }
	| {
			/** Bytes are not valid UTF-8: the user must pick an encoding, then parse again. */
			status: 'needs-encoding';
			candidates: EncodingCandidate[];
			guess: EncodingName;
			/** Byte offset of the first invalid byte. */
			invalidAt: number;
			bytes: number;
			elapsedMs: number;
	  }
	| { status: 'aborted'; bytes: number; elapsedMs: number };

/** What `parseCsv` reads. Strings are already text (no encoding step). */
export type CsvSource = Blob | string | ArrayBuffer | Uint8Array;

const SAMPLE_BYTES = 64 * 1024;
/** Files up to this size (bytes) may take the fast path (read whole, indexed in place). */
export const FAST_MAX_BYTES = 256 * 1024 * 1024;

function bytesOf(source: ArrayBuffer | Uint8Array): Uint8Array {
	return source instanceof Uint8Array ? source : new Uint8Array(source);
}

/** Grows a Uint32Array by doubling. */
class RowNumbers {
	buf = new Uint32Array(1024);
	n = 0;
	push(v: number): void {
		if (this.n === this.buf.length) {
			const next = new Uint32Array(this.buf.length * 2);
			next.set(this.buf);
			this.buf = next;
		}
		this.buf[this.n++] = v;
	}
	done(): Uint32Array {
		return this.buf.slice(0, this.n);
	}
}

/** True when `text` holds at least `n` line feeds / carriage returns. */
function hasLines(text: string, n: number): boolean {
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c === 10 || c === 13) && ++count >= n) return true;
	}
	return false;
}

/** A raw table over a cell index; `columns` materialises (once) when first read. */
function plainTable(
	cells: CellIndex,
	headers: string[],
	originalHeaders: string[],
	headerNotes: HeaderNote[],
	rowNumbers: Uint32Array,
	rows: number
): RawTable {
	let columns: string[][] | null = null;
	const table: RawTable = {
		headers,
		originalHeaders,
		headerNotes,
		get columns() {
			columns ??= headers.map((_, c) => columnText(cells, c, rows));
			return columns;
		},
		rowNumbers,
		rows
	};
	// Not enumerable: the table compares and serialises like one from the general reader.
	Object.defineProperty(table, 'cells', { value: cells, enumerable: false });
	return table;
}

/** Thrown inside the record loop to stop early; caught in `parseCsv`. */
class Stop extends Error {}

/**
 * Whether `text` (starting at a record boundary, so outside quotes) ends a record with a line
 * ending other than `newline`. Line breaks inside quoted cells are data and do not count; a
 * `\r` as the very last character may be half of a `\r\n` cut by the chunk edge.
 */
function mixesLineEndings(text: string, newline: '\n' | '\r\n' | '\r', last: boolean): boolean {
	// Quick native checks first: most files never hold another kind at all.
	let other: RegExp;
	if (newline === '\n') other = last ? /\r/ : /\r(?!$)/;
	else if (newline === '\r') other = /\n/;
	else other = last ? /\r(?!\n)|(?<!\r)\n/ : /\r(?!\n)(?!$)|(?<!\r)\n/;
	if (!other.test(text)) return false;
	if (text.indexOf('"') === -1) return true;
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) inQuotes = !inQuotes;
		else if (inQuotes) continue;
		else if (c === 13) {
			if (i === text.length - 1 && !last) return false;
			const crlf = text.charCodeAt(i + 1) === 10;
			if (newline !== (crlf ? '\r\n' : '\r')) return true;
			if (crlf) i++;
		} else if (c === 10 && newline !== '\n') return true;
	}
	return false;
}

/** Every record-ending CR or CRLF of `text` (outside quotes) → LF; quoted cells stay as written. */
function unifyLineEndings(text: string): string {
	if (text.indexOf('"') === -1) return text.replace(/\r\n?/g, '\n');
	const parts: string[] = [];
	let from = 0;
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) inQuotes = !inQuotes;
		else if (c === 13 && !inQuotes) {
			parts.push(text.slice(from, i), '\n');
			if (text.charCodeAt(i + 1) === 10) i++;
			from = i + 1;
		}
	}
	parts.push(text.slice(from));
	return parts.join('');
}

/**
 * Parses a CSV into raw string columns. Steps: size cap → encoding (BOM, strict UTF-8, or the
 * user's choice) → dialect (user, `sep=`, detected) → streamed records → header cleaning.
 * Blank and whitespace-only lines are skipped (`skipEmptyLines:'greedy'`), but still counted
 * in row numbers. Never throws for bad input.
 */
export async function parseCsv(
	source: CsvSource,
	options: ParseOptions = {}
): Promise<ParseResult> {
	const t0 = performance.now();
	const elapsed = () => performance.now() - t0;
	// Each read, decode and split step is a `csv:<stage>` entry on the User Timing timeline.
	const lap = (stage: string, since: number): number => measureSince(`csv:${stage}`, since);
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
	const chunkBytes = Math.max(16, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
	const limits: ShapeLimits = { ...DEFAULT_LIMITS, ...options.limits };
	const isText = typeof source === 'string';
	const totalBytes = isText
		? source.length
		: source instanceof Blob
			? source.size
			: source.byteLength;

	if (totalBytes > maxBytes) {
		const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
		return {
			status: 'blocked',
			issues: [
				{
					row: null,
					column: null,
					code: 'FileTooLarge',
					message: `The file is ${mb(totalBytes)}; the limit is ${mb(maxBytes)}.`,
					params: { size: Math.round(totalBytes / 1e6), max: Math.round(maxBytes / 1e6) },
					blocking: true
				}
			],
			encoding: null,
			dialect: null,
			bytes: 0,
			elapsedMs: elapsed()
		};
	}

	// --- byte reader -------------------------------------------------------------------------
	let byteSource = source;
	const readBytes = async (start: number, end: number): Promise<Uint8Array> => {
		if (byteSource instanceof Blob)
			return new Uint8Array(await byteSource.slice(start, end).arrayBuffer());
		return bytesOf(byteSource as ArrayBuffer | Uint8Array).subarray(start, end);
	};

	// --- encoding ----------------------------------------------------------------------------
	let encoding: EncodingName = 'utf-8';
	let sample: Uint8Array = new Uint8Array(0);
	let bomLength = 0;
	if (!isText) {
		sample = await readBytes(0, Math.min(totalBytes, SAMPLE_BYTES));
		const binary = sniffBinary(sample);
		const kind = binary ? binaryKind(sample) : null;
		if (binary)
			return {
				status: 'blocked',
				issues: [
					{
						row: null,
						column: null,
						code: 'BinaryFile',
						message: `This is not a text (CSV) file: it looks like ${binary}. Export the data as CSV and import that file.`,
						params: { kind: kind?.kind ?? 'nul', at: kind?.at ?? 0 },
						blocking: true
					}
				],
				encoding: null,
				dialect: null,
				bytes: 0,
				elapsedMs: elapsed()
			};
		const detected = detectEncoding(sample, options.encoding);
		if (!detected.ok)
			return {
				status: 'needs-encoding',
				candidates: detected.candidates,
				guess: detected.guess,
				invalidAt: detected.invalidAt,
				bytes: 0,
				elapsedMs: elapsed()
			};
		encoding = detected.encoding;
		bomLength = detected.bomLength;
	}
	const decode = createChunkDecoder(encoding);

	// --- fast path: plain ASCII files without quotes -------------------------------------------
	if (
		!isText &&
		options.fastPath !== false &&
		encoding === 'utf-8' &&
		totalBytes > bomLength &&
		totalBytes <= FAST_MAX_BYTES &&
		chunkBytes >= SAMPLE_BYTES + 16
	) {
		let tt = performance.now();
		const all =
			source instanceof Blob
				? new Uint8Array(await source.arrayBuffer())
				: bytesOf(source as ArrayBuffer | Uint8Array);
		tt = lap('read', tt);
		options.onBytes?.(all);
		if (options.signal?.aborted) return { status: 'aborted', bytes: 0, elapsedMs: elapsed() };
		const body = all.subarray(bomLength);
		if (body.indexOf(34) === -1) {
			const text = new TextDecoder().decode(body);
			tt = lap('decode', tt);
			const dialect = detectDialect(text, options.delimiter);
			const scan = scanPlain(
				body,
				text,
				dialect.sepLineLength,
				dialect,
				maxRows,
				MAX_LISTED_ISSUES,
				limits
			);
			lap('split', tt);
			if (scan) {
				options.onProgress?.({
					rows: scan.rows,
					bytes: totalBytes,
					totalBytes,
					elapsedMs: elapsed()
				});
				if (scan.blocked)
					return {
						status: 'blocked',
						issues: scan.issues.filter((i) => i.blocking),
						encoding,
						dialect,
						bytes: totalBytes,
						elapsedMs: elapsed()
					};
				const { names, notes } = cleanHeaders(scan.headers);
				return {
					status: 'ok',
					table: plainTable(scan.index, names, scan.headers, notes, scan.rowNumbers, scan.rows),
					encoding,
					dialect,
					issues: scan.issues,
					raggedRows: scan.raggedRows,
					bytes: totalBytes,
					elapsedMs: elapsed()
				};
			}
		}
		// Not plain: the general reader below, from the bytes already in memory.
		byteSource = all;
	}

	// --- record sink -------------------------------------------------------------------------
	let dialect: Dialect | null = null;
	let excelRow = 0; // Excel row number of the last record seen
	let ncols = -1;
	let originalHeaders: string[] = [];
	let columns: string[][] = [];
	const rowNumbers = new RowNumbers();
	const issues: ParseIssue[] = [];
	let ragged = 0;
	let blocked = false;
	let consumed = 0;

	const blankRecord = (fields: readonly string[]): boolean => {
		for (const f of fields) if (f.trim() !== '') return false;
		return true;
	};
	const block = (issue: ParseIssue): never => {
		issues.push(issue);
		blocked = true;
		throw new Stop();
	};
	const addRow = (fields: readonly string[], row: number): void => {
		for (let c = 0; c < fields.length; c++) {
			const len = fields[c]!.length;
			if (len > (ncols < 0 ? limits.maxHeaderChars : limits.maxCellChars))
				block(cellTooLong(row, c, len, ncols < 0 ? limits.maxHeaderChars : limits.maxCellChars));
		}
		if (ncols < 0) {
			if (fields.length > limits.maxColumns)
				block(tooManyColumns(fields.length, limits.maxColumns));
			originalHeaders = fields.slice();
			ncols = fields.length;
			columns = Array.from({ length: ncols }, () => [] as string[]);
			return;
		}
		if (fields.length !== ncols) {
			ragged++;
			if (ragged <= MAX_LISTED_ISSUES) {
				const few = fields.length < ncols;
				issues.push({
					row,
					column: null,
					code: few ? 'TooFewFields' : 'TooManyFields',
					message: `Row ${row} has ${fields.length} field${fields.length === 1 ? '' : 's'}; the header has ${ncols}.`,
					params: { row, n: fields.length, ncols },
					blocking: false
				});
			}
			return;
		}
		if (rowNumbers.n >= maxRows) {
			issues.push({
				row,
				column: null,
				code: 'TooManyRows',
				message: `The file has more than ${maxRows.toLocaleString('en-US')} rows, the limit.`,
				params: { max: maxRows },
				blocking: true
			});
			blocked = true;
			throw new Stop();
		}
		for (let c = 0; c < ncols; c++) columns[c]!.push(fields[c]!);
		rowNumbers.push(row);
	};

	// Splitter for text without quote characters: native `split` by line, then by delimiter
	// (measured faster than an indexOf scan in V8). The last, possibly partial line is carried.
	const splitPlain = (text: string, last: boolean): string => {
		const d = dialect!.delimiter;
		const lines = text.split(dialect!.newline);
		const carry = last ? '' : lines.pop()!;
		const n = lines.length;
		for (let k = 0; k < n; k++) {
			const line = lines[k]!;
			if (last && k === n - 1 && line === '') break; // text ended with a newline
			excelRow++;
			if (line.length > limits.maxLineChars) block(lineTooLong(excelRow, limits.maxLineChars));
			const fields = line.split(d);
			if ((fields.length === 1 || fields[0]!.trim() === '') && blankRecord(fields)) continue;
			addRow(fields, excelRow);
		}
		if (carry.length > limits.maxLineChars) block(lineTooLong(excelRow + 1, limits.maxLineChars));
		return carry;
	};

	let papa: Papa.Parser | null = null;
	let deferred = false;
	const splitQuoted = (text: string, last: boolean): string => {
		papa ??= new Papa.Parser({
			delimiter: dialect!.delimiter,
			newline: dialect!.newline,
			quoteChar: '"'
		});
		const res = papa.parse(text, 0, !last) as {
			data: string[][];
			errors: { code: string; row: number }[];
			meta: { cursor: number };
		};
		if (!last && res.errors.length > 0) {
			// Papa reports a quote followed by a cut-off `\r\n` or spaces at the chunk edge as
			// InvalidQuotes. Defer: keep the text and parse the rest in one go at the end.
			deferred = true;
			return text;
		}
		const firstRow = excelRow + 1;
		for (const e of res.errors) {
			if (e.code !== 'MissingQuotes' && e.code !== 'InvalidQuotes') continue;
			const row = firstRow + e.row;
			issues.push({
				row,
				column: null,
				code: e.code,
				message:
					e.code === 'MissingQuotes'
						? `Row ${row}: a quoted cell is never closed (unbalanced quote), so the rest of the file cannot be read reliably.`
						: `Row ${row}: a quoted cell has text after its closing quote (malformed quotes).`,
				params: { row },
				blocking: true
			});
			blocked = true;
		}
		if (blocked) throw new Stop();
		for (const rec of res.data) {
			excelRow++;
			if (!blankRecord(rec)) addRow(rec, excelRow);
		}
		if (last) return '';
		const rest = text.slice(res.meta.cursor);
		if (rest.length > limits.maxLineChars) block(lineTooLong(excelRow + 1, limits.maxLineChars));
		return rest;
	};

	// Mixed line endings (CR, LF and CRLF in one file): once seen, every line end becomes LF,
	// so each record is read as the record it is (one stray kind used to swallow the file).
	let mixed = false;
	const feed = (text: string, last: boolean, carry: string): string => {
		let all = carry + text;
		if (dialect === null) {
			if (!last && all.length < 65_536 && !hasLines(all, 60)) {
				if (all.length > limits.maxLineChars) block(lineTooLong(1, limits.maxLineChars));
				return all; // wait for a sample
			}
			dialect = detectDialect(all, options.delimiter);
			return feed(all.slice(dialect.sepLineLength), last, '');
		}
		if (!mixed && mixesLineEndings(all, dialect.newline, last)) {
			mixed = true;
			dialect = { ...dialect, newline: '\n' };
			papa = null;
		}
		let hold = '';
		if (mixed) {
			if (!last && all.endsWith('\r')) {
				hold = '\r'; // maybe half of a CRLF cut by the chunk edge
				all = all.slice(0, -1);
			}
			all = unifyLineEndings(all);
		}
		if (deferred && !last) return all + hold;
		return (all.indexOf('"') === -1 ? splitPlain(all, last) : splitQuoted(all, last)) + hold;
	};

	// --- main loop ---------------------------------------------------------------------------
	let carry = '';
	let lastYield = performance.now();
	try {
		if (isText) {
			const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
			for (let pos = 0; pos < text.length || pos === 0; pos += chunkBytes) {
				if (options.signal?.aborted)
					return { status: 'aborted', bytes: consumed, elapsedMs: elapsed() };
				const end = Math.min(text.length, pos + chunkBytes);
				carry = feed(text.slice(pos, end), end >= text.length, carry);
				consumed = end;
				options.onProgress?.({
					rows: rowNumbers.n,
					bytes: consumed,
					totalBytes,
					elapsedMs: elapsed()
				});
				if (end >= text.length) break;
				if (performance.now() - lastYield > 30) {
					await new Promise((r) => setTimeout(r, 0)); // let a cancel message in
					lastYield = performance.now();
				}
			}
		} else {
			for (let pos = bomLength; pos < totalBytes || pos === bomLength; pos += chunkBytes) {
				if (options.signal?.aborted)
					return { status: 'aborted', bytes: consumed, elapsedMs: elapsed() };
				const end = Math.min(totalBytes, pos + chunkBytes);
				let tt = performance.now();
				const bytes =
					pos === bomLength && end <= sample.length
						? sample.subarray(pos, end)
						: await readBytes(pos, end);
				tt = lap('read', tt);
				if (options.signal?.aborted)
					return { status: 'aborted', bytes: consumed, elapsedMs: elapsed() };
				const last = end >= totalBytes;
				let text: string;
				try {
					text = decode(bytes, last);
				} catch {
					// Valid UTF-8 at the start but not later on: the user must choose an encoding.
					const candidates = encodingCandidates(sample);
					return {
						status: 'needs-encoding',
						candidates,
						guess: candidates[0]!.encoding,
						invalidAt: pos,
						bytes: consumed,
						elapsedMs: elapsed()
					};
				}
				if (pos === bomLength && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
				tt = lap('decode', tt);
				carry = feed(text, last, carry);
				lap('split', tt);
				consumed = end;
				options.onProgress?.({
					rows: rowNumbers.n,
					bytes: consumed,
					totalBytes,
					elapsedMs: elapsed()
				});
				if (last) break;
			}
		}
	} catch (e) {
		if (!(e instanceof Stop)) throw e;
	}

	if (!blocked && ncols < 0)
		issues.push({
			row: null,
			column: null,
			code: 'Empty',
			message: 'The file has no header row (it is empty).',
			params: {},
			blocking: true
		});
	if (blocked || ncols < 0)
		return {
			status: 'blocked',
			issues: issues.filter((i) => i.blocking),
			encoding,
			dialect,
			bytes: consumed,
			elapsedMs: elapsed()
		};

	const { names, notes } = cleanHeaders(originalHeaders);
	return {
		status: 'ok',
		table: {
			headers: names,
			originalHeaders,
			headerNotes: notes,
			columns,
			rowNumbers: rowNumbers.done(),
			rows: rowNumbers.n
		},
		encoding,
		dialect: dialect!,
		issues,
		raggedRows: ragged,
		bytes: consumed,
		elapsedMs: elapsed()
	};
}
