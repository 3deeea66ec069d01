import { describe, expect, it } from 'vitest';
import { histogramBars, histogramText } from './histogram';

describe('mini histogram', () => {
	it('scales the tallest bin to the full height', () => {
		const bars = histogramBars({ min: 0, max: 4, counts: [1, 4, 2, 0] }, 40, 21);
		expect(bars.map((b) => b.height)).toEqual([5, 20, 10, 0]);
		expect(bars.map((b) => b.x)).toEqual([0, 10, 20, 30]);
		expect(bars[1]!.y).toBe(0);
		expect(bars[0]!.width).toBe(9);
	});

	it('handles a single bin and no bins', () => {
		expect(histogramBars({ min: 5, max: 5, counts: [3] }, 10, 11)).toEqual([
			{ x: 0, y: 0, width: 9, height: 10 }
		]);
		expect(histogramBars({ min: 0, max: 0, counts: [] }, 10, 10)).toEqual([]);
	});

	it('lists every bin as text', () => {
		expect(histogramText({ min: 0, max: 1, counts: [1200, 3] })).toBe('0–0.5: 1,200; 0.5–1: 3');
	});
});
