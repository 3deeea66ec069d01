/**
 * Raw string columns + a confirmed mapping → typed columns (`ColumnTable`) and account ids.
 * Pure and all-or-nothing: either every row is read (or the user chose to skip unreadable
 * rows) and a complete table comes back, or only the list of issues does.
 */
import type { Column, ColumnTable } from '$lib/model/types';
import {
	SINGLE_ROLES,
	type ColumnInfo,
	type ColumnRole,
	type ColumnType,
	type Grain,
	type HeldReading
} from '$lib/data/dataset';
import type { ProblemParams, RawTable } from './parse';
import { cellText, isoDateParts, plainDecimal } from './fast';
import { dayInZone } from './timezone';
import {
	daysFromCivil,
	isMissing,
	parseBoolean,
	parseDate,
	parseNumber,
	valueMessage,
	valueParams,
	type DateOrder,
	type DecimalSeparator,
	type ValueIssueCode
} from './values';

/**
 * Account ids of a build, in parts of up to 50k rows: each part joined by `\n` (or an array
 * when an id contains a newline). The page splits them back part by part, between tasks.
 */
export interface IdParts {
	rows: number;
	/**
	 * Joined ids (`\n`-separated) as text, as a list (an id holds a newline), or as ASCII bytes:
	 * bytes are transferred, so the page pays no deserialisation and decodes one part per task.
	 */
	parts: (string | string[] | Uint8Array)[];
}

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
	/**
	 * Yes/no columns: the value that reads as 1 (churned); every other present value reads as
	 * 0. Compared as yes/no when both read as yes/no (`Y` matches `Yes`), else as text, ignoring
	 * case and surrounding spaces (`Churned` / `Active` / `Paused` with `Churned` → 1, 0, 0).
	 * Unset: Yes/True/1 → 1, No/False/0 → 0, anything else is unreadable.
	 */
	churnValue?: string;
	/**
	 * Role `ignore` only: keep the column anyway, as text, so its role can be changed later
	 * without the file (role stays `ignore`; the workbench does not use it). The value is how
	 * the import would read it, kept on the column as `heldAs`.
	 */
	hold?: HeldReading;
}

export interface BuildOptions {
	/** Leave out rows with unreadable cells (listed in `skipped`) instead of failing. */
	skipRows?: boolean;
	/** Issues listed individually (default 1000); the total is always counted. */
	maxIssues?: number;
	/**
	 * What one row is. Ids repeat freely in events and periods (no duplicate check there);
	 * accounts and snapshots keep the check. Unset: snapshot with a snapshot-date column, else
	 * account (as before sources existed).
	 */
	grain?: Grain;
	/**
	 * Read timestamps in this IANA zone: a cell with an offset counts on its date there.
	 * Unset: the date as written (time and offset ignored).
	 */
	timeZone?: string;
	/**
	 * Dates outside `[from, to]` (years, inclusive; default 1900–2100) are kept but flagged in
	 * `warnings` as implausible (a year 0000 or 9999 is almost always a placeholder or a typo).
	 */
	plausibleYears?: [number, number];
	/**
	 * One row per account and no column mapped as the account id: number the data rows 1…n
	 * (a row's number is its place among the data rows, header not counted) and use that as
	 * the account id. The id column is listed as {@link ROW_NUMBER_ID} with `rowNumbers` set.
	 */
	rowNumberIds?: boolean;
}

/** Name of the account-id column made from row numbers (a file without an id column). */
export const ROW_NUMBER_ID = 'row_number';

/** Joins the column names in a `duplicate-role` issue's `columns` param (a control character). */
export const LIST_SEP = '\u001f';

export type BuildIssueCode =
	| ValueIssueCode
	| 'missing-id'
	| 'duplicate-id'
	| 'no-account-id'
	| 'duplicate-role'
	| 'bad-mapping'
	| 'no-rows'
	| 'no-time-column'
	| 'missing-time'
	| 'period-order'
	| 'implausible-date';

