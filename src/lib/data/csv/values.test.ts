import { describe, expect, it } from 'vitest';
import {
	daysFromCivil,
	detectDateOrder,
	detectDecimal,
	excelSerialToEpochDay,
	isMissing,
	parseBoolean,
	parseDate,
	parseNumber,
	parseNumberDetailed,
	valueMessage
} from './values';

/** Independent reference: epoch day via Date.UTC. */
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

describe('parseNumber', () => {
	it.each([
		['42', '.', 42],
		['-3.5', '.', -3.5],
		['1e3', '.', 1000],
		['.5', '.', 0.5],
		['1,234.5', '.', 1234.5],
		['1,234,567', '.', 1234567],
		['1.234,5', ',', 1234.5],
		['1.234.567,89', ',', 1234567.89],
		['12,5', ',', 12.5],
		['45%', '.', 45],
		['7.5 %', '.', 7.5],
		['$1,200', '.', 1200],
		['$3,400.50', '.', 3400.5],
		['-$5', '.', -5],
		['$-5', '.', -5],
		['€5', '.', 5],
		['¥1,234', '.', 1234],
		['1,234円', '.', 1234],
		['￥２，０００', '.', 2000],
		['(1,234)', '.', -1234],
		['(5)', '.', -5],
		['1\u202f234,5', ',', 1234.5],
		['2\u00a0000,25', ',', 2000.25],
		['1 234,5', ',', 1234.5],
		["1'234.5", '.', 1234.5],
		['1\u2019234.5', '.', 1234.5],
		['\u22125', '.', -5],
		['\u22121,234.5', '.', -1234.5],
		['１，２３４', '.', 1234],
		['１２３．５', '.', 123.5],
		['▲1,234', '.', -1234],
		['△500', '.', -500],
		['▲ 1,234円', '.', -1234],
		['  12  ', '.', 12],
		['USD 1,000', '.', 1000],
		['1,000 EUR', '.', 1000]
	])('%j (decimal %s) → %d', (raw, dec, value) => {
		expect(parseNumber(raw, dec as '.' | ',')).toBe(value);
	});

	it.each([
		['abc', '.'],
		['1,23', '.'],
		['1,2345', '.'],
		['1.2.3', '.'],
		['1,234.5', ','],
		['12-5', '.'],
		['--5', '.'],
		['$', '.'],
		['%', '.'],
		['Infinity', '.'],
		['0x10', '.'],
		['1 2', '.']
	])('%j (decimal %s) → unreadable', (raw, dec) => {
		expect(parseNumber(raw, dec as '.' | ',')).toBeNull();
	});

	it.each(['', ' ', '\t', '\u00a0'])('blank %j is missing (NaN), not an error', (raw) => {
		expect(parseNumber(raw)).toBeNaN();
		expect(isMissing(raw)).toBe(true);
	});

	it('reports % and currency units', () => {
		expect(parseNumberDetailed('45%')).toEqual({ value: 45, percent: true, currency: false });
		expect(parseNumberDetailed('$1,200')).toEqual({ value: 1200, percent: false, currency: true });
	});
});

describe('detectDecimal', () => {
	it.each([
		['dot decimals', ['1.5', '2.25', '3'], '.', false],
		['comma decimals', ['1,5', '2,25', '3'], ',', false],
		['both: last separator decides (de)', ['1.234,5', '2.000,0'], ',', false],
		['both: last separator decides (en)', ['1,234.5', '2,000.0'], '.', false],
		['repeated comma = groups', ['1,234,567'], '.', false],
		['repeated dot = groups', ['1.234.567'], ',', false],
		['only 1,234 → ambiguous, fallback .', ['1,234', '5,678'], '.', true],
		['ambiguous cells + one clear decimal', ['1,234', '5,5'], ',', false],
		['conflict', ['1,5', '2.5'], '.', true],
		['integers only', ['1', '2'], '.', false]
	])('%s', (_n, cells, decimal, ambiguous) => {
		const d = detectDecimal(cells);
		expect(d.decimal).toBe(decimal);
		expect(d.ambiguous).toBe(ambiguous);
	});

	it('ambiguous column in a ; file falls back to decimal comma', () => {
		expect(detectDecimal(['1.234'], ',')).toMatchObject({ decimal: ',', ambiguous: true });
	});
});

describe('parseBoolean', () => {
	it.each([
		['Yes', 1],
		['no', 0],
		['Y', 1],
		['n', 0],
		['TRUE', 1],
		['false', 0],
		['1', 1],
		['0', 0],
		[' True ', 1]
	])('%j → %d', (raw, v) => expect(parseBoolean(raw)).toBe(v));
	it.each(['maybe', '2', 'oui', 't', 'F'])('%j → unreadable', (raw) =>
		expect(parseBoolean(raw)).toBeNull()
	);
	it('blank → missing', () => expect(parseBoolean(' ')).toBeNaN());
});

