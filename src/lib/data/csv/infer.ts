/**
 * Type inference and profiling per column from raw strings, plus role suggestions from header
 * names and content. The mapping wizard shows these as defaults; the user confirms or changes.
 */
import type { ColumnRole, ColumnType } from '$lib/data/dataset';
import {
	detectDateOrder,
	detectDecimal,
	isMissing,
	parseBoolean,
	parseDate,
	parseNumberDetailed,
	plainNumber,
	type DateOrder,
	type DecimalSeparator
} from './values';
import { blankBytes, cellText, type CellIndex } from './fast';
import type { RawTable } from './parse';

/** Columns with at most this many distinct values (and repeats) are categories, not text. */
export const CATEGORY_MAX_DISTINCT = 50;
/** Share of non-missing cells that must read as the type for it to be inferred. */
export const TYPE_MIN_SHARE = 0.95;
/** A row index needs at least this many rows (tiny files count 1, 2, 3 by chance). */
export const ROW_INDEX_MIN_ROWS = 10;
/** Categories with at most this many values become category metrics; more are left out. */
export const CATEGORY_METRIC_MAX = 12;
/** Bins of the number histogram. */
export const HISTOGRAM_BINS = 10;

export interface Histogram {
	/** Lower edge of bin 0 and upper edge of the last bin. */
	min: number;
	max: number;
	counts: number[];
}

/** Profile of one column, shown in the mapping step. */
export interface ColumnProfile {
	index: number;
	name: string;
	type: ColumnType;
	/** Text that looks like an identifier: leading zeros, or mixed letters and digits, mostly unique. */
	idLike: boolean;
	rows: number;
	missing: number;
	/** missing / rows (0 when rows = 0). */
	missingShare: number;
	/** Distinct non-missing raw values (exact strings, untrimmed), capped at `distinctCap`. */
	distinct: number;
	distinctCapped: boolean;
	/** Non-missing cells that do not read as `type` (they become issues at build). */
	failures: number;
	/** For numbers and dates (epoch days): smallest and largest value; null otherwise. */
	min: number | null;
	max: number | null;
	histogram: Histogram | null;
	decimal: DecimalSeparator;
	decimalAmbiguous: boolean;
	dateOrder: DateOrder;
	dateOrderAmbiguous: boolean;
	/** Dates given as Excel serial numbers. */
	excelSerial: boolean;
	/** Some cells carry `%` / a currency symbol (shown as a unit note). */
	percent: boolean;
	currency: boolean;
	/** Up to 5 distinct non-missing raw values. */
	sample: string[];
	/**
	 * Yes/no and category columns with at most {@link CATEGORY_METRIC_MAX} values: each value
	 * (trimmed) and its rows, most rows first (over the profiled rows); absent otherwise.
	 */
	valueCounts?: [string, number][];
	/**
	 * Outcome columns written in words (`Churned` / `Active`, `Left` / `Stayed`): the value
	 * that means churn (the role is `churned`, the type `boolean`). Set by `suggestRoles`.
	 */
	churnValue?: string;
	/** Suggested role (see `suggestRoles`). */
	role: ColumnRole;
	/** Every present value is a whole number (numbers only; false otherwise). */
	integer: boolean;
	/**
	 * A row index: no blanks, whole numbers counting up by one from 0 or 1 (checked over the
	 * profiled rows, at least {@link ROW_INDEX_MIN_ROWS} of them). Never a score input.
	 */
	rowIndex: boolean;
	/** Why the suggested role was chosen, in plain words, when it is not obvious. */
	roleNote?: string;
	/**
	 * Rows the type, distinct count, failures, range and histogram were computed from, when
	 * that was a sample of a large file (`rows` and `missing` are still exact); else absent.
	 */
	sampledRows?: number;
}

const LEADING_ZERO = /^0\d+$/;
const HAS_DIGIT = /\d/;
const HAS_LETTER = /[A-Za-z]/;
const DATE_NAME = /date|day|_at$|time|since|period|month|snapshot|as[_\s-]?of/i;

function evenSample(cells: readonly string[], max: number): string[] {
	const out: string[] = [];
	const step = Math.max(1, Math.floor(cells.length / max));
	for (let i = 0; i < cells.length && out.length < max; i += step) {
		const v = cells[i]!;
		if (!isMissing(v)) out.push(v);
	}
	return out;
}

