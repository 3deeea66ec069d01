import { describe, expect, it } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { parseCsv, type ParseResult } from './parse';
import { blankBytes, cellText } from './fast';
import { buildTable, type ColumnMapping } from './build';

const enc = (s: string) => new TextEncoder().encode(s);
const strip = (x: ParseResult) =>
	JSON.stringify({ ...x, elapsedMs: 0, bytes: 0 }, (_k, v: unknown) =>
		v instanceof Uint32Array ? Array.from(v) : v
	);

/** Parses with the fast path and with the general reader; both must agree exactly. */
async function both(bytes: Uint8Array, maxRows?: number) {
	const opts = maxRows ? { maxRows } : {};
	const fast = await parseCsv(bytes, opts);
	const slow = await parseCsv(bytes, { ...opts, fastPath: false });
	expect(strip(fast)).toBe(strip(slow));
	return fast;
}

describe('fast path for plain files', () => {
	it.each([
		['LF with trailing newline', 'id,a,b\n1,2,3\n4,5,6\n'],
		['no trailing newline', 'id,a,b\n1,2,3\n4,5,6'],
		['CRLF', 'id,a,b\r\n1,2,3\r\n4,5,6\r\n'],
		['blank and delimiter-only lines', 'id,a\n\n1,2\n,\n  \n3,4\n'],
		['ragged rows', 'id,a,b\n1,2\n3,4,5\n6,7,8,9\n'],
		['semicolon + sep line', 'sep=;\nid;v\n1;2,5\n'],
		['tabs', 'id\tv\n1\t 2 \n\t\n3\t4\n'],
		['whitespace cells', 'id,v\n1, \n2, 3 \n'],
		['header only', 'id,a\n']
	])('%s', async (_name, text) => {
		const r = await both(enc(text.repeat(1)));
		if (r.status === 'ok') expect(r.table.cells).toBeDefined();
	});

	it('gives up on mixed line endings (the general reader reads them as records)', async () => {
		for (const text of ['id,a\r\n1,x\ny\r\n2,z\r\n', 'id,v\n1, \n2,3\r\n', 'id,v\r1,2\n3,4\r\n']) {
			const r = await both(enc(text));
			expect(r.status === 'ok' && r.table.cells).toBeFalsy();
		}
		// An unquoted LF ends a record (RFC 4180: a line break inside a cell is quoted), so `y`
		// is row 3, a ragged row of one field.
		const r = await parseCsv(enc('id,a\r\n1,x\ny\r\n2,z\r\n'));
		expect(r.status === 'ok' && r.table.columns).toEqual([
			['1', '2'],
			['x', 'z']
		]);
		expect(r.status === 'ok' && r.issues.map((i) => [i.row, i.code])).toEqual([
			[3, 'TooFewFields']
		]);
	});

	it('gives up on quotes and non-ASCII bytes (same result from the general reader)', async () => {
		for (const text of ['id,a\n1,"x,y"\n', 'id,a\n1,é\n', '\ufeffid,a\n1,2\n']) {
			const r = await both(enc(text));
			expect(r.status).toBe('ok');
		}
		const r = await parseCsv(enc('id,a\n1,é\n'));
		expect(r.status === 'ok' && r.table.cells).toBeFalsy();
	});

	it('stops at the row cap like the general reader', async () => {
		const r = await both(enc('id,a\n1,2\n3,4\n5,6\n'), 2);
		expect(r.status).toBe('blocked');
	});

	it('reads cells from the index', async () => {
		const r = await parseCsv(enc('id,a\n1, x \n2,\n'));
		if (r.status !== 'ok' || !r.table.cells) throw new Error('fast path not taken');
		const ix = r.table.cells;
		expect(cellText(ix, 1, 0)).toBe(' x ');
		expect(cellText(ix, 1, 1)).toBe('');
		const b = ix.starts[1 * (ix.ncols + 1) + 1]!;
		expect(blankBytes(ix.bytes, b, ix.starts[1 * (ix.ncols + 1) + 2]! - 1)).toBe(true);
	});

	const cell = fc.string({
		unit: fc.constantFrom('a', '1', '.', '-', ' ', '\t', ';', ',', '\r', 'x', '0', '9'),
		maxLength: 5
	});
	fcTest.prop(
		[
			fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
			fc.constantFrom(',', ';', '\t', '|'),
			fc.constantFrom('\n', '\r\n'),
			fc.boolean()
		],
		{ numRuns: 300 }
	)('agrees with the general reader on random plain files', async (rows, d, nl, trailing) => {
		const text = rows.map((r) => r.join(d)).join(nl) + (trailing ? nl : '');
		await both(enc(text));
	});

	const value = fc.constantFrom(
		'1.50',
		'-0',
		'.5',
		'1.',
		'-.25',
		'1e3',
		' 2',
		'007',
		'123456789012345',
		'1234567890123456',
		'0.1',
		'2024-02-29',
		'2023-02-29',
		'2024-13-01',
		'2024-01-31',
		'2024/01/02',
		'0',
		'1',
		'yes',
		'',
		' ',
		'abc',
		'-',
		'1.2.3',
		'99999.99'
	);
	fcTest.prop([fc.array(fc.tuple(value, value, value, value), { minLength: 1, maxLength: 30 })], {
		numRuns: 200
	})('types cells from bytes exactly as from strings', async (rows) => {
		const text = 'id,n,d,b,c\n' + rows.map((r, i) => [`A${i % 25}`, ...r].join(',')).join('\n');
		const fast = await parseCsv(enc(text));
		const slow = await parseCsv(enc(text), { fastPath: false });
		if (fast.status !== 'ok' || slow.status !== 'ok' || !fast.table.cells)
			throw new Error('not parsed by both paths');
		const mapping: ColumnMapping[] = [
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'metric', type: 'number' },
			{ index: 2, role: 'snapshot-date', type: 'date' },
			{ index: 3, role: 'churned', type: 'boolean' },
			{ index: 4, role: 'segment', type: 'category' }
		];
		for (const skipRows of [true, false])
			expect(buildTable(fast.table, mapping, { skipRows })).toEqual(
				buildTable(slow.table, mapping, { skipRows })
			);
	});
});
