import { describe, expect, it } from 'vitest';
import { HIST_BINS } from './engine/constants';
import { showScore, shownOf, tierCountsFromHistogram, tierIndexFor, tierLookup } from './tiers';

// Expected values derived by hand from the rule (DESIGN.md): round the score to 1e-9, then round
// half up to a whole number. Each row notes the step that decides it.
const SHOWN: [number, number, string][] = [
	[79.5, 80, 'exact half rounds up'],
	[79.49999999999999, 80, 'float noise 1 ulp under a half: 1e-9 rounding gives 79.5'],
	[79.4999999999, 80, '1e-10 under a half: 1e-9 rounding gives 79.5'],
	[79.50000000000001, 80, 'just over a half'],
	[79.4999999994, 79, '6e-10 under a half: 1e-9 rounding gives 79.499999999'],
	[79.499999997, 79, '3e-9 under a half stays under'],
	[79.49999999, 79, '1e-8 under a half'],
	[79.4, 79, 'plain round down'],
	[49.5, 50, 'exact half'],
	[0.5, 1, 'exact half near 0'],
	[0.49999999999999994, 1, 'largest double under 0.5: 1e-9 rounding gives 0.5'],
	[-0.5, 0, 'half up, not away from zero'],
	[-3, -3, 'below the scale (manual points)'],
	[100.5, 101, 'above the scale'],
	[80 - 1e-12, 80, 'float noise under a whole number'],
	[2.675, 3, 'stored as 2.67499999999999982…: 1e-9 rounding gives 2.675'],
	[1e-10, 0, 'tiny']
];

describe('showScore and shownOf', () => {
	it.each(SHOWN)('%d → %d (%s)', (score, want) => {
		expect(showScore(score)).toBe(want);
		expect(shownOf(score)).toBe(want);
	});

	it('agree on every near-half score 0…100 (x.5 ± up to 3 ulps and ± k·1e-10)', () => {
		for (let x = -1; x <= 101; x++) {
			let up = x + 0.5;
			let down = x + 0.5;
			for (let k = 0; k < 4; k++) {
				expect(shownOf(up)).toBe(showScore(up));
				expect(shownOf(down)).toBe(showScore(down));
				up = nextUp(up);
				down = nextDown(down);
			}
			for (let k = -120; k <= 120; k++) {
				const s = x + 0.5 + k * 1e-10;
				expect(shownOf(s)).toBe(showScore(s));
			}
		}
	});

	it('gives NaN for non-finite scores (showScore)', () => {
		expect(showScore(NaN)).toBeNaN();
		expect(showScore(Infinity)).toBeNaN();
		expect(showScore(-Infinity)).toBeNaN();
	});
});

/** The next double above / below x (x > 0). */
function nextUp(x: number): number {
	const b = new Float64Array([x]);
	const i = new BigInt64Array(b.buffer);
	i[0]! += 1n;
	return b[0]!;
}
function nextDown(x: number): number {
	const b = new Float64Array([x]);
	const i = new BigInt64Array(b.buffer);
	i[0]! -= 1n;
	return b[0]!;
}

describe('tierIndexFor', () => {
	const tiers = [{ min: 80 }, { min: 50 }, { min: 0 }];
	it.each([
		[100, 0],
		[80, 0],
		[79, 1],
		[50, 1],
		[49, 2],
		[0, 2],
		[-1, -1],
		[NaN, -1]
	])('shown %d → tier %d', (shown, want) => {
		expect(tierIndexFor(tiers, shown)).toBe(want);
	});
	it('takes the first tier whose min is reached, even when mins are out of order', () => {
		expect(tierIndexFor([{ min: 50 }, { min: 80 }], 90)).toBe(0);
		expect(tierIndexFor([], 90)).toBe(-1);
	});
	it('tierLookup tabulates it for 0…100', () => {
		const t = tierLookup([{ min: 81 }, { min: 50 }]);
		expect(t.length).toBe(HIST_BINS);
		expect([t[0], t[49], t[50], t[80], t[81], t[100]]).toEqual([-1, -1, 1, 1, 0, 0]);
	});
});

describe('tierCountsFromHistogram', () => {
	const hist = new Array<number>(101).fill(0);
	hist[0] = 1;
	hist[49] = 2;
	hist[50] = 3;
	hist[79] = 4;
	hist[80] = 5;
	hist[100] = 6;
	it.each([
		[
			[80, 50, 0],
			[11, 7, 3]
		],
		[
			[81, 50, 0],
			[6, 12, 3]
		],
		[
			[80, 49, 0],
			[11, 9, 1]
		],
		[
			[100, 0],
			[6, 15]
		]
	])('mins %j → %j', (mins, want) => {
		expect(tierCountsFromHistogram(hist, mins)).toEqual(want);
	});
	it('adds fixed counts', () => {
		expect(tierCountsFromHistogram(hist, [80, 50, 0], [1, 0, 2])).toEqual([12, 7, 5]);
	});
});
