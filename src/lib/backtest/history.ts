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
 * date order once (`rowsByAccount`); a cursor per account then advances across the ascending
 * grid days, so each day costs one pass over the accounts and every row is visited once in all,
 * with no per-day sort when the rows in force come out ascending (one row block per account, the
 * usual layout). Same population as `selectPointInTime` with
 * horizon 0: latest snapshot ≤ D (the last row of a tied day wins), out once churned on or
 * before D, out when flagged churned without a churn day. Each date is scored with the fast
 * engine on its rows' metric points (`SubsetPoints`: percentile ranks by counting value codes
 * found once, no sort per date), bit-identical to `scoreTable` on the gathered rows
 * (history.test.ts). At the grid indexes in `keep` the whole result is kept as well.
 */
export function buildScoreHistory(
	data: SnapshotRows,
	table: ColumnTable,
	model: Model,
	gridDays: readonly number[],
	dataEndDay: number,
	keep: readonly number[] = []
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
	// Each account's dated rows in snapshot-day order (ties in row order); a cursor per account
	// then walks them once across the ascending grid days.
	const { start, list, day } = rowsByAccount(of, count, data.snapshotDay);
	const cursor = start.slice(0, count);
	const score: Float32Array[] = [];
	const tier: Int8Array[] = [];
	const inForce: Int32Array[] = [];
	const picked = new Int32Array(count);
	const kept: ScoreHistory['kept'] = new Map();
	const stage1 = new SubsetPoints(model, table);
	const core = new ScoreCore();
	// The fast engine reads the table only for the rows' segment groups.
	const segment = new Set(model.segments ? [model.segments.column] : []);
	// Every date's scores and tiers in one block each (NaN / absent until scored).
	const scores = new Float32Array(G * count).fill(NaN);
	const tiers = new Int8Array(G * count).fill(ABSENT);
	for (let g = 0; g < G; g++) {
		const D = gridDays[g]!;
		let m = 0;
		let ascending = true;
		for (let a = 0; a < count; a++) {
			let c = cursor[a]!;
			const end = start[a + 1]!;
			while (c < end && day[c]! <= D) c++;
			cursor[a] = c;
			// Latest snapshot ≤ D (the last row of a tied day); out once churned or flagged undated.
			if (c === start[a] || churnAny[a]! <= D) continue;
			if (flagged[a] && Number.isNaN(churnAny[a]!)) continue;
			const row = list[c - 1]!;
			if (m > 0 && row < picked[m - 1]!) ascending = false;
			picked[m++] = row;
		}
		const rows = picked.slice(0, m);
		if (!ascending) rows.sort();
		const at = gatherTable(table, rows, segment);
		core.setTableWithPoints(at, null, model, stage1.at(rows));
		const r = core.score(model, { withDimensions: keep.includes(g) }).result!;
		if (keep.includes(g)) kept.set(g, { result: r, table: at });
		const s = scores.subarray(g * count, (g + 1) * count);
		const t = tiers.subarray(g * count, (g + 1) * count);
		for (let j = 0; j < rows.length; j++) {
			const a = of[rows[j]!]!;
			s[a] = r.score[j]!;
			t[a] = r.tier[j]!;
		}
		score.push(s);
		tier.push(t);
		inForce.push(rows);
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