/** Infers a column's type and profile from its raw cells. `decimalFallback` comes from the dialect. */
export function profileColumn(
	index: number,
	name: string,
	cells: readonly string[],
	decimalFallback: DecimalSeparator = '.',
	distinctCap = 200_000
): ColumnProfile {
	const rows = cells.length;
	let missing = 0;
	const distinctSet = new Set<string>();
	let distinctCapped = false;
	const sample: string[] = [];
	let leadingZero = false;
	let alnum = 0;
	for (const v of cells) {
		if (isMissing(v)) {
			missing++;
			continue;
		}
		if (!distinctCapped) {
			if (!distinctSet.has(v)) {
				if (sample.length < 5) sample.push(v);
				distinctSet.add(v);
				if (distinctSet.size >= distinctCap) distinctCapped = true;
			}
		}
		if (!leadingZero && v.charCodeAt(0) === 48 && LEADING_ZERO.test(v)) leadingZero = true;
	}
	const present = rows - missing;
	const distinct = distinctSet.size;
	const probe = evenSample(cells, 5000);
	for (const v of probe) if (HAS_DIGIT.test(v) && HAS_LETTER.test(v)) alnum++;

	const decimal = detectDecimal(probe, decimalFallback);
	const order = detectDateOrder(probe);
	const share = (ok: (v: string) => boolean) =>
		probe.length === 0 ? 0 : probe.filter(ok).length / probe.length;

	const boolShare = share((v) => parseBoolean(v) !== null);
	const numShare = share((v) => parseNumberDetailed(v, decimal.decimal) !== null);
	const dateShare = share((v) => typeof parseDate(v, order.order) === 'number');
	const serialOk =
		DATE_NAME.test(name) &&
		share(
			(v) => /^\d{5}(\.\d+)?$/.test(v.trim()) && typeof parseDate(v, 'ymd', true) === 'number'
		) >= TYPE_MIN_SHARE;

	const mostlyUnique = present > 0 && distinct / present > 0.9;
	const idLike =
		leadingZero ||
		(alnum / Math.max(1, probe.length) >= 0.5 && mostlyUnique && dateShare < TYPE_MIN_SHARE);

	let type: ColumnType;
	let excelSerial = false;
	if (probe.length === 0) type = 'text';
	else if (leadingZero) type = 'text';
	else if (boolShare >= TYPE_MIN_SHARE && new Set(probe.map((v) => parseBoolean(v))).size <= 2)
		type = 'boolean';
	else if (dateShare >= TYPE_MIN_SHARE) type = 'date';
	else if (serialOk) {
		type = 'date';
		excelSerial = true;
	} else if (numShare >= TYPE_MIN_SHARE) type = 'number';
	else if (idLike) type = 'text';
	else if (distinct <= CATEGORY_MAX_DISTINCT && distinct < present) type = 'category';
	else type = 'text';

	// Full pass for the chosen type: failures, min/max, histogram, unit notes.
	let failures = 0;
	let min = Infinity;
	let max = -Infinity;
	let percent = false;
	let currency = false;
	let values: Float64Array | null = null;
	let integer = type === 'number';
	let counting = type === 'number' && missing === 0 && rows >= ROW_INDEX_MIN_ROWS;
	if (type === 'number' || type === 'date') {
		values = new Float64Array(rows);
		for (let i = 0; i < rows; i++) {
			const v = cells[i]!;
			let x = NaN;
			if (type === 'number') {
				x = plainNumber(v, decimal.decimal);
				if (x !== x && !isMissing(v)) {
					// Slow path (separators, symbols): also collects the unit notes.
					const r = parseNumberDetailed(v, decimal.decimal);
					if (r === null) failures++;
					else {
						x = r.value;
						percent ||= r.percent;
						currency ||= r.currency;
					}
				}
			} else {
				const r = parseDate(v, order.order, excelSerial);
				if (typeof r === 'number') x = r;
				else failures++;
			}
			values[i] = x;
			if (integer && x === x && !Number.isInteger(x)) integer = false;
			if (counting) counting = countsUp(values, i);
			if (x < min) min = x;
			if (x > max) max = x;
		}
	} else if (type === 'boolean') {
		for (const v of cells) if (parseBoolean(v) === null) failures++;
	}
	const hasRange = values !== null && min <= max;
	const counted =
		(type === 'boolean' || type === 'category') && distinct <= CATEGORY_METRIC_MAX * 4
			? countValues(cells)
			: null;
	return {
		index,
		name,
		type,
		idLike,
		rows,
		missing,
		missingShare: rows === 0 ? 0 : missing / rows,
		distinct,
		distinctCapped,
		failures,
		min: hasRange ? min : null,
		max: hasRange ? max : null,
		histogram: hasRange && type === 'number' ? histogram(values!, min, max) : null,
		decimal: decimal.decimal,
		decimalAmbiguous: type === 'number' && decimal.ambiguous,
		dateOrder: order.order,
		dateOrderAmbiguous: type === 'date' && order.ambiguous,
		excelSerial,
		percent,
		currency,
		sample,
		...(counted && counted.length <= CATEGORY_METRIC_MAX ? { valueCounts: counted } : {}),
		role: 'ignore',
		integer: integer && failures === 0,
		rowIndex: counting && failures === 0
	};
}

