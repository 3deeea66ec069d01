/**
 * Data for a metric's live preview: the distribution of its raw values in the active dataset
 * (histogram, or counts per category) with the scheme's points at each value, and for bands the
 * share of accounts in each band. Pure; the chart component only draws it.
 */
import { schemePoints } from '$lib/model';
import type { Column, Metric } from '$lib/model/types';
import { binValues } from './scales';

export interface NumericPreview {
	kind: 'numeric';
	lo: number;
	binWidth: number;
	counts: number[];
	/** Points curve: [raw, points] pairs across the histogram's range. */
	curve: [number, number][];
	present: number;
	missing: number;
	/** For a bands scheme: accounts and share per band, in band order. */
	bands: { label: string; points: number; count: number; share: number }[] | null;
}

export interface CategoryPreview {
	kind: 'category';
	items: { value: string; count: number; points: number | null }[];
	present: number;
	missing: number;
}

export type MetricPreview =
	NumericPreview | CategoryPreview | { kind: 'none'; reason: string; column: string };

/** Values of a number column at `rows` (all rows when null). */
function pick(values: Float64Array, rows: Int32Array | null): Float64Array {
	if (!rows) return values;
	const out = new Float64Array(rows.length);
	for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
	return out;
}

export function metricPreview(
	metric: Metric,
	column: Column | undefined,
	rows: Int32Array | null
): MetricPreview {
	if (!column)
		return {
			kind: 'none',
			reason: `The dataset has no column “${metric.column}”.`,
			column: metric.column
		};
	if (column.kind === 'category') return categoryPreview(metric, column, rows);
	const values = pick(column.values, rows);
	const { lo, binWidth, counts, present } = binValues(values, 30);
	const hi = lo + binWidth * counts.length;
	const curve: [number, number][] = [];
	const steps = 120;
	if (metric.scheme.kind !== 'percentile')
		for (let k = 0; k <= steps; k++) {
			const x = lo + ((hi - lo) * k) / steps;
			const p = schemePoints(metric, x);
			if (p !== null) curve.push([x, p]);
		}
	return {
		kind: 'numeric',
		lo,
		binWidth,
		counts,
		curve,
		present,
		missing: values.length - present,
		bands: metric.scheme.kind === 'bands' ? bandShares(metric.scheme.bands, values, present) : null
	};
}

function bandShares(
	bands: { upTo: number | null; points: number }[],
	values: Float64Array,
	present: number
): NonNullable<NumericPreview['bands']> {
	const counts = bands.map(() => 0);
	for (const v of values) {
		if (Number.isNaN(v)) continue;
		const b = bands.findIndex((band) => band.upTo === null || v <= band.upTo);
		if (b >= 0) counts[b]!++;
	}
	return bands.map((band, i) => {
		const prev = i > 0 ? bands[i - 1]!.upTo : null;
		const label =
			band.upTo === null
				? prev === null
					? 'all values'
					: `above ${prev}`
				: prev === null
					? `up to ${band.upTo}`
					: `${prev}–${band.upTo}`;
		const count = counts[i] ?? 0;
		return { label, points: band.points, count, share: present ? count / present : 0 };
	});
}

function categoryPreview(
	metric: Metric,
	column: Extract<Column, { kind: 'category' }>,
	rows: Int32Array | null
): CategoryPreview {
	const counts = new Array<number>(column.dictionary.length).fill(0);
	let missing = 0;
	const n = rows ? rows.length : column.codes.length;
	for (let k = 0; k < n; k++) {
		const c = column.codes[rows ? rows[k]! : k]!;
		if (c < 0) missing++;
		else counts[c]!++;
	}
	const items = column.dictionary
		.map((value, c) => ({ value, count: counts[c] ?? 0, points: schemePoints(metric, value) }))
		.filter((x) => x.count > 0)
		.sort((a, b) => b.count - a.count)
		.slice(0, 24);
	return { kind: 'category', items, present: n - missing, missing };
}
