/**
 * Raw string columns + a confirmed mapping → typed columns (`ColumnTable`) and account ids.
 * Pure and all-or-nothing: either every row is read (or the user chose to skip unreadable
 * rows) and a complete table comes back, or only the list of issues does.
 */
import type { Column, ColumnTable } from '$lib/model/types';
import type { ColumnInfo, ColumnRole, ColumnType } from '$lib/data/dataset';
import type { RawTable } from './parse';
import { cellText, isoDateParts, plainDecimal } from './fast';
import {
	daysFromCivil,
	isMissing,
	parseBoolean,
	parseDate,
	parseNumber,
	valueMessage,
	type DateOrder,
	type DecimalSeparator,
	type ValueIssueCode
} from './values';

/** The user's confirmed choice for one column of the file. */
export interface ColumnMapping {
	/** Column index in the raw table. */
	index: number;
	role: ColumnRole;
	type: ColumnType;
	/** Number columns: decimal separator (default `.`). */
	decimal?: DecimalSeparator;
	/** Date columns: day/month order (default `ymd`, i.e. year-first forms only). */
	dateOrder?: DateOrder;
	/** Date columns: accept Excel serial numbers. */
	excelSerial?: boolean;
}

export interface BuildOptions {
	/** Leave out rows with unreadable cells (listed in `skipped`) instead of failing. */
	skipRows?: boolean;
	/** Issues listed individually (default 1000); the total is always counted. */
	maxIssues?: number;
}

export type BuildIssueCode =
	| ValueIssueCode
	| 'missing-id'
	| 'duplicate-id'
	| 'no-account-id'
	| 'duplicate-role'
	| 'bad-mapping'
	| 'no-rows';

/** A problem found while typing the cells. `row` is the Excel row number (header = 1). */
export interface BuildIssue {
	row: number | null;
	column: string | null;
	code: BuildIssueCode;
	message: string;
}

export type BuildResult =
	| {
			ok: true;
			table: ColumnTable;
			/** Account id per kept row (trimmed raw string; leading zeros kept). */
			ids: string[];
			columns: ColumnInfo[];
			/** Excel row number of each kept row. */
			rowNumbers: Uint32Array;
			/** Rows left out because `skipRows` was set (with their issues in `issues`). */
			skippedRows: number;
			issues: BuildIssue[];
			issueCount: number;
			/** Snapshot-date range (epoch days), or null without a snapshot column. */
			dateRange: [number, number] | null;
	  }
	| { ok: false; issues: BuildIssue[]; issueCount: number; badRows: number };

/** Roles a dataset may have at most once. */
const SINGLE_ROLES: ColumnRole[] = [
	'account-id',
	'snapshot-date',
	'segment',
	'churned',
	'churn-date',
	'renewal-date',
	'contract-value'
];

/**
 * Types the mapped columns. Columns with role `ignore` are left out; the account-id column
 * goes to `ids` (not into the table). Numbers, booleans (1/0) and dates (epoch days) become
 * `Float64Array` with `NaN` for missing; categories and text become dictionary codes
 * (`Int32Array`, −1 = missing, dictionary in first-seen order). A row is unreadable when any
 * non-blank cell fails to parse, its account id is blank, or it repeats an account id (or an
 * id + snapshot-date pair when a snapshot column is mapped).
 */
