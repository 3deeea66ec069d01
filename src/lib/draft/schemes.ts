/**
 * Schemes from the data: the defaults a new metric gets (linear from the observed 5th–95th
 * percentiles in the metric's direction, 0/1 as yes/no, categories as a map ordered by churn
 * rate, bands from quantiles) and the fitted schemes of a drafted model (monotone or quantile
 * bins with points from churn rates). Pure, no DOM.
 */
import { rocAuc } from '$lib/backtest/metrics';
import { columnPoints } from '$lib/model/schemes';
import type {
	BandsScheme,
	CategoryPoints,
	Column,
	Direction,
	Scheme,
	SchemeKind
} from '$lib/model/types';
import {
	distinctValues,
	labelledRows,
	niceEdge,
	poolNonIncreasing,
	quantile,
	shrunkRate,
	sortedValues,
	type Labels,
	type Rate
} from './stats';

/** Names of signals where less is healthier (tickets, errors, days late, charges, …). */
export const LOWER_IS_BETTER =
	/ticket|complain|escalat|error|bug|incident|late|overdue|days?[\s_-]?since|risk|debt|downgrade|refund|wait|response[\s_-]?time|resolution[\s_-]?time|unpaid|failed|declin|bounce/i;

/** A number column holding only 0 and 1. */
export function isZeroOne(column: Column | undefined): boolean {
	if (!column || column.kind !== 'number') return false;
	let seen = false;
	for (const x of column.values) {
		if (x !== x) continue;
		if (x !== 0 && x !== 1) return false;
		seen = true;
	}
	return seen;
}

/** Direction from the data (univariate AUC of the raw value) or, without labels, the name. */
export function directionFor(name: string, column: Column, labels: Labels | null): Direction {
	if (labels && column.kind === 'number') {
		const auc = rocAuc(column.values, labels);
		if (Number.isFinite(auc) && auc !== 0.5) return auc > 0.5 ? 'higher' : 'lower';
	}
	return LOWER_IS_BETTER.test(name) ? 'lower' : 'higher';
}

/** Churn per value of a column (category dictionary value or number as text) over `rows`. */
function ratesByValue(column: Column, labels: Labels, rows: Int32Array): Map<string, Rate> {
	const out = new Map<string, Rate>();
	for (const i of rows) {
		const y = labels[i];
		if (y !== 0 && y !== 1) continue;
		let key: string | null;
		if (column.kind === 'category') {
			const c = column.codes[i]!;
			key = c < 0 ? null : column.dictionary[c]!;
		} else {
			const x = column.values[i]!;
			key = Number.isFinite(x) ? String(x) : null;
		}
		if (key === null) continue;
		const r = out.get(key) ?? { churned: 0, total: 0 };
		r.total++;
		r.churned += y;
		out.set(key, r);
	}
	return out;
}

function baseRate(labels: Labels, rows: Int32Array): number {
	let p = 0;
	let n = 0;
	for (const i of rows) {
		const y = labels[i];
		if (y === 0 || y === 1) {
			n++;
			p += y;
		}
	}
	return n ? p / n : 0;
}

/** Points 0–100 from churn rates: the lowest rate gets 100, the highest 0 (all 50 if equal). */
function pointsFromRates(rates: readonly number[]): number[] {
	const lo = Math.min(...rates);
	const hi = Math.max(...rates);
	return rates.map((r) => (hi > lo ? Math.round((100 * (hi - r)) / (hi - lo)) : 50));
}

/** Category values in file order, up to `max` (most frequent first when counts are known). */
function categoryValues(column: Column, max: number): string[] {
	if (column.kind === 'category') {
		const counts = new Array<number>(column.dictionary.length).fill(0);
		for (const c of column.codes) if (c >= 0) counts[c]!++;
		return column.dictionary
			.map((v, k) => ({ v, n: counts[k]! }))
			.filter((x) => x.n > 0)
			.sort((a, b) => b.n - a.n)
			.slice(0, max)
			.map((x) => x.v);
	}
	return distinctValues(column, labelledRows(column.values.length, null), max).map(String);
}

