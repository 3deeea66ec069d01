// Issue 16: hostile and unlucky files. Each case failed before the fix (noted per test).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { buildTable, type ColumnMapping } from './build';
import { sniffBinary } from './encoding';
import { cleanHeaders } from './headers';
import { profileColumn } from './infer';
import { parseCsv, type ParseResult } from './parse';
import { fixture, parseBoth, records } from './testing/helpers';
import { parseNumber, parseNumberDetailed, plainNumber, valueMessage } from './values';

const enc = (s: string) => new TextEncoder().encode(s);
const blockedCodes = (r: ParseResult) => (r.status === 'blocked' ? r.issues.map((i) => i.code) : r);

describe('non-finite numbers are unreadable cells', () => {
	it('1e309 and -1e309 (and 400 digits) are not numbers; 1e308 still is', () => {
		// Before: parseNumber('1e309') was Infinity.
		for (const raw of ['1e309', '-1e309', '9'.repeat(400), '1,000e309']) {
			expect(parseNumber(raw)).toBeNull();
			expect(parseNumberDetailed(raw)).toBeNull();
			expect(Number.isNaN(plainNumber(raw))).toBe(true);
		}
		expect(parseNumber('1e308')).toBe(1e308);
		expect(parseNumber('-1.5e3')).toBe(-1500);
		expect(valueMessage(3, 'mrr', '1e309', 'not-a-number')).toBe(
			'row 3, column "mrr": "1e309" is too large to be stored as a number'
		);
	});

	it('the preview counts them as failures, not as missing, and keeps min/max finite', () => {
		// Before: -1e309 made min = -Infinity and the histogram claimed every value missing.
		const p = profileColumn(0, 'v', [
			...Array.from({ length: 38 }, (_, k) => String(k + 1)),
			'1e309',
			'-1e309',
			''
		]);
		expect(p.type).toBe('number');
		expect(p.failures).toBe(2);
		expect(p.missing).toBe(1);
		expect([p.min, p.max]).toEqual([1, 38]);
	});

	it('the fixture: rows 3 and 4 listed with row and column, nothing infinite stored', async () => {
		const r = await parseBoth(fixture('non-finite-and-odd-dates.csv'));
		if (r.status !== 'ok') throw new Error(r.status);
		const mapping: ColumnMapping[] = [
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'metric', type: 'number' },
			{ index: 2, role: 'renewal-date', type: 'date' }
		];
		const strict = buildTable(r.table, mapping);
		expect(strict.ok).toBe(false);
		const b = buildTable(r.table, mapping, { skipRows: true });
		if (!b.ok) throw new Error('build failed');
		expect(b.skippedRows).toBe(2);
		expect(b.issues.map((i) => [i.row, i.column, i.code])).toEqual([
			[3, 'contract_value', 'not-a-number'],
			[4, 'contract_value', 'not-a-number']
		]);
		const values = (b.table.columns.get('contract_value') as { values: Float64Array }).values;
		expect(Array.from(values)).toEqual([1200, 900, 800]);
	});
});

describe('implausible dates are flagged, not refused', () => {
	const rows = [
		['A', '2024-01-31'],
		['B', '0000-01-01'],
		['C', '9999-12-31'],
		['D', '1899-12-31'],
		['E', '1900-01-01'],
		['F', '2100-12-31'],
		['G', '2101-01-01'],
		['H', '']
	];
	const mapping: ColumnMapping[] = [
		{ index: 0, role: 'account-id', type: 'text' },
		{ index: 1, role: 'snapshot-date', type: 'date' }
	];

	it.each([
		['general reader', false],
		['fast path (bytes)', true]
	])('%s: years before 1900 and after 2100 are listed with row and column', async (_n, fast) => {
		// Before: years 0000 and 9999 were accepted without a word (no warnings at all).
		const text = ['id,when', ...rows.map((r) => r.join(','))].join('\n') + '\n';
		const r = await parseCsv(enc(text), { fastPath: fast });
		if (r.status !== 'ok') throw new Error(r.status);
		expect(Boolean(r.table.cells)).toBe(fast);
		const b = buildTable(r.table, mapping);
		if (!b.ok) throw new Error('build failed');
		expect(b.skippedRows).toBe(0);
		expect(b.warningCount).toBe(4);
		expect(b.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
			[3, 'when', 'implausible-date'],
			[4, 'when', 'implausible-date'],
			[5, 'when', 'implausible-date'],
			[8, 'when', 'implausible-date']
		]);
		expect(b.warnings[0]!.message).toBe(
			'row 3, column "when": "0000-01-01" is before 1900; kept as written, but check it'
		);
		expect(b.warnings[1]!.message).toContain('"9999-12-31" is after 2100');
	});

	it('the range is an option', async () => {
		const r = await parseCsv('id,when\nA,1950-01-01\nB,2024-01-01\n');
		if (r.status !== 'ok') throw new Error(r.status);
		const b = buildTable(r.table, mapping, { plausibleYears: [2000, 2030] });
		expect(b.ok && b.warnings.map((w) => w.row)).toEqual([2]);
	});
});

