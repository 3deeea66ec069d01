/**
 * Change the roles and types of a stored dataset without the file: from what is stored (typed
 * columns, the account ids, and the ignored columns held as text), check the new choices and
 * build the replacement dataset. Pure: the caller stores it (all-or-nothing, replacing the old
 * one). Tested in remap.test.ts.
 */
import type { Column } from '$lib/model/types';
import { CHURN_VALUE } from './csv/infer';
import { DATED_ROLES, LIST_SEP, ROW_NUMBER_ID } from './csv/build';
import { isMissing, parseBoolean, parseDate, parseNumber } from './csv/values';
import {
	grainOf,
	SINGLE_ROLES,
	type ColumnInfo,
	type ColumnRole,
	type ColumnType,
	type Dataset,
	type DatasetMeta
} from './dataset';

/** One stored column in the re-map table: what is stored and the user's new choice. */
export interface RemapColumn {
	name: string;
	originalName: string;
	storedRole: ColumnRole;
	storedType: ColumnType;
	role: ColumnRole;
	type: ColumnType;
	/** Types it can take from what is stored (the stored type first). */
	types: ColumnType[];
	/** Why a type change is not possible from what is stored (`TYPE_NOTES`); else null. */
	typeNote: RemapTypeNote | null;
	/** Yes/no read from words: the value read as 1 (churned); null = Yes/True/1. */
	churnValue: string | null;
	/** Values of a column of words (for the "which value means churned" choice), else null. */
	values: string[] | null;
	/** The account ids are row numbers 1…n (the file had no id column). */
	rowNumbers: boolean;
}

/**
 * Why a stored column cannot change type: stored as dates, or as numbers (the original text is
 * not kept). Said in words by `src/lib/i18n/data-text.ts`; the English is `TYPE_NOTES`.
 */
export type RemapTypeNote = 'stored-dates' | 'stored-numbers';

/** Each type note in English (for logs and tests; the screen says it in the UI language). */
export const TYPE_NOTES: Record<RemapTypeNote, string> = {
	'stored-dates':
		'Stored as dates: reading it as another type needs the original text, which is not stored. Import the file again to change it.',
	'stored-numbers':
		'Stored as numbers: it can be read as dates only from the original text, which is not stored.'
};

/** Every check a re-mapping can fail, and every change it reports. */
export const REMAP_PROBLEM_CODES = [
	'single-role',
	'date-role-type',
	'churned-type',
	'no-time-column',
	'no-account-id',
	'cannot-read-stored',
	'churn-words',
	'cannot-read',
	'not-stored',
	'blank-id',
	'repeated-id',
	'metric-is-outcome'
] as const;
export type RemapProblemCode = (typeof REMAP_PROBLEM_CODES)[number];
export const REMAP_CHANGE_CODES = ['row-numbers', 'role', 'type'] as const;
export type RemapChangeCode = (typeof REMAP_CHANGE_CODES)[number];

/**
 * A re-mapping problem or change: a code, the names and figures it rests on (roles and types as
 * their codes, rows 1-based), and its English words (for logs and tests); the screen says it in
 * the UI language from `code` and `params` (`src/lib/i18n/data-text.ts`).
 */
export interface RemapNote<C extends string> {
	code: C;
	params: Record<string, string | number>;
	message: string;
}
export type RemapProblem = RemapNote<RemapProblemCode>;
export type RemapChange = RemapNote<RemapChangeCode>;

/** Roles whose column must hold dates. */
const DATE_ROLES: readonly ColumnRole[] = [...DATED_ROLES, 'churn-date', 'renewal-date'];

/** A role in words, for messages (the mapping table's labels build on it). */
export const ROLE_WORDS: Record<ColumnRole, string> = {
	'account-id': 'account id',
	'snapshot-date': 'snapshot date',
	segment: 'segment',
	metric: 'metric',
	churned: 'churned flag',
	'churn-date': 'churn date',
	'renewal-date': 'renewal date',
	expansion: 'expansion',
	'contract-value': 'contract value',
	'event-time': 'event time',
	'period-start': 'period start',
	'period-end': 'period end',
	keep: 'kept column',
	ignore: 'ignored column'
};

/** A type in words, for the English messages. */
export const TYPE_WORDS: Record<ColumnType, string> = {
	number: 'number',
	boolean: 'yes/no',
	date: 'date',
	category: 'category',
	text: 'text'
};

