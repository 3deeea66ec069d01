/**
 * First open: open saved data and load the last active model (or the Usage-led SaaS template);
 * then, once a screen that shows data is open (`dataWanted`: the calculator never waits for or
 * downloads the sample), load the active dataset or, on a fresh browser, the sample portfolio.
 * The sample comes as packed columns (public/sample/portfolio.columns.bin, 1.6 MB, the CSV
 * import decoded cell for cell: see sample-pack.test.ts), so no 4.8 MB CSV is parsed; if that
 * file cannot be read, the CSV is imported through the wizard's pipeline instead. Progress shows
 * as `datasets.status`; failures as `datasets.error` / `workbench.storageMessage`.
 */
import { storageErrorText } from '$lib/i18n/problem-text';
import { openMemoryStore, openWorkbenchDb, type OpenWorkbenchDbOptions } from '$lib/data/db';
import { toStorageError } from '$lib/data/db/errors';
import { markLost, readMarker, type KeyValueStorage } from '$lib/data/db/marker';
import type { WorkbenchStore } from '$lib/data/db/store';
import { newId } from '$lib/data/db/store';
import { PackError, unpackDataset } from '$lib/data/packed';
import { t } from '$lib/i18n/i18n.svelte';
import { templateById, validateModel } from '$lib/model';
import { datasets as sharedDatasets, type DatasetsState } from './datasets.svelte';
import { ImportState, type ImportDeps } from './import.svelte';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';
import { backup as sharedBackup, type BackupState } from './backup.svelte';

/** Relative URL: the site may be served under a sub-path (e.g. /tools/health/). */
export const SAMPLE_URL = './sample/portfolio.csv';
/** The same sample as packed columns (what first open loads). */
export const SAMPLE_PACK_URL = './sample/portfolio.columns.bin';
export const SAMPLE_NAME = 'Sample portfolio';
export const DEFAULT_TEMPLATE_ID = 'usage-led-saas';
/** Settings keys (kv store). */
export { SETTING_ACTIVE_MODEL, SETTING_SAMPLE_SEEDED } from './settings';
import { SETTING_ACTIVE_MODEL, SETTING_SAMPLE_SEEDED } from './settings';

export interface BootOptions {
	workbench?: Workbench;
	datasets?: DatasetsState;
	fetch?: (url: string) => Promise<Response>;
	/** Storage options (tests pass a fresh IDBFactory). */
	db?: OpenWorkbenchDbOptions;
	/** Import pipeline deps (tests run the parse worker in-process). */
	importDeps?: ImportDeps;
	/** Where the notice goes when saved data vanished. */
	backup?: BackupState;
	/** The "had saved data" marker's storage (default localStorage). */
	marker?: KeyValueStorage | null;
	/**
	 * Resolves when a screen that shows data is open; until then no dataset is loaded and the
	 * sample is not downloaded (the calculator needs only the model). Default: at once.
	 */
	dataWanted?: () => Promise<void>;
}

let running: Promise<void> | null = null;

/** Run the first-open sequence once per page (later calls get the same promise). */
export function bootstrap(options: BootOptions = {}): Promise<void> {
	running ??= runBootstrap(options);
	return running;
}

/** The sequence itself (tests call this directly, with their own state instances). */
export async function runBootstrap(options: BootOptions = {}): Promise<void> {
	const wb = options.workbench ?? sharedWorkbench;
	const ds = options.datasets ?? sharedDatasets;
	try {
		ds.status = t('nd.opening');
		const store = await openStore(ds, wb, options.db);
		await ds.attach(store);
		// The model first: the calculator offers it, and it needs no dataset.
		await loadModel(store, wb);
		// The status stays "Opening saved data…" meanwhile: a screen with data never flashes
		// "no dataset" between the model and the data (the calculator does not show it).
		if (options.dataWanted) await options.dataWanted();
		const active = await store.getActiveDataset().catch(() => null);
		if (active) {
			ds.status = t('st.loading', { name: active.name });
			await ds.activate(active.id);
		} else if (ds.list.length === 0 && !(await store.getSetting<boolean>(SETTING_SAMPLE_SEEDED))) {
			// Empty storage. A first visit gets the sample; but if this browser had saved data
			// (the marker outside IndexedDB says so), it was lost: say so, never re-seed silently.
			const marker = store.isPersistent ? readMarker(options.marker) : null;
			const empty = marker && (await store.listModels().catch(() => [])).length === 0;
			if (marker && (marker.lostAt !== null || empty))
				(options.backup ?? sharedBackup).lost = markLost(Date.now(), options.marker) ?? marker;
			else await importSample(store, ds, wb, options);
		}
	} catch (e) {
		ds.error = t('st.loadFailed', { error: e instanceof Error ? e.message : String(e) });
		if (!wb.model) loadTemplate(wb);
	} finally {
		ds.status = null;
	}
}