describe('binary files are named before any encoding picker', () => {
	const cases: [string, Uint8Array, RegExp][] = [
		['PNG fixture', fixture('image-renamed.csv'), /a PNG image/],
		['gzip', new Uint8Array(gzipSync(Buffer.from('id,v\n1,2\n'))), /gzip-compressed/],
		['zip / xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), /xlsx/],
		['PDF', enc('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'), /a PDF document/],
		['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), /a JPEG image/],
		['NUL bytes in text', enc('id,v\n1,\u0000\u0000\n'), /NUL byte at byte 8/]
	];
	it.each(cases)('%s', async (_n, bytes, words) => {
		// Before: an encoding picker and thousands of "malformed quotes" lines.
		const r = await parseCsv(bytes);
		expect(blockedCodes(r)).toEqual(['BinaryFile']);
		if (r.status === 'blocked') {
			expect(r.issues[0]!.message).toMatch(/^This is not a text \(CSV\) file: it looks like /);
			expect(r.issues[0]!.message).toMatch(words);
		}
	});

	it('text that starts like a signature is still text; UTF-16 (NULs) is still text', async () => {
		expect(sniffBinary(enc('MZ_code,BZh\n1,2\n'))).toBeNull();
		expect(sniffBinary(enc('PK,PAR1\n1,2\n'))).toBeNull();
		const le = new Uint8Array(Buffer.from('id,name\n1,Ann\n2,Bo\n', 'utf16le'));
		expect(sniffBinary(le)).toBeNull();
		expect((await parseCsv(fixture('utf16le-excel-unicode.txt'))).status).toBe('ok');
	});
});

describe('mixed line endings parse as the records they are', () => {
	it('the fixture: 5 good rows stay 5 rows (every chunk size, fast and general reader)', async () => {
		// Before: "The file has no data rows" (the first CR was taken as the only line ending).
		for (const fastPath of [true, false]) {
			const r = await parseBoth(fixture('mixed-line-endings.csv'), { fastPath });
			expect(records(r)).toEqual([
				['id', 'usage', 'churned'],
				['1', '10', '0'],
				['2', '20', '1'],
				['3', '30', '0'],
				['4', '40', '0'],
				['5', '50', '1']
			]);
			if (r.status === 'ok') expect(Array.from(r.table.rowNumbers)).toEqual([2, 3, 4, 5, 6]);
		}
	});

	it('line breaks inside quoted cells stay as written', async () => {
		const text = 'id,note\r\n1,"a\r\nb"\n2,"c\nd"\r3,"e\rf"\r\n4,plain\n';
		const r = await parseBoth(text);
		expect(records(r)).toEqual([
			['id', 'note'],
			['1', 'a\r\nb'],
			['2', 'c\nd'],
			['3', 'e\rf'],
			['4', 'plain']
		]);
	});

	fcTest.prop(
		[
			fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })), {
				minLength: 1,
				maxLength: 20
			}),
			fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 21, maxLength: 21 }),
			fc.constantFrom(1, 2, 5, 1 << 20)
		],
		{ seed: 16, numRuns: 200 }
	)('any mix of endings gives the same records as LF only', async (rows, ends, chunkBytes) => {
		const lines = ['a,b', ...rows.map(([x, y]) => `${x},${y}`)];
		const mixed = lines.map((l, k) => l + ends[k]!).join('');
		const r = await parseCsv(enc(mixed), { chunkBytes });
		expect(records(r)).toEqual(lines.map((l) => l.split(',')));
	});
});