/** A problem found while typing the cells. `row` is the Excel row number (header = 1). */
export interface BuildIssue {
	row: number | null;
	column: string | null;
	code: BuildIssueCode;
	/** In English words (logs, Node, thrown errors); a screen says it from `code` and `params`. */
	message: string;
	/** The figures and names the message is built from (see `src/lib/i18n/problem-text.ts`). */
	params?: ProblemParams;
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
			/** Cells kept but worth a look (implausible dates), first `maxIssues` of them. */
			warnings: BuildIssue[];
			warningCount: number;
			/** Range of the snapshot / event / period dates (epoch days), or null without one. */
			dateRange: [number, number] | null;
	  }
	| { ok: false; issues: BuildIssue[]; issueCount: number; badRows: number };

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
	return buildCore(raw, mapping, options, 0).result;
}

/**
 * `buildTable` for the worker: the kept ids come back packed (`idParts`, `partRows` ids per
 * part, joined by `\n` where no id holds one) and `result.ids` is empty. Plain files pack the
 * ids straight from their bytes, so no per-id string is ever made in the worker.
 */
export function buildTablePacked(
	raw: RawTable,
	mapping: readonly ColumnMapping[],
	options: BuildOptions = {},
	partRows = 50_000
): { result: BuildResult; idParts: IdParts | null } {
	return buildCore(raw, mapping, options, Math.max(1, partRows));
}

