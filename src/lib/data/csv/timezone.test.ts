import { describe, expect, it } from 'vitest';
import { dayInZone, isTimeZone, timeKind, timeTail, zoneOffset } from './timezone';
import { daysFromCivil } from './values';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

describe('timestamps and zones', () => {
	it('reads the time and offset of a cell', () => {
		expect(timeTail('2024-01-02')).toBeNull();
		expect(timeTail('2024-01-02 13:05:00')).toEqual({ minutes: 785, offset: null });
		expect(timeTail('2024-01-02T23:30-05:00')).toEqual({ minutes: 1410, offset: -300 });
		expect(timeTail('2024-01-02T00:15Z')).toEqual({ minutes: 15, offset: 0 });
		expect(timeTail('01/02/2024 12:10 AM')).toEqual({ minutes: 10, offset: null });
		expect(timeTail('01/02/2024 3:00 PM +0900')).toEqual({ minutes: 900, offset: 540 });
	});

	it('moves only cells with an offset to their date in the zone', () => {
		// 23:30 at −05:00 is 04:30 UTC the next day (hand computation).
		expect(dayInZone('2024-01-02T23:30-05:00', day(2024, 1, 2), 'UTC')).toBe(day(2024, 1, 3));
		// 08:30 at +09:00 is 23:30 UTC the day before.
		expect(dayInZone('2024-01-03T08:30+09:00', day(2024, 1, 3), 'UTC')).toBe(day(2024, 1, 2));
		// …and still the 3rd in Tokyo.
		expect(dayInZone('2024-01-03T08:30+09:00', day(2024, 1, 3), 'Asia/Tokyo')).toBe(
			day(2024, 1, 3)
		);
		// No offset: the time is the zone's own, the date as written.
		expect(dayInZone('2024-01-02 23:59:59', day(2024, 1, 2), 'America/New_York')).toBe(
			day(2024, 1, 2)
		);
		// 03:00 UTC on 10 March 2024 is 22:00 on the 9th in New York (EST, −5 h).
		expect(dayInZone('2024-03-10T03:00Z', day(2024, 3, 10), 'America/New_York')).toBe(
			day(2024, 3, 9)
		);
		// 03:00 UTC on 11 March is 23:00 on the 10th (EDT, −4 h after the change).
		expect(dayInZone('2024-03-11T03:00Z', day(2024, 3, 11), 'America/New_York')).toBe(
			day(2024, 3, 10)
		);
	});

	it('knows zone offsets and names', () => {
		expect(zoneOffset('Asia/Tokyo', Date.UTC(2024, 0, 1))).toBe(540);
		expect(zoneOffset('America/New_York', Date.UTC(2024, 6, 1))).toBe(-240);
		expect(isTimeZone('Europe/Paris')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
	});

	it('states what a column holds', () => {
		expect(timeKind(['2024-01-02', '2024-01-03'])).toBe('date');
		expect(timeKind(['2023-05-01 10:00:00'])).toBe('time');
		expect(timeKind(['2023-05-01', '2023-05-01T10:00Z'])).toBe('time-offset');
	});
});
