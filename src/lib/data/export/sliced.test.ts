// Issue 16: the scored CSV is built in slices (a yield to the page between them); the bytes
// and rows are those of the one-piece functions.
import { describe, expect, it } from 'vitest';
import { scoreTable } from '$lib/model';
import { syntheticModel, syntheticTable } from '$lib/model/engine/testing/synthetic';
import { csvBlobSliced, toCsv, type CsvCell } from './csv';
import { scoredRows, scoredRowsSliced } from './scored';

describe('sliced exports', () => {
	it('csvBlobSliced gives the bytes of toCsv, for any slice size (hostile cells included)', async () => {
		const header = ['id', 'x', 'note'];
		const rows: CsvCell[][] = Array.from({ length: 11 }, (_, i) => [
			i % 3 === 0 ? `=cmd|${i}` : `A${i}`,
			i % 4 === 0 ? NaN : i / 3,
			i % 5 === 0 ? 'a,"quoted"\nline' : null
		]);
		// Bytes, not Blob.text(): text() would drop the BOM.
		const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
		const utf8 = (s: string) => new TextEncoder().encode(s);
		const whole = toCsv(header, rows);
		expect(whole.startsWith('\uFEFF')).toBe(true);
		for (const slice of [1, 2, 5, 11, 50]) {
			const blob = await csvBlobSliced(header, rows, slice);
			expect(await bytes(blob), `slice ${slice}`).toEqual(utf8(whole));
		}
		expect(await bytes(await csvBlobSliced(header, []))).toEqual(utf8(toCsv(header, [])));
	});

	it('scoredRowsSliced gives the rows of scoredRows and lets other tasks run between slices', async () => {
		const model = syntheticModel(24);
		const table = syntheticTable(5000, 24);
		const r = scoreTable(model, table);
		const input = {
			model,
			table,
			ids: Array.from({ length: 5000 }, (_, i) => `ACC-${i}`),
			rows: Int32Array.from({ length: 5000 }, (_, i) => 4999 - i),
			...r
		};
		let ticks = 0;
		const timer = setInterval(() => ticks++, 0);
		const sliced = await scoredRowsSliced(input, 500);
		clearInterval(timer);
		expect(sliced).toEqual(scoredRows(input));
		// 10 slices, 9 yields: the timer got turns in between (it never could in one piece).
		expect(ticks).toBeGreaterThan(0);
	});
});