function buildCore(
	raw: RawTable,
	mapping: readonly ColumnMapping[],
	options: BuildOptions,
	partRows: number
): { result: BuildResult; idParts: IdParts | null } {
	const fail = (result: BuildResult) => ({ result, idParts: null });
	const maxIssues = options.maxIssues ?? 1000;
	const n = raw.rows;
	const issues: BuildIssue[] = [];
	let issueCount = 0;
	const add = (issue: BuildIssue) => {
		issueCount++;
		if (issues.length < maxIssues) issues.push(issue);
	};

	// --- mapping checks (never skippable) ---
	// Held ignored columns are typed as text: they never make a row unreadable.
	const active = mapping
		.filter((m) => m.role !== 'ignore' || m.hold)
		.map((m) => (m.role === 'ignore' ? { ...m, type: 'text' as const } : m));
	for (const m of active)
		if (!Number.isInteger(m.index) || m.index < 0 || m.index >= raw.headers.length)
			add({
				row: null,
				column: null,
				code: 'bad-mapping',
				message: `Column index ${m.index} is not in the file.`,
				params: { index: m.index }
			});
	for (const role of SINGLE_ROLES) {
		const cols = active.filter((m) => m.role === role);
		if (cols.length > 1)
			add({
				row: null,
				column: raw.headers[cols[1]!.index] ?? null,
				code: 'duplicate-role',
				message: `Only one column can be the ${role.replace('-', ' ')}; ${cols.map((c) => `"${raw.headers[c.index]}"`).join(' and ')} are both mapped to it.`,
				params: { role, columns: cols.map((c) => raw.headers[c.index] ?? '').join(LIST_SEP) }
			});
	}
	const idMap = active.find((m) => m.role === 'account-id');
	const grain: Grain =
		options.grain ?? (active.some((m) => m.role === 'snapshot-date') ? 'snapshot' : 'account');
	const rowIds = !idMap && options.rowNumberIds === true && grain === 'account';
	if (!idMap && !rowIds)
		add({
			row: null,
			column: null,
			code: 'no-account-id',
			params: { grain },
			message:
				grain === 'account' || grain === 'snapshot'
					? 'Choose the column that holds the account id.'
					: 'Choose the key column: the id each row belongs to (an account id, or another id such as a subscription id).'
		});
	const timeRole: ColumnRole | null =
		grain === 'event'
			? 'event-time'
			: grain === 'period'
				? 'period-start'
				: grain === 'snapshot'
					? 'snapshot-date'
					: null;
	if (timeRole && !active.some((m) => m.role === timeRole))
		add({
			row: null,
			column: null,
			code: 'no-time-column',
			params: { grain },
			message:
				grain === 'event'
					? 'Choose the column that dates each event (role “event time”).'
					: grain === 'period'
						? 'Choose the column where each period starts (role “period start”).'
						: 'Choose the snapshot date column (role “snapshot date”).'
		});
	if (issueCount > 0) return fail({ ok: false, issues, issueCount, badRows: 0 });
	if (n === 0)
		return fail({
			ok: false,
			issues: [
				{
					row: null,
					column: null,
					code: 'no-rows',
					message: 'The file has no data rows.',
					params: { none: 0 }
				}
			],
			issueCount: 1,
			badRows: 0
		});

	const bad = new Uint8Array(n);
	const rowOf = (i: number) => raw.rowNumbers[i] ?? i + 2;
	const cellIssue = (i: number, column: string, cell: string, code: ValueIssueCode) => {
		bad[i] = 1;
		add({
			row: rowOf(i),
			column,
			code,
			message: valueMessage(rowOf(i), column, cell, code),
			params: valueParams(rowOf(i), column, cell, code)
		});
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
	// Plain files: each id is a trimmed byte range (no strings until the ids are handed out);
	// otherwise trimmed strings. Either way a hash per row feeds the duplicate check.
	const idName = idMap ? raw.headers[idMap.index]! : freeName(ROW_NUMBER_ID, raw.headers);
	const idHash = new Int32Array(n);
	let idStart: Uint32Array | null = null;
	let idEnd: Uint32Array | null = null;
	let idStrings: string[] | null = null;
	const missingId = (i: number) => {
		bad[i] = 1;
		add({
			row: rowOf(i),
			column: idName,
			code: 'missing-id',
			message: `row ${rowOf(i)}, column "${idName}": the account id is blank`,
			params: { row: rowOf(i), column: idName }
		});
	};
	if (rowIds) {
		idStrings = new Array<string>(n);
		for (let i = 0; i < n; i++) {
			const v = String(i + 1);
			idStrings[i] = v;
			idHash[i] = hashString(v);
		}
	} else if (ix) {
		const { bytes, starts } = ix;
		idStart = new Uint32Array(n);
		idEnd = new Uint32Array(n);
		for (let i = 0, b = idMap!.index; i < n; i++, b += stride) {
			let s = starts[b]!;
			let e = starts[b + 1]! - 1;
			while (s < e && isSpaceByte(bytes[s]!)) s++;
			while (e > s && isSpaceByte(bytes[e - 1]!)) e--;
			idStart[i] = s;
			idEnd[i] = e;
			if (s === e) missingId(i);
			else idHash[i] = hashBytes(bytes, s, e);
		}
	} else {
		const cells = raw.columns[idMap!.index]!;
		idStrings = new Array<string>(n);
		for (let i = 0; i < n; i++) {
			const v = cells[i]!.trim();
			idStrings[i] = v;
			if (v === '') missingId(i);
			else idHash[i] = hashString(v);
		}
	}
	const idText = (i: number): string =>
		idStrings ? idStrings[i]! : ix!.text.slice(idStart![i]!, idEnd![i]!);
	const blankId = (i: number): boolean =>
		idStrings ? idStrings[i] === '' : idStart![i] === idEnd![i];
	const sameId = (i: number, j: number): boolean =>
		idStrings
			? idStrings[i] === idStrings[j]
			: sameBytes(ix!.bytes, idStart![i]!, idEnd![i]!, idStart![j]!, idEnd![j]!);

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
		} else if (m.type === 'boolean' && m.churnValue !== undefined) {
			const want = m.churnValue.trim();
			const wantBool = parseBoolean(want);
			const wantLower = want.toLowerCase();
			for (let i = 0; i < n; i++) {
				const v = cell(i);
				if (isMissing(v)) {
					values[i] = NaN;
					continue;
				}
				const b = wantBool === null ? null : parseBoolean(v);
				values[i] = (b !== null ? b === wantBool : v.trim().toLowerCase() === wantLower) ? 1 : 0;
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
			const zone = options.timeZone;
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
				if (typeof x === 'number') values[i] = zone && x === x ? dayInZone(v, x, zone) : x;
				else {
					values[i] = NaN;
					cellIssue(i, name, v, x);
				}
			}
		}
		typed.push({ m, name, col: { kind: 'number', values } });
	}

	// --- dates events and periods need ---
	const dated = (role: ColumnRole) => {
		const t = typed.find((u) => u.m.role === role);
		return t && t.col.kind === 'number' ? { name: t.name, values: t.col.values } : null;
	};
	const needed = timeRole === 'event-time' || timeRole === 'period-start' ? dated(timeRole) : null;
	if (needed)
		for (let i = 0; i < n; i++)
			if (needed.values[i] !== needed.values[i] && !bad[i]) {
				bad[i] = 1;
				add({
					row: rowOf(i),
					column: needed.name,
					code: 'missing-time',
					message: `row ${rowOf(i)}, column "${needed.name}": the ${grain === 'event' ? 'event date' : 'period start'} is blank`,
					params: { row: rowOf(i), column: needed.name, grain }
				});
			}
	const start = grain === 'period' ? dated('period-start') : null;
	const end = grain === 'period' ? dated('period-end') : null;
	if (start && end)
		for (let i = 0; i < n; i++)
			if (end.values[i]! < start.values[i]! && !bad[i]) {
				bad[i] = 1;
				add({
					row: rowOf(i),
					column: end.name,
					code: 'period-order',
					message: `row ${rowOf(i)}, column "${end.name}": the period ends (${isoDay(end.values[i]!)}) before it starts (${isoDay(start.values[i]!)} in "${start.name}")`,
					params: {
						row: rowOf(i),
						column: end.name,
						end: isoDay(end.values[i]!),
						start: isoDay(start.values[i]!),
						startColumn: start.name
					}
				});
			}

	// --- implausible dates: kept, flagged (a year 0000 or 9999 is a placeholder or a typo) ---
	const warnings: BuildIssue[] = [];
	let warningCount = 0;
	const [fromYear, toYear] = options.plausibleYears ?? [1900, 2100];
	const lowDay = daysFromCivil(fromYear, 1, 1);
	const highDay = daysFromCivil(toYear, 12, 31);
	for (const t of typed) {
		if (t.m.type !== 'date' || t.col.kind !== 'number') continue;
		const values = t.col.values;
		const cell = column(t.m.index);
		for (let i = 0; i < n; i++) {
			const x = values[i]!;
			if (!(x < lowDay || x > highDay)) continue; // in range or missing (NaN)
			warningCount++;
			if (warnings.length < maxIssues)
				warnings.push({
					row: rowOf(i),
					column: t.name,
					code: 'implausible-date',
					message: `row ${rowOf(i)}, column "${t.name}": ${JSON.stringify(cell(i).trim().slice(0, 40))} is ${x < lowDay ? `before ${fromYear}` : `after ${toYear}`}; kept as written, but check it`,
					params: {
						row: rowOf(i),
						column: t.name,
						value: JSON.stringify(cell(i).trim().slice(0, 40)).slice(1, -1),
						year: x < lowDay ? fromYear : toYear,
						after: x < lowDay ? 0 : 1
					}
				});
		}
	}

	// --- duplicate ids (per snapshot date when there is one; never for events and periods) ---
	// Open addressing over row numbers keyed by the id hash (mixed with the snapshot date):
	// no string keys, no Map of a million entries. Equal keys are confirmed on the ids.
	const snap = typed.find((t) => t.m.role === 'snapshot-date');
	const snapValues = snap?.col.kind === 'number' ? snap.col.values : null;
	const checkDuplicates = grain === 'account' || grain === 'snapshot';
	let size = 16;
	while (checkDuplicates && size < n * 2) size *= 2;
	const mask = size - 1;
	const slots = new Int32Array(size); // row + 1; 0 = empty
	const keyHash = new Int32Array(checkDuplicates ? n : 0);
	for (let i = 0; checkDuplicates && i < n; i++) {
		if (blankId(i)) continue;
		let h = idHash[i]!;
		if (snapValues) {
			const x = snapValues[i]!;
			h = Math.imul(h ^ (x === x ? x | 0 : 0x7fc00000), 0x9e3779b1) ^ (h >>> 15);
		}
		keyHash[i] = h;
		let k = (h ^ (h >>> 16)) & mask;
		let first = -1;
		for (let slot = slots[k]!; slot !== 0; k = (k + 1) & mask, slot = slots[k]!) {
			const j = slot - 1;
			if (keyHash[j] !== h || !sameId(i, j)) continue;
			if (snapValues) {
				const a = snapValues[i]!;
				const b = snapValues[j]!;
				if (a !== b && (a === a || b === b)) continue;
			}
			first = j;
			break;
		}
		if (first < 0) {
			slots[k] = i + 1;
			continue;
		}
		bad[i] = 1;
		add({
			row: rowOf(i),
			column: idName,
			code: 'duplicate-id',
			message: `row ${rowOf(i)}, column "${idName}": account id "${idText(i)}" repeats row ${rowOf(first)}${snapValues ? ' for the same snapshot date' : ''}`,
			params: {
				row: rowOf(i),
				column: idName,
				id: idText(i),
				first: rowOf(first),
				snapshot: snapValues ? 1 : 0
			}
		});
	}

	let badRows = 0;
	for (let i = 0; i < n; i++) badRows += bad[i]!;
	if (badRows > 0 && !options.skipRows) return fail({ ok: false, issues, issueCount, badRows });

	// --- compact (skip unreadable rows) ---
	const keep = n - badRows;
	if (keep === 0)
		return fail({
			ok: false,
			issues: [
				{
					row: null,
					column: null,
					code: 'no-rows',
					message: 'No row could be read.',
					params: { none: 1 }
				},
				...issues
			],
			issueCount: issueCount + 1,
			badRows
		});
	const pick = <T extends Float64Array | Int32Array | Uint32Array>(
		a: T,
		make: (k: number) => T
	): T => {
		if (badRows === 0) return a;
		const out = make(keep);
		for (let i = 0, j = 0; i < n; i++) if (!bad[i]) out[j++] = a[i]!;
		return out;
	};
	let keptIds: string[] = [];
	let idParts: IdParts | null = null;
	if (idStrings) {
		keptIds = badRows === 0 ? idStrings : idStrings.filter((_, i) => !bad[i]);
		if (partRows > 0) {
			idParts = packIdStrings(keptIds, partRows);
			keptIds = [];
		}
	} else if (partRows > 0) {
		const mk = (k: number) => new Uint32Array(k);
		idParts = packIdBytes(ix!.bytes, pick(idStart!, mk), pick(idEnd!, mk), partRows);
	} else {
		keptIds = new Array<string>(keep);
		for (let i = 0, j = 0; i < n; i++) if (!bad[i]) keptIds[j++] = idText(i);
	}
	const columns = new Map<string, Column>();
	const infos: ColumnInfo[] = [
		idMap
			? {
					name: idName,
					originalName: raw.originalHeaders[idMap.index] ?? idName,
					role: 'account-id',
					type: idMap.type,
					missingShare: 0
				}
			: {
					name: idName,
					originalName: '(row number)',
					role: 'account-id',
					type: 'number',
					missingShare: 0,
					rowNumbers: true
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
			if (DATED_ROLES.includes(t.m.role) && lo <= hi)
				dateRange = dateRange ? [Math.min(dateRange[0], lo), Math.max(dateRange[1], hi)] : [lo, hi];
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
			missingShare: missing / keep,
			...(t.m.type === 'boolean' && t.m.churnValue !== undefined
				? { churnValue: t.m.churnValue.trim() }
				: {}),
			...(t.m.role === 'ignore' && t.m.hold ? { heldAs: { ...t.m.hold } } : {})
		});
	}
	const result: BuildResult = {
		ok: true,
		table: { n: keep, columns },
		ids: keptIds,
		columns: infos,
		rowNumbers: pick(raw.rowNumbers.slice(0, n), (k) => new Uint32Array(k)),
		skippedRows: badRows,
		issues,
		issueCount,
		warnings,
		warningCount,
		dateRange
	};
	return { result, idParts };
}

