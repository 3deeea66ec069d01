/**
 * Every number, share, amount, date and size the screens show, formatted by `Intl` in the locale
 * and currency of `locale.ts`. Exports (CSV, SQL, model files) do not use this: files stay
 * locale-free. Unknown values (NaN, ±Infinity, null, undefined) show as `MISSING`.
 *
 * Rounding is Intl's: half away from zero on the shortest decimal that reads back as the value,
 * so 1.005 shows as "1.01" (the old `toFixed` said "1.00": it rounds the binary value just below).
 */
import { epochDayToIso } from '$lib/data/dataset';
import { getCurrency, getLocale } from './locale';

/** What an unknown value shows as. */
export const MISSING = '—';

type Value = number | null | undefined;

const isKnown = (x: Value): x is number => typeof x === 'number' && Number.isFinite(x);

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` for the current locale (building one costs far more than using it). */
function nf(options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const locale = getLocale();
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = numberFormats.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale, options);
		numberFormats.set(key, f);
	}
	return f;
}

/** Options of `number`: fixed decimals (`digits`) or at most `maxDigits`; grouping on by default. */
export interface NumberOptions {
	digits?: number;
	maxDigits?: number;
	grouping?: boolean;
}

/**
 * A number with `digits` decimals (`number(0.7312, 3)` → "0.731"), or up to `maxDigits`, grouped
 * as the locale does ("12,500.5" in en-US). Negative zero shows as "0".
 */
export function number(x: Value, options?: number | NumberOptions): string {
	if (!isKnown(x)) return MISSING;
	const {
		digits,
		maxDigits,
		grouping = true
	}: NumberOptions = typeof options === 'number' ? { digits: options } : (options ?? {});
	const o: Intl.NumberFormatOptions = { useGrouping: grouping };
	if (digits !== undefined) {
		o.minimumFractionDigits = digits;
		o.maximumFractionDigits = digits;
	} else if (maxDigits !== undefined) {
		o.minimumFractionDigits = 0;
		o.maximumFractionDigits = maxDigits;
	}
	return nf(o).format(x + 0);
}

/** A whole number, rounded and grouped: 7043 → "7,043". */
export function integer(x: Value): string {
	return isKnown(x) ? nf({ maximumFractionDigits: 0 }).format(x + 0) : MISSING;
}

/** A signed number with a real minus sign: +0.012, −0.004, 0.000 (ΔAUC, changes). */
export function signed(x: Value, digits = 3, options: { plus?: boolean } = {}): string {
	if (!isKnown(x)) return MISSING;
	const s = number(Math.abs(x), digits);
	if (x > 0) return options.plus === false ? s : `+${s}`;
	return x < 0 ? `−${s}` : s;
}

/** "lo to hi" with real minus signs and no plus (an interval of differences). */
export function signedRange(lo: Value, hi: Value, digits = 3): string {
	if (!isKnown(lo) || !isKnown(hi)) return MISSING;
	return `${signed(lo, digits, { plus: false })} to ${signed(hi, digits, { plus: false })}`;
}

/**
 * A share 0–1 as a percentage with `digits` decimals: 0.2654 → "26.5 %". With `plainZero`,
 * exactly 0 shows as "0 %" (a count of none, not a rounded small share).
 */
export function percent(share: Value, digits = 1, options: { plainZero?: boolean } = {}): string {
	if (!isKnown(share)) return MISSING;
	if (options.plainZero && share === 0) return '0 %';
	return `${number(share * 100, digits)} %`;
}

/** An interval of shares "lo–hi %": 0.12, 0.18 → "12.0–18.0 %". */
export function percentRange(lo: Value, hi: Value, digits = 1): string {
	if (!isKnown(lo) || !isKnown(hi)) return MISSING;
	return `${number(lo * 100, digits)}–${number(hi * 100, digits)} %`;
}

/** `part` of `total` as a percentage with one decimal; MISSING when the total is not positive. */
export function percentOf(part: number, total: number, digits = 1): string {
	return total > 0 ? percent(part / total, digits) : MISSING;
}

/** Options of `money`: `compact` ("12.5K"), `symbol` (show the currency: "$12,500"). */
export interface MoneyOptions {
	compact?: boolean;
	symbol?: boolean;
}

/**
 * An amount of money in whole units ("12,500"), or compact with one decimal ("12.5K"). With
 * `symbol` the setting's currency is shown as the locale writes it ("$12,500", "¥12,500").
 */
export function money(x: Value, options: MoneyOptions = {}): string {
	if (!isKnown(x)) return MISSING;
	const o: Intl.NumberFormatOptions = options.compact
		? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
		: { minimumFractionDigits: 0, maximumFractionDigits: 0 };
	if (options.symbol) {
		o.style = 'currency';
		o.currency = getCurrency();
		o.currencyDisplay = 'narrowSymbol';
	}
	return nf(o).format(x + 0);
}

/** A shown score (a whole number 0–100), or "not scored" for an account without one. */
export function shownScore(s: Value): string {
	return isKnown(s) ? integer(s) : 'not scored';
}

/** Days until a date: "in 12 d", "today", "5 d ago". */
export function relativeDays(x: Value): string {
	if (!isKnown(x)) return MISSING;
	const d = Math.round(x);
	if (d === 0) return 'today';
	return d > 0 ? `in ${integer(d)} d` : `${integer(-d)} d ago`;
}

/** A day (days since 1970-01-01, UTC) as ISO `YYYY-MM-DD`: unambiguous in every locale. */
export function date(epochDay: Value): string {
	return isKnown(epochDay) ? epochDayToIso(epochDay) : MISSING;
}

/** A range of days "2023-01-01 – 2024-12-31", one day when both ends agree, MISSING without one. */
export function dateRange(range: readonly [number, number] | null | undefined): string {
	if (!range) return MISSING;
	const [a, b] = range;
	return a === b ? date(a) : `${date(a)} – ${date(b)}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A day as a short month and year in the locale ("Mar 24", "24年3月"): chart ticks of dates. */
