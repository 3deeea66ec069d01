/**
 * Derived columns: new number columns computed from a dataset's columns or from each account's
 * snapshot history (DESIGN.md, "Derived metric"). A derived column is stored in the dataset like
 * any other column (with its definition in `ColumnInfo.derived`), so every scoring path — the
 * portfolio worker, backtests, exports — reads it as an ordinary column.
 *
 * Pure: no DOM, no storage. History kinds never look at another account's rows.
 */
import type { NumberColumn } from '$lib/model/types';
import { columnWithRole, type ColumnInfo, type Dataset, type DatasetMeta } from './dataset';

import type {
	ChangeSpec,
	DaysSinceSpec,
	DerivedKind,
	DerivedSpec,
	RatioSpec,
	WindowSpec
} from './derived-spec';
export type { ChangeSpec, DaysSinceSpec, DerivedKind, DerivedSpec, RatioSpec, WindowSpec };

/** A problem with a derived definition: the field it is about (e.g. `spec.days`) and why. */
export interface DeriveIssue {
	path: string;
	code:
		| 'unknown-column'
		| 'not-number'
		| 'not-date'
		| 'no-history'
		| 'bad-days'
		| 'bad-scale'
		| 'bad-name'
		| 'no-reference';
	message: string;
	/** The column the issue names, if any (for the message in another language). */
	name?: string;
}

export interface DeriveOptions {
	/**
	 * Reference day (epoch days) for `days-since` when the dataset has no snapshot column,
	 * typically today. Ignored when there are snapshots.
	 */
	referenceDay?: number;
}

export interface DeriveResult {
	/** The derived values, one per row; `NaN` = missing. Empty (n = 0) when `issues` is not. */
	column: NumberColumn;
	issues: DeriveIssue[];
}

const HISTORY_KINDS: ReadonlySet<DerivedKind> = new Set(['change', 'window']);

/** Column names a spec reads, with the field path of each. */
function inputs(spec: DerivedSpec): { path: string; name: string }[] {
	if (spec.kind === 'ratio')
		return [
			{ path: 'spec.numerator', name: spec.numerator },
			{ path: 'spec.denominator', name: spec.denominator }
		];
	return [{ path: 'spec.column', name: spec.column }];
}

/**
 * Check a definition against a dataset. Returns path-named issues (empty = it can be computed):
 * unknown column, a value column that is not a number (or boolean) column, a `days-since` column
 * that is not a date, no snapshot date column for `change`/`window`, `days` not a finite number
 * > 0, a `scale` that is not a finite non-zero number, `days-since` with neither snapshots nor a
 * reference day.
 */
export function validateDerived(
	dataset: Dataset,
	spec: DerivedSpec,
	options: DeriveOptions = {}
): DeriveIssue[] {
	const issues: DeriveIssue[] = [];
	const { meta, table } = dataset;
	for (const { path, name } of inputs(spec)) {
		const info = meta.columns.find((c) => c.name === name);
		const col = table.columns.get(name);
		if (!info || !col) {
			issues.push({
				path,
				code: 'unknown-column',
				message: name ? `There is no column “${name}”.` : 'Choose a column.',
				...(name ? { name } : {})
			});
		} else if (spec.kind === 'days-since') {
			if (info.type !== 'date' || col.kind !== 'number')
				issues.push({ path, code: 'not-date', message: `“${name}” is not a date column.`, name });
		} else if ((info.type !== 'number' && info.type !== 'boolean') || col.kind !== 'number') {
			issues.push({ path, code: 'not-number', message: `“${name}” is not a number column.`, name });
		}
	}
	const snap = columnWithRole(meta, 'snapshot-date');
	if (HISTORY_KINDS.has(spec.kind) && !snap)
		issues.push({
			path: 'spec.kind',
			code: 'no-history',
			message: 'This needs history: the dataset has no snapshot date column.'
		});
	if (spec.kind === 'days-since' && !snap && !Number.isFinite(options.referenceDay))
		issues.push({
			path: 'spec.kind',
			code: 'no-reference',
			message: 'Without a snapshot date column, days since needs a reference day.'
		});
	if (
		(spec.kind === 'change' || spec.kind === 'window') &&
		!(spec.days > 0 && Number.isFinite(spec.days))
	)
		issues.push({ path: 'spec.days', code: 'bad-days', message: 'Days must be a number above 0.' });
	if (
		spec.kind === 'ratio' &&
		spec.scale !== undefined &&
		!(Number.isFinite(spec.scale) && spec.scale !== 0)
	)
		issues.push({
			path: 'spec.scale',
			code: 'bad-scale',
			message: 'The multiplier must be a number other than 0.'
		});
	return issues;
}

