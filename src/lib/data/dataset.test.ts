import { describe, expect, it } from 'vitest';
import { packIdStrings, unpackIds, unpackIdsNow } from './csv/build';
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
});
