/**
 * Dataset types shared by import (csv/), storage (db/), the state classes and the workers.
 * A dataset is an imported CSV held column-wise: one row per account, or per account per snapshot.
 */
import type { Column, ColumnTable } from '$lib/model/types';
import type { DerivedSpec } from './derived-spec';

/** What a column means to the workbench (chosen in the mapping wizard). */
export type ColumnRole =
	| 'account-id'
	| 'snapshot-date'
	| 'segment'
	| 'metric'
	| 'churned'
	| 'churn-date'
	| 'renewal-date'
	| 'expansion'
	| 'contract-value'
	| 'event-time'
	| 'period-start'
	| 'period-end'
	/** Kept for the recipe (links, filters, distinct counts), not a metric itself. */
	| 'keep'
	| 'ignore';

/**
 * What one row of a source is: an account (CRM), an account on a date (snapshot), an event
 * (usage, tickets, invoices: ids repeat, each row dated) or a period (subscriptions, contracts:
 * ids repeat, each row has a start and an end).
 */
export type Grain = 'account' | 'snapshot' | 'event' | 'period';

export const GRAINS: readonly Grain[] = ['account', 'snapshot', 'event', 'period'];

/** Roles a dataset may have at most once (the wizard moves them, never duplicates them). */
export const SINGLE_ROLES: readonly ColumnRole[] = [
	'account-id',
	'snapshot-date',
	'segment',
	'churned',
	'churn-date',
	'renewal-date',
	'contract-value',
	'event-time',
	'period-start',
	'period-end'
];

/**
 * How a column's cells are typed after mapping. Numbers, booleans (1/0) and dates (epoch days,
 * UTC) are stored as `NumberColumn`; categories and text as dictionary-coded `CategoryColumn`.
 */
export type ColumnType = 'number' | 'boolean' | 'date' | 'category' | 'text';

export interface ColumnInfo {
	/** Safe, unique name used everywhere in the app (renamed from a bad header, e.g. `column_3`). */
	name: string;
	/** The header as it was in the file (may be blank, duplicated or `__proto__`). */
	originalName: string;
	role: ColumnRole;
	type: ColumnType;
	/** Share of rows with no value, 0–1. */
	missingShare: number;
	/** Set on a derived column (computed in the model designer): how it was computed. */
	derived?: DerivedSpec;
	/** Built tables: the recipe source a feature column comes from (`support-tickets`). */
	source?: string;
	/** Built tables: the column's definition in plain words. */
	description?: string;
	/** The account ids are the row numbers 1…n: the file had no id column. */
	rowNumbers?: boolean;
	/** Yes/no columns read from words: the value that was read as 1 (e.g. `Churned`). */
	churnValue?: string;
	/**
	 * A column ignored at import but held (as its text) so its role can be changed later
	 * without choosing the file again: how the import would have read it.
	 */
	heldAs?: HeldReading;
}

/** How an ignored, held column would be read if it were used (the import's detection). */
export interface HeldReading {
	type: ColumnType;
	decimal?: '.' | ',';
	dateOrder?: 'ymd' | 'dmy' | 'mdy';
	excelSerial?: boolean;
}

/**
 * The columns the workbench uses: a stored dataset also holds its ignored columns (role
 * `ignore`, kept only for changing roles later); every screen sees the dataset without them.
 */
export function usableMeta(meta: DatasetMeta): DatasetMeta {
	if (!meta.columns.some((c) => c.role === 'ignore')) return meta;
	return { ...meta, columns: meta.columns.filter((c) => c.role !== 'ignore') };
}

/** The dataset without its held ignored columns (see {@link usableMeta}). */
export function usableDataset(dataset: Dataset): Dataset {
	const meta = usableMeta(dataset.meta);
	if (meta === dataset.meta) return dataset;
	const columns = new Map(dataset.table.columns);
	for (const c of dataset.meta.columns) if (c.role === 'ignore') columns.delete(c.name);
	return { ...dataset, meta, table: { n: dataset.table.n, columns } };
}

/** The stored ids are row numbers (the file had no id column). */
export function idsAreRowNumbers(meta: Pick<DatasetMeta, 'columns'>): boolean {
	return meta.columns.some((c) => c.role === 'account-id' && c.rowNumbers === true);
}

export interface DatasetMeta {
	id: string;
	name: string;
	fileName: string;
	/** SHA-256 of the file bytes (hex): re-importing an identical file is detected by it. */
	fileHash: string;
	/** Epoch milliseconds. */
	createdAt: number;
	rows: number;
	columns: ColumnInfo[];
	/** Snapshot date range, epoch days, or null without a snapshot column. */
	dateRange: [number, number] | null;
	/** Bytes of the stored chunks (approximate size on disk). */
	bytes: number;
	/**
	 * What one row is. Absent on datasets stored before sources existed: read with `grainOf`
	 * (snapshot when a snapshot-date column is mapped, else account).
	 */
	grain?: Grain;
	/**
	 * Time zone the dates were read in (IANA name, `UTC` by default): a timestamp with an offset
	 * counts on its date in this zone; one without an offset is taken as this zone's time.
	 */
	timeZone?: string;
	/** Set on the modelling table built from the model's recipe (not a source itself). */
	builtFromRecipe?: boolean;
}

/** The grain of a stored dataset (old ones: snapshot with a snapshot-date column, else account). */
export function grainOf(meta: Pick<DatasetMeta, 'grain' | 'columns'>): Grain {
	if (meta.grain) return meta.grain;
	return meta.columns.some((c) => c.role === 'snapshot-date') ? 'snapshot' : 'account';
}

/** A dataset in memory: metadata, the account id of each row, and the typed columns. */
export interface Dataset {
	meta: DatasetMeta;
	/** Account id per row (kept as raw strings: `0012345` keeps its zeros). */
	ids: string[];
	table: ColumnTable;
}

/** Column name of the first column with a role, if any. */
export function columnWithRole(meta: DatasetMeta, role: ColumnRole): string | null {
	return meta.columns.find((c) => c.role === role)?.name ?? null;
}

/** Days since 1970-01-01 (UTC) → ISO date `YYYY-MM-DD`. */
export function epochDayToIso(day: number): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** ISO date `YYYY-MM-DD` → days since 1970-01-01 (UTC). */
export function isoToEpochDay(iso: string): number {
	return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/**
 * A table's columns as fresh copies, with their buffers to transfer to a worker. Transferring
 * copies costs one memory copy on the page; a structured clone of a wide table (200 columns ×
 * 100,000 rows) blocked the page for ~2 s while it serialised (issue 16).
 */
export function transferableColumns(table: ColumnTable): {
	columns: [string, Column][];
	transfer: ArrayBuffer[];
} {
	const columns: [string, Column][] = [];
	const transfer: ArrayBuffer[] = [];
	for (const [name, col] of table.columns) {
		if (col.kind === 'number') {
			const values = col.values.slice();
			columns.push([name, { kind: 'number', values }]);
			transfer.push(values.buffer);
		} else {
			const codes = col.codes.slice();
			columns.push([name, { kind: 'category', codes, dictionary: col.dictionary }]);
			transfer.push(codes.buffer);
		}
	}
	return { columns, transfer };
}