/** Trimmed non-missing values and their counts, most first (ties: first seen first). */
function countValues(cells: readonly string[]): [string, number][] {
	const counts = new Map<string, number>();
	for (const v of cells) {
		if (isMissing(v)) continue;
		const t = v.trim();
		counts.set(t, (counts.get(t) ?? 0) + 1);
	}
	return [...counts].sort((a, b) => b[1] - a[1]);
}

/**
 * Row `i` keeps a count going: the first value is 0 or 1, and each next one is one more (rows
 * sampled from a large file skip ahead, so there only "larger" is required past the head).
 */
function countsUp(values: Float64Array, i: number): boolean {
	const x = values[i]!;
	if (i === 0) return x === 0 || x === 1;
	const prev = values[i - 1]!;
	return i < PROFILE_HEAD_ROWS ? x === prev + 1 : x > prev && Number.isInteger(x);
}

/** Equal-width histogram of the finite values (NaN skipped); one bin when min = max. */
export function histogram(
	values: Float64Array,
	min: number,
	max: number,
	bins = HISTOGRAM_BINS
): Histogram {
	const counts = new Array<number>(min === max ? 1 : bins).fill(0);
	const k = counts.length;
	const width = (max - min) / k;
	for (let i = 0; i < values.length; i++) {
		const x = values[i]!;
		if (x !== x) continue;
		const b = width === 0 ? 0 : Math.min(k - 1, Math.floor((x - min) / width));
		counts[b]!++;
	}
	return { min, max, counts };
}

// ---------------------------------------------------------------------------------------------
// Roles

interface RoleRule {
	role: ColumnRole;
	name: RegExp;
	types: ColumnType[];
}

/**
 * Names of a churned flag: churn, churned, exited, attrition, cancelled, left, lost, closed,
 * terminated, with an optional `is_` before and `_flag` / `_status` after.
 */
export const OUTCOME_NAME =
	/^(is[\s_-]?|has[\s_-]?)?(churn(ed)?|exit(ed)?|attrit(ion|ed)?|cancell?ed|left|lost|closed|terminated|churn[\s_-]?label)([\s_-]?(flag|status|ind(icator)?|yn))?$|attrition/i;

/** Values that mean the account churned: `Churned`, `Cancelled`, `Left`, `Closed lost`, … */
export const CHURN_VALUE =
	/^(churn(ed)?|exit(ed)?|cancell?ed|canceled|left|lost|closed[\s_-]?lost|closed|terminated|attrited|lapsed|gone|former|ended|discontinued|not[\s_-]?renewed|did[\s_-]?not[\s_-]?renew)$/i;

/** Values that mean the account stayed: `Active`, `Stayed`, `Retained`, `Renewed`, … */
const STAY_VALUE =
	/^(active|stayed|retained|renewed|current|existing|live|open|customer|ongoing|kept|paying)$/i;

/** Names of a status column that may hold the outcome in words. */
const STATUS_NAME =
	/^(customer|account|client|subscription|contract)?[\s_-]?(status|state|outcome)$/i;

/**
 * The value of a worded outcome column that means churn, or null: a category of 2–6 values,
 * exactly one of them a churn word, named like an outcome or a status, or with a value that
 * means the account stayed (`Churned` / `Active` / `Paused` → `Churned`).
 */
export function wordedChurnValue(p: ColumnProfile): string | null {
	const counts = p.valueCounts;
	if (p.type !== 'category' || !counts || counts.length < 2 || counts.length > 6) return null;
	const churn = counts.filter(([v]) => CHURN_VALUE.test(v));
	if (churn.length !== 1) return null;
	const name = p.name.trim();
	const named = OUTCOME_NAME.test(name) || STATUS_NAME.test(name);
	if (!named && !counts.some(([v]) => STAY_VALUE.test(v))) return null;
	return churn[0]![0];
}

