/**
 * "Back up everything" and its restore, for the Data screen; and the notice shown when the
 * browser's saved data came back empty although this browser had some (see `db/marker.ts`).
 * After a restore the page reloads, so every screen reads the restored data.
 */
import { t } from '$lib/i18n/i18n.svelte';
import { backupCounts, backupProblemText } from '$lib/i18n/problem-text';
import { exportBackup, restoreBackup, type BackupTarget } from '$lib/data/db/backup';
import { openChangeChannel } from '$lib/data/db/broadcast';
import {
	persistenceNow,
	requestPersistence,
	type PersistenceResult,
	type StorageManagerLike
} from '$lib/data/db/persist';
import {
	clearMarker,
	markPersistence,
	markSaved,
	readMarker,
	type DataMarker,
	type KeyValueStorage
} from '$lib/data/db/marker';
import * as fmt from '$lib/ui/format';

export interface BackupDeps {
	target?: BackupTarget;
	marker?: KeyValueStorage | null;
	/** Save the file (the browser's download); tests capture it. */
	save?: (blob: Blob, fileName: string) => void;
	reload?: () => void;
	now?: () => number;
	/** `navigator.storage` (tests pass a fake). */
	storage?: StorageManagerLike;
}

function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export class BackupState {
	/** Set when saved data vanished: the notice with "restore from a backup" shows. */
	lost = $state<DataMarker | null>(null);
	busy = $state(false);
	message = $state<string | null>(null);
	error = $state<string | null>(null);
	/**
	 * The browser's `persist()` state as last known (the marker's record, refreshed by
	 * `checkPersistence()`); null before anything was saved or checked.
	 */
	persistence = $state<PersistenceResult | null>(null);
	#deps: BackupDeps;

	constructor(deps: BackupDeps = {}) {
		this.#deps = deps;
	}

	#marker(): KeyValueStorage | null | undefined {
		return this.#deps.marker;
	}

	/** Download every dataset, model, recipe and setting as one file. */
	async download(): Promise<boolean> {
		this.busy = true;
		this.error = null;
		this.message = null;
		try {
			const now = (this.#deps.now ?? Date.now)();
			const { bytes, counts } = await exportBackup({ ...this.#deps.target, now: () => now });
			const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/gzip' });
			const save = this.#deps.save ?? (await import('$lib/data/export/download')).saveBlob;
			save(blob, `health-score-workbench-backup-${isoDate(now)}.hswbackup`);
			markSaved({ lastBackupAt: now }, now, this.#marker());
			this.message = t('prob.bk.backedUp', {
				...backupCounts(counts),
				mb: fmt.number(bytes.length / 1e6, 1)
			});
			return true;
		} catch (e) {
			this.error = t('prob.bk.failed', { error: e instanceof Error ? e.message : String(e) });
			return false;
		} finally {
			this.busy = false;
		}
	}

	/** Replace everything stored with a backup file (checked in full first; bad = no change). */
	async restore(file: Blob): Promise<boolean> {
		this.busy = true;
		this.error = null;
		this.message = null;
		try {
			const r = await restoreBackup(new Uint8Array(await file.arrayBuffer()), this.#deps.target);
			if (!r.ok) {
				this.error = backupProblemText(r.problem);
				return false;
			}
			const now = (this.#deps.now ?? Date.now)();
			markSaved({ lostAt: null }, now, this.#marker());
			this.lost = null;
			this.message = t('prob.bk.restored', backupCounts(r.counts));
			// Other tabs hold the old data: tell them (they refresh their lists).
			const channel = openChangeChannel();
			channel.post({ topic: 'datasets' });
			channel.post({ topic: 'models' });
			channel.close();
			(this.#deps.reload ?? (() => location.reload()))();
			return true;
		} catch (e) {
			this.error = t('prob.bk.unreadable', { error: e instanceof Error ? e.message : String(e) });
			return false;
		} finally {
			this.busy = false;
		}
	}

	/** The user gives up on the lost data: forget it, and start again with the sample. */
	startFresh(): void {
		clearMarker(this.#marker());
		this.lost = null;
		(this.#deps.reload ?? (() => location.reload()))();
	}

	/**
	 * Read the grant without prompting (`persisted()`), falling back to the marker's record, and
	 * keep the marker in step. Called when the storage status is shown.
	 */
	async checkPersistence(): Promise<PersistenceResult | null> {
		const recorded = readMarker(this.#marker())?.persistence ?? null;
		this.persistence = recorded;
		const now = await persistenceNow(this.#storage());
		const known = now === 'unavailable' ? recorded : now;
		if (known && known !== recorded) markPersistence(known, this.#marker());
		this.persistence = known;
		return known;
	}

	/**
	 * Ask the browser to keep this origin's data (from a user gesture: the first save, or the
	 * "Ask the browser to keep it" button) and record the answer beside "had data".
	 */
	async askPersistence(): Promise<PersistenceResult> {
		const result = await requestPersistence(this.#storage());
		markPersistence(result, this.#marker());
		this.persistence = result;
		return result;
	}

	#storage(): StorageManagerLike | undefined {
		return (
			this.#deps.storage ??
			(globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage
		);
	}

	/** Last backup time as the marker has it (for "last backed up …"). */
	lastBackupAt(): number | null {
		return readMarker(this.#marker())?.lastBackupAt ?? null;
	}
}

export const backup = new BackupState();
