/** What a derived metric is (the recipe a user picks); computed in `derive.ts`. */

/** numerator / denominator × scale (e.g. active users / seats × 100 = seat utilisation %). */
export interface RatioSpec {
	kind: 'ratio';
	numerator: string;
	denominator: string;
	/** Multiplier, default 1 (100 gives a percentage). */
	scale?: number;
}

/**
 * Change of `column` over `days`: this snapshot's value against the account's value on its
 * latest snapshot dated at or before (this date − days). `pct` = (now − then) / |then| × 100;
 * `abs` = now − then.
 */
export interface ChangeSpec {
	kind: 'change';
	column: string;
	/** Look-back in days, > 0. */
	days: number;
	mode: 'pct' | 'abs';
}

/** Days from the date in `column` to the snapshot date (or a reference day without snapshots). */
export interface DaysSinceSpec {
	kind: 'days-since';
	column: string;
}

/**
 * Aggregate of `column` over the account's snapshots dated in (this date − days, this date]
 * (this snapshot included). `sum` and `mean` are over the present values; `count` is the number
 * of snapshots in the window whose value is present and > 0 (e.g. "months with logins").
 */
export interface WindowSpec {
	kind: 'window';
	column: string;
	/** Window length in days, > 0. */
	days: number;
	agg: 'sum' | 'count' | 'mean';
}

/** The definition of a derived column (stored in `ColumnInfo.derived`). */
export type DerivedSpec = RatioSpec | ChangeSpec | DaysSinceSpec | WindowSpec;

export type DerivedKind = DerivedSpec['kind'];