describe('header de-duplication is linear', () => {
	/** The former algorithm (first free suffix scanned from 2 each time): the reference. */
	function reference(raw: string[]): string[] {
		const taken = new Set(raw.map((h) => h.trim()).filter((h) => h !== ''));
		const reserved = new Set(['__proto__', 'constructor', 'prototype']);
		const assigned = new Set<string>();
		const free = (base: string, allowBase: boolean) => {
			if (allowBase && !taken.has(base)) return base;
			for (let k = 2; ; k++) if (!taken.has(`${base}_${k}`)) return `${base}_${k}`;
		};
		return raw.map((original, index) => {
			const t = original.trim();
			let name = t;
			if (t === '') name = free(`column_${index + 1}`, true);
			else if (reserved.has(t)) name = free(`${t}_col`, true);
			else if (assigned.has(t)) name = free(t, false);
			assigned.add(name);
			taken.add(name);
			return name;
		});
	}

	fcTest.prop(
		[fc.array(fc.constantFrom('x', 'x_2', 'x_3', '', ' ', 'y', 'column_2', '__proto__', 'x_4'))],
		{ seed: 40000, numRuns: 300 }
	)('same names as the former (quadratic) algorithm', (raw) => {
		expect(cleanHeaders(raw).names).toEqual(reference(raw));
	});

	it('40,000 columns named x: x, x_2 … x_40000 (the former algorithm took ~105 s)', () => {
		const { names, notes } = cleanHeaders(new Array<string>(40_000).fill('x'));
		expect(names[0]).toBe('x');
		expect(names[39_999]).toBe('x_40000');
		expect(new Set(names).size).toBe(40_000);
		expect(notes).toHaveLength(39_999);
	}, 5000);
});

describe('shape limits: refused at once with a message, real exports pass', () => {
	it('a 50 MB line with no delimiter is refused (not shown as a column name)', async () => {
		// Before: 62 s, then the 50 MB string appeared as a column name.
		const line = new Uint8Array(50 * 1024 * 1024).fill(97);
		for (const fastPath of [true, false]) {
			const r = await parseCsv(line, { fastPath });
			expect(blockedCodes(r)).toEqual(['LineTooLong']);
			if (r.status === 'blocked')
				expect(r.issues[0]!.message).toBe(
					'Row 1 is longer than 8,388,608 characters, the limit for one row. This is not a table this app can read (a missing line break or an unclosed quote?).'
				);
		}
	});

	it('a 2 MB quoted cell is refused with row and column', async () => {
		const text = `id,note\n1,"${'z'.repeat(2 * 1024 * 1024)}"\n2,ok\n`;
		const r = await parseCsv(enc(text));
		expect(blockedCodes(r)).toEqual(['CellTooLong']);
		if (r.status === 'blocked')
			expect(r.issues[0]!.message).toBe(
				'Row 2, column 2: the cell is 2,097,152 characters long; the limit is 1,048,576.'
			);
	});

	it('an unquoted 2 MB cell too (fast path and general reader agree)', async () => {
		const text = enc(`id,note\n1,${'z'.repeat(2 * 1024 * 1024)}\n`);
		const fast = await parseCsv(text);
		const slow = await parseCsv(text, { fastPath: false });
		expect(blockedCodes(fast)).toEqual(['CellTooLong']);
		expect(fast.status === 'blocked' && fast.issues).toEqual(
			slow.status === 'blocked' && slow.issues
		);
	});

	it('a 5,000-character header name is refused; 20,001 columns are refused', async () => {
		const long = await parseCsv(enc(`id,${'h'.repeat(5000)}\n1,2\n`));
		expect(blockedCodes(long)).toEqual(['HeaderTooLong']);
		if (long.status === 'blocked')
			expect(long.issues[0]!.message).toContain(
				'The header of column 2 is 5,000 characters long; a column name can have at most 4,096.'
			);
		const wide = (n: number) =>
			enc(`${Array.from({ length: n }, (_, c) => `c${c}`).join(',')}\n${'1,'.repeat(n - 1)}1\n`);
		for (const fastPath of [true, false]) {
			const r = await parseCsv(wide(20_001), { fastPath });
			expect(blockedCodes(r)).toEqual(['TooManyColumns']);
			if (r.status === 'blocked')
				expect(r.issues[0]!.message).toMatch(
					/^The header row has 20,001 columns; the limit is 20,000/
				);
		}
		// Excel's own maximum passes.
		const excel = await parseCsv(wide(16_384));
		expect(excel.status === 'ok' && excel.table.headers.length).toBe(16_384);
	});

	it('40,000 columns named x are refused at once', async () => {
		const r = await parseCsv(enc(`${new Array(40_000).fill('x').join(',')}\n`));
		expect(blockedCodes(r)).toEqual(['TooManyColumns']);
	});
});
