/**
 * Which accounts a backtest scores, and their outcome labels.
 *
 * Point in time (DESIGN.md "Backtest"): pick an as-of day T and a horizon H. Each account is
 * scored on its latest snapshot dated ≤ T; accounts that churned on or before T are out; the
 * label is "churned in (T, T + H]". Nothing dated after T is read except the outcome (churn day /
 * churned flag), so a backtest cannot peek. When T + H runs past `dataEndDay` (the last day
 * outcomes are known) an account not churned by then has an unknown outcome: it is *censored*,
 * excluded and counted, never labelled retained (right-censoring, see
 * [Kleinbaum & Klein, Survival Analysis, ch. 1](https://doi.org/10.1007/978-1-4419-6646-9)).
 *
 * Cross-sectional: every row is an account; the label is its churned flag.
 */

/** Rows of a snapshot table (one row per account per snapshot, or one per account). */
export interface SnapshotRows {
	/** Account key per row: dictionary codes or ids. */
	account: Int32Array | readonly string[];
	/** Snapshot date per row, epoch days; NaN = undated (never selected in point-in-time mode). */
	snapshotDay: Float64Array;
	/**
	 * Churn day per row, epoch days; NaN = not churned or not known. An account's churn day is
	 * the earliest over its rows (so it may sit on one row only).
	 */
	churnDay: Float64Array;
	/** Optional churned flag per row (1 = churned): flagged accounts without a churn day are
	 *  excluded as `churnDateUnknown` — they cannot be placed in time. */
	churnedFlag?: Uint8Array | Float64Array;
}

/** As-of day, horizon and end of outcome data, all in (epoch) days. */
export interface PointInTimeOptions {
	asOfDay: number;
	horizonDays: number;
	/** Last day outcomes are known (e.g. the export date). */
	dataEndDay: number;
}

/** What happened to every account. */
export interface SelectionCounts {
	/** Distinct account keys in the table. */
	accounts: number;
	/** Accounts scored and labelled. */
	selected: number;
	positives: number;
	negatives: number;
	/** No snapshot dated on or before T (not yet a customer, or undated). */
	noSnapshot: number;
	/** Churned on or before T: out of the population. */
	churnedBefore: number;
	/** Outcome unknown: not churned by `dataEndDay` and T + H > `dataEndDay`. */
	censored: number;
	/** Flagged churned but with no churn day. */
	churnDateUnknown: number;
	/** Cross-sectional only: rows whose churned flag is missing or not 0/1. */
	unlabelled: number;
}

/** The rows to score and their labels. */
export interface Selection {
	mode: 'point-in-time' | 'cross-sectional';
	asOfDay: number;
	horizonDays: number;
	dataEndDay: number;
	/** Selected row indices (one per account), ascending. */
	rows: Int32Array;
	/** Label per selected row (same order): 1 = churned in the window, 0 = retained. */
	labels: Uint8Array;
	counts: SelectionCounts;
}

function emptyCounts(): SelectionCounts {
	return {
		accounts: 0,
		selected: 0,
		positives: 0,
		negatives: 0,
		noSnapshot: 0,
		churnedBefore: 0,
		censored: 0,
		churnDateUnknown: 0,
		unlabelled: 0
	};
}

/** Dense account index per row (first appearance order) and the number of accounts. */
export function accountIndex(account: Int32Array | readonly string[]): {
	of: Int32Array;
	count: number;
} {
	const n = account.length;
	if (account instanceof Int32Array) {
		// Already dense codes in first-appearance order (the backtest core's): as they are.
		let count = 0;
		let dense = true;
		for (let i = 0; i < n && dense; i++) {
			const a = account[i]!;
			if (a === count) count++;
			else if (a < 0 || a > count) dense = false;
		}
		if (dense) return { of: account, count };
	}
	const of = new Int32Array(n);
	const map = new Map<number | string, number>();
	for (let i = 0; i < n; i++) {
		const key = account[i]!;
		let a = map.get(key);
		if (a === undefined) {
			a = map.size;
			map.set(key, a);
		}
		of[i] = a;
	}
	return { of, count: map.size };
}

/**
 * Point-in-time selection for one as-of day. Of several snapshots on the same latest day, the
 * last row wins. Churn days after `dataEndDay` are treated as not yet known.
 */
