import { describe, expect, it } from 'vitest';
import {
	chooseChunkRows,
	TARGET_CHUNK_BYTES,
	headersKey,
	MAX_CHUNK_ROWS,
	packDataset,
	unpackDataset
} from './chunks';
import { StorageError } from './errors';
import { assertSameRows, makeDataset } from './testing/helpers';

describe('packDataset / unpackDataset', () => {
	it.each([
		// rows, chunkRows, expected chunk count
		[0, 50_000, 0],
		[1, 50_000, 1],
		[50_000, 50_000, 1],
		[50_001, 50_000, 2],
		[120_000, 50_000, 3]
	])('%i rows at %i per chunk → %i chunks, round trip exact', (n, per, count) => {
		const ds = makeDataset(n);
		const packed = packDataset(ds, per);
		expect(packed.chunks).toHaveLength(count);
		expect(packed.chunks.map((c) => c.n).reduce((a, b) => a + b, 0)).toBe(n);
		const back = unpackDataset(
			ds.meta,
			packed.layout,
			[...packed.chunks].reverse(),
			packed.dictionaries
		);
		assertSameRows(ds, back);
	});

	it('copies slices, never views of the whole column (a view would store the whole buffer)', () => {
		const ds = makeDataset(120_000);
		const packed = packDataset(ds, 50_000);
		const last = packed.chunks[2];
		expect(last?.n).toBe(20_000);
		// One block per kind: 3 number columns and 2 category columns of this chunk's rows only.
		expect(last?.block?.buffer.byteLength).toBe(3 * 20_000 * 8);
		expect(last?.codeBlock?.buffer.byteLength).toBe(2 * 20_000 * 4);
		// 3 number columns × 8 B + 2 category columns × 4 B per row, ids ≈ 2 B per character.
		const payload = 120_000 * (3 * 8 + 2 * 4);
		expect(packed.bytes).toBeGreaterThan(payload);
		expect(packed.bytes).toBeLessThan(payload + 120_000 * 2 * 12);
	});

	it('reads records written before the block layout (one array per column)', () => {
		const ds = makeDataset(90);
		const packed = packDataset(ds, 40);
		// Rewrite every chunk the way older versions stored it: arrays by column name.
		const old = packed.chunks.map((c) => {
			const numbers: Record<string, Float64Array> = {};
			const codes: Record<string, Int32Array> = {};
			for (const [name, col] of ds.table.columns)
				if (col.kind === 'number') numbers[name] = col.values.slice(c.start, c.start + c.n);
				else codes[name] = col.codes.slice(c.start, c.start + c.n);
			return {
				datasetId: c.datasetId,
				index: c.index,
				start: c.start,
				n: c.n,
				ids: c.ids,
				numbers,
				codes
			};
		});
		assertSameRows(ds, unpackDataset(ds.meta, packed.layout, old, packed.dictionaries));
		// And a block record's column k is the k-th column of its kind, in layout order.
		const c1 = packed.chunks[1]!;
		const nps = ds.table.columns.get('nps');
		expect(nps?.kind).toBe('number');
		if (nps?.kind === 'number')
			expect([...c1.block!.subarray(c1.n, 2 * c1.n)]).toEqual([...nps.values.subarray(40, 80)]);
	});

	it('keeps ids containing newlines by storing that chunk as an array', () => {
		const ds = makeDataset(3);
		ds.ids[1] = 'a\nb';
		const packed = packDataset(ds, 2);
		expect(Array.isArray(packed.chunks[0]?.ids)).toBe(true);
		expect(typeof packed.chunks[1]?.ids).toBe('string');
		const back = unpackDataset(ds.meta, packed.layout, packed.chunks, packed.dictionaries);
		expect(back.ids).toEqual(ds.ids);
	});

	it.each([
		['ids shorter than rows', (d: ReturnType<typeof makeDataset>) => d.ids.pop()],
		['meta.rows wrong', (d: ReturnType<typeof makeDataset>) => (d.meta.rows = 9)],
		['empty id', (d: ReturnType<typeof makeDataset>) => (d.meta.id = '')],
		[
			'column too short',
			(d: ReturnType<typeof makeDataset>) =>
				d.table.columns.set('x', { kind: 'number', values: new Float64Array(2) })
		]
	])('rejects an inconsistent dataset: %s', (_name, spoil) => {
		const ds = makeDataset(10);
		spoil(ds);
		expect(() => packDataset(ds)).toThrow(StorageError);
		try {
			packDataset(ds);
		} catch (e) {
			expect((e as StorageError).code).toBe('invalid');
		}
	});

	it('refuses to unpack an incomplete dataset', () => {
		const ds = makeDataset(120_000);
		const packed = packDataset(ds, 50_000);
		expect(() =>
			unpackDataset(ds.meta, packed.layout, packed.chunks.slice(0, 2), packed.dictionaries)
		).toThrow(/incomplete \(100000 of 120000 rows\)/);
	});
});

describe('chooseChunkRows', () => {
	it('aims at ~1 MB records, whatever the width, within 1–200k rows', () => {
		// 5 columns (3 × 8 B + 2 × 4 B) + 12-char ids (25 B) = 57 B/row → 1 MiB / 57 = 18,396.
		expect(chooseChunkRows(makeDataset(10).table)).toBe(18_396);
		expect(18_396 * 57).toBeLessThanOrEqual(TARGET_CHUNK_BYTES);
		const wide = makeDataset(10).table;
		for (let i = 0; i < 200; i++)
			wide.columns.set(`m${i}`, { kind: 'number', values: new Float64Array(10) });
		// 200 more metrics: 1,657 B/row → 1 MiB / 1,657 = 632 rows.
		expect(chooseChunkRows(wide)).toBe(632);
		// The 5,000-column import: 40,025 B/row → 26 rows, not one 8 MB record.
		const fiveThousand = { n: 0, columns: new Map() };
		for (let i = 0; i < 5000; i++)
			fiveThousand.columns.set(`m${i}`, { kind: 'number', values: new Float64Array(0) });
		expect(chooseChunkRows(fiveThousand)).toBe(26);
		// A row wider than the target still makes one-row chunks.
		const huge = { n: 0, columns: new Map() };
		for (let i = 0; i < 200_000; i++)
			huge.columns.set(`m${i}`, { kind: 'number', values: new Float64Array(0) });
		expect(chooseChunkRows(huge)).toBe(1);
		const narrow = { n: 0, columns: new Map() };
		expect(chooseChunkRows(narrow, 1)).toBe(MAX_CHUNK_ROWS);
	});
});

describe('headersKey', () => {
	it('ignores order, case and surrounding spaces', () => {
		expect(headersKey(['Account ID', 'NPS', 'seats'])).toBe(
			headersKey([' seats', 'nps ', 'account id'])
		);
	});
	it('differs for different header lists', () => {
		const keys = new Set(
			[['a'], ['b'], ['a', 'b'], ['a', 'c'], ['ab'], ['a', 'b', 'c'], []].map((h) => headersKey(h))
		);
		expect(keys.size).toBe(7);
	});
});
