/**
 * Schemes: raw value → 0–100 points, for one value (`schemePoints`) and for a whole column
 * (`columnPoints`, typed arrays, no per-row allocation). `NaN` marks a missing value.
 *
 * Non-finite numbers (NaN, +Infinity, −Infinity) are MISSING, not clamped: an infinite raw value
 * is almost always a division by zero upstream, not a real "best possible" account.
 * Percentile points depend on the whole table and are computed in `percentile.ts`.
 */
import type { Column, Metric, Scheme } from './types';

/** Text accepted as true / false by a boolean scheme (compared case-insensitively). */
const TRUE_TEXT = new Set(['true', 'yes', 'y', '1']);
const FALSE_TEXT = new Set(['false', 'no', 'n', '0']);

/** Linear: clamp((x − worst) / (best − worst), 0, 1) × 100. */
export function linearPoints(worst: number, best: number, x: number): number {
	if (!Number.isFinite(x)) return NaN;
	const t = (x - worst) / (best - worst);
	return t <= 0 ? 0 : t >= 1 ? 100 : t * 100;
}

/** Bands: points of the first band with x ≤ upTo; the last (open, null) band takes the rest. */
export function bandPoints(bands: readonly { upTo: number | null; points: number }[], x: number) {
	if (!Number.isFinite(x)) return NaN;
	for (const b of bands) if (b.upTo === null || x <= b.upTo) return b.points;
	return NaN;
}

/** Manual: clamp(x / max, 0, 1) × 100. */
export function manualPoints(max: number, x: number): number {
	if (!Number.isFinite(x)) return NaN;
	const t = x / max;
	return t <= 0 ? 0 : t >= 1 ? 100 : t * 100;
}

/** Parse text as a number: trimmed, non-empty, finite; otherwise NaN. */
export function parseNumber(s: string): number {
	const t = s.trim();
	return t === '' ? NaN : Number(t);
}

/** Text → 1 (true), 0 (false) or NaN, per the boolean words above. */
export function parseBoolean(s: string): number {
	const t = s.trim().toLowerCase();
	return TRUE_TEXT.has(t) ? 1 : FALSE_TEXT.has(t) ? 0 : NaN;
}

/** Points of a numeric raw value; NaN when missing. Percentile → NaN (table-wide). */
export function pointsFromNumber(scheme: Scheme, x: number): number {
	if (!Number.isFinite(x)) return NaN;
	switch (scheme.kind) {
		case 'linear':
			return linearPoints(scheme.worst, scheme.best, x);
		case 'bands':
			return bandPoints(scheme.bands, x);
		case 'manual':
			return manualPoints(scheme.max, x);
		case 'boolean':
			return x === 1 ? scheme.truePoints : x === 0 ? scheme.falsePoints : NaN;
		case 'category':
			return pointsFromString(scheme, String(x));
		case 'percentile':
			return NaN;
	}
}

/** Points of a text raw value; NaN when missing. A category compares exactly (case-sensitive). */
export function pointsFromString(scheme: Scheme, s: string): number {
	switch (scheme.kind) {
		case 'category': {
			const hit = scheme.map.find((c) => c.value === s);
			return hit ? hit.points : (scheme.otherPoints ?? NaN);
		}
		case 'boolean':
			return pointsFromNumber(scheme, parseBoolean(s));
		default:
			return pointsFromNumber(scheme, parseNumber(s));
	}
}

/**
 * Points 0–100 of one raw value for a metric, or null when the value is missing (null,
 * undefined, '', non-finite, unmatched category without `otherPoints`) or the scheme is
 * `percentile` (which needs the whole table). Booleans read as 1 / 0.
 */
export function schemePoints(
	metric: Metric,
	raw: number | string | boolean | null | undefined
): number | null {
	if (raw === null || raw === undefined || raw === '') return null;
	const p =
		typeof raw === 'string'
			? pointsFromString(metric.scheme, raw)
			: pointsFromNumber(metric.scheme, typeof raw === 'boolean' ? Number(raw) : raw);
	return Number.isNaN(p) ? null : p;
}

/** Points of a category scheme for a number column: keyed by the canonical `String(x)`. */
function categoryNumberLookup(scheme: Scheme & { kind: 'category' }): Map<number, number> {
	const out = new Map<number, number>();
	for (const c of scheme.map) {
		const x = Number(c.value);
		if (c.value.trim() !== '' && String(x) === c.value && !out.has(x)) out.set(x, c.points);
	}
	return out;
}

function numberColumnPoints(scheme: Scheme, values: Float64Array, out: Float64Array): void {
	const n = out.length;
	if (scheme.kind === 'linear') {
		for (let i = 0; i < n; i++) out[i] = linearPoints(scheme.worst, scheme.best, values[i]!);
	} else if (scheme.kind === 'category') {
		const lookup = categoryNumberLookup(scheme);
		const other = scheme.otherPoints ?? NaN;
		for (let i = 0; i < n; i++) {
			const x = values[i]!;
			out[i] = Number.isFinite(x) ? (lookup.get(x) ?? other) : NaN;
		}
	} else {
		for (let i = 0; i < n; i++) out[i] = pointsFromNumber(scheme, values[i]!);
	}
}

/**
 * Points of every row of a column into `out` (length = row count). A category column maps its
 * dictionary to points once, then indexes by code; a missing column gives all NaN.
 * Not for percentile (see `percentile.ts`).
 */
export function columnPoints(scheme: Scheme, column: Column | undefined, out: Float64Array): void {
	if (!column) {
		out.fill(NaN);
	} else if (column.kind === 'number') {
		numberColumnPoints(scheme, column.values, out);
	} else {
		const byCode = Float64Array.from(column.dictionary, (s) => pointsFromString(scheme, s));
		for (let i = 0; i < out.length; i++) {
			const c = column.codes[i]!;
			out[i] = c < 0 ? NaN : byCode[c]!;
		}
	}
}

/** Raw numeric view of a column (a category column parses its dictionary once); NaN = missing. */
export function numericValues(column: Column | undefined, n: number): Float64Array {
	if (!column) return new Float64Array(n).fill(NaN);
	if (column.kind === 'number') return column.values;
	const byCode = Float64Array.from(column.dictionary, parseNumber);
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const c = column.codes[i]!;
		out[i] = c < 0 ? NaN : byCode[c]!;
	}
	return out;
}