/**
 * Check the name of a new derived column: `[A-Za-z_][A-Za-z0-9_]*` (it becomes a column name in
 * exports and SQL) and not already a column of the dataset.
 */
export function validateDerivedName(dataset: Dataset, name: string): DeriveIssue[] {
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
		return [
			{
				path: 'name',
				code: 'bad-name',
				message: 'Use letters, digits and _ only, starting with a letter or _.'
			}
		];
	if (dataset.meta.columns.some((c) => c.name === name) || dataset.table.columns.has(name))
		return [
			{ path: 'name', code: 'bad-name', message: `There is already a column “${name}”.`, name }
		];
	return [];
}

/**
 * Compute a derived column. Missing (`NaN`) where an input is missing, and:
 * - ratio: denominator 0; a non-finite result;
 * - change: no snapshot of the account dated at or before (date − days); `pct` with a 0 earlier
 *   value;
 * - days-since: the date is after the snapshot date (or the reference day);
 * - window: no present value in the window (all aggregates, `count` included).
 * History kinds: rows without a snapshot date or with an empty account id are missing. Several
 * rows of one account on the same date are one snapshot: `change` compares against the mean of
 * their present values, and `window` counts each of them. Results never depend on row order.
 * Cost: O(n log n) for the sort by (account, date), plus, for `window`, the number of snapshot
 * dates inside each window.
 */
export function deriveColumn(
	dataset: Dataset,
	spec: DerivedSpec,
	options: DeriveOptions = {}
): DeriveResult {
	const issues = validateDerived(dataset, spec, options);
	if (issues.length) return { column: { kind: 'number', values: new Float64Array(0) }, issues };
	const n = dataset.table.n;
	const num = (name: string): Float64Array => {
		const c = dataset.table.columns.get(name);
		if (c?.kind !== 'number') throw new Error(`column ${name} is not numeric`); // validated above
		return c.values;
	};
	const snapName = columnWithRole(dataset.meta, 'snapshot-date');
	const dates = snapName ? num(snapName) : null;
	const out = new Float64Array(n).fill(NaN);
	switch (spec.kind) {
		case 'ratio': {
			const a = num(spec.numerator);
			const b = num(spec.denominator);
			const k = spec.scale ?? 1;
			for (let i = 0; i < n; i++) {
				const d = b[i]!;
				const v = (a[i]! / d) * k;
				if (d !== 0 && Number.isFinite(v)) out[i] = v;
			}
			break;
		}
		case 'days-since': {
			const at = num(spec.column);
			const ref = options.referenceDay ?? NaN;
			for (let i = 0; i < n; i++) {
				const v = (dates ? dates[i]! : ref) - at[i]!;
				if (v >= 0) out[i] = v; // NaN compares false: missing stays missing
			}
			break;
		}
		case 'change':
		case 'window':
			if (dates) deriveHistory(dataset.ids, dates, num(spec.column), spec, out);
			break;
	}
	return { column: { kind: 'number', values: out }, issues: [] };
}

/**
 * Row indices with a snapshot date and a non-empty account id, sorted by (account, date, row).
 * Account codes are given in order of first appearance (they only group rows). A counting sort
 * groups the accounts in O(n); each account's few snapshots are then sorted by (date, row).
 */
