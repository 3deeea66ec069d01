/** Literals and identifiers per dialect: exact numbers, escaped strings, quoted names. */
import { describe, expect, it } from 'vitest';
import { test as fcTest, fc } from '@fast-check/vitest';
import { dialectFor, num, plainDecimal } from './dialect';

describe('plainDecimal', () => {
	it.each([
		[0, '0'],
		[-0, '0'],
		[1, '1'],
		[-2.5, '-2.5'],
		[0.1, '0.1'],
		[1e-7, '0.0000001'],
		[-1.5e-9, '-0.0000000015'],
		[1e21, '1000000000000000000000'],
		[1.2345e22, '12345000000000000000000'],
		[5e-324, `0.${'0'.repeat(323)}5`],
		[0.30000000000000004, '0.30000000000000004']
	])('%s → %s', (x, s) => {
		expect(plainDecimal(x)).toBe(s);
	});

	it('refuses non-finite numbers', () => {
		expect(() => plainDecimal(NaN)).toThrow(RangeError);
		expect(() => plainDecimal(Infinity)).toThrow(RangeError);
	});

	fcTest.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])(
		'round-trips every finite double, never with an exponent',
		(x) => {
			const s = plainDecimal(x);
			expect(s).toMatch(/^-?\d+(\.\d+)?$/);
			expect(Number(s)).toBe(x === 0 ? 0 : x);
		}
	);
});

describe('num', () => {
	it.each([
		['postgres', 3, 'CAST(3 AS DOUBLE PRECISION)'],
		['duckdb', 0.7, "CAST('0.7' AS DOUBLE)"],
		['bigquery', 1e-9, "CAST('0.000000001' AS FLOAT64)"],
		['snowflake', 2 ** 60, "CAST('1152921504606847000' AS FLOAT)"],
		['databricks', 0.1, "CAST('0.1' AS DOUBLE)"],
		['redshift', -2.5, "CAST('-2.5' AS DOUBLE PRECISION)"]
	] as const)('%s %s', (dialect, x, sql) => {
		expect(num(dialectFor(dialect), x)).toBe(sql);
	});
});

describe('strings and identifiers', () => {
	const tricky = 'O\'Brien \\ `x` "y"\nz';
	it.each([
		['postgres', `'O''Brien \\ \`x\` "y"\nz'`, `"O'Brien \\ \`x\` ""y""\nz"`],
		['duckdb', `'O''Brien \\ \`x\` "y"\nz'`, `"O'Brien \\ \`x\` ""y""\nz"`],
		['bigquery', `'O\\'Brien \\\\ \`x\` "y"\\x0az'`, '`O\'Brien \\\\ \\`x\\` "y"\\x0az`'],
		['snowflake', `'O\\'Brien \\\\ \`x\` "y"\\x0az'`, `"O'Brien \\ \`x\` ""y""\nz"`],
		['databricks', `'O\\'Brien \\\\ \`x\` "y"\\u000az'`, '`O\'Brien \\ ``x`` "y"\nz`'],
		['redshift', `'O''Brien \\\\ \`x\` "y"\nz'`, `"O'Brien \\ \`x\` ""y""\nz"`]
	] as const)('%s', (dialect, str, ident) => {
		const d = dialectFor(dialect);
		expect(d.str(tricky)).toBe(str);
		expect(d.ident(tricky)).toBe(ident);
	});
});