/** Roles whose dates make the dataset's date range. */
export const DATED_ROLES: readonly ColumnRole[] = [
	'snapshot-date',
	'event-time',
	'period-start',
	'period-end'
];

function isoDay(day: number): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** ASCII whitespace as `String.prototype.trim` drops it (tab, LF, VT, FF, CR, space). */
function isSpaceByte(b: number): boolean {
	return b === 32 || (b >= 9 && b <= 13);
}

/** FNV-1a over bytes `[s, e)`. */
function hashBytes(bytes: Uint8Array, s: number, e: number): number {
	let h = 0x811c9dc5;
	for (let p = s; p < e; p++) h = Math.imul(h ^ bytes[p]!, 0x01000193);
	return h;
}

/** FNV-1a over UTF-16 code units (the string path's ids). */
/** `base`, or `base_2`, `base_3`, … when the file already has a column of that name. */
function freeName(base: string, taken: readonly string[]): string {
	const set = new Set(taken);
	let name = base;
	for (let k = 2; set.has(name); k++) name = `${base}_${k}`;
	return name;
}

function hashString(v: string): number {
	let h = 0x811c9dc5;
	for (let p = 0; p < v.length; p++) h = Math.imul(h ^ v.charCodeAt(p), 0x01000193);
	return h;
}

