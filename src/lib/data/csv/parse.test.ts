import { describe, expect, it } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import Papa from 'papaparse';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCsv } from './parse';
import { parseBoth, records } from './testing/helpers';

const spectrumDir = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));

describe('csv-spectrum', () => {
	const names = readdirSync(join(spectrumDir, 'csvs')).map((f) => f.replace(/\.csv$/, ''));
	it('has its 12 cases', () => expect(names.length).toBe(12));
	it.each(names)('%s', async (name) => {
		const bytes = new Uint8Array(readFileSync(join(spectrumDir, 'csvs', `${name}.csv`)));
		const json = JSON.parse(
			readFileSync(join(spectrumDir, 'json', `${name}.json`), 'utf8')
		) as unknown;
		// One case (location_coordinates) stores its single row as an object, not an array.
		const expected = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
		// Upstream bug in csv-spectrum 2.0.0: location_coordinates.csv has phone 2095257564 but
		// its JSON says 1234567890 (every other cell matches). Compare against the CSV's value.
		if (name === 'location_coordinates') expected[0]!['Contact Phone Number'] = '2095257564';
		const r = await parseBoth(bytes);
		expect(r.status).toBe('ok');
		if (r.status !== 'ok') return;
		const got = Array.from({ length: r.table.rows }, (_, i) =>
			Object.fromEntries(r.table.headers.map((h, c) => [h, r.table.columns[c]![i]!]))
		);
		expect(got).toEqual(expected);
	});
});

