import { describe, expect, it } from 'vitest';
import {
	binValues,
	frame,
	histogramBars,
	pixelToValue,
	valueToPixel,
	xScale,
	yScale
} from './scales';

const f = frame(640, 240, { left: 40, right: 0, top: 10, bottom: 30 });
const x = xScale(f, [0, 100]);

describe('pixel ↔ value', () => {
	it.each([
		[40, 0],
		[640, 100],
		[340, 50],
		[346, 51],
		[343, 51], // 50.5 rounds half up
		[0, 0], // left of the plot clamps
		[900, 100]
	])('pixel %d → value %d', (px, want) => {
		expect(pixelToValue(x, px)).toBe(want);
	});
	it.each([
		[0, 40],
		[100, 640],
		[25, 190]
	])('value %d → pixel %d', (v, want) => {
		expect(valueToPixel(x, v)).toBe(want);
	});
	it('round-trips every whole score', () => {
		for (let v = 0; v <= 100; v++) expect(pixelToValue(x, valueToPixel(x, v))).toBe(v);
	});
});

describe('histogram bars', () => {
	it('places 1-point bins with heights from the y scale', () => {
		const y = yScale(f, 10);
		const bars = histogramBars(f, [0, 10, 5], 0, 1, x, y, 0);
		expect(bars.map((b) => b.x)).toEqual([40, 46, 52]);
		expect(bars.map((b) => b.w)).toEqual([6, 6, 6]);
		expect(bars.map((b) => b.h)).toEqual([0, 200, 100]);
		expect(bars[1]?.y).toBe(10);
	});
});

describe('binValues', () => {
	it('bins on nice edges and skips NaN', () => {
		const r = binValues([0, 1, 2, 3, 9.5, 10, Number.NaN], 5);
		expect(r.lo).toBe(0);
		expect(r.binWidth).toBe(2);
		expect(r.counts).toEqual([2, 2, 0, 0, 1, 1]);
		expect(r.present).toBe(6);
	});
	it('handles empty and constant columns', () => {
		expect(binValues([Number.NaN]).counts).toEqual([]);
		const c = binValues([4, 4, 4], 10);
		expect(c.counts.reduce((a, b) => a + b, 0)).toBe(3);
	});
});
