/** Small display formatters for the Data screen (pure, tested in format.test.ts). */
import { epochDayToIso } from '$lib/data/dataset';

const INT = new Intl.NumberFormat('en-US');

/** 7043 → "7,043". */
export function formatCount(n: number): string {
	return INT.format(n);
}

/** Bytes → "812 B", "14.2 KB", "3.4 MB", "1.2 GB" (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '—';
	if (bytes < 1000) return `${Math.round(bytes)} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let v = bytes / 1000;
	let i = 0;
	while (v >= 1000 && i < units.length - 1) {
		v /= 1000;
		i++;
	}
	return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** Share 0–1 → "26.54 %" (two decimals; "0 %" for exactly zero). */
export function formatShare(share: number, digits = 2): string {
	if (!Number.isFinite(share)) return '—';
	if (share === 0) return '0 %';
	return `${(share * 100).toFixed(digits)} %`;
}

/** Epoch-day range → "2023-01-01 – 2024-12-31", or "—" without one. */
export function formatDateRange(range: [number, number] | null): string {
	if (!range) return '—';
	const [a, b] = range;
	return a === b ? epochDayToIso(a) : `${epochDayToIso(a)} – ${epochDayToIso(b)}`;
}

/** Milliseconds → "12 s", "3 min 5 s", "< 1 s". */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) return '—';
	const s = Math.round(ms / 1000);
	if (s < 1) return '< 1 s';
	if (s < 60) return `${s} s`;
	return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * Time left from progress so far, by linear extrapolation: elapsed × (total − done) / done.
 * Null until something was read, and once every byte is read (the work left then — checking
 * the columns — is not measured in bytes: no honest estimate).
 */
export function timeLeftMs(
	doneBytes: number,
	totalBytes: number,
	elapsedMs: number
): number | null {
	if (doneBytes <= 0 || totalBytes <= 0 || elapsedMs <= 0 || doneBytes >= totalBytes) return null;
	return (elapsedMs * (totalBytes - doneBytes)) / doneBytes;
}