export function historyOrder(
	ids: readonly string[],
	dates: Float64Array
): { order: Int32Array; account: Int32Array } {
	const n = ids.length;
	const codes = new Map<string, number>();
	const account = new Int32Array(n).fill(-1);
	for (let i = 0; i < n; i++) {
		const id = ids[i]!;
		if (id === '' || !Number.isFinite(dates[i]!)) continue;
		let c = codes.get(id);
		if (c === undefined) codes.set(id, (c = codes.size));
		account[i] = c;
	}
	const A = codes.size;
	const offsets = new Int32Array(A + 1);
	for (let i = 0; i < n; i++) if (account[i]! >= 0) offsets[account[i]! + 1]!++;
	for (let a = 0; a < A; a++) offsets[a + 1]! += offsets[a]!;
	const fill = offsets.slice(0, A);
	const order = new Int32Array(offsets[A]!);
	for (let i = 0; i < n; i++) if (account[i]! >= 0) order[fill[account[i]!]!++] = i;
	const before = (x: number, y: number) => dates[x]! - dates[y]! || x - y;
	for (let a = 0; a < A; a++) {
		const s = offsets[a]!;
		const e = offsets[a + 1]!;
		if (e - s > 32) {
			order.subarray(s, e).sort(before);
			continue;
		}
		// Insertion sort: rows arrive in row order, usually already by date.
		for (let k = s + 1; k < e; k++) {
			const x = order[k]!;
			let j = k - 1;
			while (j >= s && before(order[j]!, x) > 0) {
				order[j + 1] = order[j]!;
				j--;
			}
			order[j + 1] = x;
		}
	}
	return { order, account };
}

function deriveHistory(
	ids: readonly string[],
	dates: Float64Array,
	values: Float64Array,
	spec: ChangeSpec | WindowSpec,
	out: Float64Array
): void {
	const { order, account } = historyOrder(ids, dates);
	const m = order.length;
	// Snapshot groups: runs of `order` with the same account and date (at most m of them).
	const gStart = new Int32Array(m + 1);
	const gDate = new Float64Array(m);
	const gAccount = new Int32Array(m);
	const gSum = new Float64Array(m);
	const gCount = new Int32Array(m);
	const gPositive = new Int32Array(m);
	let G = 0;
	for (let k = 0; k < m; k++) {
		const i = order[k]!;
		if (G === 0 || gAccount[G - 1] !== account[i] || gDate[G - 1] !== dates[i]) {
			gStart[G] = k;
			gDate[G] = dates[i]!;
			gAccount[G] = account[i]!;
			G++;
		}
		const v = values[i]!;
		if (!Number.isNaN(v)) {
			gSum[G - 1]! += v;
			gCount[G - 1]!++;
			if (v > 0) gPositive[G - 1]!++;
		}
	}
	gStart[G] = m;
	const days = spec.days;
	// Per group, one aggregate shared by its rows; `lo`/`ref` only move forward within an account.
	let accStart = 0;
	let lo = 0;
	let ref = -1;
	for (let g = 0; g < G; g++) {
		if (g === 0 || gAccount[g] !== gAccount[g - 1]) {
			accStart = g;
			lo = g;
			ref = g - 1;
		}
		const d = gDate[g]!;
		if (spec.kind === 'change') {
			// Latest group of this account dated ≤ d − days (days > 0, so strictly before g).
			while (ref + 1 < g && gDate[ref + 1]! <= d - days) ref++;
			if (ref < accStart || gCount[ref] === 0) continue;
			const then = gSum[ref]! / gCount[ref]!;
			if (spec.mode === 'pct' && then === 0) continue;
			for (let k = gStart[g]!; k < gStart[g + 1]!; k++) {
				const i = order[k]!;
				const now = values[i]!;
				const v = spec.mode === 'pct' ? ((now - then) / Math.abs(then)) * 100 : now - then;
				if (Number.isFinite(v)) out[i] = v;
			}
		} else {
			// Window (d − days, d]: first group of this account dated after d − days.
			while (gDate[lo]! <= d - days) lo++;
			let sum = 0;
			let count = 0;
			let positive = 0;
			for (let h = lo; h <= g; h++) {
				sum += gSum[h]!;
				count += gCount[h]!;
				positive += gPositive[h]!;
			}
			if (count === 0) continue;
			const v = spec.agg === 'sum' ? sum : spec.agg === 'mean' ? sum / count : positive;
			for (let k = gStart[g]!; k < gStart[g + 1]!; k++) out[order[k]!] = v;
		}
	}
}

/** Share 0–1 of missing (`NaN`) values. */
function missingShare(values: Float64Array): number {
	let missing = 0;
	for (const v of values) if (Number.isNaN(v)) missing++;
	return values.length ? missing / values.length : 0;
}

/**
 * A dataset with the derived column added (role `metric`, type `number`, definition in
 * `derived`). The input is not changed; the table's other columns are shared, not copied.
 * The meta keeps its id: storing it as a new version is the caller's business.
 */