export function selectPointInTime(data: SnapshotRows, opts: PointInTimeOptions): Selection {
	const { asOfDay: T, horizonDays: H, dataEndDay: E } = opts;
	const n = data.snapshotDay.length;
	const { of, count } = accountIndex(data.account);
	const bestRow = new Int32Array(count).fill(-1);
	const bestDay = new Float64Array(count).fill(-Infinity);
	const churn = new Float64Array(count).fill(NaN);
	const flagged = new Uint8Array(count);
	for (let i = 0; i < n; i++) {
		const a = of[i]!;
		const c = data.churnDay[i]!;
		if (!Number.isNaN(c) && !(churn[a]! <= c)) churn[a] = c;
		if (data.churnedFlag && data.churnedFlag[i] === 1) flagged[a] = 1;
		const d = data.snapshotDay[i]!;
		if (d <= T && d >= bestDay[a]!) {
			bestDay[a] = d;
			bestRow[a] = i;
		}
	}
	const counts = emptyCounts();
	counts.accounts = count;
	const horizonEnd = T + H;
	const picked: number[] = [];
	const lab: number[] = [];
	for (let a = 0; a < count; a++) {
		if (bestRow[a]! < 0) {
			counts.noSnapshot++;
			continue;
		}
		const raw = churn[a]!;
		if (flagged[a] && Number.isNaN(raw)) {
			counts.churnDateUnknown++;
			continue;
		}
		const c = raw <= E ? raw : NaN;
		let y: number;
		if (c <= T) {
			counts.churnedBefore++;
			continue;
		} else if (c <= horizonEnd) y = 1;
		else if (horizonEnd > E) {
			counts.censored++;
			continue;
		} else y = 0;
		picked.push(bestRow[a]!);
		lab.push(y);
	}
	const order = picked.map((_, k) => k).sort((p, q) => picked[p]! - picked[q]!);
	const rows = new Int32Array(order.length);
	const labels = new Uint8Array(order.length);
	order.forEach((k, j) => {
		rows[j] = picked[k]!;
		labels[j] = lab[k]!;
		if (lab[k] === 1) counts.positives++;
		else counts.negatives++;
	});
	counts.selected = rows.length;
	return { mode: 'point-in-time', asOfDay: T, horizonDays: H, dataEndDay: E, rows, labels, counts };
}

/** Point-in-time selection repeated for several as-of days (rolling origin). */
export function selectRolling(
	data: SnapshotRows,
	asOfDays: readonly number[],
	horizonDays: number,
	dataEndDay: number
): Selection[] {
	return asOfDays.map((asOfDay) => selectPointInTime(data, { asOfDay, horizonDays, dataEndDay }));
}

/**
 * Cross-sectional selection: every row is an account, label = churned flag (1 / 0). Rows whose
 * flag is missing (NaN) or not 0/1 are excluded and counted as `unlabelled`.
 */
export function selectCrossSectional(churned: Uint8Array | Float64Array): Selection {
	const counts = emptyCounts();
	counts.accounts = churned.length;
	let m = 0;
	for (let i = 0; i < churned.length; i++) if (churned[i] === 0 || churned[i] === 1) m++;
	const rows = new Int32Array(m);
	const labels = new Uint8Array(m);
	m = 0;
	for (let i = 0; i < churned.length; i++) {
		const f = churned[i];
		if (f !== 0 && f !== 1) {
			counts.unlabelled++;
			continue;
		}
		rows[m] = i;
		labels[m++] = f;
		if (f === 1) counts.positives++;
		else counts.negatives++;
	}
	counts.selected = m;
	return {
		mode: 'cross-sectional',
		asOfDay: NaN,
		horizonDays: NaN,
		dataEndDay: NaN,
		rows,
		labels,
		counts
	};
}

/** Pick the selected rows out of a per-row column (scores, tiers, metric points). */
export function gatherRows<T extends Float64Array | Int8Array | Uint8Array | Int32Array>(
	column: T,
	rows: Int32Array
): T {
	const Ctor = column.constructor as new (n: number) => T;
	const out = new Ctor(rows.length);
	for (let j = 0; j < rows.length; j++) out[j] = column[rows[j]!]!;
	return out;
}
