import { describe, expect, it } from 'vitest';
import {
	formatBytes,
	formatCount,
	formatDateRange,
	formatDuration,
	formatShare,
	timeLeftMs
} from './format';

describe('format', () => {
	it.each([
		[0, '0 B'],
		[999, '999 B'],
		[1000, '1.0 KB'],
		[970_457, '970 KB'],
		[1_400_898, '1.4 MB'],
		[63_860_618, '63.9 MB'],
		[-1, '—']
	])('formatBytes(%d) = %s', (b, s) => expect(formatBytes(b)).toBe(s));

	it.each([
		[1869 / 7043, '26.54 %'],
		[0, '0 %'],
		[1, '100.00 %'],
		[11 / 7043, '0.16 %'],
		[Number.NaN, '—']
	])('formatShare(%f) = %s', (v, s) => expect(formatShare(v)).toBe(s));

	it('formats counts, ranges and durations', () => {
		expect(formatCount(7043)).toBe('7,043');
		expect(formatDateRange(null)).toBe('—');
		expect(formatDateRange([19358, 20088])).toBe('2023-01-01 – 2024-12-31');
		expect(formatDateRange([19358, 19358])).toBe('2023-01-01');
		expect(formatDuration(400)).toBe('< 1 s');
		expect(formatDuration(12_400)).toBe('12 s');
		expect(formatDuration(185_000)).toBe('3 min 5 s');
	});

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
