/**
 * Storage errors: every failure of the storage layer reaches callers as one typed `StorageError`
 * with a code the UI can branch on and a message it can show as is.
 */

/**
 * What went wrong, for the UI to choose its banner:
 * - `quota`: the browser refused to store more (also when it arrives inside an AbortError);
 * - `blocked`: an upgrade waits for other tabs to close the database;
 * - `version`: the stored database was written by a newer app version;
 * - `unavailable`: IndexedDB is missing or refused to open (private window, disabled storage);
 * - `closed`: this tab's connection was closed (another tab upgraded, or the browser closed it);
 * - `invalid`: the caller passed inconsistent data (nothing was written);
 * - `conflict`: the id is already taken;
 * - `not-found`: no record with that id;
 * - `aborted`: the transaction was aborted for another reason;
 * - `unknown`: anything else (the original error is kept as `cause`).
 */
export type StorageErrorCode =
	| 'quota'
	| 'blocked'
	| 'version'
	| 'unavailable'
	| 'closed'
	| 'invalid'
	| 'conflict'
	| 'not-found'
	| 'aborted'
	| 'unknown';

/** The user-facing message for each code (English; the UI may localise by code). */
export const STORAGE_MESSAGES: Record<StorageErrorCode, string> = {
	quota:
		'Storage is full: export your model and delete a dataset. Everything saved before is still there.',
	blocked: 'The app was updated in another tab: close the other tabs of this app to continue.',
	version:
		'This browser’s saved data was saved by a newer version of the app. Reload to get the newer version; nothing was changed.',
	unavailable:
		'This browser does not allow saving here (private window or storage disabled). Your work stays in this tab only: export it before closing.',
	closed:
		'The connection to saved data was closed (the app was updated in another tab). Reload the page.',
	invalid: 'The data to save is inconsistent; nothing was saved.',
	conflict: 'Something with this id is already saved.',
	'not-found': 'Not found in saved data.',
	aborted: 'Saving was interrupted; nothing was changed.',
	unknown: 'Saving failed; nothing was changed.'
};

/**
 * A failure the store words for one case, naming a dataset, an id or a detail: a code and its
 * figures, said in the UI language from them (`storageErrorText`); the English is `STORAGE_WHY`.
 */
export type StorageWhy =
	| 'inconsistent'
	| 'incomplete'
	| 'terminated'
	| 'id-taken'
	| 'import-cancelled'
	| 'dataset-gone'
	| 'model-gone'
	| 'failed-because';

export type StorageParams = Record<string, string | number>;

/** Each case the store words, in English (for logs, thrown errors and tests). */
export const STORAGE_WHY: Record<StorageWhy, (p: StorageParams) => string> = {
	inconsistent: (p) => `The data to save is inconsistent (${p.what}); nothing was saved.`,
	incomplete: (p) =>
		`Saved dataset "${p.name}" is incomplete (${p.covered} of ${p.rows} rows). Import the file again.`,
	terminated: () =>
		'The browser closed the connection to saved data; it will be reopened. If saving keeps failing, reload the page.',
	'id-taken': (p) => `A dataset with id "${p.id}" is already saved.`,
	'import-cancelled': () => 'The import was cancelled by another tab.',
	'dataset-gone': () => 'This dataset is no longer saved in this browser.',
	'model-gone': (p) => `No saved model with id "${p.id}".`,
	'failed-because': (p) => `${STORAGE_MESSAGES.unknown} (${p.detail})`
};

/** A storage failure with a code (for branching) and a message (for people). */
export class StorageError extends Error {
	override readonly name = 'StorageError';
	readonly code: StorageErrorCode;
	/** The case the store worded, with its figures (else the message is `STORAGE_MESSAGES`). */
	readonly why?: { code: StorageWhy; params: StorageParams };

	constructor(
		code: StorageErrorCode,
		message?: string,
		options?: { cause?: unknown; why?: { code: StorageWhy; params?: StorageParams } }
	) {
		const why = options?.why && { code: options.why.code, params: options.why.params ?? {} };
		super(message ?? (why ? STORAGE_WHY[why.code](why.params) : STORAGE_MESSAGES[code]), {
			cause: options?.cause
		});
		this.code = code;
		if (why) this.why = why;
	}
}

/** A failure the store words for one case (`STORAGE_WHY`), with its figures. */
export function storageFailure(
	code: StorageErrorCode,
	why: StorageWhy,
	params: StorageParams = {},
	cause?: unknown
): StorageError {
	return new StorageError(code, undefined, { why: { code: why, params }, cause });
}

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	inner?: unknown;
	cause?: unknown;
	error?: unknown;
	target?: unknown;
}

function isObject(v: unknown): v is ErrorLike {
	return typeof v === 'object' && v !== null;
}

/** Names and messages browsers use for "out of space" (Chromium, Firefox legacy, Safari). */
function isQuotaLike(e: ErrorLike): boolean {
	const name = typeof e.name === 'string' ? e.name : '';
	const message = typeof e.message === 'string' ? e.message : '';
	return (
		name === 'QuotaExceededError' ||
		name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
		/quota/i.test(name) ||
		(name === 'UnknownError' && /quota|disk|space/i.test(message))
	);
}

/**
 * Walk an error and the errors it wraps (`inner` as Dexie does, `cause`, `error` as on a request
 * or transaction, `target.error` on an event), depth-limited, yielding each one.
 */
function* chain(e: unknown): Generator<ErrorLike> {
	const seen = new Set<unknown>();
	const stack: unknown[] = [e];
	while (stack.length > 0 && seen.size < 16) {
		const cur = stack.pop();
		if (!isObject(cur) || seen.has(cur)) continue;
		seen.add(cur);
		yield cur;
		stack.push(cur.inner, cur.cause, cur.error);
		if (isObject(cur.target)) stack.push(cur.target.error);
	}
}

/**
 * Map anything thrown by IndexedDB or idb to a `StorageError`. A QuotaExceededError is found even
 * when it is the inner error of an AbortError or the `error` of an aborted transaction.
 */
export function toStorageError(e: unknown): StorageError {
	if (e instanceof StorageError) return e;
	const all = [...chain(e)];
	if (all.some(isQuotaLike)) return new StorageError('quota', undefined, { cause: e });
	const names = all.map((x) => (typeof x.name === 'string' ? x.name : ''));
	if (names.includes('VersionError')) return new StorageError('version', undefined, { cause: e });
	if (names.includes('InvalidStateError'))
		return new StorageError('closed', undefined, { cause: e });
	if (names.includes('SecurityError'))
		return new StorageError('unavailable', undefined, { cause: e });
	if (names.includes('ConstraintError'))
		return new StorageError('conflict', undefined, { cause: e });
	if (names.includes('AbortError')) return new StorageError('aborted', undefined, { cause: e });
	const first = all[0];
	const detail = first && typeof first.message === 'string' && first.message ? first.message : '';
	return detail
		? storageFailure('unknown', 'failed-because', { detail }, e)
		: new StorageError('unknown', undefined, { cause: e });
}
