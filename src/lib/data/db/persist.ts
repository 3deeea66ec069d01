/**
 * Storage persistence and usage (`navigator.storage`). By default the browser may evict the whole
 * origin under pressure; `persist()` asks it not to. Call `requestPersistence()` from the user's
 * first save gesture, never on page load.
 */

/** The part of `StorageManager` used here (injectable for tests). */
export interface StorageManagerLike {
	persist?: () => Promise<boolean>;
	persisted?: () => Promise<boolean>;
	estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** `granted`: protected from eviction; `denied`: best-effort only; `unavailable`: no API. */
export type PersistenceResult = 'granted' | 'denied' | 'unavailable';

function defaultManager(): StorageManagerLike | undefined {
	const nav = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator;
	return nav?.storage;
}

/**
 * Ask the browser to keep this origin's data (already persisted → `granted` without asking
 * again). Never throws: a rejection or missing API gives `unavailable`.
 */
export async function requestPersistence(
	manager: StorageManagerLike | undefined = defaultManager()
): Promise<PersistenceResult> {
	if (!manager?.persist) return 'unavailable';
	try {
		if (manager.persisted && (await manager.persisted())) return 'granted';
		return (await manager.persist()) ? 'granted' : 'denied';
	} catch {
		return 'unavailable';
	}
}

/**
 * Whether the browser already keeps this origin's data, without asking (no prompt):
 * `granted`, `denied` (best-effort storage), or `unavailable` (no API, or it failed).
 */
export async function persistenceNow(
	manager: StorageManagerLike | undefined = defaultManager()
): Promise<PersistenceResult> {
	if (!manager?.persisted) return 'unavailable';
	try {
		return (await manager.persisted()) ? 'granted' : 'denied';
	} catch {
		return 'unavailable';
	}
}

/** Bytes used and available to this origin, or null where the browser does not say. */
export interface StorageEstimate {
	usage: number;
	quota: number;
	/** usage / quota, 0–1 (0 when the quota is 0). */
	share: number;
}

/** `navigator.storage.estimate()`, normalised; null when unavailable or failing. */
export async function storageEstimate(
	manager: StorageManagerLike | undefined = defaultManager()
): Promise<StorageEstimate | null> {
	if (!manager?.estimate) return null;
	try {
		const { usage = 0, quota = 0 } = await manager.estimate();
		return { usage, quota, share: quota > 0 ? usage / quota : 0 };
	} catch {
		return null;
	}
}

/**
 * Whether `bytes` more would probably fit (with 10 % headroom). True when the browser gives no
 * estimate: the write itself then reports a quota error if it does not fit.
 */
export async function probablyFits(
	bytes: number,
	manager: StorageManagerLike | undefined = defaultManager()
): Promise<boolean> {
	const e = await storageEstimate(manager);
	if (!e || e.quota === 0) return true;
	return e.usage + bytes * 1.1 <= e.quota;
}
