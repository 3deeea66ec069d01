import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { toCsv, FORMULA_PREFIX } from './csv';

function parseBack(csv: string): string[][] {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: 'greedy' }).data;
}

describe('toCsv formula-injection protection', () => {
	it.each([
		['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
		['+1+2', `'+1+2`],
		['-5', `'-5`],
		['@SUM(A1)', `'@SUM(A1)`],
		['\t=1', `'\t=1`],
		['\r=1', `'\r=1`],
		[' =1', `' =1`],
		['\0=1', `'\0=1`],
		['plain text', 'plain text'],
		['a=b', 'a=b'],
		['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>']
	])('text %j exports as %j', (input, expected) => {
		const rows = parseBack(toCsv(['v'], [[input]]));
		expect(rows[1]?.[0]).toBe(expected);
	});

	it('keeps numbers numeric: -5 stays -5, NaN and null become empty', () => {
		const csv = toCsv(['a', 'b', 'c', 'd'], [[-5, 3.25, Number.NaN, null]]);
		expect(csv).toContain('\r\n-5,3.25,,\r\n');
	});

	it('writes a BOM and CRLF line endings', () => {
		const csv = toCsv(['x', 'y'], [['1', 2]]);
		expect(csv).toBe('\uFEFFx,y\r\n1,2\r\n');
	});

	it('round-trips safe text and numbers exactly (property, fixed seed)', () => {
		const safe = fc.string().filter((s) => !FORMULA_PREFIX.test(s) && s.trim() === s && s !== '');
		fc.assert(
			fc.property(
				fc.array(fc.tuple(safe, fc.integer()), { minLength: 1, maxLength: 20 }),
				(rows) => {
					const back = parseBack(toCsv(['t', 'n'], rows));
					expect(back.slice(1)).toEqual(rows.map(([t, n]) => [t, String(n)]));
				}
			),
			{ seed: 42, numRuns: 200 }
		);
	});
});
