import { describe, expect, it } from 'vitest';
import { arcPath, gaugePoint, scoreFraction, tierColor, tierSegments } from './gauge';

describe('scoreFraction', () => {
	it.each([
		[0, 0],
		[50, 0.5],
		[79, 0.79],
		[100, 1],
		[-5, 0],
		[140, 1],
		[Number.NaN, 0]
	])('%s → %s', (score, f) => expect(scoreFraction(score)).toBeCloseTo(f, 12));
});

describe('gaugePoint', () => {
	// Centre (100, 100), radius 80: left end, top, right end of the half circle.
	it.each([
		[0, 20, 100],
		[0.5, 100, 20],
		[1, 180, 100]
	])('fraction %s → (%s, %s)', (f, x, y) => {
		const p = gaugePoint(f, 100, 100, 80);
		expect(p.x).toBeCloseTo(x, 9);
		expect(p.y).toBeCloseTo(y, 9);
	});
});

describe('arcPath', () => {
	it('draws the whole half circle clockwise over the top', () => {
		expect(arcPath(0, 1, 100, 100, 80)).toBe('M 20 100 A 80 80 0 0 1 180 100');
	});
	it('draws a quarter from the left end to the top', () => {
		expect(arcPath(0, 0.5, 100, 100, 80)).toBe('M 20 100 A 80 80 0 0 1 100 20');
	});
	it('is empty for zero length or reversed ends, and clamps out-of-range ends', () => {
		expect(arcPath(0.3, 0.3, 0, 0, 1)).toBe('');
		expect(arcPath(0.6, 0.2, 0, 0, 1)).toBe('');
		expect(arcPath(-1, 2, 100, 100, 80)).toBe('M 20 100 A 80 80 0 0 1 180 100');
	});
});

describe('tierSegments', () => {
	it('splits the default tiers at 50 and 80', () => {
		const tiers = [
			{ id: 'green', min: 80 },
			{ id: 'yellow', min: 50 },
			{ id: 'red', min: 0 }
		];
		expect(tierSegments(tiers)).toEqual([
			{ tierId: 'red', from: 0, to: 0.5 },
			{ tierId: 'yellow', from: 0.5, to: 0.8 },
			{ tierId: 'green', from: 0.8, to: 1 }
		]);
	});
	it('drops a tier that starts at 100 or later', () => {
		expect(
			tierSegments([
				{ id: 'top', min: 100 },
				{ id: 'rest', min: 0 }
			])
		).toEqual([{ tierId: 'rest', from: 0, to: 1 }]);
	});
});

describe('tierColor', () => {
	it.each([
		[{ id: 'green', color: '#000000' }, 'var(--green)'],
		[{ id: 'Red', color: '#000000' }, 'var(--red)'],
		[{ id: 'watch', color: '#123abc' }, '#123abc'],
		[{ id: 'watch', color: 'url(x)' }, 'var(--muted)']
	])('%o → %s', (tier, colour) => expect(tierColor(tier)).toBe(colour));
});