/**
 * A category map: with labels, each value's points from its (shrunk) churn rate, healthiest
 * value first; without, every value at 50 points, most frequent first. Values held by fewer
 * than `minCount` accounts fall to `otherPoints` (the rate of all of them together).
 */
export function categoryMap(
	column: Column,
	labels: Labels | null,
	rows?: Int32Array,
	minCount = 0
): Scheme & { kind: 'category' } {
	const n = column.kind === 'number' ? column.values.length : column.codes.length;
	if (!labels) {
		const map = categoryValues(column, 50).map((value) => ({ value, points: 50 }));
		return { kind: 'category', map, otherPoints: null };
	}
	const use = rows ?? labelledRows(n, labels);
	const base = baseRate(labels, use);
	const byValue = [...ratesByValue(column, labels, use)];
	const kept = byValue.filter(([, r]) => r.total >= minCount).slice(0, 200);
	const rest = byValue.filter(([, r]) => r.total < minCount);
	const restRate = rest.reduce(
		(a, [, r]) => ({ churned: a.churned + r.churned, total: a.total + r.total }),
		{
			churned: 0,
			total: 0
		}
	);
	const rates = kept.map(([, r]) => shrunkRate(r, base));
	if (rest.length) rates.push(shrunkRate(restRate, base));
	const pts = pointsFromRates(rates);
	const map: CategoryPoints[] = kept
		.map(([value], k) => ({ value, points: pts[k]! }))
		.sort((a, b) => b.points - a.points || a.value.localeCompare(b.value));
	return { kind: 'category', map, otherPoints: rest.length ? pts[kept.length]! : null };
}

/** Linear worst/best from the 5th and 95th percentiles (min/max if those tie), in `direction`. */
export function linearFromData(
	column: Column,
	direction: Direction,
	rows?: Int32Array
): Scheme | null {
	const n = column.kind === 'number' ? column.values.length : 0;
	const sorted = sortedValues(column, rows ?? labelledRows(n, null));
	if (sorted.length === 0) return null;
	let lo = niceEdge(quantile(sorted, 0.05));
	let hi = niceEdge(quantile(sorted, 0.95));
	if (!(hi > lo)) {
		lo = sorted[0]!;
		hi = sorted[sorted.length - 1]!;
	}
	if (!(hi > lo)) return null;
	return direction === 'higher'
		? { kind: 'linear', worst: lo, best: hi }
		: { kind: 'linear', worst: hi, best: lo };
}

/** Bands at the terciles (33rd and 67th percentiles), points rising in the healthy direction. */
export function bandsFromData(column: Column, direction: Direction): BandsScheme | null {
	const n = column.kind === 'number' ? column.values.length : 0;
	const sorted = sortedValues(column, labelledRows(n, null));
	const edges = [...new Set([quantile(sorted, 1 / 3), quantile(sorted, 2 / 3)].map(niceEdge))]
		.filter((e) => Number.isFinite(e) && e < sorted[sorted.length - 1]!)
		.sort((a, b) => a - b);
	if (edges.length === 0) return null;
	const up = edges.length === 2 ? [20, 60, 100] : [20, 100];
	const pts = direction === 'higher' ? up : up.slice().reverse();
	return {
		kind: 'bands',
		bands: [
			...edges.map((upTo, k) => ({ upTo, points: pts[k]! })),
			{ upTo: null, points: pts.at(-1)! }
		]
	};
}

/** A scheme of `kind` seeded from the column's data (null when the data cannot seed it). */
export function schemeFromData(
	kind: SchemeKind,
	column: Column,
	direction: Direction,
	labels: Labels | null
): Scheme | null {
	switch (kind) {
		case 'linear':
			return linearFromData(column, direction);
		case 'bands':
			return bandsFromData(column, direction);
		case 'boolean':
			return direction === 'higher'
				? { kind, truePoints: 100, falsePoints: 0 }
				: { kind, truePoints: 0, falsePoints: 100 };
		case 'category':
			return categoryMap(column, labels);
		default:
			return null;
	}
}

