/** Number formatting for the Backtest screen (en-US digits, "—" for undefined values). */
import { epochDayToIso } from '$lib/data/dataset';

const DASH = '—';

export function fmtCount(x: number): string {
	return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : DASH;
}

/** A share 0–1 as a percentage with `digits` decimals. */
export function fmtPct(x: number, digits = 1): string {
	return Number.isFinite(x) ? `${(x * 100).toFixed(digits)} %` : DASH;
}

/** A number with fixed decimals. */
export function fmtNum(x: number, digits = 3): string {
	return Number.isFinite(x) ? x.toFixed(digits) : DASH;
}

/** A signed number (ΔAUC), with a real minus sign. */
export function fmtSigned(x: number, digits = 3): string {
	if (!Number.isFinite(x)) return DASH;
	const s = Math.abs(x).toFixed(digits);
	return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

/** An interval "lo–hi" in percent. */
export function fmtPctRange(lo: number, hi: number, digits = 1): string {
	if (!Number.isFinite(lo) || !Number.isFinite(hi)) return DASH;
	return `${(lo * 100).toFixed(digits)}–${(hi * 100).toFixed(digits)} %`;
}

export function fmtRange(lo: number, hi: number, digits = 3): string {
	if (!Number.isFinite(lo) || !Number.isFinite(hi)) return DASH;
	return `${fmtSigned(lo, digits).replace(/^\+/, '')} to ${fmtSigned(hi, digits).replace(/^\+/, '')}`;
}

/** Epoch day → YYYY-MM-DD. */
export function fmtDay(day: number): string {
	return Number.isFinite(day) ? epochDayToIso(day) : DASH;
}

/** Money-like amounts without decimals. */
export function fmtAmount(x: number): string {
	return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : DASH;
}
