import { afterEach, describe, expect, it } from 'vitest';
import * as fmt from './format';
import { slug, todayIso } from './file-name';
import {
	DEFAULT_CURRENCY,
	DEFAULT_LOCALE,
	getCurrency,
	getLocale,
	onLocaleChange,
	setCurrency,
	setLocale
} from './locale';

afterEach(() => {
	setLocale(DEFAULT_LOCALE);
	setCurrency(DEFAULT_CURRENCY);
});

/**
 * Independent reference: round the shortest decimal that reads back as `x` (what `String(x)`
 * prints) half away from zero, by string and BigInt arithmetic. This is ECMA-402's rule as V8
 * applies it; `toFixed` instead rounds the exact binary value, so the two differ only when a
 * double sits just below a visible half (1.005 → "1.01" here, "1.00" by toFixed).
 */
function roundShortest(x: number, digits: number): string {
	const [mant = '', expPart] = String(Math.abs(x)).split('e');
	const [ip = '', fp = ''] = mant.split('.');
	const exp = Number(expPart ?? 0) - fp.length; // x = ±(ip fp) × 10^exp
	let n = BigInt(ip + fp);
	const scale = exp + digits; // n × 10^scale units of 10^-digits
	if (scale >= 0) n *= 10n ** BigInt(scale);
	else {
		const div = 10n ** BigInt(-scale);
		const q = n / div;
		n = (n % div) * 2n >= div ? q + 1n : q;
	}
	let s = n.toString().padStart(digits + 1, '0');
	if (digits > 0) s = `${s.slice(0, -digits)}.${s.slice(-digits)}`;
	return x < 0 ? `-${s}` : s; // a negative that rounds to zero keeps its sign, as toFixed does
}

