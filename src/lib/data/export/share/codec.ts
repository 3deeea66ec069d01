/**
 * Share-link codec: `{ v, model, values }` → JSON → deflate-raw → base64url, carried in the URL
 * fragment (`#/calculator?s=…`), which browsers never send to a server. The link holds the model
 * and one account's inputs, never customer rows.
 *
 * Decoding treats the text as hostile: the encoded length and the decompressed size are capped
 * (the latter counted while reading, so a deflate bomb is cut off early), the model goes through
 * `validateModel`, the values through a strict shape check, and every failure comes back as data.
 * Pure: needs only `CompressionStream` / `DecompressionStream` (browsers, Node ≥ 20).
 */
import { validateModel } from '$lib/model';
import { SCHEMA_VERSION, type Model, type ValidationIssue } from '$lib/model/types';

/** Version of the share payload envelope (not the model schema). */
export const SHARE_VERSION = 1;
/** Longest encoded text (base64url characters) accepted on open: about 8 KB. */
export const MAX_ENCODED_CHARS = 8_192;
/** Most bytes the decompressed JSON may reach before decoding is aborted (bomb guard). */
export const MAX_DECOMPRESSED_BYTES = 262_144;
/** Most entries in `values`. */
export const MAX_VALUE_KEYS = 100;
/** Longest key and longest string value in `values`, in UTF-16 code units. */
export const MAX_VALUE_KEY_CHARS = 200;
export const MAX_VALUE_STRING_CHARS = 500;

/** One account's inputs as a link carries them: finite numbers, short strings, booleans, null. */
export type ShareValues = Record<string, number | string | boolean | null>;

/** What a share link holds. */
export interface SharePayload {
	v: typeof SHARE_VERSION;
	model: Model;
	values: ShareValues;
}

/** Why a link could not be opened. */
export type ShareErrorCode = 'damaged' | 'too-large' | 'newer-version' | 'invalid';

/** Result of decoding: the payload, or a coded error with a message fit to show to a user. */
export type DecodeResult =
	| { ok: true; payload: SharePayload }
	| { ok: false; code: ShareErrorCode; message: string; issues?: ValidationIssue[] };

type Failure = Extract<DecodeResult, { ok: false }>;

const fail = (code: ShareErrorCode, message: string, issues?: ValidationIssue[]): Failure =>
	issues ? { ok: false, code, message, issues } : { ok: false, code, message };

const DAMAGED = 'This share link is damaged (it may have been cut off when it was copied).';
const TOO_LARGE = 'This share link is too large to open safely.';
const NEWER = 'This share link was made by a newer version of Health Score Workbench.';

/** Bytes → base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	const CHUNK = 0x8000;
	for (let i = 0; i < bytes.length; i += CHUNK) {
		binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes, or null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
	try {
		const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
		const out = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
		return out;
	} catch {
		return null;
	}
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = stream.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		total += value.length;
	}
	return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

function streamOf(bytes: Uint8Array): ReadableStream<BufferSource> {
	return new ReadableStream<BufferSource>({
		start(controller) {
			controller.enqueue(new Uint8Array(bytes));
			controller.close();
		}
	});
}

/** Deflate-raw compress. */
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	return readAll(streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw')));
}

/**
 * Inflate at most `cap` bytes. Returns the bytes, `'too-large'` once the output passes the cap
 * (reading stops there), or `'damaged'` when the data is not valid deflate-raw.
 */
export async function inflateCapped(
	bytes: Uint8Array,
	cap: number
): Promise<Uint8Array | 'too-large' | 'damaged'> {
	const reader = streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')).getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.length;
			if (total > cap) {
				await reader.cancel().catch(() => undefined);
				return 'too-large';
			}
			chunks.push(value);
		}
	} catch {
		return 'damaged';
	}
	return concat(chunks, total);
}