export function buildTable(
	raw: RawTable,
	mapping: readonly ColumnMapping[],
	options: BuildOptions = {}
): BuildResult {
	const maxIssues = options.maxIssues ?? 1000;
	const n = raw.rows;
	const issues: BuildIssue[] = [];
	let issueCount = 0;
	const add = (issue: BuildIssue) => {
		issueCount++;
		if (issues.length < maxIssues) issues.push(issue);
	};

	// --- mapping checks (never skippable) ---
	const active = mapping.filter((m) => m.role !== 'ignore');
	for (const m of active)
		if (!Number.isInteger(m.index) || m.index < 0 || m.index >= raw.headers.length)
			add({
				row: null,
				column: null,
				code: 'bad-mapping',
				message: `Column index ${m.index} is not in the file.`
			});
	for (const role of SINGLE_ROLES) {
		const cols = active.filter((m) => m.role === role);
		if (cols.length > 1)
			add({
				row: null,
				column: raw.headers[cols[1]!.index] ?? null,
				code: 'duplicate-role',
				message: `Only one column can be the ${role.replace('-', ' ')}; ${cols.map((c) => `"${raw.headers[c.index]}"`).join(' and ')} are both mapped to it.`
			});
	}
	const idMap = active.find((m) => m.role === 'account-id');
	if (!idMap)
		add({
			row: null,
			column: null,
			code: 'no-account-id',
			message: 'Choose the column that holds the account id.'
		});
	if (issueCount > 0) return { ok: false, issues, issueCount, badRows: 0 };
	if (n === 0)
		return {
			ok: false,
			issues: [{ row: null, column: null, code: 'no-rows', message: 'The file has no data rows.' }],
			issueCount: 1,
			badRows: 0
		};

	const bad = new Uint8Array(n);
	const rowOf = (i: number) => raw.rowNumbers[i] ?? i + 2;
	const cellIssue = (i: number, column: string, cell: string, code: ValueIssueCode) => {
		bad[i] = 1;
		add({ row: rowOf(i), column, code, message: valueMessage(rowOf(i), column, cell, code) });
	};

	// Cells come from the byte index of a plain file (fast path) or from string columns.
	const ix = raw.cells;
	const stride = ix ? ix.ncols + 1 : 0;
	const column = (c: number): ((i: number) => string) => {
		if (ix) return (i) => cellText(ix, c, i);
		const cells = raw.columns[c]!;
		return (i) => cells[i]!;
	};

	// --- account ids ---
	const idName = raw.headers[idMap!.index]!;
	const idCell = column(idMap!.index);
	const ids = new Array<string>(n);
	for (let i = 0; i < n; i++) {
		const v = idCell(i).trim();
		ids[i] = v;
		if (v === '') {
			bad[i] = 1;
			add({
				row: rowOf(i),
				column: idName,
				code: 'missing-id',
				message: `row ${rowOf(i)}, column "${idName}": the account id is blank`
			});
		}
	}

	// --- typed columns ---
	interface Typed {
		m: ColumnMapping;
		name: string;
		col: Column;
	}
	const typed: Typed[] = [];
	for (const m of active) {
		if (m === idMap) continue;
		const name = raw.headers[m.index]!;
		const cell = column(m.index);
		const bytes = ix?.bytes;
		const starts = ix?.starts;
		if (m.type === 'category' || m.type === 'text') {
			const codes = new Int32Array(n);
			const dict = new Map<string, number>();
			const dictionary: string[] = [];
			for (let i = 0; i < n; i++) {
				const v = cell(i);
				if (isMissing(v)) {
					codes[i] = -1;
					continue;
				}
				const t = v.trim();
				let c = dict.get(t);
				if (c === undefined) {
					c = dictionary.length;
					dict.set(t, c);
					dictionary.push(t);
				}
				codes[i] = c;
			}
			typed.push({ m, name, col: { kind: 'category', codes, dictionary } });
			continue;
		}
		const values = new Float64Array(n);
		if (m.type === 'number') {
			const dec = m.decimal ?? '.';
			const direct = bytes && starts && dec === '.';
			for (let i = 0, b = m.index; i < n; i++, b += stride) {
				if (direct) {
					const x = plainDecimal(bytes, starts[b]!, starts[b + 1]! - 1);
					if (x === x) {
						values[i] = x;
						continue;
					}
				}
				const v = cell(i);
				const x = parseNumber(v, dec);
				if (x === null) {
					values[i] = NaN;
					cellIssue(i, name, v, 'not-a-number');
				} else values[i] = x;
			}
		} else if (m.type === 'boolean') {
			for (let i = 0, b = m.index; i < n; i++, b += stride) {
				if (bytes && starts && starts[b + 1]! - starts[b]! === 2) {
					const c = bytes[starts[b]!]!;
					if (c === 48 || c === 49) {
						values[i] = c - 48;
						continue;
					}
				}
				const v = cell(i);
				const x = parseBoolean(v);
				if (x === null) {
					values[i] = NaN;
					cellIssue(i, name, v, 'not-a-boolean');
				} else values[i] = x;
			}
		} else {
			const order = m.dateOrder ?? 'ymd';
			const serial = m.excelSerial ?? false;
			for (let i = 0, b = m.index; i < n; i++, b += stride) {
				if (bytes && starts) {
					const ymd = isoDateParts(bytes, starts[b]!, starts[b + 1]! - 1);
					const mo = Math.floor(ymd / 100) % 100;
					const d = ymd % 100;
					if (ymd >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 28) {
						values[i] = daysFromCivil(Math.floor(ymd / 10000), mo, d);
						continue;
					}
				}
				const v = cell(i);
				const x = parseDate(v, order, serial);
				if (typeof x === 'number') values[i] = x;
				else {
					values[i] = NaN;
					cellIssue(i, name, v, x);
				}
			}
		}
		typed.push({ m, name, col: { kind: 'number', values } });
	}

	// --- duplicate ids (per snapshot date when there is one) ---
	const snap = typed.find((t) => t.m.role === 'snapshot-date');
	const snapValues = snap?.col.kind === 'number' ? snap.col.values : null;
	// First row of each id; ids seen more than once (with a snapshot column) are then keyed
	// by id + date in `perDate`, so the common case (unique ids) builds no composite keys.
	const seen = new Map<string, number>();
	const perDate = new Map<string, number>();
	const dateKey = (i: number) => `${ids[i]}\u0000${snapValues![i]}`;
	for (let i = 0; i < n; i++) {
		if (ids[i] === '') continue;
		let first = seen.get(ids[i]!);
		if (first === undefined) {
			seen.set(ids[i]!, i);
			continue;
		}
		if (snapValues) {
			const k0 = dateKey(first);
			if (!perDate.has(k0)) perDate.set(k0, first);
			const k = dateKey(i);
			first = perDate.get(k);
			if (first === undefined) {
				perDate.set(k, i);
				continue;
			}
		}
		bad[i] = 1;
		add({
			row: rowOf(i),
			column: idName,
			code: 'duplicate-id',
			message: `row ${rowOf(i)}, column "${idName}": account id "${ids[i]}" repeats row ${rowOf(first)}${snapValues ? ' for the same snapshot date' : ''}`
		});
	}

	let badRows = 0;
	for (let i = 0; i < n; i++) badRows += bad[i]!;
	if (badRows > 0 && !options.skipRows) return { ok: false, issues, issueCount, badRows };

	// --- compact (skip unreadable rows) ---
	const keep = n - badRows;
	if (keep === 0)
		return {
			ok: false,
			issues: [
				{ row: null, column: null, code: 'no-rows', message: 'No row could be read.' },
				...issues
			],
			issueCount: issueCount + 1,
			badRows
		};
	const pick = <T extends Float64Array | Int32Array | Uint32Array>(
		a: T,
		make: (k: number) => T
	): T => {
		if (badRows === 0) return a;
		const out = make(keep);
		for (let i = 0, j = 0; i < n; i++) if (!bad[i]) out[j++] = a[i]!;
		return out;
	};
	const keptIds = badRows === 0 ? ids : ids.filter((_, i) => !bad[i]);
	const columns = new Map<string, Column>();
	const infos: ColumnInfo[] = [
		{
			name: idName,
			originalName: raw.originalHeaders[idMap!.index] ?? idName,
			role: 'account-id',
			type: idMap!.type,
			missingShare: 0
		}
	];
	let dateRange: [number, number] | null = null;
	for (const t of typed) {
		let col: Column;
		let missing = 0;
		if (t.col.kind === 'number') {
			const values = pick(t.col.values, (k) => new Float64Array(k));
			let lo = Infinity;
			let hi = -Infinity;
			for (let i = 0; i < keep; i++) {
				const x = values[i]!;
				if (x !== x) missing++;
				else {
					if (x < lo) lo = x;
					if (x > hi) hi = x;
				}
			}
			if (t.m.role === 'snapshot-date' && lo <= hi) dateRange = [lo, hi];
			col = { kind: 'number', values };
		} else {
			const codes = pick(t.col.codes, (k) => new Int32Array(k));
			for (let i = 0; i < keep; i++) if (codes[i]! < 0) missing++;
			col = { kind: 'category', codes, dictionary: t.col.dictionary };
		}
		columns.set(t.name, col);
		infos.push({
			name: t.name,
			originalName: raw.originalHeaders[t.m.index] ?? t.name,
			role: t.m.role,
			type: t.m.type,
			missingShare: missing / keep
		});
	}
	return {
		ok: true,
		table: { n: keep, columns },
		ids: keptIds,
		columns: infos,
		rowNumbers: pick(raw.rowNumbers.slice(0, n), (k) => new Uint32Array(k)),
		skippedRows: badRows,
		issues,
		issueCount,
		dateRange
	};
}
