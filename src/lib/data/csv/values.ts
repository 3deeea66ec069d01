/**
 * Coercion of raw cell strings into numbers, booleans and dates, per column and after mapping.
 * Blank or whitespace-only cells are MISSING (never errors). Each function returns `NaN` for
 * missing and `null` for "cannot read", so callers can report `{row, column, code, message}`.
 */

/** Decimal separator of a number column. */
export type DecimalSeparator = '.' | ',';
/** Order of day, month and year in slash/dash dates (`ymd` covers ISO and `2024/1/2`). */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/** Cell-level problem codes. */
export type ValueIssueCode = 'not-a-number' | 'not-a-boolean' | 'not-a-date' | 'impossible-date';

/** Whether a raw cell is missing: empty or only whitespace (incl. NBSP and other Unicode spaces). */
export function isMissing(raw: string): boolean {
	if (raw.length === 0) return true;
	const c = raw.charCodeAt(0);
	if (c > 32 && c < 127) return false; // printable ASCII first: the common case, no allocation
	return raw.trim().length === 0;
}

/**
 * Fast path for plain numbers (`12`, `-3.5`, `1e3`, `.5`): `+raw` when the string starts with a
 * digit, `-` or `.`, ends with a digit, and is not `0x…`/`0b…`/`0o…`; `NaN` means "use the slow
 * path" (not "missing"). With a decimal comma, any `.` sends it to the slow path.
 */