/** Words that tie a column to the outcome: never a score input (it would leak the answer). */
const OUTCOME_WORD = /churn|exit(ed)?\b|attrit|cancel|refund|terminat|reason/i;

/** Names of identifiers (never score inputs even when numeric): `CustomerId`, `order_no`, … */
const ID_NAME = /(^|[^a-z])(id|uuid|guid|key|no|nr|number|code)$|[a-z](Id|ID|No|Number)$/;

/** Rules in priority order; each single-use role goes to the first matching column. */
const RULES: RoleRule[] = [
	{
		role: 'account-id',
		name: /^(customer|account|client|company|org(anization|anisation)?|tenant|user)?[\s_-]?(id|key|number|no|code)$/i,
		types: ['text', 'category', 'number']
	},
	{
		role: 'snapshot-date',
		name: /snapshot|as[\s_-]?of|report(ing)?[\s_-]?date|^period$|^month$|^date$/i,
		types: ['date']
	},
	{
		role: 'churned',
		name: OUTCOME_NAME,
		types: ['boolean']
	},
	{
		role: 'churn-date',
		name: /churn.*(date|_at|on)$|cancell?(ed|ation)?[\s_-]?(date|at|on)$/i,
		types: ['date']
	},
	{ role: 'renewal-date', name: /renew/i, types: ['date'] },
	{ role: 'expansion', name: /expan|upsell/i, types: ['boolean', 'number'] },
	{
		role: 'contract-value',
		name: /^(arr|acv|tcv)$|contract[\s_-]?value|annual[\s_-]?(recurring[\s_-]?)?revenue|arr[\s_-]?(amount|usd)?$/i,
		types: ['number']
	},
	{
		role: 'segment',
		name: /segment|^tier$|plan[\s_-]?tier|customer[\s_-]?size|^size$/i,
		types: ['category']
	}
];

/**
 * Suggests a role for each profiled column (mutates `role`, sets `roleNote`). Single-use roles
 * (everything but `metric` and `ignore`) go to the first column whose name matches and whose
 * type fits; an account id may also be found by content (the first id-like, fully unique,
 * complete text column). Of the rest, numbers, yes/no columns and categories of at most
 * {@link CATEGORY_METRIC_MAX} values become metrics, except a row index, an identifier, or a
 * column whose name ties it to the outcome (a second churn flag, a cancellation reason).
 */
export function suggestRoles(profiles: ColumnProfile[]): ColumnProfile[] {
	const used = new Set<ColumnRole>(profiles.map((p) => p.role));
	for (const rule of RULES) {
		const p = profiles.find(
			(q) =>
				q.role === 'ignore' &&
				rule.types.includes(q.type) &&
				rule.name.test(q.name.trim()) &&
				!(rule.role === 'account-id' && q.rowIndex)
		);
		if (p && !used.has(rule.role)) {
			p.role = rule.role;
			used.add(rule.role);
		}
	}
	if (!used.has('churned')) {
		for (const p of profiles) {
			if (p.role !== 'ignore') continue;
			const value = wordedChurnValue(p);
			if (value === null) continue;
			p.role = 'churned';
			p.churnValue = value;
			p.roleNote = `The outcome in words: “${value}” means churned, any other value means stayed.`;
			used.add('churned');
			break;
		}
	}
	if (!used.has('account-id')) {
		const p = profiles.find(
			(q) =>
				q.role === 'ignore' &&
				q.type === 'text' &&
				q.idLike &&
				q.missing === 0 &&
				q.distinct === q.rows - q.missing &&
				!q.distinctCapped
		);
		if (p) p.role = 'account-id';
	}
	for (const p of profiles) if (p.role === 'ignore') suggestInput(p);
	return profiles;
}

/** Metric or ignore (with the reason) for a column no single-use role took. */
function suggestInput(p: ColumnProfile): void {
	const name = p.name.trim();
	const unique = p.missing === 0 && !p.distinctCapped && p.distinct === p.rows;
	if (p.rowIndex) p.roleNote = 'Row index (1, 2, 3, …): not a score input.';
	else if (OUTCOME_NAME.test(name) || OUTCOME_WORD.test(name))
		p.roleNote = 'Named after the outcome: using it as a score input would leak the answer.';
	else if (wordedChurnValue(p) !== null)
		p.roleNote = `Holds the outcome in words (“${wordedChurnValue(p)}”): using it as a score input would leak the answer.`;
	else if (p.type === 'number' && p.integer && unique && ID_NAME.test(name))
		p.roleNote = 'Looks like an identifier (unique whole numbers): not a score input.';
	else if (p.type === 'number' || p.type === 'boolean') p.role = 'metric';
	else if (p.type === 'category' && p.distinct >= 2 && p.distinct <= CATEGORY_METRIC_MAX) {
		p.role = 'metric';
		p.roleNote = `Category with ${p.distinct} values: scored by a value → points map.`;
	} else if (p.type === 'category')
		p.roleNote = `Category with ${p.distinct} values: too many to score as a map.`;
}