export function withDerivedColumn(
	dataset: Dataset,
	name: string,
	spec: DerivedSpec,
	column: NumberColumn
): Dataset {
	const info: ColumnInfo = {
		name,
		originalName: name,
		role: 'metric',
		type: 'number',
		missingShare: missingShare(column.values),
		derived: spec
	};
	const columns = new Map(dataset.table.columns);
	columns.set(name, column);
	return {
		meta: { ...dataset.meta, columns: [...dataset.meta.columns, info] },
		ids: dataset.ids,
		table: { n: dataset.table.n, columns }
	};
}

function fmt(x: number): string {
	return String(x);
}

/**
 * The definition in words, e.g. `active_users ÷ seats × 100`, `% change of logins_30d vs 60 days
 * earlier`, `days since renewal_date`, `sum of logins_30d over 90 days`.
 */
export function describeDerived(spec: DerivedSpec): string {
	switch (spec.kind) {
		case 'ratio':
			return `${spec.numerator} ÷ ${spec.denominator}${
				spec.scale !== undefined && spec.scale !== 1 ? ` × ${fmt(spec.scale)}` : ''
			}`;
		case 'change':
			return `${spec.mode === 'pct' ? '% change' : 'change'} of ${spec.column} vs ${fmt(spec.days)} days earlier`;
		case 'days-since':
			return `days since ${spec.column}`;
		case 'window': {
			const what = spec.agg === 'count' ? 'snapshots with' : spec.agg;
			return `${what} ${spec.column}${spec.agg === 'count' ? ' > 0' : ''} over ${fmt(spec.days)} days`;
		}
	}
}

/** Definitions of a dataset's derived columns by column name, e.g. `active_users ÷ seats × 100`. */
export function derivedDefinitions(meta: DatasetMeta | null): Map<string, string> {
	const out = new Map<string, string>();
	for (const c of meta?.columns ?? []) {
		if (c.derived) out.set(c.name, describeDerived(c.derived));
		// A feature of a table built from sources: "from support-tickets: count of … rows …".
		else if (c.source)
			out.set(c.name, `from ${c.source}: ${(c.description ?? '').replace(/^.*? = /, '')}`);
	}
	return out;
}

/** A default name for the new column, e.g. `active_users_per_seats`, `logins_30d_pct_change_60d`. */
export function defaultDerivedName(spec: DerivedSpec): string {
	switch (spec.kind) {
		case 'ratio':
			return `${spec.numerator}_per_${spec.denominator}`;
		case 'change':
			return `${spec.column}_${spec.mode === 'pct' ? 'pct_' : ''}change_${fmt(spec.days)}d`;
		case 'days-since':
			return `days_since_${spec.column}`;
		case 'window':
			return `${spec.column}_${spec.agg}_${fmt(spec.days)}d`;
	}
}

/** Summary of derived values over some rows (all rows when `rows` is null). */
export interface DerivedSummary {
	rows: number;
	present: number;
	/** Share 0–1 of the rows with no value. */
	missingShare: number;
	min: number | null;
	/** Median of the present values (mean of the middle two for an even count). */
	median: number | null;
	max: number | null;
	/** 5th and 95th percentiles (nearest rank) of the present values: a robust range. */
	p5: number | null;
	p95: number | null;
}

export function summariseDerived(values: Float64Array, rows: Int32Array | null): DerivedSummary {
	const picked: number[] = [];
	const total = rows ? rows.length : values.length;
	for (let k = 0; k < total; k++) {
		const v = values[rows ? rows[k]! : k]!;
		if (!Number.isNaN(v)) picked.push(v);
	}
	picked.sort((a, b) => a - b);
	const p = picked.length;
	const median =
		p === 0 ? null : p % 2 ? picked[(p - 1) / 2]! : (picked[p / 2 - 1]! + picked[p / 2]!) / 2;
	return {
		rows: total,
		present: p,
		missingShare: total ? (total - p) / total : 0,
		min: p ? picked[0]! : null,
		median,
		max: p ? picked[p - 1]! : null,
		p5: p ? picked[Math.max(0, Math.ceil(0.05 * p) - 1)]! : null,
		p95: p ? picked[Math.max(0, Math.ceil(0.95 * p) - 1)]! : null
	};
}
