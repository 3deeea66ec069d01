/** First open: the sample from packed columns, the CSV fallback, and no sample before data is wanted. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { packDataset } from '$lib/data/packed';
import { TEMPLATES } from '$lib/model';
import { DatasetsState } from './datasets.svelte';
import { runBootstrap, SAMPLE_NAME, SAMPLE_PACK_URL, SAMPLE_URL } from './bootstrap';
import { inProcessWorker } from './testing/worker';
import { Workbench } from './workbench.svelte';

const CSV =
	'account_id,snapshot_date,segment,logins_30d,churned\nA1,2024-01-31,SMB,3,0\nA2,2024-01-31,SMB,9.5,1\nA1,2024-02-29,SMB,,0\n';

/** The small CSV imported by the wizard's pipeline, then packed: what the build would ship. */
async function packedSample(): Promise<Uint8Array> {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	await runBootstrap({
		workbench: wb,
		datasets: ds,
		fetch: async (url) =>
			url === SAMPLE_URL ? new Response(CSV) : new Response('', { status: 404 }),
		db: { factory: new IDBFactory(), channel: false },
		importDeps: { worker: inProcessWorker }
	});
	ds.store?.close();
	return packDataset(wb.dataset!);
}

describe('first open', () => {
	it('loads the packed sample without fetching or parsing the CSV; equal to the CSV import', async () => {
		const bytes = await packedSample();
		const asCsv = new Workbench();
		{
			const ds = new DatasetsState(asCsv);
			await runBootstrap({
				workbench: asCsv,
				datasets: ds,
				fetch: async (url) =>
					url === SAMPLE_URL ? new Response(CSV) : new Response('', { status: 404 }),
				db: { factory: new IDBFactory(), channel: false },
				importDeps: { worker: inProcessWorker }
			});
			ds.store?.close();
		}
		const wb = new Workbench();
		const ds = new DatasetsState(wb);
		const urls: string[] = [];
		await runBootstrap({
			workbench: wb,
			datasets: ds,
			fetch: async (url) => {
				urls.push(url);
				return url === SAMPLE_PACK_URL
					? new Response(bytes as Uint8Array<ArrayBuffer>, {
							headers: { 'content-length': String(bytes.length) }
						})
					: new Response('', { status: 404 });
			},
			db: { factory: new IDBFactory(), channel: false },
			importDeps: { worker: inProcessWorker }
		});
		expect(urls).toEqual([SAMPLE_PACK_URL]);
		expect(wb.dataset?.meta.name).toBe(SAMPLE_NAME);
		expect(wb.dataset?.ids).toEqual(['A1', 'A2', 'A1']);
		expect(wb.dataset?.table).toEqual(asCsv.dataset?.table);
		const { id: _a, createdAt: _b, bytes: _c, ...meta } = wb.dataset!.meta;
		const { id: _d, createdAt: _e, bytes: _f, ...csvMeta } = asCsv.dataset!.meta;
		expect(meta).toEqual(csvMeta);
		expect(wb.model?.id).toBe(TEMPLATES.find((t) => t.id === 'usage-led-saas')!.model.id);
		ds.store?.close();
	});

	it('shows download progress, stores the sample and makes it active', async () => {
		const bytes = await packedSample();
		const wb = new Workbench();
		const ds = new DatasetsState(wb);
		const seen: string[] = [];
		const watch = setInterval(() => ds.status && seen.push(ds.status), 0);
		await runBootstrap({
			workbench: wb,
			datasets: ds,
			fetch: async () => {
				// Two chunks, so progress is reported part way.
				const half = bytes.length >> 1;
				const body = new ReadableStream<Uint8Array>({
					async start(c) {
						c.enqueue(bytes.slice(0, half));
						await new Promise((r) => setTimeout(r, 5));
						c.enqueue(bytes.slice(half));
						await new Promise((r) => setTimeout(r, 5));
						c.close();
					}
				});
				return new Response(body, { headers: { 'content-length': String(bytes.length) } });
			},
			db: { factory: new IDBFactory(), channel: false },
			importDeps: { worker: inProcessWorker }
		});
		clearInterval(watch);
		const mb = (bytes.length / 1e6).toFixed(1);
		expect(seen).toContain(`Loading the sample portfolio… 0.0 of ${mb} MB`);
		expect(ds.list.map((d) => d.name)).toEqual([SAMPLE_NAME]);
		expect(ds.activeId).toBe(ds.list[0]!.id);
		expect(wb.dataset?.meta.id).toBe(ds.list[0]!.id);
		ds.store?.close();
	});

	it('loads no dataset and fetches nothing until a screen with data is open; the model comes first', async () => {
		const wb = new Workbench();
		const ds = new DatasetsState(wb);
		let fetched = 0;
		let open = () => {};
		const wanted = new Promise<void>((r) => (open = r));
		const done = runBootstrap({
			workbench: wb,
			datasets: ds,
			fetch: async (url) => {
				fetched++;
				return url === SAMPLE_URL ? new Response(CSV) : new Response('', { status: 404 });
			},
			db: { factory: new IDBFactory(), channel: false },
			importDeps: { worker: inProcessWorker },
			dataWanted: () => wanted
		});
		// Poll until the model is in (the calculator's "Your model"), then check nothing was fetched.
		for (let i = 0; i < 200 && !wb.model; i++) await new Promise((r) => setTimeout(r, 5));
		expect(wb.model).not.toBeNull();
		expect(fetched).toBe(0);
		expect(wb.dataset).toBeNull();
		expect(ds.status).toBe('Opening saved data…'); // never "no dataset" on a data screen
		open();
		await done;
		expect(fetched).toBe(2); // the packed file (404 here), then the CSV
		expect(wb.dataset?.table.n).toBe(3);
		ds.store?.close();
	});
});