function sameBytes(bytes: Uint8Array, s1: number, e1: number, s2: number, e2: number): boolean {
	if (e1 - s1 !== e2 - s2) return false;
	for (let p = s1, q = s2; p < e1; p++, q++) if (bytes[p] !== bytes[q]) return false;
	return true;
}

/** Ids in parts of `partRows`: joined by `\n`, or as an array when an id holds a newline. */
export function packIdStrings(ids: readonly string[], partRows: number): IdParts {
	const parts: (string | string[])[] = [];
	for (let start = 0; start < ids.length; start += partRows) {
		const part = ids.slice(start, start + partRows);
		parts.push(part.some((id) => id.includes('\n')) ? part : part.join('\n'));
	}
	return { rows: ids.length, parts };
}

/**
 * Ids given as byte ranges `[starts[i], ends[i])` of an ASCII file (never holding a newline:
 * lines end there) in parts of `partRows`, each part copied into one `\n`-joined byte buffer
 * (transferred to the page and decoded there part by part).
 */
export function packIdBytes(
	bytes: Uint8Array,
	starts: Uint32Array,
	ends: Uint32Array,
	partRows: number
): IdParts {
	const rows = starts.length;
	const parts: Uint8Array[] = [];
	for (let from = 0; from < rows; from += partRows) {
		const to = Math.min(rows, from + partRows);
		let len = to - from - 1;
		for (let i = from; i < to; i++) len += ends[i]! - starts[i]!;
		const buf = new Uint8Array(len);
		let at = 0;
		for (let i = from; i < to; i++) {
			if (i > from) buf[at++] = 10;
			const s = starts[i]!;
			const e = ends[i]!;
			if (e - s > 16) {
				buf.set(bytes.subarray(s, e), at);
				at += e - s;
			} else for (let p = s; p < e; p++) buf[at++] = bytes[p]!;
		}
		parts.push(buf);
	}
	return { rows, parts };
}