describe('dates', () => {
	it('daysFromCivil matches Date.UTC across eras', () => {
		for (const [y, m, d] of [
			[1970, 1, 1],
			[2000, 2, 29],
			[1900, 3, 1],
			[2024, 12, 31],
			[1600, 1, 1],
			[2100, 2, 28]
		] as const)
			expect(daysFromCivil(y, m, d)).toBe(day(y, m, d));
	});

	it.each([
		['2024-01-02', 'ymd', day(2024, 1, 2)],
		['2024-1-2', 'ymd', day(2024, 1, 2)],
		['2024-01-02T10:30:00', 'ymd', day(2024, 1, 2)],
		['2024-01-02T23:30:00-05:00', 'ymd', day(2024, 1, 2)],
		['2024-01-02T10:30:00.123Z', 'ymd', day(2024, 1, 2)],
		['2023-07-28 03:00:00', 'ymd', day(2023, 7, 28)],
		['2024/1/2', 'ymd', day(2024, 1, 2)],
		['2024.01.02', 'ymd', day(2024, 1, 2)],
		['2024年1月2日', 'ymd', day(2024, 1, 2)],
		['２０２４年１月２日', 'ymd', day(2024, 1, 2)],
		['01/02/2024', 'mdy', day(2024, 1, 2)],
		['01/02/2024', 'dmy', day(2024, 2, 1)],
		['13/02/2024', 'dmy', day(2024, 2, 13)],
		['2.1.2024', 'dmy', day(2024, 1, 2)],
		['01-02-24', 'mdy', day(2024, 1, 2)],
		['01/02/99', 'mdy', day(1999, 1, 2)],
		['1/2/2024 3:45 PM', 'mdy', day(2024, 1, 2)],
		['2 Jan 2024', 'ymd', day(2024, 1, 2)],
		['02-Jan-2024', 'ymd', day(2024, 1, 2)],
		['January 2, 2024', 'ymd', day(2024, 1, 2)],
		['Sept 9 2024', 'ymd', day(2024, 9, 9)],
		['2024-02-29', 'ymd', day(2024, 2, 29)],
		['2000-02-29', 'ymd', day(2000, 2, 29)]
	])('%j (%s) → epoch day', (raw, order, v) => {
		expect(parseDate(raw, order as 'ymd')).toBe(v);
	});

	it.each([
		['2024-02-30', 'impossible-date'],
		['2023-02-29', 'impossible-date'],
		['1900-02-29', 'impossible-date'],
		['2024-13-01', 'impossible-date'],
		['2024-04-31', 'impossible-date'],
		['2024-00-10', 'impossible-date'],
		['hello', 'not-a-date'],
		['2024', 'not-a-date'],
		['01/02/2024', 'not-a-date'], // year-first order reads only year-first forms
		['45293', 'not-a-date'], // serials only when allowed
		['2 Foo 2024', 'not-a-date']
	])('%j → %s', (raw, code) => {
		expect(parseDate(raw, 'ymd')).toBe(code);
	});

	it('13/02/2024 read month-first is impossible', () => {
		expect(parseDate('13/02/2024', 'mdy')).toBe('impossible-date');
	});

	it('Excel serials (1900 system): 45292 = 2024-01-01, 61 = 1900-03-01; range 20000–80000', () => {
		expect(excelSerialToEpochDay(45292)).toBe(day(2024, 1, 1));
		expect(excelSerialToEpochDay(61)).toBe(day(1900, 3, 1));
		expect(parseDate('45293', 'ymd', true)).toBe(day(2024, 1, 2));
		expect(parseDate('45293.75', 'ymd', true)).toBe(day(2024, 1, 2));
		expect(parseDate('19999', 'ymd', true)).toBe('not-a-date');
		expect(parseDate('80001', 'ymd', true)).toBe('not-a-date');
	});

	it('blank → missing', () => expect(parseDate('  ')).toBeNaN());

	it.each([
		['first part > 12 → dmy', ['01/02/2024', '13/02/2024'], 'dmy', false, false],
		['second part > 12 → mdy', ['01/02/2024', '02/13/2024'], 'mdy', false, false],
		['all ≤ 12 → ambiguous', ['01/02/2024', '03/04/2024'], 'mdy', true, false],
		['both → conflict', ['13/02/2024', '02/13/2024'], 'mdy', false, true],
		['ISO only → ymd', ['2024-01-02'], 'ymd', false, false]
	])('detectDateOrder: %s', (_n, cells, order, ambiguous, conflict) => {
		expect(detectDateOrder(cells)).toEqual({ order, ambiguous, conflict });
	});
});

describe('valueMessage', () => {
	it('names row, column and value', () => {
		expect(valueMessage(17, 'TotalCharges', 'abc', 'not-a-number')).toBe(
			'row 17, column "TotalCharges": "abc" is not a number'
		);
	});
});
