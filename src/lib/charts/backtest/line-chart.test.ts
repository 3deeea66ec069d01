import { describe, expect, it } from 'vitest';
import { frame, xScale, yScale } from '../scales';
import { LINE_MARGINS, seriesPath } from './line-chart';

describe('backtest line chart maths', () => {
	it('maps the domain onto the plot frame, y bottom-up', () => {
		const f = frame(480, 360, LINE_MARGINS);
		const x = xScale(f, [0, 1]);
		const y = yScale(f, [0, 1]);
		expect(x(0)).toBe(90);
		expect(x(1)).toBe(480 - 32);
		expect(y(0)).toBe(360 - 56);
		expect(y(1)).toBe(16);
	});

	it('draws a path through points and breaks at NaN', () => {
		const f = frame(90 + 32 + 100, 16 + 56 + 100, LINE_MARGINS);
		const x = xScale(f, [0, 100]);
		const y = yScale(f, [0, 100]);
		expect(
			seriesPath(x, y, [
				[0, 0],
				[100, 100]
			])
		).toBe('M90,116L190,16');
		expect(
			seriesPath(x, y, [
				[0, 0],
				[50, NaN],
				[100, 100]
			])
		).toBe('M90,116ZM190,16Z');
		expect(seriesPath(x, y, [])).toBe('');
	});
});
