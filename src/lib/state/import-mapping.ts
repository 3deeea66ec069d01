/**
 * Pure helpers of the import wizard: mapping rows from column profiles, remembered mappings,
 * the report's issue list, and the churn share of a built table. Tested in import-mapping.test.ts.
 */
import type { BuildIssue } from '$lib/data/csv/build';
import type { ColumnProfile } from '$lib/data/csv/infer';
import type { ParseIssue, ProblemParams } from '$lib/data/csv/parse';
import { CHURN_VALUE } from '$lib/data/csv/infer';
import {
	parseBoolean,
	parseDate,
	parseNumber,
	type DateOrder,
	type DecimalSeparator
} from '$lib/data/csv/values';
import { epochDayToIso, SINGLE_ROLES, type ColumnRole, type ColumnType } from '$lib/data/dataset';
import type { ColumnTable } from '$lib/model/types';

export { SINGLE_ROLES };

/** One column of the mapping table (the user's choices plus what the file showed). */
export interface MappingRow {
	index: number;
	/** Safe, unique name. */
	name: string;
	/** Header as in the file. */
	originalName: string;
	role: ColumnRole;
	type: ColumnType;
	decimal: DecimalSeparator;
	dateOrder: DateOrder;
	excelSerial: boolean;
	decimalAmbiguous: boolean;
	dateOrderAmbiguous: boolean;
	/** The user chose a date order (required when ambiguous). */
	dateOrderConfirmed: boolean;
	/**
	 * Yes/no columns: the value that means churned (1); null = the usual reading (Yes/True/1).
	 * Needed when the column holds words (`Churned` / `Active`); see {@link churnChoice}.
	 */
	churnValue: string | null;
	profile: ColumnProfile;
}

/** What is remembered per header list (and what a stored dataset's columns also provide). */
export interface RememberedColumn {
	name?: string;
	originalName: string;
	role: ColumnRole;
	type: ColumnType;
	decimal?: DecimalSeparator;
	dateOrder?: DateOrder;
	excelSerial?: boolean;
	churnValue?: string | null;
}

export interface RememberedMapping {
	columns: RememberedColumn[];
}

/** A row of the report: where and why. `row` null = the whole file or column. */
export interface ReportIssue {
	row: number | null;
	column: string | null;
	code: string;
	/** In English; the screen says it from `code` and `params` (`problemText`). */
	message: string;
	params?: ProblemParams;
}

/** Mapping rows from the worker's profiles (with their suggested roles). */
export function rowsFromProfiles(
	profiles: readonly ColumnProfile[],
	originalHeaders: readonly string[]
): MappingRow[] {
	return profiles.map((p) => ({
		index: p.index,
		name: p.name,
		originalName: originalHeaders[p.index] ?? p.name,
		role: p.role,
		type: p.role === 'churned' && p.churnValue !== undefined ? 'boolean' : p.type,
		decimal: p.decimal,
		dateOrder: p.dateOrder,
		excelSerial: p.excelSerial,
		decimalAmbiguous: p.decimalAmbiguous,
		dateOrderAmbiguous: p.dateOrderAmbiguous,
		dateOrderConfirmed: false,
		churnValue: p.churnValue ?? null,
		profile: p
	}));
}

/**
 * Apply a remembered mapping: each column takes the remembered choice of the column with the
 * same safe name (else the same original header); columns the mapping does not name are
 * ignored (a stored dataset lists only the columns it kept).
 */
export function applyRemembered(
	rows: readonly MappingRow[],
	remembered: RememberedMapping
): MappingRow[] {
	const byName = new Map<string, RememberedColumn>();
	const byOriginal = new Map<string, RememberedColumn>();
	for (const c of remembered.columns) {
		if (c.name !== undefined) byName.set(c.name, c);
		if (!byOriginal.has(c.originalName)) byOriginal.set(c.originalName, c);
	}
	return rows.map((r) => {
		const c = byName.get(r.name) ?? byOriginal.get(r.originalName);
		if (!c) return { ...r, role: 'ignore' };
		return {
			...r,
			role: c.role,
			type: c.type,
			decimal: c.decimal ?? r.decimal,
			dateOrder: c.dateOrder ?? r.dateOrder,
			excelSerial: c.excelSerial ?? r.excelSerial,
			churnValue: c.churnValue !== undefined ? c.churnValue : r.churnValue,
			dateOrderConfirmed: c.dateOrder !== undefined || r.dateOrderConfirmed
		};
	});
}

/** Plain (cloneable) remembered mapping from the current rows. */
export function toRemembered(rows: readonly MappingRow[]): RememberedMapping {
	return {
		columns: rows.map((r) => ({
			name: r.name,
			originalName: r.originalName,
			role: r.role,
			type: r.type,
			decimal: r.decimal,
			dateOrder: r.dateOrder,
			excelSerial: r.excelSerial,
			churnValue: r.churnValue
		}))
	};
}