export function plainNumber(raw: string, decimal: DecimalSeparator = '.'): number {
	const n = raw.length;
	if (n === 0 || n > 24) return NaN;
	const c0 = raw.charCodeAt(0);
	const cl = raw.charCodeAt(n - 1);
	if (!((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 46) || cl < 48 || cl > 57) return NaN;
	if (c0 === 48 && n > 2) {
		const c1 = raw.charCodeAt(1) | 32;
		if (c1 === 120 || c1 === 98 || c1 === 111) return NaN;
	}
	if (decimal === ',' && raw.indexOf('.') !== -1) return NaN;
	const x = +raw;
	// `1e309` is Infinity: not a plain number (the slow path reports it as unreadable).
	return x - x === 0 ? x : NaN;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Plain ASCII numbers: the fast path (no grouping, `.` decimal, optional exponent). */
const PLAIN_DOT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PLAIN_INT = /^[+-]?\d+$/;
/** Spaces used as thousands separators: space, NBSP, narrow NBSP (fr), thin space. */
const SPACE_GROUP = /[ \u00a0\u202f\u2009]/g;
const APOS_GROUP = /['\u2019]/g;
const CURRENCY_PREFIX = /^(?:[$€£¥₩₹]|US\$|[A-Z]{3}\s?)/;
const CURRENCY_SUFFIX = /(?:[$€£¥₩₹]|円|元|\s?[A-Z]{3})$/;

/** Integer part with optional consistent 3-digit groups, then an optional decimal part. */
const BODY_DOT = /^(\d{1,3}(?:([, '])\d{3})?(?:\2\d{3})*|\d+)?(?:\.(\d*))?$/;
const BODY_COMMA = /^(\d{1,3}(?:([. '])\d{3})?(?:\2\d{3})*|\d+)?(?:,(\d*))?$/;

/** What was stripped from a number cell, for the "unit" note beside a column. */
export interface NumberParse {
	value: number;
	percent: boolean;
	currency: boolean;
}

/**
 * Reads a number cell. Accepts `1234.5`, `1,234.5`, `1.234,5` (with `decimal = ','`), `45%`
 * (→ 45; `percent` set), `$1,200`, `¥1,234`, `1,234円`, `(1,234)` → −1234, `1 234,5` with
 * U+202F/U+00A0/space groups, `1'234.5` and `1’234.5`, U+2212 minus, full-width digits (NFKC),
 * `▲1,234`/`△1,234` → negative, exponents. Thousands groups must have 3 digits (`1,23` is an
 * error with `decimal='.'`). Returns `NaN` value for a blank cell, or null when unreadable
 * (including numbers too large for a double, such as `1e309`, which would become Infinity).
 */
export function parseNumberDetailed(
	raw: string,
	decimal: DecimalSeparator = '.'
): NumberParse | null {
	if (decimal === '.' ? PLAIN_DOT.test(raw) : PLAIN_INT.test(raw)) {
		const x = Number(raw);
		// `1e309`, `-1e309` (and 400 digits) overflow to ±Infinity: unreadable, never stored.
		return Number.isFinite(x) ? { value: x, percent: false, currency: false } : null;
	}
	let s = raw.trim();
	if (s === '') return { value: NaN, percent: false, currency: false };
	// eslint-disable-next-line no-control-regex
	if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFKC').replace(/\u2212/g, '-');
	let negative = false;
	let percent = false;
	let currency = false;
	if (s.startsWith('(') && s.endsWith(')')) {
		negative = true;
		s = s.slice(1, -1).trim();
	}
	if (s.startsWith('▲') || s.startsWith('△')) {
		negative = !negative;
		s = s.slice(1).trim();
	}
	if (s.startsWith('-') || s.startsWith('+')) {
		if (s[0] === '-') negative = !negative;
		s = s.slice(1).trim();
	}
	if (s.endsWith('%')) {
		percent = true;
		s = s.slice(0, -1).trim();
	}
	const pre = CURRENCY_PREFIX.exec(s);
	if (pre) {
		currency = true;
		s = s.slice(pre[0].length).trim();
	}
	const suf = CURRENCY_SUFFIX.exec(s);
	if (suf) {
		currency = true;
		s = s.slice(0, -suf[0].length).trim();
	}
	// A sign may also follow the currency symbol: `$-5`, `¥-1,234`.
	if (s.startsWith('-') && !negative) {
		negative = true;
		s = s.slice(1);
	}
	if (s.endsWith('%') && !percent) {
		percent = true;
		s = s.slice(0, -1).trim();
	}
	const body = normaliseBody(s, decimal);
	if (body === null) return null;
	const v = Number(body);
	if (!Number.isFinite(v)) return null;
	return { value: negative ? -v : v, percent, currency };
}

/** Number cell → value (`NaN` = missing, null = unreadable). See `parseNumberDetailed`. */
export function parseNumber(raw: string, decimal: DecimalSeparator = '.'): number | null {
	const x = plainNumber(raw, decimal);
	if (x === x) return x;
	const r = parseNumberDetailed(raw, decimal);
	return r === null ? null : r.value;
}

/** Digits with optional thousands groups and one decimal separator → a `Number()`-able string. */
function normaliseBody(s: string, decimal: DecimalSeparator): string | null {
	if (s === '') return null;
	let t = s.replace(SPACE_GROUP, ' ').replace(APOS_GROUP, "'");
	let exponent = '';
	const e = /[eE][+-]?\d+$/.exec(t);
	if (e && decimal === '.') {
		exponent = e[0];
		t = t.slice(0, -exponent.length);
	}
	const m = (decimal === '.' ? BODY_DOT : BODY_COMMA).exec(t);
	if (!m || (m[1] === undefined && !m[3])) return null;
	const intPart = (m[1] ?? '0').replace(/[^\d]/g, '');
	return `${intPart}${m[3] ? `.${m[3]}` : ''}${exponent}`;
}

/** What `detectDecimal` found for a column. */
export interface DecimalDetection {
	decimal: DecimalSeparator;
	/** True when the cells do not settle it (only values like `1,234`, or conflicting evidence). */
	ambiguous: boolean;
	/** Cells that show `.` as decimal / `,` as decimal / could be either. */
	dotVotes: number;
	commaVotes: number;
	ambiguousCells: number;
}

/**
 * Guesses the decimal separator from a column's cells. A cell with both `.` and `,` votes for the
 * last one; a lone separator followed by other than 3 digits is the decimal; repeated separators
 * are groups; one separator followed by exactly 3 digits (`1,234`, `1.234`) is ambiguous. With
 * no votes, `fallback` wins (`','` for a `;`-delimited file) and `ambiguous` is set if any cell
 * was ambiguous.
 */
export function detectDecimal(
	cells: readonly string[],
	fallback: DecimalSeparator = '.',
	limit = 5000
): DecimalDetection {
	let dot = 0;
	let comma = 0;
	let amb = 0;
	let seen = 0;
	for (const raw of cells) {
		if (seen >= limit) break;
		if (isMissing(raw)) continue;
		seen++;
		const s = raw.replace(/[^\d.,]/g, '');
		const lastDot = s.lastIndexOf('.');
		const lastComma = s.lastIndexOf(',');
		if (lastDot === -1 && lastComma === -1) continue;
		if (lastDot !== -1 && lastComma !== -1) {
			if (lastDot > lastComma) dot++;
			else comma++;
			continue;
		}
		const sep = lastDot !== -1 ? '.' : ',';
		const first = s.indexOf(sep);
		const last = sep === '.' ? lastDot : lastComma;
		if (first !== last) {
			// repeated: groups
			if (sep === '.') comma++;
			else dot++;
			continue;
		}
		const after = s.length - last - 1;
		if (after === 3 && last > 0) amb++;
		else if (sep === '.') dot++;
		else comma++;
	}
	let decimal: DecimalSeparator = fallback;
	if (dot > comma) decimal = '.';
	else if (comma > dot) decimal = ',';
	const ambiguous = (dot > 0 && comma > 0) || (dot === 0 && comma === 0 && amb > 0);
	return { decimal, ambiguous, dotVotes: dot, commaVotes: comma, ambiguousCells: amb };
}

// ---------------------------------------------------------------------------------------------
// Booleans

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0']);

/**
 * Reads a boolean cell: Yes/No, Y/N, True/False, 1/0 (any case, trimmed) → 1 / 0. `T`/`F` are
 * not booleans (too often a code, e.g. gender).
 * Returns `NaN` for a blank cell, null when unreadable.
 */
export function parseBoolean(raw: string): number | null {
	const s = raw.trim().toLowerCase();
	if (s === '') return NaN;
	if (TRUE_WORDS.has(s)) return 1;
	if (FALSE_WORDS.has(s)) return 0;
	return null;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Days from 1970-01-01 for a proleptic Gregorian date (Hinnant's `days_from_civil`). */
export function daysFromCivil(y: number, m: number, d: number): number {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const mp = (m + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
	if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Excel serials accepted as dates: 1954-10-03 (20000) to 2119-01-06 (80000). */
export const EXCEL_SERIAL_MIN = 20000;
export const EXCEL_SERIAL_MAX = 80000;
/** Epoch day of Excel's day 0 in the 1900 system (1899-12-30, absorbing the 1900 leap bug). */
const EXCEL_EPOCH = daysFromCivil(1899, 12, 30);

/** Excel 1900-system serial (fraction = time of day) → epoch days. */
export function excelSerialToEpochDay(serial: number): number {
	return Math.floor(serial) + EXCEL_EPOCH;
}

const MONTHS: Record<string, number> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	may: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	sept: 9,
	oct: 10,
	nov: 11,
	dec: 12
};

/** Time tail allowed after a date: `T12:30`, ` 12:30:05.123`, `Z`, `+09:00`. It is ignored. */
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?[AaPp][Mm])?)?\s?(?:Z|[+-]\d{2}:?\d{2})?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const YMD_SLASH = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);
const YMD_JA = new RegExp(String.raw`^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日${TIME}$`);
const PART3 = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const D_MON_Y = new RegExp(String.raw`^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-](\d{4})${TIME}$`);
const MON_D_Y = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s(\d{1,2}),?\s(\d{4})${TIME}$`);

/** Decimal value of `s[from, to)` when all are ASCII digits, else −1. */
function digits(s: string, from: number, to: number): number {
	let v = 0;
	for (let i = from; i < to; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		v = v * 10 + c;
	}
	return v;
}

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(y: string): number {
	const n = Number(y);
	return y.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function month(name: string): number | undefined {
	return MONTHS[name.toLowerCase()] ?? MONTHS[name.slice(0, 3).toLowerCase()];
}

/** Date parse outcome: epoch days, `NaN` for blank, or a failure code. */
export type DateParse = number | 'not-a-date' | 'impossible-date';

/**
 * Reads a date cell into epoch days (UTC calendar date as written; a time or zone suffix is
 * accepted and ignored, so `2024-01-02T23:30-05:00` is day 2024-01-02). Formats: ISO
 * `2024-01-02`, `2024/1/2`, `2024.1.2`, `2024年1月2日`, `01/02/2024` in `order` (`mdy` or `dmy`;
 * `ymd` reads only year-first forms), `2 Jan 2024`, `Jan 2, 2024`, and Excel serials
 * (20000–80000) when `allowSerial`. Impossible dates (`2024-02-30`) → `'impossible-date'`.
 */
export function parseDate(raw: string, order: DateOrder = 'ymd', allowSerial = false): DateParse {
	// Fast path: exactly `YYYY-MM-DD`.
	if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
		const y = digits(raw, 0, 4);
		const m = digits(raw, 5, 7);
		const d = digits(raw, 8, 10);
		if (y >= 0 && m >= 0 && d >= 0) {
			if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'impossible-date';
			return daysFromCivil(y, m, d);
		}
	}
	let s = raw.trim();
	if (s === '') return NaN;
	// eslint-disable-next-line no-control-regex
	if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFKC');
	let y: number;
	let m: number;
	let d: number;
	let r: RegExpExecArray | null;
	if ((r = ISO.exec(s) ?? YMD_SLASH.exec(s) ?? YMD_JA.exec(s))) {
		y = Number(r[1]);
		m = Number(r[2]);
		d = Number(r[3]);
	} else if ((r = PART3.exec(s))) {
		if (order === 'ymd') return 'not-a-date';
		const a = Number(r[1]);
		const b = Number(r[3]);
		y = fullYear(r[4]!);
		[m, d] = order === 'mdy' ? [a, b] : [b, a];
	} else if ((r = D_MON_Y.exec(s))) {
		const mm = month(r[2]!);
		if (mm === undefined) return 'not-a-date';
		[y, m, d] = [Number(r[3]), mm, Number(r[1])];
	} else if ((r = MON_D_Y.exec(s))) {
		const mm = month(r[1]!);
		if (mm === undefined) return 'not-a-date';
		[y, m, d] = [Number(r[3]), mm, Number(r[2])];
	} else if (allowSerial && /^\d{5}(\.\d+)?$/.test(s)) {
		const serial = Number(s);
		if (serial < EXCEL_SERIAL_MIN || serial > EXCEL_SERIAL_MAX) return 'not-a-date';
		return excelSerialToEpochDay(serial);
	} else return 'not-a-date';
	if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'impossible-date';
	return daysFromCivil(y, m, d);
}

/** What `detectDateOrder` found for a column. */
export interface DateOrderDetection {
	/** `ymd` when no cell is day/month-first, else the detected order (or `mdy` if ambiguous). */
	order: DateOrder;
	/** True when cells like `01/02/2024` do not settle day vs month: ask the user. */
	ambiguous: boolean;
	/** True when some cells need `dmy` and others `mdy` (mixed data). */
	conflict: boolean;
}

/**
 * Detects day/month order: if any first part > 12 → `dmy`; if any second part > 12 → `mdy`;
 * both → conflict; neither → ambiguous (default `mdy`, ask). Year-first cells do not vote.
 */
export function detectDateOrder(cells: readonly string[], limit = 5000): DateOrderDetection {
	let dmy = false;
	let mdy = false;
	let any = false;
	let seen = 0;
	for (const raw of cells) {
		if (seen >= limit) break;
		const r = PART3.exec(raw.trim());
		if (!r) continue;
		seen++;
		any = true;
		if (Number(r[1]) > 12) dmy = true;
		if (Number(r[3]) > 12) mdy = true;
	}
	if (!any) return { order: 'ymd', ambiguous: false, conflict: false };
	if (dmy && !mdy) return { order: 'dmy', ambiguous: false, conflict: false };
	if (mdy && !dmy) return { order: 'mdy', ambiguous: false, conflict: false };
	return { order: 'mdy', ambiguous: !dmy, conflict: dmy && mdy };
}

// ---------------------------------------------------------------------------------------------
// Messages

/**
 * What `valueMessage` is built from, for the UI's words: the row, the column, the cell as shown
 * (cut at 40 characters, JSON-escaped without its quotes) and, for a number too large to store,
 * `tooLarge: 1`.
 */
export function valueParams(
	row: number,
	column: string,
	raw: string,
	code: ValueIssueCode
): Record<string, string | number> {
	const value = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw).slice(1, -1);
	const tooLarge = code === 'not-a-number' && PLAIN_DOT.test(raw.trim()) ? 1 : 0;
	return { row, column, value, tooLarge };
}

/** The message for a cell that could not be read, in English (the UI: `valueParams`). */
export function valueMessage(
	row: number,
	column: string,
	raw: string,
	code: ValueIssueCode
): string {
	const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
	const what = {
		'not-a-number': PLAIN_DOT.test(raw.trim())
			? 'is too large to be stored as a number'
			: 'is not a number',
		'not-a-boolean': 'is not yes/no, true/false or 1/0',
		'not-a-date': 'is not a date',
		'impossible-date': 'is not a real calendar date'
	}[code];
	return `row ${row}, column "${column}": ${shown} ${what}`;
}
