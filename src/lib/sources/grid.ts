/**
 * As-of grid days and day arithmetic. Days are epoch days (integer days since 1970-01-01).
 */
import type { AsOfGrid } from './types';

/** ISO `YYYY-MM-DD` → epoch day (UTC calendar). */
export function isoDay(iso: string): number {
	return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** Epoch day → ISO `YYYY-MM-DD`. */
export function dayIso(day: number): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The calendar day of an instant (epoch milliseconds) in a time zone (IANA name; `UTC` default),
 * as an epoch day: what a timestamp `2024-03-01T23:30:00Z` counts as in `America/New_York`
 * (2024-03-01) or `Asia/Tokyo` (2024-03-02).
 */
export function epochDayInZone(ms: number, timeZone = 'UTC'): number {
	if (!Number.isFinite(ms)) return NaN;
	if (timeZone === 'UTC') return Math.floor(ms / 86_400_000);
	const f = zoneFormat(timeZone);
	const parts = f.formatToParts(new Date(ms));
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
	return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / 86_400_000);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(tz: string): Intl.DateTimeFormat {
	let f = formats.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric'
		});
		formats.set(tz, f);
	}
	return f;
}

/**
 * The as-of days of a grid, ascending and distinct.
 * @param snapshotDays for `snapshot-dates`: the snapshot source's date per row (NaN skipped)
 */
export function gridDays(grid: AsOfGrid, snapshotDays?: Float64Array | null): number[] {
	const out: number[] = [];
	if (grid.kind === 'monthly') {
		const from = isoDay(grid.from);
		const to = isoDay(grid.to);
		let y = Number(grid.from.slice(0, 4));
		let m = Number(grid.from.slice(5, 7)) - 1;
		for (;;) {
			const day =
				grid.anchor === 'month-start'
					? Date.UTC(y, m, 1) / 86_400_000
					: Date.UTC(y, m + 1, 0) / 86_400_000;
			if (day > to) break;
			if (day >= from) out.push(day);
			m++;
			if (m === 12) {
				m = 0;
				y++;
			}
		}
		return out;
	}
	if (grid.kind === 'weekly') {
		const to = isoDay(grid.to);
		for (let d = isoDay(grid.from); d <= to; d += 7) out.push(d);
		return out;
	}
	const seen = new Set<number>();
	if (grid.kind === 'dates') for (const s of grid.dates) seen.add(isoDay(s));
	else if (snapshotDays)
		for (let i = 0; i < snapshotDays.length; i++) {
			const d = snapshotDays[i]!;
			if (Number.isFinite(d)) seen.add(Math.floor(d));
		}
	return [...seen].sort((a, b) => a - b);
}
