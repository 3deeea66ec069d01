import { describe, expect, it } from 'vitest';
import { harrellC } from './concordance';
import { RADIX_FROM } from './order';
import { mulberry32, uniform } from './rng';

/** Brute force over every ordered pair, straight from the definition. */
function bruteC(time: number[], event: number[], risk: number[]) {
	let comparable = 0;
	let score = 0;
	for (let i = 0; i < time.length; i++)
		for (let j = 0; j < time.length; j++) {
			if (event[i] !== 1 || !(time[i]! < time[j]!)) continue;
			comparable++;
			score += risk[i]! > risk[j]! ? 1 : risk[i] === risk[j] ? 0.5 : 0;
		}
	return { c: score / comparable, comparable };
}

describe('harrellC', () => {
	it('hand example', () => {
		// Times 1 (event), 2 (censored), 3 (event), 4 (censored); risks 4, 3, 1, 2.
		// Comparable: (1,2) (1,3) (1,4) from t=1; (3,4) from t=3 → 4 pairs. Concordant: the three
		// from t=1 (risk 4 beats 3, 1, 2); (3,4): risk 1 < 2 → discordant. c = 3/4.
		const r = harrellC([1, 2, 3, 4], [1, 0, 1, 0], [4, 3, 1, 2]);
		expect(r).toEqual({ c: 0.75, comparable: 4, concordant: 3, tied: 0 });
	});
	it.each([1, 2, 3, 4, 5])('matches a brute-force pair count on random data (seed %d)', (seed) => {
		const r32 = mulberry32(seed);
		const rng = () => uniform(r32);
		const n = 300;
		const time = Array.from({ length: n }, () => Math.floor(rng() * 40));
		const event = Array.from({ length: n }, () => (rng() < 0.6 ? 1 : 0));
		const risk = time.map((t) => Math.round(10 - t / 5 + rng() * 6)); // ties on purpose
		const fast = harrellC(time, event, risk);
		const slow = bruteC(time, event, risk);
		expect(fast.comparable).toBe(slow.comparable);
		expect(fast.c).toBeCloseTo(slow.c, 12);
		expect(fast.c).toBeGreaterThan(0.6);
	});
	it('skips missing risks; no comparable pair → NaN', () => {
		expect(harrellC([1, 2], [1, 0], [NaN, 1]).c).toBeNaN();
		expect(harrellC([1, 1], [1, 1], [1, 2]).comparable).toBe(0);
	});
	it('all risks equal → 0.5', () => {
		expect(harrellC([1, 2, 3], [1, 1, 0], [5, 5, 5]).c).toBe(0.5);
	});
	it('coarse risks with −0 and 0 tied, coarse times: counts equal the brute force', () => {
		const rnd = mulberry32(31);
		const n = 400;
		const time = Array.from({ length: n }, () => Math.floor(uniform(rnd) * 20));
		const event = Array.from({ length: n }, () => (uniform(rnd) < 0.4 ? 1 : 0));
		const risk = Array.from({ length: n }, () =>
			uniform(rnd) < 0.1 ? -0 : Math.floor(uniform(rnd) * 6) - 2
		);
		const fast = harrellC(time, event, risk);
		const slow = bruteC(time, event, risk);
		expect(fast.comparable).toBe(slow.comparable);
		expect(fast.concordant + fast.tied / 2).toBe(slow.c * slow.comparable);
	});

	it('past the radix-sort size (RADIX_FROM): counts equal the brute force', () => {
		const rnd = mulberry32(32);
		const n = RADIX_FROM + 500;
		const time = Array.from({ length: n }, () =>
			uniform(rnd) < 0.02 ? NaN : Math.floor(uniform(rnd) * 300) - 5
		);
		const event = Array.from({ length: n }, () => (uniform(rnd) < 0.3 ? 1 : 0));
		const risk = Array.from({ length: n }, () =>
			uniform(rnd) < 0.05
				? -0
				: uniform(rnd) < 0.5
					? Math.floor(uniform(rnd) * 9)
					: uniform(rnd) * 100
		);
		const keep = time.map((t) => Number.isFinite(t));
		const f = <T>(x: T[]) => x.filter((_, i) => keep[i]);
		const fast = harrellC(time, event, risk);
		const slow = bruteC(f(time), f(event), f(risk));
		expect(fast.comparable).toBe(slow.comparable);
		expect(fast.concordant + fast.tied / 2).toBe(slow.c * slow.comparable);
	});
});
