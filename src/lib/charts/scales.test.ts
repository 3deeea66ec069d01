import { scaleBand } from 'd3';
import { describe, expect, it } from 'vitest';
import {
	axisLabels,
	binValues,
	countDomain,
	frame,
	histogramBars,
	pixelToValue,
	spacedTicks,
	tickValues,
	xScale,
	yScale
} from './scales';

const f = frame(640, 240, { left: 40, right: 0, top: 10, bottom: 30 });
const x = xScale(f, [0, 100]);
const plain = (v: number | string) => String(v);

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
		expect(x(v)).toBe(want);
	});
	it('round-trips every whole score', () => {
		for (let v = 0; v <= 100; v++) expect(pixelToValue(x, x(v))).toBe(v);
	});
	it('maps y bottom-up, and negative values below zero', () => {
		const y = yScale(f, [-10, 10]);
		expect(y(-10)).toBe(210);
		expect(y(10)).toBe(10);
		expect(y(0)).toBe(110);
	});
	it('puts every value of a zero-width domain in the middle of the plot', () => {
		const one = xScale(f, [5, 5]);
		expect(one(5)).toBe(340);
		expect(pixelToValue(one, 100)).toBe(5);
	});
});

describe('count axis domain', () => {
	it('runs from 0 to the largest count, at least 1, and rounds out when nice', () => {
		expect(countDomain([3, 7, 2])).toEqual([0, 7]);
		expect(countDomain([])).toEqual([0, 1]);
		expect(countDomain([0, 0])).toEqual([0, 1]);
		expect(yScale(f, [0, 87], true).domain()).toEqual([0, 90]);
		expect(yScale(f, [0, 87]).domain()).toEqual([0, 87]);
	});
});

describe('the tick rule', () => {
	it('gives about n nice values over a linear domain', () => {
		expect(tickValues(xScale(f, [0, 1]), 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		// Scores 0…100 on a 101-bin axis: whole tens, never 101.
		expect(tickValues(xScale(f, [0, 101]), 10)).toEqual([
			0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100
		]);
		expect(tickValues(yScale(f, [0, 90]), 4)).toEqual([0, 20, 40, 60, 80]);
	});
	it('handles negative and reversed domains', () => {
		expect(tickValues(xScale(f, [-1, 1]), 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
		expect(tickValues(xScale(f, [1, 0]), 2)).toEqual([1, 0.5, 0]);
	});
	it('gives the one value of a zero-width domain', () => {
		expect(tickValues(xScale(f, [5, 5]), 5)).toEqual([5]);
	});
	it('keeps given values inside the domain, once, and drops non-numbers', () => {
		expect(tickValues(x, [0, 50, 50, 100, 150, -1, Number.NaN, 'a'])).toEqual([0, 50, 100]);
		expect(tickValues(x, [])).toEqual([]);
	});
	it('keeps given dates (epoch days) inside the domain', () => {
		const jan = 19_723; // 2024-01-01
		const dates = xScale(f, [jan, jan + 366]);
		expect(tickValues(dates, [jan, jan + 31, jan + 366, jan + 400])).toEqual([
			jan,
			jan + 31,
			jan + 366
		]);
	});
	it('thins categories to about n, the first always shown', () => {
		const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
		const band = scaleBand<string>().domain(months).range([0, 600]);
		expect(tickValues(band, 4)).toEqual(['2024-01', '2024-04', '2024-07', '2024-10']);
		expect(tickValues(band, 5)).toEqual(['2024-01', '2024-04', '2024-07', '2024-10']);
		expect(tickValues(band, 12)).toEqual(months);
		expect(tickValues(band, 40)).toEqual(months);
		expect(tickValues(band, 0.5)).toEqual(['2024-01']);
		expect(tickValues(band, ['2024-02', '2023-12'])).toEqual(['2024-02']);
	});
	it('spaces data ticks evenly from the last one', () => {
		expect(spacedTicks([1, 2, 3, 4, 5, 6, 7])).toEqual([1, 3, 5, 7]);
		expect(spacedTicks([1, 2, 3, 4, 5])).toEqual([1, 3, 5]);
		expect(spacedTicks([1, 2, 3, 4, 5, 6])).toEqual([2, 4, 6]);
		expect(spacedTicks([1, 2])).toEqual([1, 2]);
		expect(spacedTicks([9])).toEqual([9]);
		expect(spacedTicks([])).toEqual([]);
	});
});

describe('axis labels', () => {
	it('sit 16 px under the plot, centred on their value', () => {
		const l = axisLabels(f, 'bottom', x, [0, 50, 100], plain);
		expect(l.map((a) => [a.x, a.y, a.anchor, a.text])).toEqual([
			[40, 226, 'middle', '0'],
			[340, 226, 'middle', '50'],
			[640, 226, 'middle', '100']
		]);
		const nudged = axisLabels(f, 'bottom', x, [50], plain, { dx: 3, gap: 22 });
		expect([nudged[0]?.x, nudged[0]?.y, nudged[0]?.at]).toEqual([343, 232, 340]);
	});
	it('sit left of the plot right-aligned, or right of it left-aligned, on their line', () => {
		const y = yScale(f, [0, 10]);
		const left = axisLabels(f, 'left', y, [0, 5, 10], plain);
		expect(left.map((a) => [a.x, a.y, a.anchor])).toEqual([
			[34, 214, 'end'],
			[34, 114, 'end'],
			[34, 14, 'end']
		]);
		const right = axisLabels(f, 'right', y, [10], plain, { gap: 8, dy: 6 });
		expect([right[0]?.x, right[0]?.y, right[0]?.anchor]).toEqual([648, 16, 'start']);
	});
	it('anchor the end labels inward with `edges`', () => {
		const l = axisLabels(f, 'bottom', x, [0, 40, 100], plain, { edges: true });
		expect(l.map((a) => a.anchor)).toEqual(['start', 'middle', 'end']);
		expect(axisLabels(f, 'bottom', x, [0], plain, { edges: true })[0]?.anchor).toBe('start');
	});
	it('centre category labels on their band', () => {
		const band = scaleBand<string>().domain(['a', 'b']).range([40, 640]);
		expect(axisLabels(f, 'bottom', band, 2, plain).map((a) => a.x)).toEqual([190, 490]);
	});
	it('write the labels with the given format', () => {
		const l = axisLabels(f, 'left', yScale(f, [0, 1]), [0, 0.5], (v) => `${Number(v) * 100}%`);
		expect(l.map((a) => a.text)).toEqual(['0%', '50%']);
	});
});

describe('histogram bars', () => {
	it('places 1-point bins with heights from the y scale', () => {
		const y = yScale(f, countDomain([0, 10, 5]), true);
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