/** Text values of a stored column (ids, or a category / text column), or null for numbers. */
function textSource(ds: Dataset, info: ColumnInfo): { dict: string[]; codes: Int32Array } | null {
	if (info.role === 'account-id') {
		const seen = new Map<string, number>();
		const dict: string[] = [];
		const codes = new Int32Array(ds.ids.length);
		ds.ids.forEach((id, i) => {
			if (isMissing(id)) return void (codes[i] = -1);
			let c = seen.get(id);
			if (c === undefined) {
				c = dict.length;
				seen.set(id, c);
				dict.push(id);
			}
			codes[i] = c;
		});
		return { dict, codes };
	}
	const col = ds.table.columns.get(info.name);
	return col?.kind === 'category' ? { dict: col.dictionary, codes: col.codes } : null;
}

/** Each dictionary value read as `type` (null where unreadable), or null if any is unreadable. */
function readDict(dict: readonly string[], type: ColumnType, info: ColumnInfo): number[] | null {
	const out: number[] = [];
	const held = info.heldAs;
	for (const v of dict) {
		let x: number | null;
		if (type === 'number') x = parseNumber(v, held?.decimal ?? '.');
		else if (type === 'boolean') x = parseBoolean(v);
		else {
			const d = parseDate(v, held?.dateOrder ?? 'ymd', held?.excelSerial ?? false);
			x = typeof d === 'number' ? d : null;
		}
		if (x === null) return null;
		out.push(x);
	}
	return out;
}

/** Types a stored column can be read as, and a note when a change needs the original text. */
export function typeChoices(
	ds: Dataset,
	info: ColumnInfo
): { types: ColumnType[]; note: RemapTypeNote | null } {
	if (info.rowNumbers) return { types: ['number'], note: null };
	const text = textSource(ds, info);
	if (text) {
		const types: ColumnType[] = ['category', 'text'];
		for (const t of ['number', 'boolean', 'date'] as const)
			if (readDict(text.dict, t, info)) types.push(t);
		// Two words (Churned / Active): yes/no with a chosen churn value.
		if (!types.includes('boolean') && text.dict.length === 2) types.push('boolean');
		return { types: order(types, info.type), note: null };
	}
	const col = ds.table.columns.get(info.name);
	if (!col || col.kind !== 'number') return { types: [info.type], note: null };
	if (info.type === 'date')
		return {
			types: ['date'],
			note: 'stored-dates'
		};
	if (info.type === 'boolean') return { types: ['boolean', 'number'], note: null };
	const types: ColumnType[] = ['number', 'category', 'text'];
	let zeroOne = true;
	for (const x of col.values) if (x === x && x !== 0 && x !== 1) zeroOne = false;
	if (zeroOne) types.push('boolean');
	return {
		types,
		note: 'stored-numbers'
	};
}

function order(types: ColumnType[], first: ColumnType): ColumnType[] {
	return types.includes(first) ? [first, ...types.filter((t) => t !== first)] : types;
}

/** The re-map table of a stored dataset: every stored column with its role and type. */
export function remapColumns(ds: Dataset): RemapColumn[] {
	const idFirst = [...ds.meta.columns].sort(
		(a, b) => Number(b.role === 'account-id') - Number(a.role === 'account-id')
	);
	return idFirst.map((info) => {
		const { types, note } = typeChoices(ds, info);
		const text = textSource(ds, info);
		return {
			name: info.name,
			originalName: info.originalName,
			storedRole: info.role,
			storedType: info.type,
			role: info.role,
			type: info.type,
			types,
			typeNote: note,
			churnValue: info.churnValue ?? null,
			values: text && text.dict.length <= 50 ? [...text.dict] : null,
			rowNumbers: info.rowNumbers === true
		};
	});
}

/** The type a column takes when its role changes (a date role wants dates, …). */
export function typeForRole(col: RemapColumn, role: ColumnRole, held?: ColumnType): ColumnType {
	const can = (t: ColumnType) => col.types.includes(t);
	if (DATE_ROLES.includes(role) && can('date')) return 'date';
	if (role === 'churned' && can('boolean')) return 'boolean';
	if (col.storedRole === 'ignore' && role !== 'ignore' && held && can(held)) return held;
	return can(col.type) ? col.type : col.types[0]!;
}

