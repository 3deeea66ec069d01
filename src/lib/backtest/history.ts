/**
 * Score history: every account scored at each date of an as-of grid, point in time. At grid day
 * D an account is scored on its latest snapshot dated ≤ D, and only if it had not churned by D;
 * each date's population is scored on its own (percentile ranks see only that date's accounts),
 * so no score uses data dated after its own date. Lead time and drift read this history.
 */
import { pointsKey, ScoreCore } from '$lib/model/engine/cache';
import { Scratch } from '$lib/model/scratch';
import { SubsetPoints } from '$lib/model/subset-points';
import type { ColumnTable, Model, ScoreResult } from '$lib/model/types';
import { gatherTable } from './asof';
import { accountIndex, type SnapshotRows } from './select';

/** Entries (row, date) scored per call when building a history (bounds the memory it takes). */
export const HISTORY_SLICE = 1 << 16;

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
	/**
	 * The same scores and tiers account by account: account a's at grid index g is at
	 * a × (grid days) + g, so one account's dates are adjacent (lead time walks them).
	 */
	byAccount: { score: Float32Array; tier: Int8Array };
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
 * What a score history needs of the data alone, whatever the model: each account's outcome, and
 * every (row, grid day) in force. The backtest worker keeps one per dataset and grid, so a
 * second Validation run (another model, other settings) selects nothing again.
 */
export interface HistoryFrame {
	days: number[];
	accounts: number;
	accountOf: Int32Array;
	churnDay: Float64Array;
	lastSeenDay: Float64Array;
	dataEndDay: number;
	/** Per grid day: the rows in force, ascending. */
	rows: Int32Array[];
	/** Every (row, grid day) in force, account by account: its row and grid index. */
	entryRow: Int32Array;
	entryDay: Int32Array;
}

/**
 * The frame of a history (see the module note): each account's rows are put in date order once
 * (`rowsByAccount`), and each row gets the grid days it is in force, from its own day until the
 * account's next snapshot day (the last row of a tied day wins) or its churn; an account
 * flagged churned without a churn day is never in. Same population per day as
 * `selectPointInTime` with horizon 0.
 */
export function historyFrame(
	data: SnapshotRows,
	gridDays: readonly number[],
	dataEndDay: number
): HistoryFrame {
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
	const { start, list, day } = rowsByAccount(of, count, data.snapshotDay);
	/** Row k (of `list`) is in force on grid indexes from … to − 1; calls `each(k, from, to)`. */
	const spans = (each: (k: number, from: number, to: number) => void) => {
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
				if (h > g) each(k, g, h);
			}
		}
	};
	const size = new Int32Array(G);
	let E = 0;
	spans((_, from, to) => {
		for (let g = from; g < to; g++) size[g]!++;
		E += to - from;
	});
	const entryRow = new Int32Array(E);
	const entryDay = new Int32Array(E);
	const rows = Array.from(size, (m) => new Int32Array(m));
	const fill = new Int32Array(G);
	const ascending = new Uint8Array(G).fill(1);
	let e = 0;
	spans((k, from, to) => {
		const row = list[k]!;
		for (let g = from; g < to; g++, e++) {
			entryRow[e] = row;
			entryDay[e] = g;
			const r = rows[g]!;
			const j = fill[g]!++;
			if (j > 0 && row < r[j - 1]!) ascending[g] = 0;
			r[j] = row;
		}
	});
	for (let g = 0; g < G; g++) if (!ascending[g]) rows[g]!.sort();
	return {
		days: [...gridDays],
		accounts: count,
		accountOf: of,
		churnDay,
		lastSeenDay,
		dataEndDay,
		rows,
		entryRow,
		entryDay
	};
}

const stage1Cache = new WeakMap<ColumnTable, { key: string; points: SubsetPoints }>();

/**
 * Stage 1 of scoring for subsets of `table`'s rows, kept for the table's latest metric settings
 * (`pointsKey`): a run after a weight change reuses it (percentile codes over every row).
 */
function subsetPoints(model: Model, table: ColumnTable): SubsetPoints {
	const key = pointsKey(model);
	const known = stage1Cache.get(table);
	if (known?.key === key) return known.points;
	const points = new SubsetPoints(model, table);
	stage1Cache.set(table, { key, points });
	return points;
}

/**
 * What scoring keeps per frame from run to run (fresh memory costs a page fault per 4 KB, see
 * scratch.ts). A history's arrays are valid until the next `scoreHistory` on the same frame.
 */
interface FrameState {
	/** The account-major score and tier blocks, and the per-date blocks a history hands out. */
	buffers: Scratch;
	/** One scratch per kept date: its points, the engine's arrays and dimension columns. */
	kept: Scratch[];
	/** Every entry's metric points, for one table and metric settings (`pointsKey`). */
	points: { table: ColumnTable; key: string; points: Float64Array[] } | null;
}

const frameStates = new WeakMap<HistoryFrame, FrameState>();

function frameState(frame: HistoryFrame): FrameState {
	let state = frameStates.get(frame);
	if (!state) frameStates.set(frame, (state = { buffers: new Scratch(), kept: [], points: null }));
	return state;
}

