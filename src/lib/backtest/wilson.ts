/**
 * Wilson score interval for a binomial proportion.
 * Wilson, E. B. (1927) "Probable inference, the law of succession, and statistical inference",
 * JASA 22:209–212; recommended by Newcombe (1998), Statistics in Medicine 17:857–872
 * ([method 3](https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8%3C857::AID-SIM777%3E3.0.CO;2-E)).
 */

/** Two-sided 95 % normal quantile, Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/** A rate with its interval. All three are NaN when n = 0. */
export interface RateInterval {
	/** k / n. */
	rate: number;
	/** Lower bound, in [0, 1]. */
	lo: number;
	/** Upper bound, in [0, 1]. */
	hi: number;
}

/**
 * Wilson interval for k successes out of n:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), with p = k/n.
 * The bounds are exactly 0 when k = 0 and exactly 1 when k = n. n = 0 gives NaN everywhere.
 * @example wilson(81, 263) → { rate: 0.30798, lo: 0.25528, hi: 0.36616 } (Newcombe 1998, ex. 1)
 */
export function wilson(k: number, n: number, z: number = Z95): RateInterval {
	if (!(n > 0)) return { rate: NaN, lo: NaN, hi: NaN };
	const p = k / n;
	const z2 = z * z;
	const denom = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denom;
	const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	const lo = k <= 0 ? 0 : Math.max(0, centre - half);
	const hi = k >= n ? 1 : Math.min(1, centre + half);
	return { rate: p, lo, hi };
}
