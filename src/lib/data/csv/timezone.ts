/**
 * Timestamps and time zones. Dates are stored as calendar days (epoch days); a cell with a time
 * counts on its date in the import's time zone (UTC by default): `2024-01-02T23:30-05:00` is
 * 2024-01-03 in UTC, and 2024-01-03 08:30 → still 2024-01-03 in Asia/Tokyo. A time without an
 * offset is taken as the zone's own local time, so its date is the date as written.
 */

/** Time tail after a date: `T12:30`, ` 12:30:05.123`, ` 3:00 PM`, optional `Z` / `+09:00`. */
const TAIL =
	/[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s?([AaPp])[Mm])?\s?(Z|[+-]\d{2}:?\d{2})?$/;
/** A date directly followed by an offset (`2024-01-02Z`, `2024-01-02+09:00`). */
const BARE_ZONE = /\d(Z|[+-]\d{2}:\d{2})$/;

export interface TimeTail {
	/** Minutes since midnight as written. */
	minutes: number;
	/** Offset east of UTC in minutes, or null when the cell names none. */
	offset: number | null;
}

function offsetMinutes(z: string): number {
	if (z === 'Z') return 0;
	const sign = z[0] === '-' ? -1 : 1;
	const digits = z.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** The time and offset of a date cell, or null when it has neither. */
export function timeTail(raw: string): TimeTail | null {
	const s = raw.trim();
	const r = TAIL.exec(s);
	if (r) {
		let h = Number(r[1]);
		const ampm = r[4]?.toLowerCase();
		if (ampm === 'p' && h < 12) h += 12;
		if (ampm === 'a' && h === 12) h = 0;
		return { minutes: h * 60 + Number(r[2]), offset: r[5] ? offsetMinutes(r[5]) : null };
	}
	const z = BARE_ZONE.exec(s);
	return z ? { minutes: 0, offset: offsetMinutes(z[1]!) } : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when the browser knows the IANA zone name (`UTC`, `Europe/Paris`, …). */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** Offset of `zone` east of UTC, in minutes, at the instant `utcMs`. */
export function zoneOffset(zone: string, utcMs: number): number {
	if (zone === 'UTC') return 0;
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric'
		});
		formatters.set(zone, f);
	}
	const p: Record<string, number> = {};
	for (const part of f.formatToParts(new Date(utcMs)))
		if (part.type !== 'literal') p[part.type] = Number(part.value);
	const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
	return Math.round((local - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * The calendar day (epoch days) a date cell counts on in `zone`, given the day `parseDate` read
 * from it (the date as written). Only a cell with an explicit offset can move to another day.
 */
export function dayInZone(raw: string, day: number, zone: string): number {
	const t = timeTail(raw);
	if (!t || t.offset === null) return day;
	const utcMinutes = day * 1440 + t.minutes - t.offset;
	const off = zoneOffset(zone, utcMinutes * 60_000);
	return Math.floor((utcMinutes + off) / 1440);
}

/** What the sample cells of a date column hold: times, and whether any names its offset. */
export function timeKind(samples: readonly string[]): 'date' | 'time' | 'time-offset' {
	let kind: 'date' | 'time' | 'time-offset' = 'date';
	for (const s of samples) {
		const t = timeTail(s);
		if (!t) continue;
		if (t.offset !== null) return 'time-offset';
		kind = 'time';
	}
	return kind;
}

/** Zones offered in the import (the browser's own is added when it is not listed). */
export const COMMON_ZONES: readonly string[] = [
	'UTC',
	'America/Los_Angeles',
	'America/Denver',
	'America/Chicago',
	'America/New_York',
	'America/Sao_Paulo',
	'Europe/London',
	'Europe/Paris',
	'Europe/Berlin',
	'Asia/Kolkata',
	'Asia/Singapore',
	'Asia/Tokyo',
	'Australia/Sydney'
];
