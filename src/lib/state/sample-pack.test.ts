/**
 * The sample's packed columns (public/sample/portfolio.columns.bin, what first open loads) are
 * the CSV import of public/sample/portfolio.csv, cell for cell: this test imports the CSV through
 * the wizard's pipeline, decodes the committed file and compares every id, value and the
 * metadata. It also fails when the file is stale; `UPDATE_SAMPLE=1 npx vitest run
 * src/lib/state/sample-pack.test.ts` rewrites it from the CSV (after `npm run sample`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { packDataset, PackError, unpackDataset } from '$lib/data/packed';
import { DatasetsState } from './datasets.svelte';
import { ImportState } from './import.svelte';
import { inProcessWorker } from './testing/worker';
import { Workbench } from './workbench.svelte';
import { SAMPLE_NAME } from './bootstrap';

const SAMPLE_DIR = resolve(__dirname, '../../../public/sample');
const CSV = resolve(SAMPLE_DIR, 'portfolio.csv');
const PACK = resolve(SAMPLE_DIR, 'portfolio.columns.bin');

async function importCsv() {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	const store = await openWorkbenchDb({ factory: new IDBFactory(), channel: false });
	await ds.attach(store);
	const imp = new ImportState({ workbench: wb, datasets: ds, worker: inProcessWorker });
	const text = readFileSync(CSV);
	await imp.importAuto(new File([text], 'portfolio.csv', { type: 'text/csv' }), SAMPLE_NAME);
	imp.dispose();
	store.close();
	const ds2 = wb.dataset!;
	// The CSV's SHA-256, so importing portfolio.csv by hand is seen as the sample again.
	ds2.meta.fileHash = createHash('sha256').update(text).digest('hex');
	return ds2;
}

describe('the sample as packed columns', () => {
	it('decodes to the CSV import, every cell and the metadata; the committed file is current', async () => {
		const imported = await importCsv();
		const fresh = packDataset(imported);
		if (process.env.UPDATE_SAMPLE) writeFileSync(PACK, fresh);
		expect(existsSync(PACK)).toBe(true);
		const committed = new Uint8Array(readFileSync(PACK));
		const got = unpackDataset(committed);
		// 43,334 rows and 3,000 accounts, as public/sample/README.md says (written by the generator).
		expect(got.table.n).toBe(43_334);
		expect(new Set(got.ids).size).toBe(3000);
		const { id: _i, createdAt: _c, bytes: _b, ...meta } = imported.meta;
		expect(got.meta).toEqual(meta);
		expect(got.ids).toEqual(imported.ids);
		expect([...got.table.columns.keys()]).toEqual([...imported.table.columns.keys()]);
		for (const [name, col] of imported.table.columns) {
			const back = got.table.columns.get(name)!;
			expect(back.kind, name).toBe(col.kind);
			if (col.kind === 'category' && back.kind === 'category') {
				expect(back.dictionary, name).toEqual(col.dictionary);
				expect(Array.from(back.codes), name).toEqual(Array.from(col.codes));
			} else if (col.kind === 'number' && back.kind === 'number') {
				let differ = 0;
				for (let i = 0; i < col.values.length; i++)
					if (!Object.is(col.values[i], back.values[i])) differ++;
				expect(differ, name).toBe(0);
			}
		}
		// Current: the committed bytes are what the CSV packs to today.
		expect(committed.length).toBe(fresh.length);
		expect(Buffer.from(committed).equals(Buffer.from(fresh))).toBe(true);
		// Smaller than the CSV it replaces on first open.
		expect(committed.length).toBeLessThan(readFileSync(CSV).length / 2);
	}, 120_000);

	it('refuses what is not a packed dataset, and a cut-short one', () => {
		expect(() => unpackDataset(new TextEncoder().encode('account_id,x\nA,1\n'))).toThrow(PackError);
		const ok = packDataset({
			meta: { name: 't', fileName: 't.csv', fileHash: '', rows: 3, columns: [], dateRange: null },
			ids: ['a', 'b', 'a'],
			table: {
				n: 3,
				columns: new Map([
					['x', { kind: 'number', values: Float64Array.from([1.5, NaN, -2.25]) }],
					['big', { kind: 'number', values: Float64Array.from([1e300, Math.PI, 0]) }],
					['c', { kind: 'category', codes: Int32Array.from([0, -1, 1]), dictionary: ['p', 'q'] }]
				])
			}
		});
		const back = unpackDataset(ok);
		expect(back.ids).toEqual(['a', 'b', 'a']);
		expect(back.table.columns.get('x')).toEqual({
			kind: 'number',
			values: Float64Array.from([1.5, NaN, -2.25])
		});
		expect(back.table.columns.get('big')).toEqual({
			kind: 'number',
			values: Float64Array.from([1e300, Math.PI, 0])
		});
		expect(back.table.columns.get('c')).toEqual({
			kind: 'category',
			codes: Int32Array.from([0, -1, 1]),
			dictionary: ['p', 'q']
		});
		expect(() => unpackDataset(ok.subarray(0, ok.length - 8))).toThrow(/cut short/);
	});
});
