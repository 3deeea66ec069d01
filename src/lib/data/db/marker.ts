/**
 * A tiny "this browser had saved data" marker in localStorage, beside the `persist()` grant.
 * It lives outside IndexedDB on purpose: when the browser evicts or a crash empties the database,
 * the marker survives, and the app says the data is gone instead of silently seeding the sample.
 * Never throws (storage may be blocked); then the app simply cannot tell.
 */
import type { PersistenceResult } from './persist';

export const MARKER_KEY = 'health-score-workbench:saved-data';

export interface DataMarker {
	/** Something was saved in IndexedDB (a dataset or a model). */
	hadData: true;
	/** Epoch ms of the first and the latest save seen. */
	firstSavedAt: number;
	lastSavedAt: number;
	/** Last `persist()` answer, when asked. */
	persistence: PersistenceResult | null;
	/** Epoch ms of the last "Back up everything" download, if any. */
	lastBackupAt: number | null;
	/** Epoch ms when the database was found empty although it had data (notice pending). */
	lostAt: number | null;
}

/** The part of `Storage` used here (tests pass a Map-backed fake). */
export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export function defaultMarkerStorage(): KeyValueStorage | null {
	try {
		return (globalThis as { localStorage?: KeyValueStorage }).localStorage ?? null;
	} catch {
		return null; // access throws where storage is blocked
	}
}

/** The marker, or null when there is none (or it is unreadable). */
export function readMarker(storage = defaultMarkerStorage()): DataMarker | null {
	try {
		const raw = storage?.getItem(MARKER_KEY);
		if (!raw) return null;
		const v = JSON.parse(raw) as Partial<DataMarker> | null;
		if (!v || v.hadData !== true || typeof v.lastSavedAt !== 'number') return null;
		return {
			hadData: true,
			firstSavedAt: typeof v.firstSavedAt === 'number' ? v.firstSavedAt : v.lastSavedAt,
			lastSavedAt: v.lastSavedAt,
			persistence:
				v.persistence === 'granted' || v.persistence === 'denied' || v.persistence === 'unavailable'
					? v.persistence
					: null,
			lastBackupAt: typeof v.lastBackupAt === 'number' ? v.lastBackupAt : null,
			lostAt: typeof v.lostAt === 'number' ? v.lostAt : null
		};
	} catch {
		return null;
	}
}

/** Record a save (and optionally the persistence answer or a backup time). */
export function markSaved(
	patch: Partial<Pick<DataMarker, 'persistence' | 'lastBackupAt' | 'lostAt'>> = {},
	now = Date.now(),
	storage = defaultMarkerStorage()
): void {
	try {
		const old = readMarker(storage);
		const next: DataMarker = {
			hadData: true,
			firstSavedAt: old?.firstSavedAt ?? now,
			lastSavedAt: now,
			persistence: patch.persistence ?? old?.persistence ?? null,
			lastBackupAt: patch.lastBackupAt ?? old?.lastBackupAt ?? null,
			lostAt: patch.lostAt !== undefined ? patch.lostAt : (old?.lostAt ?? null)
		};
		storage?.setItem(MARKER_KEY, JSON.stringify(next));
	} catch {
		// Storage full or blocked: the marker is a best effort.
	}
}

/** Forget the marker (the user chose to start afresh). */
export function clearMarker(storage = defaultMarkerStorage()): void {
	try {
		storage?.removeItem(MARKER_KEY);
	} catch {
		// ignore
	}
}

/** Note that the database came back empty (kept until the user restores or starts afresh). */
export function markLost(now = Date.now(), storage = defaultMarkerStorage()): DataMarker | null {
	const old = readMarker(storage);
	if (!old) return null;
	try {
		const next = { ...old, lostAt: old.lostAt ?? now };
		storage?.setItem(MARKER_KEY, JSON.stringify(next));
		return next;
	} catch {
		return { ...old, lostAt: old.lostAt ?? now };
	}
}

/**
 * Record the browser's `persist()` answer in the marker beside "had data". Only a marker that
 * exists is updated (no saved data yet: there is nothing to protect, and no marker to create).
 * Returns whether it was recorded.
 */
export function markPersistence(
	persistence: PersistenceResult,
	storage = defaultMarkerStorage()
): boolean {
	const old = readMarker(storage);
	if (!old) return false;
	try {
		storage?.setItem(MARKER_KEY, JSON.stringify({ ...old, persistence }));
		return true;
	} catch {
		return false;
	}
}
