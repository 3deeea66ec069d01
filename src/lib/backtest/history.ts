/**
 * Score history: every account scored at each date of an as-of grid, point in time. At grid day
 * D an account is scored on its latest snapshot dated ≤ D, and only if it had not churned by D;
 * each date's population is scored on its own (percentile ranks see only that date's accounts),
 * so no score uses data dated after its own date. Lead time and drift read this history.
 */
import { ScoreCore } from '$lib/model/engine/cache';
import { SubsetPoints } from '$lib/model/subset-points';
import type { ColumnTable, Model, ScoreResult } from '$lib/model/types';
import { gatherTable } from './asof';
import { accountIndex, type SnapshotRows } from './select';

/** Entries (row, date) scored per call when building a history (bounds the memory it takes). */
export const HISTORY_SLICE = 1 << 14;

/** Tier code for an account that is not in the population at a date (no snapshot yet, or churned). */
export const ABSENT = -2;

/** Scores and tiers per grid day per account. */
export interface ScoreHistory {
	/** Grid days (epoch days), ascending. */
	days: number[];
	/** Distinct accounts (dense index, first appearance order of the snapshot rows). */
	accounts: number;
	/** Per grid day: score per account (full precision); NaN = absent or not scored. */
	score: Float32Array[];
	/** Per grid day: tier index per account (model order, 0 = best); −1 not scored, −2 absent. */
	tier: Int8Array[];
	/** Per grid day: the rows in force (each present account's latest snapshot row), ascending. */
	rows: Int32Array[];
	/** Per row of the data: its account (the dense index above). */
	accountOf: Int32Array;
	/** Per account: churn day (earliest over its rows) if known by `dataEndDay`, else NaN. */
	churnDay: Float64Array;
	/** Per account: its latest snapshot day (when it was last seen in the data). */
	lastSeenDay: Float64Array;
	/** Last day outcomes are known. */
	dataEndDay: number;
	/**
	 * At the grid indexes asked for (`keep`): the full scoring of that date's rows in force (in
	 * `rows` order, with dimension scores) and those rows' segment column, for drift to reuse.
	 */
	kept: Map<number, { result: ScoreResult; table: ColumnTable }>;
}

/**
 * Grid days for the history: the distinct snapshot days, thinned to at most `max` by keeping
 * the latest day of each equal-width stretch (monthly snapshots over two years stay as they are).
 */
export function historyGrid(days: readonly number[], max = 36): number[] {
	if (days.length <= max) return [...days];
	const out: number[] = [];
	for (let k = 1; k <= max; k++) out.push(days[Math.ceil((k * days.length) / max) - 1]!);
	return [...new Set(out)];
}

/** Per account: churn day (known by `dataEndDay`) and last snapshot day. */
export function accountOutcomes(data: SnapshotRows, dataEndDay: number) {
	const { of, count } = accountIndex(data.account);
	const churnDay = new Float64Array(count).fill(NaN);
	const lastSeenDay = new Float64Array(count).fill(-Infinity);
	for (let i = 0; i < of.length; i++) {
		const a = of[i]!;
		const c = data.churnDay[i]!;
		if (c <= dataEndDay && !(churnDay[a]! <= c)) churnDay[a] = c;
		if (data.snapshotDay[i]! > lastSeenDay[a]!) lastSeenDay[a] = data.snapshotDay[i]!;
	}
	return { of, count, churnDay, lastSeenDay };
}

/**
 * Each account's dated rows, in snapshot-day order with ties in row order: account a's rows are
 * `list[start[a] .. start[a + 1])`, and `day[k]` is the snapshot day of `list[k]`. Undated rows
 * (NaN) are left out: point-in-time selection never picks them.
 */
export function rowsByAccount(
	of: Int32Array,
	count: number,
	snapshotDay: Float64Array
): { start: Int32Array; list: Int32Array; day: Float64Array } {
	const start = new Int32Array(count + 1);
	for (let i = 0; i < of.length; i++) if (!Number.isNaN(snapshotDay[i]!)) start[of[i]! + 1]!++;
	for (let a = 0; a < count; a++) start[a + 1]! += start[a]!;
	const fill = start.slice(0, count);
	const list = new Int32Array(start[count]!);
	for (let i = 0; i < of.length; i++) if (!Number.isNaN(snapshotDay[i]!)) list[fill[of[i]!]!++] = i;
	const day = new Float64Array(list.length);
	for (let k = 0; k < list.length; k++) day[k] = snapshotDay[list[k]!]!;
	// Usually each account's snapshots already come in date order; sort only the ones that do not.
	for (let a = 0; a < count; a++) {
		const lo = start[a]!;
		const hi = start[a + 1]!;
		let sorted = true;
		for (let k = lo + 1; k < hi && sorted; k++) if (day[k]! < day[k - 1]!) sorted = false;
		if (sorted) continue;
		const part = Array.from(list.subarray(lo, hi)).sort(
			(x, y) => snapshotDay[x]! - snapshotDay[y]! || x - y
		);
		for (let k = 0; k < part.length; k++) {
			list[lo + k] = part[k]!;
			day[lo + k] = snapshotDay[part[k]!]!;
		}
	}
	return { start, list, day };
}

/**
 * Score every account at every grid day (see the module note). Each account's rows are put in
 * date order once (`rowsByAccount`), and each row gets the grid days it is in force: from its
 * own day until the account's next snapshot day (the last row of a tied day wins) or its churn;
 * an account flagged churned without a churn day is never in. Same population as
 * `selectPointInTime` with horizon 0. Every (row, date) in force is then scored in one stream,
 * slice by slice (`slice` entries per call): stage 1 by `SubsetPoints.grouped`, so percentile
 * ranks count only that date's accounts; stage 2 row by row with the fast engine. Bit-identical
 * to `scoreTable` on each date's gathered rows (history.test.ts). At the grid indexes in `keep`
 * the whole result (dimension scores too) is kept as well.
 */