/** The churn value of a column of words: a churn word, else the rarest value. */
export function guessChurnValue(ds: Dataset, col: RemapColumn): string | null {
	const info = ds.meta.columns.find((c) => c.name === col.name);
	const text = info ? textSource(ds, info) : null;
	if (!text || text.dict.length === 0) return null;
	if (readDict(text.dict, 'boolean', info!)) return null; // Yes/No, 1/0: the usual reading
	const word = text.dict.find((v) => CHURN_VALUE.test(v));
	if (word) return word;
	const counts = new Array<number>(text.dict.length).fill(0);
	for (const c of text.codes) if (c >= 0) counts[c]!++;
	let best = 0;
	for (let k = 1; k < counts.length; k++) if (counts[k]! < counts[best]!) best = k;
	return text.dict[best]!;
}

/** A column of the new dataset, read from what is stored (null + message when it cannot be). */
function convert(
	ds: Dataset,
	info: ColumnInfo,
	col: RemapColumn
): { column: Column } | { error: RemapProblem } {
	const n = ds.table.n;
	const stored = ds.table.columns.get(info.name);
	const text = textSource(ds, info);
	const to = col.type;
	if (!col.types.includes(to))
		return {
			error: problem(
				'cannot-read-stored',
				{ column: col.name, type: to, ...(col.typeNote ? { note: col.typeNote } : {}) },
				`Column “${col.name}” cannot be read as ${TYPE_WORDS[to]} from what is stored.${col.typeNote ? ` ${TYPE_NOTES[col.typeNote]}` : ''}`
			)
		};
	if (text) {
		if (to === 'category' || to === 'text')
			return { column: { kind: 'category', codes: text.codes, dictionary: text.dict } };
		let read = readDict(text.dict, to, info);
		if (to === 'boolean' && (!read || col.churnValue !== null)) {
			const want = (col.churnValue ?? '').trim().toLowerCase();
			if (!want)
				return {
					error: problem(
						'churn-words',
						{ column: col.name },
						`Column “${col.name}” holds words: choose which value means churned (yes).`
					)
				};
			read = text.dict.map((v) => (v.trim().toLowerCase() === want ? 1 : 0));
		}
		if (!read)
			return {
				error: problem(
					'cannot-read',
					{ column: col.name, type: to },
					`Column “${col.name}” cannot be read as ${TYPE_WORDS[to]}.`
				)
			};
		const values = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const c = text.codes[i]!;
			values[i] = c < 0 ? NaN : read[c]!;
		}
		return { column: { kind: 'number', values } };
	}
	if (!stored || stored.kind !== 'number')
		return {
			error: problem(
				'not-stored',
				{ column: col.name },
				`Column “${col.name}” is not stored; import the file again to use it.`
			)
		};
	if (to === 'category' || to === 'text') {
		const seen = new Map<number, number>();
		const dictionary: string[] = [];
		const codes = new Int32Array(n);
		for (let i = 0; i < n; i++) {
			const x = stored.values[i]!;
			if (x !== x) {
				codes[i] = -1;
				continue;
			}
			let c = seen.get(x);
			if (c === undefined) {
				c = dictionary.length;
				seen.set(x, c);
				dictionary.push(String(x));
			}
			codes[i] = c;
		}
		return { column: { kind: 'category', codes, dictionary } };
	}
	return { column: stored };
}

export type RemapResult =
	{ ok: true; dataset: Dataset; changes: RemapChange[] } | { ok: false; errors: RemapProblem[] };

/**
 * Check the new roles and types and build the replacement dataset (new `id`, same rows).
 * Refused, with messages naming the column: a single role on two columns, no account id when
 * ids repeat, an id with blank or repeated values, a date role on a column without dates, a
 * churned flag that is not yes/no, a metric that holds the churned flag's values, a missing
 * time column for the grain.
 */