/** Ports of PapaParse's own tricky-input test categories (tests/test-cases.js). */
describe('PapaParse tricky inputs', () => {
	it.each([
		['one row (header only)', 'A,b,c', [['A', 'b', 'c']]],
		[
			'two rows',
			'A,b,c\nd,E,f',
			[
				['A', 'b', 'c'],
				['d', 'E', 'f']
			]
		],
		[
			'whitespace at edges of unquoted field',
			'a,\tb ,c\n1,2,3',
			[
				['a', '\tb ', 'c'],
				['1', '2', '3']
			]
		],
		[
			'quoted field',
			'A,"B",C\n1,2,3',
			[
				['A', 'B', 'C'],
				['1', '2', '3']
			]
		],
		[
			'quoted field with extra whitespace on edges',
			'A," B  ",C\n1,2,3',
			[
				['A', ' B  ', 'C'],
				['1', '2', '3']
			]
		],
		[
			'quoted field with delimiter',
			'x,y,z\nA,"B,B",C',
			[
				['x', 'y', 'z'],
				['A', 'B,B', 'C']
			]
		],
		[
			'quoted field with line break',
			'x,y,z\nA,"B\nB",C',
			[
				['x', 'y', 'z'],
				['A', 'B\nB', 'C']
			]
		],
		[
			'quoted fields with line breaks',
			'x,y,z\nA,"B\nB","C\nC\nC"',
			[
				['x', 'y', 'z'],
				['A', 'B\nB', 'C\nC\nC']
			]
		],
		[
			'quoted field at end of row with delimiter and line break',
			'a,b,"c,c\nc"\nd,e,f',
			[
				['a', 'b', 'c,c\nc'],
				['d', 'e', 'f']
			]
		],
		[
			'escaped quotes',
			'x,y,z\nA,"B""B""B",C',
			[
				['x', 'y', 'z'],
				['A', 'B"B"B', 'C']
			]
		],
		[
			'escaped quotes at boundaries',
			'x,y,z\nA,"""B""",C',
			[
				['x', 'y', 'z'],
				['A', '"B"', 'C']
			]
		],
		[
			'unquoted field with quote at end',
			'x,y,z\nA,B",C',
			[
				['x', 'y', 'z'],
				['A', 'B"', 'C']
			]
		],
		[
			'quotes around delimiter',
			'x,y,z\nA,""",""",C',
			[
				['x', 'y', 'z'],
				['A', '","', 'C']
			]
		],
		[
			'quotes on right side of delimiter',
			'x,y,z\nA,",""",C',
			[
				['x', 'y', 'z'],
				['A', ',"', 'C']
			]
		],
		[
			'space before opening quote: literal field',
			'x,y,z\nA, "B" ,C',
			[
				['x', 'y', 'z'],
				['A', ' "B" ', 'C']
			]
		],
		[
			'spaces after closing quote are dropped',
			'x,y\n"a"  ,"b"',
			[
				['x', 'y'],
				['a', 'b']
			]
		],
		[
			'misplaced quotes in data',
			'x,y,z\nA,B "B",C',
			[
				['x', 'y', 'z'],
				['A', 'B "B"', 'C']
			]
		],
		[
			'line starts with quoted field',
			'a,b,c\n"d",e,f',
			[
				['a', 'b', 'c'],
				['d', 'e', 'f']
			]
		],
		[
			'line ends with quoted field',
			'a,b,c\nd,e,f\n"g","h","i"\n"j","k","l"',
			[
				['a', 'b', 'c'],
				['d', 'e', 'f'],
				['g', 'h', 'i'],
				['j', 'k', 'l']
			]
		],
		[
			'quoted field at end of row has quotes',
			'a,b,"c""c"""\nd,e,f',
			[
				['a', 'b', 'c"c"'],
				['d', 'e', 'f']
			]
		],
		[
			'empty quoted field at EOF',
			'a,b,""\na,b,""',
			[
				['a', 'b', ''],
				['a', 'b', '']
			]
		],
		[
			'multiple consecutive empty fields',
			'a,b,,,c,d\n,,e,,,f',
			[
				['a', 'b', '', '', 'c', 'd'],
				['', '', 'e', '', '', 'f']
			]
		],
		[
			'trailing delimiter',
			'a,b,c,\n1,2,3,',
			[
				['a', 'b', 'c', ''],
				['1', '2', '3', '']
			]
		],
		[
			'ends with empty quoted field',
			'a,b,c\n1,2,""',
			[
				['a', 'b', 'c'],
				['1', '2', '']
			]
		],
		[
			'CRLF',
			'a,b\r\n1,2\r\n3,4\r\n',
			[
				['a', 'b'],
				['1', '2'],
				['3', '4']
			]
		],
		[
			'CR only',
			'a,b\r1,2\r3,4',
			[
				['a', 'b'],
				['1', '2'],
				['3', '4']
			]
		],
		[
			'CRLF with quoted CRLF inside',
			'a,b\r\n"x\r\ny",2\r\n',
			[
				['a', 'b'],
				['x\r\ny', '2']
			]
		],
		[
			'quoted LF inside a CRLF file',
			'a,b\r\n"x\ny",2\r\n3,4\r\n',
			[
				['a', 'b'],
				['x\ny', '2'],
				['3', '4']
			]
		],
		[
			'BOM in string input',
			'\ufeffa,b\n1,2',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		['single column', 'name\nAnn\nBob\n', [['name'], ['Ann'], ['Bob']]],
		[
			'no trailing newline',
			'a,b\n1,2',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		[
			'blank lines skipped (greedy)',
			'a,b\n\n1,2\n  \n,\n3,4\n\n\n',
			[
				['a', 'b'],
				['1', '2'],
				['3', '4']
			]
		],
		[
			'unicode',
			'名前,都市\n山田,東京',
			[
				['名前', '都市'],
				['山田', '東京']
			]
		]
	])('%s', async (_n, text, expected) => {
		expect(records(await parseBoth(text))).toEqual(expected);
	});

	it('quoted field has no closing quote → MissingQuotes, blocking, names the row', async () => {
		const r = await parseBoth('a,b,c\n1,2,3\n4,"b,c\nd,e,f');
		expect(r.status).toBe('blocked');
		if (r.status !== 'blocked') return;
		expect(r.issues).toEqual([
			expect.objectContaining({ code: 'MissingQuotes', row: 3, blocking: true })
		]);
		expect(r.issues[0]!.message).toMatch(/^Row 3: a quoted cell is never closed/);
	});

	it('malformed closing quote → InvalidQuotes, blocking', async () => {
		const r = await parseCsv('a,b\n"x"y,2\n3,4\n');
		expect(r.status).toBe('blocked');
		if (r.status === 'blocked')
			expect(r.issues[0]).toMatchObject({ code: 'InvalidQuotes', row: 2 });
	});
});

describe('rows, ragged rows, caps, abort', () => {
	it('row numbers are Excel rows: header 1, blank lines count, multi-line cell is one row', async () => {
		const r = await parseBoth('id,note\n1,"two\nlines"\n\n2,x\n3,y\n');
		expect(r.status).toBe('ok');
		if (r.status === 'ok') expect(Array.from(r.table.rowNumbers)).toEqual([2, 4, 5]);
	});

	it('sep= line is dropped and does not count as a row', async () => {
		const r = await parseBoth('sep=;\nid;v\n1;2\n');
		expect(records(r)).toEqual([
			['id', 'v'],
			['1', '2']
		]);
		if (r.status === 'ok') expect(Array.from(r.table.rowNumbers)).toEqual([2]);
	});

	it('ragged rows are listed with their row, left out, never shifted', async () => {
		const r = await parseBoth('id,a,b\n1,x,y\n2,x\n3,x,y,z\n4,x,y\n');
		expect(r.status).toBe('ok');
		if (r.status !== 'ok') return;
		expect(r.raggedRows).toBe(2);
		expect(r.issues.map(({ row, code, blocking }) => ({ row, code, blocking }))).toEqual([
			{ row: 3, code: 'TooFewFields', blocking: false },
			{ row: 4, code: 'TooManyFields', blocking: false }
		]);
		expect(r.issues[0]!.message).toBe('Row 3 has 2 fields; the header has 3.');
		expect(records(r)).toEqual([
			['id', 'a', 'b'],
			['1', 'x', 'y'],
			['4', 'x', 'y']
		]);
		expect(Array.from(r.table.rowNumbers)).toEqual([2, 5]);
	});

	it('row cap blocks with a message naming the limit', async () => {
		const r = await parseCsv('a\n1\n2\n3\n4\n', { maxRows: 3 });
		expect(r.status).toBe('blocked');
		if (r.status === 'blocked') expect(r.issues[0]).toMatchObject({ code: 'TooManyRows', row: 5 });
	});

	it('byte cap blocks before reading', async () => {
		const r = await parseCsv(new Blob(['a,b\n1,2\n']), { maxBytes: 4 });
		expect(r.status).toBe('blocked');
		if (r.status === 'blocked') expect(r.issues[0]!.code).toBe('FileTooLarge');
	});

	it('empty input → blocked Empty', async () => {
		for (const text of ['', '\n\n', '  \n']) {
			const r = await parseCsv(text);
			expect(r.status).toBe('blocked');
			if (r.status === 'blocked') expect(r.issues[0]!.code).toBe('Empty');
		}
	});

	it('header only → ok with 0 rows', async () => {
		const r = await parseCsv('a,b\n');
		expect(r.status === 'ok' && r.table.rows).toBe(0);
	});

	it('abort stops the parse', async () => {
		const controller = new AbortController();
		const text = 'a,b\n' + '1,2\n'.repeat(10_000);
		const seen: number[] = [];
		const r = await parseCsv(text, {
			chunkBytes: 1000,
			signal: controller.signal,
			onProgress: (p) => {
				seen.push(p.rows);
				if (p.rows > 500) controller.abort();
			}
		});
		expect(r.status).toBe('aborted');
		expect(seen.length).toBeLessThan(10);
	});

	it('progress reports rows, bytes, total and elapsed time', async () => {
		const text = 'a,b\n' + '1,2\n'.repeat(1000);
		const seen: { rows: number; bytes: number; totalBytes: number }[] = [];
		await parseCsv(new Blob([text]), { chunkBytes: 1024, onProgress: (p) => seen.push(p) });
		expect(seen.at(-1)).toMatchObject({ rows: 1000, bytes: text.length, totalBytes: text.length });
		expect(seen.length).toBe(Math.ceil(text.length / 1024));
	});

	it('a late invalid UTF-8 byte asks for an encoding instead of importing mojibake', async () => {
		const head = new TextEncoder().encode('id,name\n' + '1,ok\n'.repeat(20_000));
		const bytes = new Uint8Array(head.length + 4);
		bytes.set(head);
		bytes.set([0x32, 0x2c, 0xe9, 0x0a], head.length); // "2,é" in Windows-1252
		const r = await parseCsv(bytes, { chunkBytes: 4096 });
		expect(r.status).toBe('needs-encoding');
	});
});

describe('round trip: Papa.unparse → parseCsv', () => {
	const cell = fc.string({
		unit: fc.constantFrom(
			'a',
			'B',
			'1',
			' ',
			',',
			'"',
			'\n',
			'\r',
			'\r\n',
			';',
			'é',
			'山',
			'\t',
			"'"
		),
		maxLength: 8
	});
	const table = fc
		.integer({ min: 2, max: 5 })
		.chain((cols) =>
			fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
				minLength: 1,
				maxLength: 12
			})
		)
		// A row of only blank/whitespace cells is skipped by design (skipEmptyLines: 'greedy').
		.filter((rows) => rows.every((r) => r.some((c) => c.trim() !== '')));

	fcTest.prop([table, fc.constantFrom('\r\n', '\n'), fc.constantFrom(1, 5, 1 << 20)], {
		seed: 20240611,
		numRuns: 300
	})('rows of ≥ 2 columns come back identical', async (rows, newline, chunkBytes) => {
		const text = Papa.unparse(rows, { newline });
		const r = await parseCsv(text, { delimiter: ',', chunkBytes });
		expect(records(r)).toEqual(rows);
	});
});