/** Encode a payload to the text that goes after `s=` in the link. */
export async function encodeShare(payload: SharePayload): Promise<string> {
	const json = JSON.stringify(payload);
	return toBase64Url(await deflate(new TextEncoder().encode(json)));
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** Why a share link's inputs are refused (the calculator says each in the UI language). */
export type ShareValueCode =
	'values-object' | 'values-many' | 'value-key' | 'value-finite' | 'value-long' | 'value-type';

/** A problem with a share link's inputs: its code and figures beside the English words. */
export interface ShareValueIssue extends ValidationIssue {
	valueCode: ShareValueCode;
}

const valueIssue = (
	path: string,
	valueCode: ShareValueCode,
	message: string,
	params?: Record<string, number>
): ShareValueIssue =>
	params ? { path, valueCode, message, params } : { path, valueCode, message };

/**
 * Check the `values` part of a payload. Returns a fresh object holding only own data properties
 * (built with `Object.fromEntries`, so a `__proto__` key stays an ordinary key), or issues.
 */
export function checkValues(raw: unknown): { values: ShareValues } | { issues: ShareValueIssue[] } {
	if (!isRecord(raw))
		return { issues: [valueIssue('values', 'values-object', 'must be an object')] };
	const entries = Object.entries(raw);
	if (entries.length > MAX_VALUE_KEYS) {
		return {
			issues: [
				valueIssue('values', 'values-many', `has more than ${MAX_VALUE_KEYS} entries`, {
					max: MAX_VALUE_KEYS
				})
			]
		};
	}
	const issues: ShareValueIssue[] = [];
	for (const [key, value] of entries) {
		const path = `values.${key.slice(0, 40)}`;
		if (key.length === 0 || key.length > MAX_VALUE_KEY_CHARS) {
			issues.push(
				valueIssue(path, 'value-key', `key must be 1–${MAX_VALUE_KEY_CHARS} characters`, {
					max: MAX_VALUE_KEY_CHARS
				})
			);
		} else if (typeof value === 'number' && !Number.isFinite(value)) {
			issues.push(valueIssue(path, 'value-finite', 'must be a finite number'));
		} else if (typeof value === 'string' && value.length > MAX_VALUE_STRING_CHARS) {
			issues.push(
				valueIssue(path, 'value-long', `is longer than ${MAX_VALUE_STRING_CHARS} characters`, {
					max: MAX_VALUE_STRING_CHARS
				})
			);
		} else if (!['number', 'string', 'boolean'].includes(typeof value) && value !== null) {
			issues.push(valueIssue(path, 'value-type', 'must be a number, text, yes/no or empty'));
		}
	}
	if (issues.length > 0) return { issues };
	return { values: Object.fromEntries(entries) as ShareValues };
}

/**
 * Decode the text after `s=`. Never throws; every failure is `{ ok: false, code, message }`:
 * `too-large` (encoded text over {@link MAX_ENCODED_CHARS} or output over
 * {@link MAX_DECOMPRESSED_BYTES}), `damaged` (not base64url, not deflate, not UTF-8 JSON),
 * `newer-version` (envelope or model schema newer than this build), `invalid` (fails validation).
 */
export async function decodeShare(text: string): Promise<DecodeResult> {
	try {
		return await decodeUnsafe(text);
	} catch {
		return fail('damaged', DAMAGED);
	}
}

async function decodeUnsafe(text: string): Promise<DecodeResult> {
	if (typeof text !== 'string') return fail('damaged', DAMAGED);
	if (text.length > MAX_ENCODED_CHARS) return fail('too-large', TOO_LARGE);
	const bytes = fromBase64Url(text);
	if (!bytes || bytes.length === 0) return fail('damaged', DAMAGED);
	const inflated = await inflateCapped(bytes, MAX_DECOMPRESSED_BYTES);
	if (inflated === 'too-large') return fail('too-large', TOO_LARGE);
	if (inflated === 'damaged') return fail('damaged', DAMAGED);
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
	} catch {
		return fail('damaged', DAMAGED);
	}
	if (!isRecord(data) || typeof data.v !== 'number') return fail('damaged', DAMAGED);
	if (data.v > SHARE_VERSION) return fail('newer-version', NEWER);
	if (data.v !== SHARE_VERSION) return fail('damaged', DAMAGED);
	const rawModel = data.model;
	if (isRecord(rawModel) && typeof rawModel.schemaVersion === 'number') {
		if (rawModel.schemaVersion > SCHEMA_VERSION) return fail('newer-version', NEWER);
	}
	const checked = validateModel(rawModel);
	if (!checked.ok) {
		return fail('invalid', describeIssues('The model in this share link', checked.issues), [
			...checked.issues
		]);
	}
	const values = checkValues(data.values);
	if ('issues' in values) {
		return fail('invalid', describeIssues('The inputs in this share link', values.issues), [
			...values.issues
		]);
	}
	return { ok: true, payload: { v: SHARE_VERSION, model: checked.model, values: values.values } };
}

function describeIssues(what: string, issues: readonly ValidationIssue[]): string {
	const first = issues[0];
	const detail = first ? ` (${first.path}: ${first.message})` : '';
	const more = issues.length > 1 ? ` and ${issues.length - 1} more problem(s)` : '';
	return `${what} is not valid${detail}${more}.`;
}

/** The full link for a code: the page's own address (any sub-path) + `#/calculator?s=…`. */
export function shareHref(pageHref: string, code: string): string {
	const base = pageHref.split('#')[0] ?? pageHref;
	return `${base}#/calculator?s=${code}`;
}
