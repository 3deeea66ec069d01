/**
 * First open: open saved data, load the active dataset into the workbench or, on a fresh
 * browser, import the sample portfolio through the same pipeline as the wizard (auto mapping),
 * then load the last active model or the Usage-led SaaS template. Progress shows as
 * `datasets.status`; failures as `datasets.error` / `workbench.storageMessage`.
 */
import { openMemoryStore, openWorkbenchDb, type OpenWorkbenchDbOptions } from '$lib/data/db';
import { toStorageError } from '$lib/data/db/errors';
import { markLost, readMarker, type KeyValueStorage } from '$lib/data/db/marker';
import type { WorkbenchStore } from '$lib/data/db/store';
import { templateById, validateModel } from '$lib/model';
import { datasets as sharedDatasets, type DatasetsState } from './datasets.svelte';
import { ImportState, type ImportDeps } from './import.svelte';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';
import { backup as sharedBackup, type BackupState } from './backup.svelte';

/** Relative URL: the site may be served under a sub-path (e.g. /tools/health/). */
export const SAMPLE_URL = './sample/portfolio.csv';
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
		ds.status = 'Opening saved data…';
		const store = await openStore(ds, wb, options.db);
		await ds.attach(store);
		const active = await store.getActiveDataset().catch(() => null);
		if (active) {
			ds.status = `Loading ${active.name}…`;
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
		await loadModel(store, wb);
	} catch (e) {
		ds.error = `Loading saved data failed: ${e instanceof Error ? e.message : String(e)}`;
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
			onBlocked: (err) => (ds.error = err.message),
			onTerminated: (err) => (wb.storageMessage = err.message)
		});
	} catch (e) {
		// Saved by a newer version: say so, and keep working in memory (nothing is overwritten).
		const err = toStorageError(e);
		ds.needsReload = err.code === 'version' || err.code === 'closed';
		wb.storageMessage = err.message;
		return openMemoryStore({ reason: err });
	}
}

async function importSample(
	store: WorkbenchStore,
	ds: DatasetsState,
	wb: Workbench,
	options: BootOptions
): Promise<void> {
	ds.status = 'Loading the sample portfolio…';
	const fetchImpl = options.fetch ?? ((url: string) => fetch(url));
	const response = await fetchImpl(SAMPLE_URL);
	if (!response.ok) throw new Error(`the sample portfolio is missing (HTTP ${response.status})`);
	const blob = await response.blob();
	const file = new File([blob], 'portfolio.csv', { type: 'text/csv' });
	const pipeline = new ImportState({ ...options.importDeps, workbench: wb, datasets: ds });
	try {
		await pipeline.importAuto(file, SAMPLE_NAME);
		await store.setSetting(SETTING_SAMPLE_SEEDED, true);
	} finally {
		pipeline.dispose();
	}
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
