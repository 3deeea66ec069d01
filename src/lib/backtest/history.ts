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
 * Score every account at every grid day (see the module note). One pass buckets the rows by the
 * first grid day that can see them; the grid is then swept in order, so each day costs one pass
 * over the accounts rather than over every row. Same population as `selectPointInTime` with
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
	// Bucket rows by the first grid day ≥ their snapshot day (counting sort, row order kept).
	const bucket = new Int32Array(n);
	const sizes = new Int32Array(G + 1);
	for (let i = 0; i < n; i++) {
		const d = data.snapshotDay[i]!;
		let lo = 0;
		let hi = G;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (gridDays[mid]! >= d) hi = mid;
			else lo = mid + 1;
		}
		bucket[i] = Number.isNaN(d) ? G : lo;
		sizes[bucket[i]!]!++;
	}
	const startAt = new Int32Array(G + 2);
	for (let g = 0; g <= G; g++) startAt[g + 1] = startAt[g]! + sizes[g]!;
	const order = new Int32Array(n);
	const fill = startAt.slice(0, G + 1);
	for (let i = 0; i < n; i++) order[fill[bucket[i]!]!++] = i;
	const bestRow = new Int32Array(count).fill(-1);
	const bestDay = new Float64Array(count).fill(-Infinity);
	const score: Float32Array[] = [];
	const tier: Int8Array[] = [];
	const inForce: Int32Array[] = [];
	const picked = new Int32Array(count);
	const kept: ScoreHistory['kept'] = new Map();
	const stage1 = new SubsetPoints(model, table);
	const core = new ScoreCore();
	// The fast engine reads the table only for the rows' segment groups.
	const segment = new Set(model.segments ? [model.segments.column] : []);
	for (let g = 0; g < G; g++) {
		const D = gridDays[g]!;
		for (let k = startAt[g]!; k < startAt[g + 1]!; k++) {
			const i = order[k]!;
			const a = of[i]!;
			const d = data.snapshotDay[i]!;
			if (d >= bestDay[a]!) {
				bestDay[a] = d;
				bestRow[a] = i;
			}
		}
		let m = 0;
		for (let a = 0; a < count; a++) {
			if (bestRow[a]! < 0 || churnAny[a]! <= D) continue;
			if (flagged[a] && Number.isNaN(churnAny[a]!)) continue;
			picked[m++] = bestRow[a]!;
		}
		const rows = picked.slice(0, m).sort();
		const at = gatherTable(table, rows, segment);
		core.setTableWithPoints(at, null, model, stage1.at(rows));
		const r = core.score(model, { withDimensions: keep.includes(g) }).result!;
		if (keep.includes(g)) kept.set(g, { result: r, table: at });
		const s = new Float32Array(count).fill(NaN);
		const t = new Int8Array(count).fill(ABSENT);
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
