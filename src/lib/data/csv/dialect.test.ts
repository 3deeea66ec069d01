import { describe, expect, it } from 'vitest';
import { detectDialect, detectNewline, fieldCounts, readSepLine } from './dialect';

describe('detectDialect', () => {
	it.each([
		['comma', 'a,b,c\n1,2,3\n4,5,6\n', ','],
		[
			'semicolon with decimal commas',
			'account;revenue;score\nA1;1.234,5;12,5\nA2;2.000,0;7,25\nA3;15,75;3\n',
			';'
		],
		['semicolon, every row one decimal comma', 'a;b\n1,5;2\n3,5;4\n', ';'],
		['tab', 'a\tb\tc\n1\t2,5\t3\n', '\t'],
		['pipe', 'a|b|c\n1|2|3\n', '|'],
		['comma inside quotes does not count', 'a;b\n"x,y,z";1\n"p,q";2\n', ';'],
		['quoted newline respected', 'a,b\n"line1\nline2",2\n3,4\n', ','],
		['single column falls back to comma', 'name\nAnn\nBob\n', ',']
	])('%s → %j', (_n, text, delimiter) => {
		expect(detectDialect(text).delimiter).toBe(delimiter);
	});

	it('the user override wins over sep= and detection', () => {
		const d = detectDialect('sep=;\na;b\n1;2\n', '|');
		expect(d).toMatchObject({ delimiter: '|', source: 'user', sepLineLength: 6 });
	});

	it('honours Excel sep= (and reports its length so the line is dropped)', () => {
		expect(detectDialect('sep=;\r\nid;value\r\n1;2,5\r\n')).toMatchObject({
			delimiter: ';',
			source: 'sep-line',
			sepLineLength: 7,
			newline: '\r\n'
		});
		expect(detectDialect('"sep=|"\na|b\n')).toMatchObject({ delimiter: '|', sepLineLength: 8 });
	});

	it('single-column file: source default', () => {
		expect(detectDialect('x\n1\n2\n').source).toBe('default');
	});
});

describe('readSepLine', () => {
	it.each([
		['sep=,\n', ',', 6],
		['SEP=\t\r\n', '\t', 7],
		['sep=;', ';', 5],
		['sep=x\n', null, 0],
		['id,sep\n', null, 0]
	])('%j', (text, delimiter, length) => {
		const r = readSepLine(text);
		expect(r?.delimiter ?? null).toBe(delimiter);
		expect(r?.length ?? 0).toBe(length);
	});
});

describe('detectNewline', () => {
	it.each([
		['a\nb', '\n'],
		['a\r\nb', '\r\n'],
		['a\rb', '\r'],
		['"x\ny"\r\nb', '\r\n'],
		['abc', '\n']
	])('%j → %j', (text, nl) => expect(detectNewline(text)).toBe(nl));
});

describe('fieldCounts', () => {
	it('counts fields per record, skipping blank lines, honouring quotes', () => {
		expect(fieldCounts('a,b,c\n\n"1,2",3\n4,5,6,7\n', ',')).toEqual([3, 2, 4]);
	});
});