/** Profiles every column and suggests roles. */
export function profileTable(
	headers: readonly string[],
	columns: readonly (readonly string[])[],
	decimalFallback: DecimalSeparator = '.'
): ColumnProfile[] {
	return suggestRoles(
		headers.map((h, i) => profileColumn(i, h, columns[i] ?? [], decimalFallback))
	);
}

/** Rows profiled in full from the top of a large file, plus as many spread evenly over it. */
export const PROFILE_HEAD_ROWS = 20_000;
export const PROFILE_SPREAD_ROWS = 20_000;

/** Row indices profiled for a table of `n` rows (all of them for small tables). */
export function profileSampleRows(n: number): Uint32Array | null {
	if (n <= PROFILE_HEAD_ROWS + PROFILE_SPREAD_ROWS) return null;
	const out = new Uint32Array(PROFILE_HEAD_ROWS + PROFILE_SPREAD_ROWS);
	for (let i = 0; i < PROFILE_HEAD_ROWS; i++) out[i] = i;
	const step = (n - PROFILE_HEAD_ROWS) / PROFILE_SPREAD_ROWS;
	for (let k = 0; k < PROFILE_SPREAD_ROWS; k++)
		out[PROFILE_HEAD_ROWS + k] = PROFILE_HEAD_ROWS + Math.floor(k * step);
	return out;
}

/**
 * Profiles a raw table: all rows of a small one; for a large one (over 40k rows) a sample of
 * the first 20k rows plus 20k spread evenly, with `rows`, `missing` and `missingShare` still
 * counted over every row (cheap). A distinct count above `CATEGORY_MAX_DISTINCT` in a sample
 * is marked `distinctCapped` (the file has at least that many).
 */
export function profileRaw(
	raw: RawTable,
	decimalFallback: DecimalSeparator = '.'
): ColumnProfile[] {
	const pick = profileSampleRows(raw.rows);
	const ix = raw.cells;
	if (!pick) return profileTable(raw.headers, raw.columns, decimalFallback);
	const sampled = raw.headers.map((_, c) => {
		const out = new Array<string>(pick.length);
		if (ix) for (let k = 0; k < pick.length; k++) out[k] = cellText(ix, c, pick[k]!);
		else {
			const cells = raw.columns[c]!;
			for (let k = 0; k < pick.length; k++) out[k] = cells[pick[k]!]!;
		}
		return out;
	});
	const profiles = profileTable(raw.headers, sampled, decimalFallback);
	const missing = ix ? missingCounts(ix, raw.rows) : null;
	for (const p of profiles) {
		let m = 0;
		if (missing) m = missing[p.index]!;
		else for (const v of raw.columns[p.index]!) if (isMissing(v)) m++;
		p.sampledRows = pick.length;
		p.rows = raw.rows;
		p.missing = m;
		p.missingShare = raw.rows === 0 ? 0 : m / raw.rows;
		if (p.distinct > CATEGORY_MAX_DISTINCT) p.distinctCapped = true;
	}
	return profiles;
}

/**
 * Missing (empty or whitespace-only) cells per column of a cell index, in one row-major pass:
 * the offsets are read in order, and only a cell that is empty or starts with a space-like
 * byte is looked at further (a column-by-column pass strides over all of memory 12 times).
 */
export function missingCounts(ix: CellIndex, rows: number): Uint32Array {
	const { bytes, starts, ncols } = ix;
	const counts = new Uint32Array(ncols);
	const stride = ncols + 1;
	for (let i = 0, b = 0; i < rows; i++, b += stride) {
		let s = starts[b]!;
		for (let c = 0; c < ncols; c++) {
			const e = starts[b + c + 1]!;
			// Cell [s, e - 1): empty, or its first byte is ≤ space (then check it all).
			if (e - 1 === s || (bytes[s]! <= 32 && blankBytes(bytes, s, e - 1))) counts[c]!++;
			s = e;
		}
	}
	return counts;
}
