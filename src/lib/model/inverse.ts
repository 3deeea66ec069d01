/**
 * Scheme inverses for explanations: the raw value, nearest to the current one, that earns at
 * least a target number of points. Numbers are rounded (towards "better") to the precision of the
 * inputs: the most decimals among the current value and the scheme's numbers, at most 2.
 */
import type { Band, Metric, RawValue, Scheme } from './types';

const MAX_DECIMALS = 2;
const EPS = 1e-9;

/** Decimals of a number as written (0 for integers), capped at 2. */
export function decimalsOf(x: number): number {
	if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
	for (let p = 1; p <= MAX_DECIMALS; p++)
		if (Math.abs(x * 10 ** p - Math.round(x * 10 ** p)) < 1e-7) return p;
	return MAX_DECIMALS;
}

function schemeNumbers(s: Scheme): number[] {
	if (s.kind === 'linear') return [s.worst, s.best];
	if (s.kind === 'bands') return s.bands.map((b) => b.upTo ?? 0);
	if (s.kind === 'manual') return [s.max];
	return [];
}

/** Precision (decimals) for raw targets of a metric given its current raw value. */
export function precisionFor(metric: Metric, raw: RawValue): number {
	const nums = schemeNumbers(metric.scheme);
	if (typeof raw === 'number') nums.push(raw);
	return Math.max(0, ...nums.map(decimalsOf));
}

/** Round x to p decimals, up (`up`) or down, ignoring float noise below 1e-9. */
export function roundTo(x: number, p: number, up: boolean): number {
	const f = 10 ** p;
	const y = x * f;
	const r = up ? Math.ceil(y - EPS) : Math.floor(y + EPS);
	return r / f;
}

function linearTarget(worst: number, best: number, toPoints: number, p: number): number {
	const x = worst + (toPoints / 100) * (best - worst);
	const r = roundTo(x, p, best > worst);
	return best > worst ? Math.min(r, best) : Math.max(r, best);
}

/** The value nearest to x inside band j's range (previous upTo, upTo]. */
function nearestInBand(bands: Band[], j: number, x: number | null, p: number): number {
	const lower = j > 0 ? (bands[j - 1]!.upTo ?? -Infinity) : -Infinity;
	const upper = bands[j]!.upTo ?? Infinity;
	const justAbove = roundTo(lower + 10 ** -p, p, false);
	if (x === null) return Number.isFinite(upper) ? upper : justAbove;
	if (x > upper) return upper;
	if (x <= lower) return justAbove;
	return x;
}

function bandsTarget(bands: Band[], x: number | null, toPoints: number, p: number): number | null {
	let best: number | null = null;
	let bestCost = Infinity;
	bands.forEach((b, j) => {
		if (b.points < toPoints - EPS) return;
		const candidate = nearestInBand(bands, j, x, p);
		const cost = x === null ? b.points : Math.abs(candidate - x);
		if (cost < bestCost) {
			best = candidate;
			bestCost = cost;
		}
	});
	return best;
}

function numberOf(raw: RawValue): number | null {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
	if (typeof raw === 'string' && raw.trim() !== '') {
		const x = Number(raw.trim());
		return Number.isFinite(x) ? x : null;
	}
	return null;
}

/**
 * A raw value earning at least `toPoints` (≤ 100) under the metric's scheme, nearest the current
 * raw value; null if no value can (or for percentile, which depends on other accounts).
 * Linear: exact inverse, rounded towards best. Bands: the nearest boundary of a band with enough
 * points. Boolean: the side with enough points. Category: the best-scoring value. Manual:
 * toPoints / 100 × max, rounded up.
 */
export function rawTarget(metric: Metric, raw: RawValue, toPoints: number): RawValue {
	const s = metric.scheme;
	const p = precisionFor(metric, raw);
	switch (s.kind) {
		case 'linear':
			return linearTarget(s.worst, s.best, toPoints, p);
		case 'bands':
			return bandsTarget(s.bands, numberOf(raw), toPoints, p);
		case 'manual':
			return Math.min(roundTo((toPoints / 100) * s.max, p, true), s.max);
		case 'boolean':
			if (s.truePoints >= toPoints - EPS && s.truePoints >= s.falsePoints) return true;
			return s.falsePoints >= toPoints - EPS ? false : null;
		case 'category': {
			const top = s.map.reduce<{ value: string; points: number } | null>(
				(a, c) => (a === null || c.points > a.points ? c : a),
				null
			);
			return top && top.points >= toPoints - EPS ? top.value : null;
		}
		case 'percentile':
			return null;
	}
}
