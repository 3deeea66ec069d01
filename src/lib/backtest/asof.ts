/**
 * Choosing as-of days for a point-in-time backtest, and cutting a table down to the selected
 * rows. Days are epoch days (UTC), as the dataset stores dates.
 *
 * The end of outcome data (`dataEndDay`) is not stored in a CSV export, so it is taken as the
 * latest date the file holds (snapshot or churn day): nothing after it can be known. An as-of
 * day T is "complete" when T + H ≤ dataEndDay, i.e. every account's outcome window is observed
 * and nobody is censored.
 */
import type { Column, ColumnTable } from '$lib/model/types';

/** Distinct finite days, ascending. */
export function distinctDays(days: Float64Array): number[] {
	const seen = new Set<number>();
	for (let i = 0; i < days.length; i++) {
		const d = days[i]!;
		if (Number.isFinite(d)) seen.add(d);
	}
	return [...seen].sort((a, b) => a - b);
}

/** Latest finite day over the given columns (snapshot days, churn days); NaN when none. */
export function lastKnownDay(...columns: (Float64Array | null | undefined)[]): number {
	let end = -Infinity;
	for (const c of columns) {
		if (!c) continue;
		for (let i = 0; i < c.length; i++) if (c[i]! > end) end = c[i]!;
	}
	return Number.isFinite(end) ? end : NaN;
}

/**
 * As-of days (from `days`, ascending) whose outcome window (T, T + H] ends on or before
 * `dataEndDay`, keeping the latest `max`. Empty when none is complete.
 */
export function completeAsOfDays(
	days: readonly number[],
	horizonDays: number,
	dataEndDay: number,
	max = Infinity
): number[] {
	const ok = days.filter((d) => d + horizonDays <= dataEndDay);
	return ok.slice(Math.max(0, ok.length - max));
}

/**
 * The default as-of day: the latest complete one (no censoring); else the earliest day (the most
 * outcome time); NaN without days.
 */
export function defaultAsOfDay(
	days: readonly number[],
	horizonDays: number,
	dataEndDay: number
): number {
	const complete = completeAsOfDays(days, horizonDays, dataEndDay);
	return complete.at(-1) ?? days[0] ?? NaN;
}

/**
 * Training as-of days for a time split: complete days whose window closes on or before the test
 * as-of day (d + H ≤ T), so no training label is unknown at T. The latest `max`.
 */
export function trainingAsOfDays(
	days: readonly number[],
	testAsOfDay: number,
	horizonDays: number,
	max = 12
): number[] {
	return completeAsOfDays(days, horizonDays, testAsOfDay, max);
}

function gatherColumn(c: Column, rows: Int32Array): Column {
	if (c.kind === 'number') {
		const values = new Float64Array(rows.length);
		for (let j = 0; j < rows.length; j++) values[j] = c.values[rows[j]!]!;
		return { kind: 'number', values };
	}
	const codes = new Int32Array(rows.length);
	for (let j = 0; j < rows.length; j++) codes[j] = c.codes[rows[j]!]!;
	return { kind: 'category', codes, dictionary: c.dictionary };
}

/**
 * The rows `rows` of a table as a new table (dictionaries shared). Scoring this table instead of
 * the whole file keeps percentile ranks within the population as of T (no peeking).
 * @param only column names to keep (default all).
 */
export function gatherTable(
	table: ColumnTable,
	rows: Int32Array,
	only?: ReadonlySet<string>
): ColumnTable {
	const columns = new Map<string, Column>();
	for (const [name, c] of table.columns) {
		if (!only || only.has(name)) columns.set(name, gatherColumn(c, rows));
	}
	return { n: rows.length, columns };
}
