/**
 * The scoring rules' numbers, one copy each: the reference engine, the fast path, the charts and
 * the SQL export all read them from here.
 */

/**
 * Coverage within this of the minimum counts as reaching it: nominal shares are sums of weight
 * ratios, so a coverage meant to equal the minimum can land a few ulps under it (0.1 + 0.2).
 */
export const COVERAGE_EPSILON = 1e-9;

/**
 * The shown score is rounded half up after rounding the score to 1 / SHOWN_PRECISION, so float
 * noise (79.49999999999999 from an exact 79.5) cannot flip the number a user reads.
 */
export const SHOWN_PRECISION = 1e9;

/** Points a missing value counts for under each missing policy (`exclude`: skipped, NaN). */
export const MISSING_POINTS = { exclude: NaN, zero: 0, neutral: 50 } as const;

/** One histogram bin per shown whole score 0…100 (100 needs its own bin for exact tier counts). */
export const HIST_BINS = 101;

/**
 * Whether a row is scored: some dimension with positive weight has a value (`den` > 0), it has at
 * least one real (not imputed) value (`coverage` > 0, even when the minimum is 0), and its
 * coverage reaches the minimum within COVERAGE_EPSILON.
 */
export function isScored(den: number, coverage: number, minCoverage: number): boolean {
	return den > 0 && coverage > 0 && coverage + COVERAGE_EPSILON >= minCoverage;
}
