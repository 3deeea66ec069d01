/**
 * Population stability index (PSI): how far a distribution moved between two dates.
 * Bins are the deciles of the earlier ("expected") values; with shares eₖ and aₖ per bin,
 * PSI = Σ (aₖ − eₖ) · ln(aₖ / eₖ). An empty bin's share is floored at 0.0001 so the sum stays
 * finite. Common reading (Siddiqi, *Credit Risk Scorecards*, 2006, ch. 8): < 0.1 stable,
 * 0.1–0.25 some shift, > 0.25 a major shift. Per metric it is the "characteristic stability".
 */
import { Scratch } from '$lib/model/scratch';

/** PSI with its bins. */
export interface PsiResult {
	psi: number;
	/** Upper edge of each bin (the last is +∞); values ≤ edge fall in the first such bin. */
	edges: number[];
	expectedShare: number[];
	actualShare: number[];
	/** Finite values counted on each side. */
	expectedN: number;
	actualN: number;
}

/** Floor for an empty bin's share. */
export const PSI_EPSILON = 1e-4;

/** Plain-words reading of a PSI value. */
export function psiReading(psi: number): 'stable' | 'some shift' | 'major shift' | 'unknown' {
	if (!Number.isFinite(psi)) return 'unknown';
	return psi < 0.1 ? 'stable' : psi <= 0.25 ? 'some shift' : 'major shift';
}

/** The expected side's sorted values, kept from call to call (see scratch.ts). */
const work = new Scratch();

/** How many values are finite. */
function finiteCount(v: ArrayLike<number>): number {
	let n = 0;
	for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i]!)) n++;
	return n;
}

/** The finite values, in their order, in a scratch array. */
function finite(v: ArrayLike<number>): Float64Array {
	const out = work.f64('expected', finiteCount(v));
	let n = 0;
	for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i]!)) out[n++] = v[i]!;
	return out;
}

/**
 * PSI of `actual` against `expected` over `bins` quantile bins of `expected` (edges deduplicated,
 * so a column with few distinct values gets fewer bins). NaN when either side has no value.
 */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>, bins = 10): PsiResult {
	// Only the expected side is sorted (its deciles are the edges); the actual side is counted.
	const e = finite(expected).sort();
	const aN = finiteCount(actual);
	if (e.length === 0 || aN === 0)
		return {
			psi: NaN,
			edges: [],
			expectedShare: [],
			actualShare: [],
			expectedN: e.length,
			actualN: aN
		};
	const edges: number[] = [];
	for (let k = 1; k < bins; k++) {
		const q = e[Math.min(e.length - 1, Math.ceil((k * e.length) / bins) - 1)]!;
		if (edges.at(-1) !== q) edges.push(q);
	}
	if (edges.at(-1) === e[e.length - 1]) edges.pop();
	edges.push(Infinity);
	// Each finite value falls in the first bin whose edge it does not exceed.
	const count = (s: ArrayLike<number>, finiteN: number) => {
		const c = new Array<number>(edges.length).fill(0);
		for (let i = 0; i < s.length; i++) {
			const v = s[i]!;
			if (!Number.isFinite(v)) continue;
			let b = 0;
			while (v > edges[b]!) b++;
			c[b]!++;
		}
		return c.map((x) => x / finiteN);
	};
	const es = count(e, e.length);
	const as = count(actual, aN);
	let total = 0;
	for (let k = 0; k < edges.length; k++) {
		const ek = Math.max(es[k]!, PSI_EPSILON);
		const ak = Math.max(as[k]!, PSI_EPSILON);
		total += (ak - ek) * Math.log(ak / ek);
	}
	return {
		psi: total,
		edges,
		expectedShare: es,
		actualShare: as,
		expectedN: e.length,
		actualN: aN
	};
}