const ascii = new TextDecoder();

/**
 * Ids back from their parts, one part per task (a `setTimeout` between parts), so the page
 * never blocks on a million strings at once.
 */
export async function unpackIds(packed: IdParts): Promise<string[]> {
	const ids = new Array<string>(packed.rows);
	let at = 0;
	for (let k = 0; k < packed.parts.length; k++) {
		if (k > 0) await new Promise((r) => setTimeout(r, 0));
		const list = idPart(packed.parts[k]!);
		for (let i = 0; i < list.length; i++) ids[at++] = list[i]!;
	}
	return ids;
}

/** Ids back from their parts at once (in a worker, where no page waits). */
export function unpackIdsNow(packed: IdParts): string[] {
	const ids = new Array<string>(packed.rows);
	let at = 0;
	for (const part of packed.parts) {
		const list = idPart(part);
		for (let i = 0; i < list.length; i++) ids[at++] = list[i]!;
	}
	return ids;
}

/** Each row's account as a dense index, and each account's id (see {@link indexIds}). */
export interface AccountIds {
	/** Account of each row: 0, 1, … in order of first appearance. */
	of: Int32Array;
	/** Id of each account. */
	names: string[];
}

/**
 * The rows' accounts from their ids, packed or not, keeping one string per account rather than
 * one per row: a worker that holds millions of snapshot rows then holds only its accounts' ids,
 * and its garbage collector marks a hundred thousand strings instead of millions.
 */
export function indexIds(ids: IdParts | readonly string[]): AccountIds {
	const parts = Array.isArray(ids) ? [ids] : (ids as IdParts).parts;
	const rows = Array.isArray(ids) ? ids.length : (ids as IdParts).rows;
	const of = new Int32Array(rows);
	const names: string[] = [];
	const index = new Map<string, number>();
	let at = 0;
	for (const part of parts) {
		const list = Array.isArray(part) ? (part as readonly string[]) : idPart(part);
		for (let i = 0; i < list.length && at < rows; i++) {
			const id = list[i]!;
			let a = index.get(id);
			if (a === undefined) {
				a = names.length;
				index.set(id, a);
				names.push(id);
			}
			of[at++] = a;
		}
	}
	return { of, names };
}

function idPart(part: IdParts['parts'][number]): readonly string[] {
	return typeof part === 'string'
		? part.split('\n')
		: part instanceof Uint8Array
			? ascii.decode(part).split('\n')
			: part;
}
