/**
 * Pure portfolio helpers over column-wise data: each account's snapshot history, the rows on show
 * (latest snapshot per account), score history per snapshot month, and per-account flags
 * ("green but …"). Typed arrays in, typed arrays out; no DOM, no Svelte.
 */

/** Each account's rows in date order (CSR layout) and its latest row. */
export interface Snapshots {
	/** Number of accounts. */
	accounts: number;
	/** Account index of each row. */
	accountOf: Int32Array;
	/** Rows grouped by account, each group in date order. */
	order: Int32Array;
	/** Group a starts at offsets[a] and ends before offsets[a + 1]. */
	offsets: Int32Array;
	/** Latest row of each account (the row on show). */
	latest: Int32Array;
	/** Account id of each account index. */
	accountIds: string[];
}

/**
 * Group rows by account id and order each account's rows by `dates` (epoch days; NaN sorts first).
 * Without dates every row is its own snapshot and the last row of an id is the latest.
 */
export function groupSnapshots(ids: readonly string[], dates: Float64Array | null): Snapshots {
	const n = ids.length;
	const index = new Map<string, number>();
	const accountOf = new Int32Array(n);
	const accountIds: string[] = [];
	for (let i = 0; i < n; i++) {
		const id = ids[i] as string;
		let a = index.get(id);
		if (a === undefined) {
			a = accountIds.length;
			index.set(id, a);
			accountIds.push(id);
		}
		accountOf[i] = a;
	}
	const A = accountIds.length;
	const offsets = new Int32Array(A + 1);
	for (let i = 0; i < n; i++) offsets[accountOf[i]! + 1]!++;
	for (let a = 0; a < A; a++) offsets[a + 1]! += offsets[a]!;
	const fill = offsets.slice(0, A);
	const order = new Int32Array(n);
	for (let i = 0; i < n; i++) order[fill[accountOf[i]!]!++] = i;
	const latest = new Int32Array(A);
	for (let a = 0; a < A; a++) {
		const s = offsets[a]!;
		const e = offsets[a + 1]!;
		if (dates && e - s > 1) {
			const group = Array.from(order.subarray(s, e));
			group.sort((x, y) => dateKey(dates[x]!) - dateKey(dates[y]!) || x - y);
			order.set(group, s);
		}
		latest[a] = order[e - 1]!;
	}
	return { accounts: A, accountOf, order, offsets, latest, accountIds };
}

function dateKey(d: number): number {
	return Number.isNaN(d) ? -Infinity : d;
}

/** Month key `YYYY-MM` of an epoch day. */
export function monthOf(epochDay: number): string {
	return new Date(epochDay * 86_400_000).toISOString().slice(0, 7);
}

export interface MonthMix {
	month: string;
	/** Snapshots per tier index in that month. */
	tierCounts: number[];
	notScored: number;
	/** Mean full-precision score of the scored snapshots, NaN when none. */
	meanScore: number;
}

/** Score and tier mix per snapshot month (oldest first). */
export function historyByMonth(
	dates: Float64Array,
	score: Float64Array,
	tier: Int8Array,
	tierCount: number
): MonthMix[] {
	const byMonth = new Map<string, { counts: number[]; not: number; sum: number; scored: number }>();
	const monthCache = new Map<number, string>();
	for (let i = 0; i < dates.length; i++) {
		const d = dates[i]!;
		if (Number.isNaN(d)) continue;
		const m0 = Math.floor(d);
		let m = monthCache.get(m0);
		if (m === undefined) monthCache.set(m0, (m = monthOf(m0)));
		let e = byMonth.get(m);
		if (!e)
			byMonth.set(
				m,
				(e = { counts: new Array<number>(tierCount).fill(0), not: 0, sum: 0, scored: 0 })
			);
		const t = tier[i]!;
		if (t < 0) e.not++;
		else {
			e.counts[t] = (e.counts[t] ?? 0) + 1;
			e.sum += score[i]!;
			e.scored++;
		}
	}
	return [...byMonth.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([month, e]) => ({
			month,
			tierCounts: e.counts,
			notScored: e.not,
			meanScore: e.scored ? e.sum / e.scored : NaN
		}));
}

/**
 * Score drop per account: the highest shown score among the account's snapshots in the `days`
 * before its latest one, minus the latest shown score (0 when there is none or no drop).
 */
export function scoreDrops(
	s: Snapshots,
	dates: Float64Array,
	shown: Float64Array,
	days: number
): Float64Array {
	const out = new Float64Array(s.accounts);
	for (let a = 0; a < s.accounts; a++) {
		const start = s.offsets[a]!;
		const end = s.offsets[a + 1]!;
		const last = s.order[end - 1]!;
		const now = shown[last]!;
		const t = dates[last]!;
		if (Number.isNaN(now) || Number.isNaN(t)) continue;
		let best = -Infinity;
		for (let k = end - 2; k >= start; k--) {
			const r = s.order[k]!;
			if (t - dates[r]! > days) break;
			if (shown[r]! > best) best = shown[r]!;
		}
		if (best > now) out[a] = best - now;
	}
	return out;
}

/**
 * Change of a metric column per account over about `days` (the snapshot nearest to `days` before
 * the latest, within ±`toleranceDays`), as a fraction: (latest − then) / then. NaN when there is no
 * such snapshot, either value is missing, or the earlier value is 0.
 */
export function metricChange(
	s: Snapshots,
	dates: Float64Array,
	values: Float64Array,
	days: number,
	toleranceDays = 10
): Float64Array {
	const out = new Float64Array(s.accounts).fill(NaN);
	for (let a = 0; a < s.accounts; a++) {
		const start = s.offsets[a]!;
		const end = s.offsets[a + 1]!;
		const last = s.order[end - 1]!;
		const target = dates[last]! - days;
		let pick = -1;
		let gap = Infinity;
		for (let k = start; k < end - 1; k++) {
			const r = s.order[k]!;
			const g = Math.abs(dates[r]! - target);
			if (g <= toleranceDays && g < gap) {
				gap = g;
				pick = r;
			}
		}
		if (pick < 0) continue;
		const then = values[pick]!;
		const now = values[last]!;
		if (Number.isNaN(then) || Number.isNaN(now) || then === 0) continue;
		out[a] = (now - then) / Math.abs(then);
	}
	return out;
}
