import { describe, expect, it } from 'vitest';
import { indexIds, packIdStrings, unpackIds, unpackIdsNow } from './csv/build';
import { transferableColumns } from './dataset';
import type { ColumnTable } from '$lib/model/types';

describe('posting a dataset to a worker', () => {
	it('transferable columns are copies: transferring them leaves the table whole', () => {
		const table: ColumnTable = {
			n: 3,
			columns: new Map([
				['mrr', { kind: 'number', values: Float64Array.of(1, NaN, 3) }],
				['plan', { kind: 'category', codes: Int32Array.of(0, -1, 1), dictionary: ['A', 'B'] }]
			])
		};
		const { columns, transfer } = transferableColumns(table);
		expect(columns.map(([name]) => name)).toEqual(['mrr', 'plan']);
		expect(transfer).toHaveLength(2);
		// Transfer (detach) the copies, as postMessage does.
		structuredClone(columns, { transfer });
		const mrr = table.columns.get('mrr');
		const plan = table.columns.get('plan');
		expect(mrr?.kind === 'number' && [...mrr.values]).toEqual([1, NaN, 3]);
		expect(plan?.kind === 'category' && [...plan.codes]).toEqual([0, -1, 1]);
		expect(plan?.kind === 'category' && plan.dictionary).toEqual(['A', 'B']);
	});

	it('ids in joined parts come back the same, at once or part by part, newlines too', async () => {
		const ids = Array.from({ length: 7 }, (_, i) => `ACC-${i}`);
		ids[4] = 'two\nlines';
		ids[5] = '';
		const packed = packIdStrings(ids, 3);
		expect(packed.parts.map((p) => typeof p)).toEqual(['string', 'object', 'string']);
		expect(unpackIdsNow(packed)).toEqual(ids);
		expect(await unpackIds(packed)).toEqual(ids);
		expect(unpackIdsNow(packIdStrings([], 3))).toEqual([]);
	});

	it("ids indexed by account: each row's account in first-appearance order, one id each", () => {
		// Rows repeat accounts across parts; one id holds a newline, one is empty; bytes part too.
		const ids = ['B', 'A', 'B', 'two\nlines', '', 'A', 'C', '', 'two\nlines', 'B'];
		const want = {
			of: Int32Array.of(0, 1, 0, 2, 3, 1, 4, 3, 2, 0),
			names: ['B', 'A', 'two\nlines', '', 'C']
		};
		expect(indexIds(ids)).toEqual(want);
		expect(indexIds(packIdStrings(ids, 3))).toEqual(want);
		const bytes = { rows: 3, parts: [new TextEncoder().encode('x\ny\nx')] };
		expect(indexIds(bytes)).toEqual({ of: Int32Array.of(0, 1, 0), names: ['x', 'y'] });
		expect(indexIds(packIdStrings([], 3))).toEqual({ of: new Int32Array(0), names: [] });
	});
});