export function applyRemap(
	ds: Dataset,
	cols: readonly RemapColumn[],
	next: { id: string; createdAt: number }
): RemapResult {
	const errors: RemapProblem[] = [];
	const grain = grainOf(ds.meta);
	const n = ds.table.n;
	const byName = new Map(ds.meta.columns.map((c) => [c.name, c]));
	for (const role of SINGLE_ROLES) {
		const on = cols.filter((c) => c.role === role);
		if (on.length > 1)
			errors.push(
				problem(
					'single-role',
					{ role, columns: on.map((c) => c.name).join(LIST_SEP) },
					`Only one column can be the ${ROLE_WORDS[role]}: ${on.map((c) => `“${c.name}”`).join(' and ')} are both. Choose one.`
				)
			);
	}
	for (const c of cols) {
		if (DATE_ROLES.includes(c.role) && c.type !== 'date')
			errors.push(
				problem(
					'date-role-type',
					{ column: c.name, type: c.type, role: c.role, canDate: Number(c.types.includes('date')) },
					`Column “${c.name}” is read as ${TYPE_WORDS[c.type]}, not dates, so it cannot be the ${ROLE_WORDS[c.role]}.${c.types.includes('date') ? ' Choose the type “date”.' : ''}`
				)
			);
		if (c.role === 'churned' && c.type !== 'boolean')
			errors.push(
				problem(
					'churned-type',
					{ column: c.name, canBoolean: Number(c.types.includes('boolean')) },
					`Column “${c.name}” must be read as yes/no (1 = churned) to be the churned flag.${c.types.includes('boolean') ? ' Choose the type “yes/no”.' : ' Its values are not yes/no.'}`
				)
			);
	}
	const time =
		grain === 'event'
			? 'event-time'
			: grain === 'period'
				? 'period-start'
				: grain === 'snapshot'
					? 'snapshot-date'
					: null;
	if (time && !cols.some((c) => c.role === time))
		errors.push(
			problem(
				'no-time-column',
				{ grain, role: time },
				`One row is one ${grain === 'snapshot' ? 'account on a date' : grain}: a column must be the ${ROLE_WORDS[time]}.`
			)
		);
	const idCol = cols.find((c) => c.role === 'account-id') ?? null;
	if (!idCol && grain !== 'account')
		errors.push(
			problem(
				'no-account-id',
				{},
				'The same account appears on several rows, so a column must be the account id (role “account id”).'
			)
		);
	if (errors.length > 0) return { ok: false, errors };

	// Columns, read from what is stored.
	const built = new Map<string, Column>();
	for (const c of cols) {
		const info = byName.get(c.name);
		if (!info) continue;
		if (c.role === 'account-id' && info.role === 'account-id') continue; // ids stay as they are
		if (c.rowNumbers) continue; // made up at import: never a column
		if (c.role === 'ignore' && info.role === 'ignore') {
			const kept = ds.table.columns.get(c.name);
			if (kept) built.set(c.name, kept);
			continue;
		}
		const r = convert(ds, info, c.role === 'ignore' ? { ...c, type: c.storedType } : c);
		if ('error' in r) errors.push(r.error);
		else built.set(c.name, r.column);
	}
	if (errors.length > 0) return { ok: false, errors };

	// Account ids.
	let ids: string[];
	let rowIds = false;
	if (!idCol || idCol.rowNumbers) {
		rowIds = true;
		ids = Array.from({ length: n }, (_, i) => String(i + 1));
	} else if (idCol.storedRole === 'account-id') ids = ds.ids;
	else {
		const col = built.get(idCol.name)!;
		ids = new Array<string>(n);
		for (let i = 0; i < n; i++) {
			const v =
				col.kind === 'category'
					? col.codes[i]! < 0
						? ''
						: col.dictionary[col.codes[i]!]!
					: col.values[i] === col.values[i]
						? String(col.values[i])
						: '';
			if (v === '') {
				errors.push(
					problem(
						'blank-id',
						{ column: idCol.name, row: i + 1 },
						`Column “${idCol.name}” cannot be the account id: it is blank on ${ordinalRow(i)}.`
					)
				);
				return { ok: false, errors };
			}
			ids[i] = v;
		}
		built.delete(idCol.name);
	}
	// Ids must not repeat (per snapshot date in a snapshot dataset).
	if (grain === 'account' || grain === 'snapshot') {
		const snap = cols.find((c) => c.role === 'snapshot-date');
		const dates = snap ? built.get(snap.name) : undefined;
		const day = dates?.kind === 'number' ? dates.values : null;
		const first = new Map<string, number>();
		for (let i = 0; i < n; i++) {
			const key = day ? `${ids[i]}\u0000${day[i]}` : ids[i]!;
			const j = first.get(key);
			if (j === undefined) {
				first.set(key, i);
				continue;
			}
			const name = idCol?.name ?? 'row number';
			errors.push(
				problem(
					'repeated-id',
					{
						column: name,
						id: ids[i]!,
						first: j + 1,
						row: i + 1,
						sameDate: Number(!!day),
						perSnapshot: Number(grain === 'snapshot')
					},
					`Column “${name}” cannot be the account id: “${ids[i]}” is on ${ordinalRow(j)} and ${ordinalRow(i)}${day ? ' for the same snapshot date' : ''}. An account id must name one account${grain === 'snapshot' ? ' per snapshot' : ''}.`
				)
			);
			return { ok: false, errors };
		}
	}
	// A metric that repeats the churned flag gives the outcome away.
	const churned = cols.find((c) => c.role === 'churned');
	const flag = churned ? built.get(churned.name) : undefined;
	if (flag?.kind === 'number')
		for (const c of cols) {
			if (c.role !== 'metric') continue;
			const m = built.get(c.name);
			if (m?.kind === 'number' && sameValues(m.values, flag.values))
				errors.push(
					problem(
						'metric-is-outcome',
						{ column: c.name, churned: churned!.name },
						`Column “${c.name}” holds the same values as the churned flag “${churned!.name}”: as a metric it would give the outcome away. Make it ignored, or make it the churned flag instead.`
					)
				);
		}
	if (errors.length > 0) return { ok: false, errors };

	// Meta: the id first, then the stored order.
	const infos: ColumnInfo[] = [];
	const changes: RemapChange[] = [];
	const taken = cols.map((c) => c.name);
	if (rowIds) {
		const old = cols.find((c) => c.rowNumbers);
		const name = old?.name ?? freeName(ROW_NUMBER_ID, taken);
		infos.push({
			name,
			originalName: '(row number)',
			role: 'account-id',
			type: 'number',
			missingShare: 0,
			rowNumbers: true
		});
		if (!old)
			changes.push(
				problem(
					'row-numbers',
					{},
					'Account ids: the row numbers 1, 2, 3… (no column is the account id).'
				)
			);
	} else {
		const info = byName.get(idCol!.name)!;
		infos.push({ ...withoutExtras(info), role: 'account-id', type: idCol!.type, missingShare: 0 });
	}
	for (const c of cols) {
		const info = byName.get(c.name)!;
		if (c.role !== c.storedRole)
			changes.push(
				problem(
					'role',
					{ column: c.name, from: c.storedRole, to: c.role },
					`“${c.name}”: ${ROLE_WORDS[c.storedRole]} → ${ROLE_WORDS[c.role]}.`
				)
			);
		else if (c.type !== c.storedType && c.role !== 'ignore')
			changes.push(
				problem(
					'type',
					{ column: c.name, from: c.storedType, to: c.type },
					`“${c.name}”: read as ${TYPE_WORDS[c.storedType]} → ${TYPE_WORDS[c.type]}.`
				)
			);
		if (c.role === 'account-id' || c.rowNumbers) continue;
		const col = built.get(c.name);
		if (!col) continue;
		const ignored = c.role === 'ignore';
		const type = ignored ? c.storedType : c.type;
		infos.push({
			...withoutExtras(info),
			role: c.role,
			type,
			missingShare: missingShare(col, n),
			...(type === 'boolean' && c.churnValue !== null && !ignored
				? { churnValue: c.churnValue }
				: {}),
			...(ignored ? { heldAs: info.heldAs ?? { type: c.storedType } } : {})
		});
	}
	let dateRange: [number, number] | null = null;
	for (const c of cols) {
		if (!DATED_ROLES.includes(c.role)) continue;
		const col = built.get(c.name);
		if (col?.kind !== 'number') continue;
		for (const x of col.values)
			if (x === x)
				dateRange = dateRange ? [Math.min(dateRange[0], x), Math.max(dateRange[1], x)] : [x, x];
	}
	const meta: DatasetMeta = {
		...ds.meta,
		id: next.id,
		createdAt: next.createdAt,
		columns: infos,
		dateRange,
		bytes: 0
	};
	return { ok: true, dataset: { meta, ids, table: { n, columns: built } }, changes };
}

function withoutExtras(info: ColumnInfo): ColumnInfo {
	const { heldAs: _h, churnValue: _c, rowNumbers: _r, ...rest } = info;
	return rest;
}

function missingShare(col: Column, n: number): number {
	if (n === 0) return 0;
	let missing = 0;
	if (col.kind === 'number') for (const x of col.values) missing += x !== x ? 1 : 0;
	else for (const c of col.codes) missing += c < 0 ? 1 : 0;
	return missing / n;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x !== y && (x === x || y === y)) return false;
	}
	return true;
}

function problem<C extends string>(
	code: C,
	params: Record<string, string | number>,
	message: string
): RemapNote<C> {
	return { code, params, message };
}

/** "row 3 of the stored data" (1-based: rows left out at import are not counted). */
function ordinalRow(i: number): string {
	return `row ${i + 1} of the stored data`;
}

function freeName(base: string, taken: readonly string[]): string {
	let name = base;
	for (let k = 2; taken.includes(name); k++) name = `${base}_${k}`;
	return name;
}
