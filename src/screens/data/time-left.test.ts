import { describe, expect, it } from 'vitest';
import { timeLeftMs } from './time-left';

describe('timeLeftMs', () => {
	it.each([
		[0, 100, 10, null],
		[50, 100, 1000, 1000],
		[25, 100, 1000, 3000],
		[100, 100, 1000, null],
		[120, 100, 1000, null]
	])('timeLeftMs(%d/%d after %d ms) = %s', (d, t, e, want) =>
		expect(timeLeftMs(d, t, e)).toBe(want)
	);
});