/** One value of a yes/no column and its rows (over the rows read for the preview). */
export interface ChurnOption {
	value: string;
	rows: number;
}

/**
 * What the "which value means churn" switch shows for a column with the churned role: the
 * column's values with their rows, the one that counts as churned, and whether the column
 * needs a chosen value (it holds words, not yes/no). Null when the column's values are not
 * known (too many of them, or not a yes/no or category column).
 */
export function churnChoice(
	row: MappingRow
): { options: ChurnOption[]; chosen: string; needsValue: boolean } | null {
	const counts = row.profile.valueCounts;
	if (row.type !== 'boolean' || !counts || counts.length < 2) return null;
	const options = counts.map(([value, rows]) => ({ value, rows }));
	const needsValue = row.profile.type !== 'boolean';
	if (row.churnValue !== null) {
		const want = row.churnValue.toLowerCase();
		const hit = options.find((o) => o.value.toLowerCase() === want);
		if (hit) return { options, chosen: hit.value, needsValue };
	}
	if (needsValue) return { options, chosen: guessChurnValue(options), needsValue };
	const yes = options.find((o) => parseBoolean(o.value) === 1);
	return { options, chosen: yes?.value ?? options[0]!.value, needsValue };
}

/** The value that most likely means churn: a churn word, else the value with fewest rows. */
export function guessChurnValue(options: readonly ChurnOption[]): string {
	const word = options.find((o) => CHURN_VALUE.test(o.value));
	if (word) return word.value;
	let best = options[0]!;
	for (const o of options) if (o.rows < best.rows) best = o;
	return best.value;
}

/**
 * The churn value to build with: null for the usual yes/no reading (the chosen value is the
 * one that reads as yes), else the chosen value.
 */
export function churnValueForBuild(row: MappingRow): string | undefined {
	if (row.type !== 'boolean' || row.role !== 'churned') return undefined;
	const choice = churnChoice(row);
	if (!choice) return row.churnValue ?? undefined;
	if (!choice.needsValue && parseBoolean(choice.chosen) === 1) return undefined;
	return choice.chosen;
}

/** Ragged rows first, then cell problems, in file order within each; at most `cap`. */
export function issueRows(
	ragged: readonly ParseIssue[],
	build: readonly BuildIssue[],
	cap: number
): ReportIssue[] {
	const out: ReportIssue[] = [];
	for (const i of [...ragged, ...build]) {
		if (out.length >= cap) break;
		out.push({
			row: i.row,
			column: i.column,
			code: i.code,
			message: i.message,
			...(i.params ? { params: i.params } : {})
		});
	}
	return out;
}

/** Share 0–1 of rows whose flag is 1 among rows with a value; null without any value. */
export function churnShare(table: ColumnTable, column: string): number | null {
	const col = table.columns.get(column);
	if (!col || col.kind !== 'number') return null;
	let yes = 0;
	let known = 0;
	for (const x of col.values) {
		if (x !== x) continue;
		known++;
		if (x === 1) yes++;
	}
	return known === 0 ? null : yes / known;
}

/** A sample cell that reads as no value: not readable with the current choices, or blank. */
export const PREVIEW_GAPS = ['unreadable', 'missing'] as const;
export type PreviewGap = (typeof PREVIEW_GAPS)[number];

/** A sample cell and how it reads: a value, or a gap (said by `previewGapText`). */
export type SampleRead = { raw: string; read: string } | { raw: string; gap: PreviewGap };

/**
 * How the column's sample cells read with the current choices, e.g. `"1.234,5" → 1234.5`,
 * so the user can check the decimal separator or date order. Unreadable → gap `unreadable`.
 */
export function samplePreview(row: MappingRow, limit = 3): SampleRead[] {
	return row.profile.sample.slice(0, limit).map((raw) => {
		const read = readAs(row, raw);
		return typeof read === 'string' ? { raw, read } : { raw, gap: read.gap };
	});
}

function readAs(row: MappingRow, raw: string): string | { gap: PreviewGap } {
	if (row.type === 'number') {
		const x = parseNumber(raw, row.decimal);
		return x === null ? { gap: 'unreadable' } : Number.isNaN(x) ? { gap: 'missing' } : String(x);
	}
	if (row.type === 'date') {
		const d = parseDate(raw, row.dateOrder, row.excelSerial);
		return typeof d === 'number'
			? Number.isNaN(d)
				? { gap: 'missing' }
				: epochDayToIso(d)
			: { gap: 'unreadable' };
	}
	return raw;
}
