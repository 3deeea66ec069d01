/**
 * Shown score and tier: what a user reads is what decides. The one home of the tier rule and of
 * the shown-score rounding; the engine, the fast path, the charts and the state all use these.
 */
import { HIST_BINS, SHOWN_PRECISION } from './engine/constants';

/**
 * The shown score: rounded half up to a whole number (79.5 → 80, 79.4 → 79), after rounding to
 * 1e-9 so float noise (79.49999999999999) cannot flip it. NaN and ±Infinity give NaN.
 */
export function showScore(score: number): number {
	if (!Number.isFinite(score)) return NaN;
	return Math.floor(Math.round(score * SHOWN_PRECISION) / SHOWN_PRECISION + 0.5);
}

/**
 * `showScore(sc)` for a finite score, fast: away from a half (more than 1e-8 from x.5) rounding
 * to 1e-9 first cannot change the result (it moves `sc` by at most ~5e-10), so `floor(sc + 0.5)`
 * is exact there; only near a half does it take `showScore`'s path (Math.round costs more than
 * the rest of a row in the fast path's loops).
 */
export function shownOf(sc: number): number {
	const q = sc + 0.5;
	const f = Math.floor(q);
	const frac = q - f;
	if (frac > 1e-8 && frac < 1 - 1e-8) return f;
	return Math.floor(Math.round(sc * SHOWN_PRECISION) / SHOWN_PRECISION + 0.5);
}

/** Index of the first tier (best first) whose `min` ≤ the shown score; −1 for NaN or none. */
export function tierIndexFor(tiers: readonly { readonly min: number }[], shown: number): number {
	if (Number.isNaN(shown)) return -1;
	for (let t = 0; t < tiers.length; t++) if (shown >= tiers[t]!.min) return t;
	return -1;
}

/** `tierIndexFor` of each shown score 0…100 (HIST_BINS entries), for per-row lookups. */
export function tierLookup(tiers: readonly { readonly min: number }[]): Int8Array {
	return Int8Array.from({ length: HIST_BINS }, (_, s) => tierIndexFor(tiers, s));
}

/**
 * Accounts per tier from a histogram of shown (whole) scores: `hist[s]` = accounts showing `s`,
 * s = 0…100. `mins` are the tiers' minimums, best first (`tierIndexFor`'s rule). `fixed` adds
 * counts that do not move with these tiers (segments with their own tiers).
 */
export function tierCountsFromHistogram(
	hist: ArrayLike<number>,
	mins: readonly number[],
	fixed?: ArrayLike<number>
): number[] {
	const tiers = mins.map((min) => ({ min }));
	const counts = mins.map((_, i) => fixed?.[i] ?? 0);
	for (let s = 0; s < hist.length; s++) {
		const c = hist[s] ?? 0;
		if (c === 0) continue;
		const t = tierIndexFor(tiers, s);
		if (t >= 0) counts[t] = (counts[t] ?? 0) + c;
	}
	return counts;
}
