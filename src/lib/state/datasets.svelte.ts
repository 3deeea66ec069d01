/**
 * The datasets list of the Data screen: what is stored, which one is active, and the actions on
 * them (rename, delete, set active). Holds the storage handle the import wizard also uses; the
 * first-open loader (`bootstrap.ts`) attaches it. Components never touch idb: they call this.
 */
import { storageErrorText } from '$lib/i18n/problem-text';
import { t } from '$lib/i18n/i18n.svelte';
import { usableMeta, type DatasetMeta } from '$lib/data/dataset';
import type { WorkbenchStore } from '$lib/data/db/store';
import { toStorageError } from '$lib/data/db/errors';
import { workbench, type Workbench } from './workbench.svelte';

/** Message shown when another tab opened a newer version of the database. */
export const NEWER_TAB_MESSAGE =
	'A newer version of the app is open in another tab. Reload this page to continue.';

/** Text of the in-memory banner (private window, storage disabled). */
export const MEMORY_ONLY_MESSAGE =
	"Saved in this browser's memory only — private window? Export your model to keep it.";

export class DatasetsState {
	#store = $state.raw<WorkbenchStore | null>(null);
	/** Committed datasets, newest first. */
	list = $state.raw<DatasetMeta[]>([]);
	activeId = $state<string | null>(null);
	/** A short line while something loads (first open, switching datasets); null when idle. */
	status = $state<string | null>(null);
	/** Last failure of an action on the list, said when read (in the UI language). */
	#error = $state.raw<(() => string) | null>(null);
	/** Last failure of an action on the list, shown with role="alert"; set to a said text or null. */
	get error(): string | null {
		return this.#error?.() ?? null;
	}
	set error(text: string | null) {
		this.#error = text === null ? null : () => text;
	}
	/** Another tab upgraded the database: this tab must reload (never hangs waiting). */
	needsReload = $state(false);
	/** Id of the dataset whose action is running (buttons disabled meanwhile). */
	busyId = $state<string | null>(null);
	/** What another tab did to the dataset this tab was showing, said when read. */
	#notice = $state.raw<(() => string) | null>(null);
	/** What another tab did to the dataset this tab was showing (deleted, replaced); null when none. */
	get notice(): string | null {
		return this.#notice?.() ?? null;
	}
	set notice(text: string | null) {
		this.#notice = text === null ? null : () => text;
	}
	#wb: Workbench;
	#unsubscribe: (() => void) | null = null;

	constructor(wb: Workbench = workbench) {
		this.#wb = wb;
	}

	get store(): WorkbenchStore | null {
		return this.#store;
	}

	get isReady(): boolean {
		return this.#store !== null;
	}

	get active(): DatasetMeta | null {
		return this.list.find((d) => d.id === this.activeId) ?? null;
	}

	/** Use this store from now on; listen to other tabs' changes and refresh the list. */
	async attach(store: WorkbenchStore): Promise<void> {
		this.#unsubscribe?.();
		this.#store = store;
		if (!store.isPersistent) {
			this.#wb.isPersistent = false;
			this.#wb.storageMessage = MEMORY_ONLY_MESSAGE;
		}
		this.#unsubscribe = store.onChange((m) => {
			if (m.topic === 'datasets' || m.topic === 'active-dataset') void this.#follow();
		});
		await this.refresh();
	}

	/** The other tab's newer version needs this one gone: show the reload prompt. */
	markBlocking(): void {
		this.needsReload = true;
	}

	/**
	 * Another tab changed the datasets: refresh the list, and when the dataset this tab works on
	 * was deleted or replaced there (the active pointer moved), load the one now active.
	 */
	async #follow(): Promise<void> {
		await this.refresh();
		if (this.busyId) return;
		const current = this.#wb.dataset?.meta ?? null;
		const gone = current !== null && !this.list.some((d) => d.id === current.id);
		if (this.activeId && this.activeId !== (current?.id ?? null)) {
			const ok = await this.activate(this.activeId);
			if (ok && gone) {
				const shown = this.active?.name;
				this.#notice = () =>
					t('prob.ds.replaced', { name: current.name, shown: shown ?? t('prob.ds.newDataset') });
			}
		} else if (gone) {
			// Deleted there, and nothing else is active: this tab must not keep scoring it.
			this.#wb.setDataset(null);
			this.#notice = () => t('prob.ds.deleted', { name: current.name });
		}
	}

	/** Re-read the list and the active pointer from storage. */
	async refresh(): Promise<void> {
		const store = this.#store;
		if (!store) return;
		try {
			const [list, active] = await Promise.all([store.listDatasets(), store.getActiveDataset()]);
			this.list = list.map(usableMeta);
			this.activeId = active?.id ?? null;
		} catch (e) {
			this.#fail(e);
		}
	}

	/** Rename; a blank name is refused (the old name stays). Returns whether it was renamed. */
	async rename(id: string, name: string): Promise<boolean> {
		const clean = name.trim();
		if (!clean) {
			this.#error = () => t('prob.ds.blankName');
			return false;
		}
		return this.#run(id, async (store) => {
			const meta = usableMeta(await store.renameDataset(id, clean));
			this.list = this.list.map((d) => (d.id === id ? meta : d));
			const current = this.#wb.dataset;
			if (current?.meta.id === id) this.#wb.setDataset({ ...current, meta });
		});
	}

	/** Delete a dataset (the caller has confirmed). Clears the workbench if it was active. */
	async remove(id: string): Promise<boolean> {
		return this.#run(id, async (store) => {
			await store.deleteDataset(id);
			this.list = this.list.filter((d) => d.id !== id);
			if (this.activeId === id) this.activeId = null;
			if (this.#wb.dataset?.meta.id === id) this.#wb.setDataset(null);
		});
	}

	/** Load a stored dataset into the workbench and remember it as the active one. */
	async activate(id: string): Promise<boolean> {
		const name = this.list.find((d) => d.id === id)?.name ?? t('st.dataset');
		this.status = t('st.loading', { name });
		const ok = await this.#run(id, async (store) => {
			const dataset = await store.loadDataset(id);
			await store.setActiveDataset(id);
			this.activeId = id;
			this.#wb.setDataset(dataset);
		});
		this.status = null;
		return ok;
	}

	async #run(id: string, action: (store: WorkbenchStore) => Promise<void>): Promise<boolean> {
		const store = this.#store;
		if (!store) {
			this.#error = () => t('prob.ds.notOpen');
			return false;
		}
		this.busyId = id;
		this.error = null;
		try {
			await action(store);
			return true;
		} catch (e) {
			this.#fail(e);
			return false;
		} finally {
			this.busyId = null;
		}
	}

	#fail(e: unknown): void {
		const err = toStorageError(e);
		if (err.code === 'closed' || err.code === 'version') this.needsReload = true;
		this.#error = () => storageErrorText(err);
	}

	dispose(): void {
		this.#unsubscribe?.();
		this.#unsubscribe = null;
	}
}

/** The single datasets state the Data screen and the first-open loader share. */
export const datasets = new DatasetsState();