/** A new metric's direction and scheme from its column (null column: the old linear 0–100). */
export function metricDefaults(
	name: string,
	column: Column | undefined,
	labels: Labels | null
): { direction: Direction; scheme: Scheme } {
	if (!column) return { direction: 'higher', scheme: { kind: 'linear', worst: 0, best: 100 } };
	if (column.kind === 'category')
		return { direction: 'higher', scheme: categoryMap(column, labels) };
	const direction = directionFor(name, column, labels);
	if (isZeroOne(column))
		return { direction, scheme: schemeFromData('boolean', column, direction, labels)! };
	const linear = linearFromData(column, direction);
	return { direction, scheme: linear ?? { kind: 'linear', worst: 0, best: 100 } };
}

/** Points of every row under `scheme`. */
export function pointsOf(scheme: Scheme, column: Column, n: number): Float64Array {
	const out = new Float64Array(n);
	columnPoints(scheme, column, out);
	return out;
}

/**
 * Fitted bands for a number column: up to 8 quantile bins (each holding at least `minShare` of
 * the labelled accounts), churn rate per bin, then pooled so churn falls steadily in the healthy
 * direction (monotone); the unpooled bins are kept instead when they rank churners clearly
 * better (AUC 0.01 or more: a real U-shape). Points from the bin rates.
 */
export function fittedBands(
	column: Column,
	labels: Labels,
	rows: Int32Array,
	minShare = 0.03
): { scheme: BandsScheme; direction: Direction } | null {
	if (column.kind !== 'number') return null;
	const sorted = sortedValues(column, rows);
	const m = sorted.length;
	if (m < 20) return null;
	const max = sorted[m - 1]!;
	let edges = [...new Set([1, 2, 3, 4, 5, 6, 7].map((k) => niceEdge(quantile(sorted, k / 8))))]
		.filter((e) => e < max)
		.sort((a, b) => a - b);
	const minCount = Math.max(20, Math.ceil(minShare * m));
	const binOf = (x: number, es: readonly number[]) => {
		let k = 0;
		while (k < es.length && x > es[k]!) k++;
		return k;
	};
	const tally = (es: readonly number[]) => {
		const r: Rate[] = Array.from({ length: es.length + 1 }, () => ({ churned: 0, total: 0 }));
		for (const i of rows) {
			const x = column.values[i]!;
			const y = labels[i];
			if (!Number.isFinite(x) || (y !== 0 && y !== 1)) continue;
			const b = r[binOf(x, es)]!;
			b.total++;
			b.churned += y;
		}
		return r;
	};
	let counts = tally(edges);
	// Merge bins below the minimum into their right neighbour (the last into its left).
	for (let k = 0; k < counts.length && edges.length > 0;) {
		if (counts[k]!.total >= minCount) {
			k++;
			continue;
		}
		edges = edges.filter((_, j) => j !== Math.min(k, edges.length - 1));
		counts = tally(edges);
	}
	if (edges.length === 0) return null;
	const base = baseRate(labels, rows);
	const rates = counts.map((r) => shrunkRate(r, base));
	const direction: Direction = rocAuc(column.values, labels, rows) >= 0.5 ? 'higher' : 'lower';
	const sign = direction === 'higher' ? 1 : -1;
	const pooled = poolNonIncreasing(
		rates.map((r) => sign * r),
		counts.map((c) => c.total)
	);
	const monoEdges = edges.filter((_, k) => pooled.block[k] !== pooled.block[k + 1]);
	const mono = toBands(monoEdges, pointsFromRates(pooled.rates.map((r) => sign * r)));
	const raw = toBands(edges, pointsFromRates(rates));
	const n = column.values.length;
	const auc = (s: BandsScheme) => Math.abs(rocAuc(pointsOf(s, column, n), labels, rows) - 0.5);
	if (monoEdges.length === 0) return auc(raw) >= 0.02 ? { scheme: raw, direction } : null;
	return { scheme: auc(raw) >= auc(mono) + 0.01 ? raw : mono, direction };
}

function toBands(edges: readonly number[], points: readonly number[]): BandsScheme {
	return {
		kind: 'bands',
		bands: [
			...edges.map((upTo, k) => ({ upTo, points: points[k]! })),
			{ upTo: null, points: points[edges.length]! }
		]
	};
}