/** Thousands separators put in by hand, as en-US writes them. */
const groupedByHand = (s: string) => {
	const [int = '', frac] = s.split('.');
	const sign = int.startsWith('-') ? '-' : '';
	const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${sign}${digits}${frac === undefined ? '' : `.${frac}`}`;
};

/** Deterministic values across magnitudes, signs and near-half cases (mulberry32). */
function values(n: number): number[] {
	let a = 0x9e3779b9;
	const rnd = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = [0, 0.5, 1.5, 2.5, -0.5, 0.125, 0.0005, 1.005, 2.675, 999.95, 1e6 - 0.05];
	for (let i = 0; i < n; i++) {
		const mag = 10 ** Math.floor(rnd() * 9 - 3);
		out.push((rnd() - 0.3) * mag);
		out.push(Math.round(rnd() * 1e5) / 1000 + 0.0005); // exact-ish halves at 3 decimals
	}
	return out;
}

describe('number', () => {
	it('rounds as the reference does, digit for digit, grouped as en-US groups', () => {
		let differsFromToFixed = 0;
		const visibleHalf = (x: number, d: number) =>
			/^-?\d*\.\d*5$/.test(String(x)) && (String(x).split('.')[1] ?? '').length === d + 1;
		for (const x of values(2000))
			for (const d of [0, 1, 2, 3, 4]) {
				const want = roundShortest(x, d);
				expect(fmt.number(x, { digits: d, grouping: false }), `${x} @${d}`).toBe(want);
				expect(fmt.number(x, d), `${x} @${d}`).toBe(groupedByHand(want));
				if (want !== x.toFixed(d)) {
					differsFromToFixed++;
					expect(visibleHalf(x, d), `${x} @${d} differs from toFixed`).toBe(true);
				}
			}
		// The old toFixed output differs only on doubles just below a visible half.
		expect(fmt.number(1.005, 2)).toBe('1.01');
		expect((1.005).toFixed(2)).toBe('1.00');
		expect(differsFromToFixed).toBeGreaterThan(0); // the values include such halves on purpose
	});

	it.each([
		[0.73125, 3, '0.731'],
		[12500.5, 1, '12,500.5'],
		[-0, 1, '0.0'],
		[-0.01, 1, '-0.0'],
		[Number.NaN, 2, '—'],
		[Number.POSITIVE_INFINITY, 2, '—']
	])('number(%f, %d) = %s', (x, d, want) => expect(fmt.number(x, d)).toBe(want));

	it('shows up to maxDigits decimals, and MISSING for null and undefined', () => {
		expect(fmt.number(2.5, { maxDigits: 2 })).toBe('2.5');
		expect(fmt.number(1234.567, { maxDigits: 2 })).toBe('1,234.57');
		expect(fmt.number(null, 1)).toBe(fmt.MISSING);
		expect(fmt.number(undefined)).toBe('—');
	});

	it('integer rounds and groups: 7043 → "7,043"', () => {
		expect(fmt.integer(7043)).toBe('7,043');
		expect(fmt.integer(1_000_000)).toBe('1,000,000');
		expect(fmt.integer(2.5)).toBe('3');
		expect(fmt.integer(Number.NaN)).toBe('—');
	});

	it('signed uses a real minus and a plus; ranges drop the plus', () => {
		expect(fmt.signed(0.0123)).toBe('+0.012');
		expect(fmt.signed(-0.0045)).toBe('−0.005'); // 0.0045 is stored as 0.00450000000000000004
		expect(fmt.signed(0)).toBe('0.000');
		expect(fmt.signed(0.0001)).toBe('+0.000'); // as the old fmtSigned: sign from the value
		expect(fmt.signed(-3, 0)).toBe('−3');
		expect(fmt.signedRange(-0.012, 0.03)).toBe('−0.012 to 0.030');
		expect(fmt.signedRange(Number.NaN, 0.03)).toBe('—');
	});
});

describe('shares, money and sizes (the old screens/*/format.ts outputs)', () => {
	it.each([
		[1869 / 7043, 2, '26.54 %'],
		[1, 2, '100.00 %'],
		[11 / 7043, 2, '0.16 %'],
		[0.2654, 1, '26.5 %'],
		[0, 1, '0.0 %'],
		[Number.NaN, 1, '—']
	])('percent(%f, %d) = %s', (x, d, want) => expect(fmt.percent(x, d)).toBe(want));

	it('percent with plainZero, percentOf and percentRange', () => {
		expect(fmt.percent(0, 2, { plainZero: true })).toBe('0 %');
		expect(fmt.percent(0.5, 2, { plainZero: true })).toBe('50.00 %');
		expect(fmt.percentOf(1, 3)).toBe('33.3 %');
		expect(fmt.percentOf(1, 0)).toBe('—');
		expect(fmt.percentRange(0.12, 0.185)).toBe('12.0–18.5 %');
	});

	it('money: whole units, compact, or with the currency of the setting', () => {
		expect(fmt.money(12500.4)).toBe('12,500');
		expect(fmt.money(12_500, { compact: true })).toBe('12.5K');
		expect(fmt.money(3_400_000, { compact: true })).toBe('3.4M');
		expect(fmt.money(950, { compact: true })).toBe('950');
		expect(fmt.money(12_500, { symbol: true })).toBe('$12,500');
		setCurrency('eur');
		expect(getCurrency()).toBe('EUR');
		expect(fmt.money(12_500, { symbol: true })).toBe('€12,500');
		expect(fmt.money(undefined)).toBe('—');
	});

	it.each([
		[0, '0 B'],
		[999, '999 B'],
		[1000, '1.0 KB'],
		[970_457, '970 KB'],
		[1_400_898, '1.4 MB'],
		[63_860_618, '63.9 MB'],
		[-1, '—']
	])('bytes(%d) = %s', (b, s) => expect(fmt.bytes(b)).toBe(s));

	it('durations, days, dates and scores', () => {
		expect(fmt.duration(400)).toBe('< 1 s');
		expect(fmt.duration(12_400)).toBe('12 s');
		expect(fmt.duration(185_000)).toBe('3 min 5 s');
		expect(fmt.milliseconds(1234.4)).toBe('1,234 ms');
		expect(fmt.relativeDays(0.4)).toBe('today');
		expect(fmt.relativeDays(12)).toBe('in 12 d');
		expect(fmt.relativeDays(-5)).toBe('5 d ago');
		expect(fmt.date(19358)).toBe('2023-01-01');
		expect(fmt.dateRange(null)).toBe('—');
		expect(fmt.dateRange([19358, 20088])).toBe('2023-01-01 – 2024-12-31');
		expect(fmt.dateRange([19358, 19358])).toBe('2023-01-01');
		expect(fmt.shownScore(79)).toBe('79');
		expect(fmt.shownScore(Number.NaN)).toBe('not scored');
	});

	it('dateTime reads as toLocaleString did in an en-US browser', () => {
		const ms = Date.UTC(2026, 10, 30, 15, 57, 3);
		expect(fmt.dateTime(ms)).toBe(new Date(ms).toLocaleString('en-US'));
	});
});

describe('locale setting', () => {
	it('formats in the locale set, and tells listeners once per change', () => {
		let calls = 0;
		const stop = onLocaleChange(() => calls++);
		setLocale('de-DE');
		setLocale('de-DE');
		expect(calls).toBe(1);
		expect(getLocale()).toBe('de-DE');
		// German writes 1.234,5 (point groups, comma decimals).
		expect(fmt.number(1234.5, 1)).toBe('1.234,5');
		expect(fmt.percent(0.2654)).toBe('26,5 %');
		setLocale('ja-JP');
		setCurrency('JPY');
		expect(fmt.integer(7043)).toBe('7,043');
		expect(fmt.money(12_500, { symbol: true })).toBe('￥12,500');
		expect(calls).toBe(3); // de-DE, ja-JP, JPY
		stop();
		setLocale('en-US');
		expect(calls).toBe(3);
	});

	it('refuses a tag or currency Intl does not know, naming it, and keeps the setting', () => {
		expect(() => setLocale('not a locale')).toThrow(/"not a locale" is not a language tag/);
		expect(() => setCurrency('dollars')).toThrow(/"dollars" is not a currency code/);
		expect(getLocale()).toBe('en-US');
		expect(getCurrency()).toBe('USD');
	});
});

describe('file names', () => {
	it('slugs a model name and dates a file by the local day', () => {
		expect(slug('Q3 model (v2)')).toBe('q3-model-v2');
		expect(slug('Çhürn  —  risk_model')).toBe('churn-risk-model');
		expect(slug('***')).toBe('model');
		expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
	});
});

describe('monthYear (date ticks of the charts)', () => {
	it('writes a day as the short month and two-digit year of the locale, in UTC', () => {
		// 2024-03-31 is epoch day 19,813 (19,723 for 2024-01-01 plus 31 + 29 + 30).
		expect(fmt.monthYear(19_813)).toBe('Mar 24');
		expect(fmt.monthYear(19_813 + 1)).toBe('Apr 24');
		setLocale('ja-JP');
		expect(fmt.monthYear(19_813)).toBe('24年3月');
		setLocale('en-US');
		expect(fmt.monthYear(Number.NaN)).toBe(fmt.MISSING);
	});
});
