/**
 * Seeded pseudo-random numbers for the backtest (bootstrap resamples, fold assignment, fixtures).
 * Never `Math.random` or the clock: the same seed gives the same report, in any runtime.
 */

/** A generator of 32-bit unsigned integers. */
export type Rng = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain; see
 * [bryc/code PRNGs.md](https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32)):
 * 32-bit state, period 2^32, passes gjrand/PractRand to 2^32 outputs. Returns uint32 values.
 * @param seed any number; only its low 32 bits are used.
 */
export function mulberry32(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	};
}

/** Uniform double in [0, 1) from a uint32 generator (32 bits of resolution). */
export function uniform(rng: Rng): number {
	return rng() / 4294967296;
}

/** Uniform integer in [0, n) (n ≤ 2^32), by multiply-shift (bias < n / 2^32). */
export function randomInt(rng: Rng, n: number): number {
	return Math.floor((rng() / 4294967296) * n);
}

/** Fisher–Yates shuffle in place ([Knuth TAOCP vol. 2, Algorithm P](https://en.wikipedia.org/wiki/Fisher%E2%80%93Yates_shuffle)). */
export function shuffleInPlace(a: Int32Array, rng: Rng): Int32Array {
	for (let i = a.length - 1; i > 0; i--) {
		const j = randomInt(rng, i + 1);
		const t = a[i]!;
		a[i] = a[j]!;
		a[j] = t;
	}
	return a;
}

/**
 * Thresholds on a uint32 for an inverse-CDF Poisson(1) draw: draw u = rng(); the count is the
 * number of thresholds ≤ u. P(K = k) = e^−1 / k!; counts above 12 (p < 2·10^−10) are capped at 12.
 */
export const POISSON1_THRESHOLDS: Float64Array = (() => {
	const t = new Float64Array(12);
	let p = Math.exp(-1);
	let cdf = 0;
	for (let k = 0; k < 12; k++) {
		cdf += p;
		t[k] = Math.min(4294967296, cdf * 4294967296);
		p /= k + 1;
	}
	return t;
})();

/**
 * Poisson(1) inverse-CDF table over 16-bit uniforms: entry v is the count k for the uniform
 * (v + ½) / 2^16. Each count's probability is thus a multiple of 2^−16 (error < 1.6·10^−5 per k;
 * the largest count drawn is 8, P(K > 8) ≈ 10^−6). Used by the bootstrap, where one uint32
 * gives two draws.
 */
export const POISSON1_TABLE16: Uint8Array = (() => {
	const t = new Uint8Array(65536);
	let k = 0;
	let p = Math.exp(-1);
	let cdf = p;
	for (let v = 0; v < 65536; v++) {
		const u = (v + 0.5) / 65536;
		while (u >= cdf && k < 12) {
			k++;
			p /= k;
			cdf += p;
		}
		t[v] = k;
	}
	return t;
})();

/**
 * Fill `out` with independent Poisson(1) counts (via {@link POISSON1_TABLE16}, two per 32-bit
 * draw) from a mulberry32 stream whose state lives in `state[0]` (advanced in place), so a
 * caller can continue the same stream across calls. Inlined for speed: ~2 ns per count.
 */
export function fillPoisson1(out: Uint8Array, state: Uint32Array): void {
	const T = POISSON1_TABLE16;
	let a = state[0]!;
	const n = out.length;
	let i = 0;
	for (; i + 1 < n; i += 2) {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		t = (t ^ (t >>> 14)) >>> 0;
		out[i] = T[t & 0xffff]!;
		out[i + 1] = T[t >>> 16]!;
	}
	if (i < n) {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		t = (t ^ (t >>> 14)) >>> 0;
		out[i] = T[t & 0xffff]!;
	}
	state[0] = a;
}

/** One Poisson(1) count (0, 1, 2, …) from a uint32 generator, by inverse CDF. */
export function poisson1(rng: Rng): number {
	const u = rng();
	let k = 0;
	while (k < 12 && u >= POISSON1_THRESHOLDS[k]!) k++;
	return k;
}
