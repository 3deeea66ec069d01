/** Theme-aware colours for tiers in charts: the theme's green / yellow / red for 2–3 tiers. */
import type { Tier } from '$lib/model/types';

/** CSS colour of tier `i` of `tiers` (best first). */
export function tierTone(tiers: readonly Pick<Tier, 'color'>[], i: number): string {
	const T = tiers.length;
	if (T <= 3) {
		if (i === 0) return 'var(--green)';
		if (i === T - 1) return 'var(--red)';
		return 'var(--yellow)';
	}
	return tiers[i]?.color ?? 'var(--fg)';
}
