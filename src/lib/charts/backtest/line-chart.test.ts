import { describe, expect, it } from 'vitest';
import { plot, seriesPath, ticksOf } from './line-chart';

describe('backtest line chart maths', () => {
	it('maps the domain onto the plot frame, y bottom-up', () => {
		const p = plot(480, 360, [0, 1], [0, 1]);
		expect(p.x(0)).toBe(90);
		expect(p.x(1)).toBe(480 - 32);
		expect(p.y(0)).toBe(360 - 56);
		expect(p.y(1)).toBe(16);
	});

	it('draws a path through points and breaks at NaN', () => {
		const p = plot(90 + 32 + 100, 16 + 56 + 100, [0, 100], [0, 100]);
		expect(
			seriesPath(p, [
				[0, 0],
				[100, 100]
			])
		).toBe('M90,116L190,16');
		expect(
			seriesPath(p, [
				[0, 0],
				[50, NaN],
				[100, 100]
			])
		).toBe('M90,116ZM190,16Z');
		expect(seriesPath(p, [])).toBe('');
	});

	it('gives nice ticks', () => {
		expect(ticksOf(plot(480, 360, [0, 1], [0, 1]).x)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
	});
});