/** The slices' scoring buffers (one slice at a time). */
const sliceBuffers = new Scratch();

/**
 * Stage 1 of every entry of `frame` (metric order): each entry's points among its own date's
 * accounts (`SubsetPoints.grouped`), read `slice` entries at a time. Kept for the frame while the
 * table and the metrics' settings stay the same, so a run after a weight or tier change scores
 * stage 2 only, as the Model screen's engine does.
 */
function entryPoints(
	state: FrameState,
	frame: HistoryFrame,
	table: ColumnTable,
	model: Model,
	slice: number
): Float64Array[] {
	const key = pointsKey(model);
	const known = state.points;
	if (known && known.table === table && known.key === key) return known.points;
	state.points = null;
	const E = frame.entryRow.length;
	const read = subsetPoints(model, table).grouped(
		frame.entryRow,
		frame.entryDay,
		frame.days.length
	);
	let points: Float64Array[] = [];
	for (let e0 = 0; e0 < E; e0 += slice) {
		const e1 = Math.min(E, e0 + slice);
		const got = read(e0, e1).points;
		if (e0 === 0) points = got.map(() => new Float64Array(E));
		got.forEach((p, m) => points[m]!.set(p, e0));
	}
	state.points = { table, key, points };
	return points;
}

/**
 * Score every account at every grid day of `frame` with `model`: every (row, date) in force is
 * scored in one stream, `slice` entries per call into buffers reused from call to call. Stage 1
 * by `SubsetPoints.grouped`, so percentile ranks count only that date's accounts; stage 2 row by
 * row with the fast engine. Bit-identical to `scoreTable` on each date's gathered rows
 * (history.test.ts). At the grid indexes in `keep` the whole result (dimension scores too) is
 * kept as well. The history's arrays are the frame's kept buffers: valid until the next call on
 * the same frame.
 */
export function scoreHistory(
	frame: HistoryFrame,
	table: ColumnTable,
	model: Model,
	keep: readonly number[] = [],
	slice = HISTORY_SLICE
): ScoreHistory {
	const { accounts: count, accountOf: of, entryRow, entryDay } = frame;
	const G = frame.days.length;
	const E = entryRow.length;
	const stage1 = subsetPoints(model, table);
	const state = frameState(frame);
	const points = entryPoints(state, frame, table, model, slice);
	// The fast engine reads the table only for the rows' segment groups.
	const segment = new Set(model.segments ? [model.segments.column] : []);
	// Scores and tiers first by account (an account's entries are adjacent, in date order, so
	// these writes go forward), then turned into one block per date (NaN / absent unless scored).
	const { buffers } = state;
	const byAccount = {
		score: buffers.take(Float32Array, 'by account', count * G).fill(NaN),
		tier: buffers.take(Int8Array, 'tier by account', count * G).fill(ABSENT)
	};
	const core = new ScoreCore({ buffers: sliceBuffers });
	for (let e0 = 0; e0 < E; e0 += slice) {
		const e1 = Math.min(E, e0 + slice);
		const rows = entryRow.subarray(e0, e1);
		const at = { n: e1 - e0, points: points.map((p) => p.subarray(e0, e1)) };
		core.setTableWithPoints(gatherTable(table, rows, segment), null, model, at);
		const r = core.score(model).result!;
		for (let j = 0; j < rows.length; j++) {
			const at = of[rows[j]!]! * G + entryDay[e0 + j]!;
			byAccount.score[at] = r.score[j]!;
			byAccount.tier[at] = r.tier[j]!;
		}
	}
	const scores = buffers.take(Float32Array, 'by date', G * count);
	const tiers = buffers.take(Int8Array, 'tier by date', G * count);
	for (let a = 0, k = 0; a < count; a++)
		for (let g = 0; g < G; g++, k++) {
			scores[g * count + a] = byAccount.score[k]!;
			tiers[g * count + a] = byAccount.tier[k]!;
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
		const rows = frame.rows[g]!;
		const at = gatherTable(table, rows, segment);
		// Kept in the frame's buffers, one scratch per kept date: valid until the next run.
		const scratch = (state.kept[kept.size] ??= new Scratch());
		const own = new ScoreCore({ buffers: scratch });
		own.setTableWithPoints(at, null, model, stage1.at(rows, scratch));
		kept.set(g, { result: own.score(model, { withDimensions: true }).result!, table: at });
	}
	return {
		days: frame.days,
		accounts: count,
		score,
		tier,
		byAccount,
		rows: frame.rows,
		accountOf: of,
		churnDay: frame.churnDay,
		lastSeenDay: frame.lastSeenDay,
		dataEndDay: frame.dataEndDay,
		kept
	};
}

/** `scoreHistory` on a new `historyFrame` (see both). */
export function buildScoreHistory(
	data: SnapshotRows,
	table: ColumnTable,
	model: Model,
	gridDays: readonly number[],
	dataEndDay: number,
	keep: readonly number[] = [],
	slice = HISTORY_SLICE
): ScoreHistory {
	return scoreHistory(historyFrame(data, gridDays, dataEndDay), table, model, keep, slice);
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