export function buildScoreHistory(
	data: SnapshotRows,
	table: ColumnTable,
	model: Model,
	gridDays: readonly number[],
	dataEndDay: number,
	keep: readonly number[] = [],
	slice = HISTORY_SLICE
): ScoreHistory {
	const { of, count, churnDay, lastSeenDay } = accountOutcomes(data, dataEndDay);
	const n = of.length;
	const G = gridDays.length;
	// Earliest churn day over all rows (any date: selection never peeks at labels here) and flags.
	const churnAny = new Float64Array(count).fill(NaN);
	const flagged = new Uint8Array(count);
	for (let i = 0; i < n; i++) {
		const a = of[i]!;
		const c = data.churnDay[i]!;
		if (!Number.isNaN(c) && !(churnAny[a]! <= c)) churnAny[a] = c;
		if (data.churnedFlag && data.churnedFlag[i] === 1) flagged[a] = 1;
	}
	// Each account's dated rows in snapshot-day order (ties in row order). Row k is in force on
	// the grid days from its own day until the account's next snapshot day (a row tied with the
	// next one's day never is) or its churn: grid indexes `from[k]` … `to[k]` − 1.
	const { start, list, day } = rowsByAccount(of, count, data.snapshotDay);
	const from = new Int32Array(list.length);
	const to = new Int32Array(list.length);
	const size = new Int32Array(G);
	let E = 0;
	for (let a = 0; a < count; a++) {
		if (flagged[a] && Number.isNaN(churnAny[a]!)) continue;
		const out = Number.isNaN(churnAny[a]!) ? Infinity : churnAny[a]!;
		const end = start[a + 1]!;
		let g = 0;
		for (let k = start[a]!; k < end; k++) {
			while (g < G && gridDays[g]! < day[k]!) g++;
			const until = Math.min(k + 1 < end ? day[k + 1]! : Infinity, out);
			let h = g;
			while (h < G && gridDays[h]! < until) h++;
			from[k] = g;
			to[k] = h;
			for (let x = g; x < h; x++) size[x]!++;
			E += h - g;
		}
	}
	// Every (row, grid day) in force, account by account: the entries scored together below.
	const entryRow = new Int32Array(E);
	const entryDay = new Int32Array(E);
	const inForce = Array.from(size, (m) => new Int32Array(m));
	const fill = new Int32Array(G);
	const ascending = new Uint8Array(G).fill(1);
	for (let k = 0, e = 0; k < list.length; k++) {
		const row = list[k]!;
		for (let g = from[k]!; g < to[k]!; g++, e++) {
			entryRow[e] = row;
			entryDay[e] = g;
			const rows = inForce[g]!;
			const j = fill[g]!++;
			if (j > 0 && row < rows[j - 1]!) ascending[g] = 0;
			rows[j] = row;
		}
	}
	for (let g = 0; g < G; g++) if (!ascending[g]) inForce[g]!.sort();
	const stage1 = new SubsetPoints(model, table);
	const pointsOf = stage1.grouped(entryRow, entryDay, G);
	// The fast engine reads the table only for the rows' segment groups.
	const segment = new Set(model.segments ? [model.segments.column] : []);
	// Every date's scores and tiers in one block each (NaN / absent until scored).
	const scores = new Float32Array(G * count).fill(NaN);
	const tiers = new Int8Array(G * count).fill(ABSENT);
	// Once the points are known, scoring goes row by row: every date's entries are scored
	// together, a slice at a time.
	for (let e0 = 0; e0 < E; e0 += slice) {
		const e1 = Math.min(E, e0 + slice);
		const rows = entryRow.subarray(e0, e1);
		const core = new ScoreCore();
		core.setTableWithPoints(gatherTable(table, rows, segment), null, model, pointsOf(e0, e1));
		const r = core.score(model).result!;
		for (let j = 0; j < rows.length; j++) {
			const at = entryDay[e0 + j]! * count + of[rows[j]!]!;
			scores[at] = r.score[j]!;
			tiers[at] = r.tier[j]!;
		}
	}
	const score: Float32Array[] = [];
	const tier: Int8Array[] = [];
	for (let g = 0; g < G; g++) {
		score.push(scores.subarray(g * count, (g + 1) * count));
		tier.push(tiers.subarray(g * count, (g + 1) * count));
	}
	// The dates drift reads: their whole result, in their rows' order, with dimension scores.
	const kept: ScoreHistory['kept'] = new Map();
	for (const g of new Set(keep)) {
		if (g < 0 || g >= G) continue;
		const rows = inForce[g]!;
		const at = gatherTable(table, rows, segment);
		const core = new ScoreCore();
		core.setTableWithPoints(at, null, model, stage1.at(rows));
		kept.set(g, { result: core.score(model, { withDimensions: true }).result!, table: at });
	}
	return {
		days: [...gridDays],
		accounts: count,
		score,
		tier,
		rows: inForce,
		accountOf: of,
		churnDay,
		lastSeenDay,
		dataEndDay,
		kept
	};
}

/**
 * Index of the grid day in force at `day` (latest grid day ≤ day, and < `before` when given);
 * −1 when none.
 */
export function gridIndexAt(days: readonly number[], day: number, before = Infinity): number {
	let lo = 0;
	let hi = days.length - 1;
	let ans = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const d = days[mid]!;
		if (d <= day && d < before) {
			ans = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return ans;
}