async function openStore(
	ds: DatasetsState,
	wb: Workbench,
	db: OpenWorkbenchDbOptions | undefined
): Promise<WorkbenchStore> {
	try {
		return await openWorkbenchDb({
			...db,
			onBlocking: () => ds.markBlocking(),
			onBlocked: (err) => (ds.error = storageErrorText(err)),
			onTerminated: (err) => (wb.storageMessage = storageErrorText(err))
		});
	} catch (e) {
		// Saved by a newer version: say so, and keep working in memory (nothing is overwritten).
		const err = toStorageError(e);
		ds.needsReload = err.code === 'version' || err.code === 'closed';
		wb.storageMessage = storageErrorText(err);
		return openMemoryStore({ reason: err });
	}
}

/** "1.2 of 4.8 MB" (one decimal; no Intl, the text is the same everywhere). */
export function megabytes(got: number, total: number | null): string {
	const mb = (b: number) => (b / 1e6).toFixed(1);
	return total ? t('st.mbOf', { got: mb(got), total: mb(total) }) : t('st.mb', { got: mb(got) });
}

/** The response body, reporting bytes received (and the total when the server says it). */
export async function readWithProgress(
	response: Response,
	onProgress: (got: number, total: number | null) => void
): Promise<Uint8Array<ArrayBuffer>> {
	const length = Number(response.headers.get('content-length'));
	const total = Number.isFinite(length) && length > 0 ? length : null;
	const reader = response.body?.getReader();
	if (!reader) return new Uint8Array(await response.arrayBuffer());
	const parts: Uint8Array[] = [];
	let got = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		parts.push(value);
		got += value.length;
		onProgress(got, total);
	}
	const out = new Uint8Array(got);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

async function importSample(
	store: WorkbenchStore,
	ds: DatasetsState,
	wb: Workbench,
	options: BootOptions
): Promise<void> {
	const status = t('st.sample');
	ds.status = status;
	const fetchImpl = options.fetch ?? ((url: string) => fetch(url));
	if (await importPackedSample(store, ds, wb, fetchImpl, status)) return;
	const response = await fetchImpl(SAMPLE_URL);
	if (!response.ok) throw new Error(`the sample portfolio is missing (HTTP ${response.status})`);
	const bytes = await readWithProgress(response, (got, total) => {
		ds.status = `${status} ${megabytes(got, total)}`;
	});
	ds.status = `${status} ${t('st.reading')}`;
	const file = new File([bytes], 'portfolio.csv', { type: 'text/csv' });
	const pipeline = new ImportState({ ...options.importDeps, workbench: wb, datasets: ds });
	try {
		await pipeline.importAuto(file, SAMPLE_NAME);
		await store.setSetting(SETTING_SAMPLE_SEEDED, true);
	} finally {
		pipeline.dispose();
	}
}

/**
 * The sample from its packed columns: no parsing, stored and made active like an import.
 * False when the file is missing or not a packed dataset (the caller imports the CSV).
 */
async function importPackedSample(
	store: WorkbenchStore,
	ds: DatasetsState,
	wb: Workbench,
	fetchImpl: (url: string) => Promise<Response>,
	status: string
): Promise<boolean> {
	let response: Response;
	try {
		response = await fetchImpl(SAMPLE_PACK_URL);
	} catch {
		return false;
	}
	if (!response.ok) return false;
	const bytes = await readWithProgress(response, (got, total) => {
		ds.status = `${status} ${megabytes(got, total)}`;
	});
	let packed;
	try {
		packed = unpackDataset(bytes);
	} catch (e) {
		if (e instanceof PackError) return false;
		throw e;
	}
	ds.status = `${status} ${t('st.storing')}`;
	const dataset = {
		...packed,
		meta: { ...packed.meta, name: SAMPLE_NAME, id: newId('ds'), createdAt: Date.now(), bytes: 0 }
	};
	const meta = await store.saveDataset(dataset, undefined, { activate: true });
	wb.setDataset({ ...dataset, meta });
	await store.setSetting(SETTING_SAMPLE_SEEDED, true);
	await ds.refresh();
	return true;
}

async function loadModel(store: WorkbenchStore, wb: Workbench): Promise<void> {
	if (wb.model) return;
	try {
		const id = await store.getSetting<string>(SETTING_ACTIVE_MODEL);
		const record = id ? await store.loadModel(id) : null;
		const checked = record ? validateModel(record.current) : null;
		if (checked?.ok) {
			wb.loadModel(checked.model);
			return;
		}
	} catch {
		// Fall through to the template: a damaged saved model must not block the app.
	}
	loadTemplate(wb);
}

function loadTemplate(wb: Workbench): void {
	const template = templateById(DEFAULT_TEMPLATE_ID);
	if (template) wb.loadModel(template.model);
}
