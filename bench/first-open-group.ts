/**
 * First open → live portfolio (issue 11 item 2): the app's own first-open sequence and wiring
 * (`startApp` with `runBootstrap`, the real score and backtest workers, IndexedDB) in this page,
 * timed from the start until the portfolio's first scores are back on the main thread:
 *  - baseline: opening with the sample already stored (the active dataset read from IndexedDB);
 *  - first open: an empty database, the sample fetched as packed columns, stored, scored;
 *  - first open the old way: the 4.8 MB CSV fetched and imported through the wizard's pipeline.
 * The sample files are the app's own (public/sample), served beside this page.
 */
import packUrl from '../public/sample/portfolio.columns.bin?url';
import csvUrl from '../public/sample/portfolio.csv?url';
import { openWorkbenchDb } from '../src/lib/data/db';
import { startApp } from '../src/lib/state/app.svelte';
import { BacktestState } from '../src/lib/state/backtest.svelte';
import { runBootstrap, SAMPLE_PACK_URL, SAMPLE_URL } from '../src/lib/state/bootstrap';
import { DatasetsState } from '../src/lib/state/datasets.svelte';
import { PortfolioState } from '../src/lib/state/portfolio.svelte';
import { Workbench } from '../src/lib/state/workbench.svelte';
import type { BenchGroup } from './types';

const DB = 'hsw-bench-first-open';

async function deleteDb(): Promise<void> {
	await new Promise<void>((resolve) => {
		const req = indexedDB.deleteDatabase(DB);
		req.onsuccess = req.onerror = req.onblocked = () => resolve();
	});
}

/** Opens the app once; resolves with a note when the portfolio has its first scores. */
async function open(packed: boolean): Promise<string> {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	const portfolio = new PortfolioState(undefined, () => wb.model);
	const backtest = new BacktestState();
	const fetched: string[] = [];
	const stop = startApp({
		workbench: wb,
		portfolio,
		backtest,
		getStore: () => ds.store,
		boot: () =>
			runBootstrap({
				workbench: wb,
				datasets: ds,
				db: { name: DB, channel: false, marker: null },
				marker: null,
				fetch: (url) => {
					fetched.push(url);
					if (url === SAMPLE_PACK_URL)
						return packed ? fetch(packUrl) : Promise.resolve(new Response('', { status: 404 }));
					return fetch(url === SAMPLE_URL ? csvUrl : url);
				}
			})
	});
	try {
		// Poll (a macrotask each time) until the first scores are in.
		while (!portfolio.scored) {
			if (portfolio.error || ds.error) throw new Error(portfolio.error ?? ds.error ?? '');
			await new Promise((r) => setTimeout(r, 0));
		}
		const n = portfolio.snapshots?.accounts ?? 0;
		return `${n.toLocaleString('en-US')} accounts live; fetched ${fetched.map((u) => u.split('/').pop()).join(', ') || 'nothing'}`;
	} finally {
		stop();
		portfolio.dispose();
		backtest.dispose();
		ds.store?.close();
		ds.dispose();
	}
}

export function firstOpenGroup(): BenchGroup {
	return {
		id: 'first-open',
		title: 'First open → live portfolio (the sample portfolio, 3,000 accounts × 18 months)',
		async setup() {
			// The stored sample for the baseline: one first open (not timed).
			await deleteDb();
			await open(true);
			const store = await openWorkbenchDb({ name: DB, channel: false, marker: null });
			store.close();
		},
		steps: [
			{
				info: {
					id: 'stored',
					label: 'open with the sample already stored (baseline)',
					runs: 5
				},
				run: () => open(true)
			},
			{
				info: {
					id: 'packed',
					label: 'first open: empty database, packed sample (1.6 MB)',
					runs: 5,
					baseline: 'stored',
					targetMs: 2000
				},
				prepare: deleteDb,
				run: () => open(true)
			},
			{
				info: {
					id: 'csv',
					label: 'first open the old way: 4.8 MB CSV through the import',
					runs: 3,
					baseline: 'stored'
				},
				prepare: deleteDb,
				run: () => open(false)
			}
		]
	};
}
