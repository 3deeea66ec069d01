/** Shown score and tier: what a user reads is what decides. */
import type { Tier } from './types';

/**
 * The shown score: rounded half up to a whole number (79.5 → 80, 79.4 → 79), after rounding to
 * 1e-9 so float noise (79.49999999999999) cannot flip it. NaN and ±Infinity give NaN.
 */
export function showScore(score: number): number {
	if (!Number.isFinite(score)) return NaN;
	return Math.floor(Math.round(score * 1e9) / 1e9 + 0.5);
}

/** Index of the first tier (best first) whose `min` ≤ the shown score; −1 for NaN or none. */
export function tierIndexFor(tiers: readonly Tier[], shown: number): number {
	if (Number.isNaN(shown)) return -1;
	for (let t = 0; t < tiers.length; t++) if (shown >= tiers[t]!.min) return t;
	return -1;
}