export function monthYear(epochDay: Value): string {
	if (!isKnown(epochDay)) return MISSING;
	const locale = getLocale();
	const key = `${locale}|month`;
	let f = dateTimeFormats.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
		dateTimeFormats.set(key, f);
	}
	return f.format(new Date(epochDay * 86_400_000));
}

/** A moment (ms since 1970) as the locale writes date and time: "11/30/2026, 3:57:00 PM". */
export function dateTime(ms: Value): string {
	if (!isKnown(ms)) return MISSING;
	const locale = getLocale();
	let f = dateTimeFormats.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, {
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		dateTimeFormats.set(locale, f);
	}
	return f.format(ms);
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** A size in decimal units, as file managers show it: "812 B", "14.2 KB", "970 KB", "3.4 MB". */
export function bytes(n: Value): string {
	if (!isKnown(n) || n < 0) return MISSING;
	if (n < 1000) return `${integer(n)} B`;
	let v = n / 1000;
	let i = 0;
	while (v >= 1000 && i < BYTE_UNITS.length - 1) {
		v /= 1000;
		i++;
	}
	return `${number(v, v >= 100 ? 0 : 1)} ${BYTE_UNITS[i]}`;
}

/** A duration: "< 1 s", "12 s", "3 min 5 s". */
export function duration(ms: Value): string {
	if (!isKnown(ms) || ms < 0) return MISSING;
	const s = Math.round(ms / 1000);
	if (s < 1) return '< 1 s';
	if (s < 60) return `${integer(s)} s`;
	return `${integer(Math.floor(s / 60))} min ${s % 60} s`;
}

/** A short time in milliseconds: "340 ms", "1,204 ms". */
export function milliseconds(ms: Value): string {
	return isKnown(ms) ? `${integer(ms)} ms` : MISSING;
}
