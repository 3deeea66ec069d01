/**
 * Pure helpers for the portfolio's account list: per-account flag bitmasks and the filtered,
 * sorted list of account indices. Typed arrays in and out; no DOM, no Svelte.
 */
import type { Snapshots } from './snapshots';

/** Flags an account can carry, as bits. */
export const FLAG_BITS = {
	/** A dimension under its floor. */
	floor: 1,
	/** Score dropped by ≥ dropPoints within dropDays. */
	drop: 2,
	/** Usage down by ≥ usageDropPct over usageDays. */
	usage: 4
} as const;

export type FlagKey = keyof typeof FLAG_BITS;

export const FLAG_LABELS: Record<FlagKey, string> = {
	floor: 'Under a floor',
	drop: 'Score drop',
	usage: 'Usage down'
};

export interface FlagInputs {
	shown: Float64Array;
	belowFloor: Uint32Array | null;
}

/** Flag bitmask per account from the latest row's floors and the snapshot trends. */
export function accountFlagMasks(
	s: Snapshots,
	r: FlagInputs,
	trends: { drop: Float64Array; usage: Float64Array | null } | null,
	f: { dropPoints: number; usageDropPct: number }
): Uint8Array {
	const out = new Uint8Array(s.accounts);
	for (let a = 0; a < s.accounts; a++) {
		let m = 0;
		const row = s.latest[a]!;
		if (r.belowFloor && r.belowFloor[row]! !== 0 && r.shown[row] === r.shown[row])
			m |= FLAG_BITS.floor;
		if (trends) {
			if (f.dropPoints > 0 && trends.drop[a]! >= f.dropPoints) m |= FLAG_BITS.drop;
			const u = trends.usage?.[a];
			if (u !== undefined && u <= -f.usageDropPct / 100) m |= FLAG_BITS.usage;
		}
		out[a] = m;
	}
	return out;
}

export type SortKey = 'score' | 'account' | 'value';

export interface ViewOptions {
	tier: number | null;
	segmentOf: ((row: number) => string | null) | null;
	segment: string | null;
	flag: FlagKey | null;
	flags: Uint8Array;
	search: string;
	sortKey: SortKey;
	sortAsc: boolean;
	value: Float64Array | null;
}

/**
 * Account indices that pass the filters, sorted. Not-scored accounts sort after scored ones
 * (either direction); ties keep account order.
 */
export function filterAndSort(
	s: Snapshots,
	r: { score: Float64Array; tier: Int8Array },
	o: ViewOptions
): Int32Array {
	const q = o.search.trim().toLowerCase();
	const bit = o.flag ? FLAG_BITS[o.flag] : 0;
	const keep: number[] = [];
	for (let a = 0; a < s.accounts; a++) {
		const row = s.latest[a]!;
		if (o.tier !== null && r.tier[row] !== o.tier) continue;
		if (bit && !((o.flags[a] ?? 0) & bit)) continue;
		if (o.segmentOf && o.segmentOf(row) !== o.segment) continue;
		if (q && !(s.accountIds[a] as string).toLowerCase().includes(q)) continue;
		keep.push(a);
	}
	const dir = o.sortAsc ? 1 : -1;
	if (o.sortKey === 'account') {
		const ids = s.accountIds;
		keep.sort(
			(a, b) => dir * ((ids[a] as string) < (ids[b] as string) ? -1 : ids[a] === ids[b] ? 0 : 1)
		);
		return Int32Array.from(keep);
	}
	const key = o.sortKey === 'value' && o.value ? o.value : r.score;
	if (o.sortKey === 'score' && keep.length <= PACK_MAX)
		return packedScoreSort(keep, s.latest, key, o.sortAsc);
	const vals = new Float64Array(keep.length);
	keep.forEach((a, k) => (vals[k] = key[s.latest[a]!]!));
	const idx = Array.from(keep.keys());
	idx.sort((x, y) => {
		const vx = vals[x]!;
		const vy = vals[y]!;
		if (vx !== vx) return vy !== vy ? x - y : 1;
		if (vy !== vy) return -1;
		return dir * (vx - vy) || x - y;
	});
	return Int32Array.from(idx, (k) => keep[k]!);
}

/** Positions fit in 21 bits; score × 1e7 (≤ 1e9 < 2^30) times 2^21 stays an exact integer. */
const PACK_BITS = 2 ** 21;
const PACK_MAX = PACK_BITS;
const NAN_KEY = 2 ** 31;

/**
 * Sort by score with the native (comparator-free) Float64Array sort, ~10× faster than a
 * comparator: each key packs the score (to 1e-7 of a point, far below what a tie on screen
 * could show) with the position in `keep`, so equal scores keep account order. Not-scored
 * accounts go last in both directions.
 */
function packedScoreSort(
	keep: number[],
	latest: Int32Array,
	score: Float64Array,
	asc: boolean
): Int32Array {
	const keys = new Float64Array(keep.length);
	for (let k = 0; k < keep.length; k++) {
		const v = score[latest[keep[k]!]!]!;
		const q = v !== v ? NAN_KEY : asc ? Math.round(v * 1e7) : 1e9 - Math.round(v * 1e7);
		keys[k] = q * PACK_BITS + k;
	}
	keys.sort();
	const out = new Int32Array(keep.length);
	for (let k = 0; k < keys.length; k++) out[k] = keep[keys[k]! % PACK_BITS]!;
	return out;
}
