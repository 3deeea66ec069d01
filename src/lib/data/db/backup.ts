/**
 * "Back up everything": every object store of the workbench's IndexedDB (datasets with their
 * chunks and dictionaries, models with their versions, mappings, settings, backtests, and any
 * store added later, e.g. recipes) as one gzip file; and its restore, validated in full before
 * one transaction replaces what is stored. A bad backup changes nothing.
 *
 * File layout (inside gzip): `HSWBAK01`, a little-endian uint32 JSON length, the JSON (UTF-8),
 * then the raw bytes of every typed array (8-byte aligned). In the JSON a typed array is
 * `{"$typed": "Float64Array", "blob": i}` and `blobs[i] = [offset, byteLength]`.
 */
import { validateModel } from '$lib/model';
import { chunkColumns } from './chunks';
import { openIdb } from './idb-store';
import {
	DB_NAME,
	DB_VERSION,
	type ChunkRecord,
	type ColumnLayout,
	type WorkbenchIDB
} from './schema';

export const BACKUP_FORMAT = 'health-score-workbench-backup';
export const BACKUP_VERSION = 1;
/** Largest backup accepted once unpacked (a bomb guard; real backups are far smaller). */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
const MAGIC = 'HSWBAK01';

export interface BackupCounts {
	datasets: number;
	models: number;
	backtests: number;
	settings: number;
	/** Records over all stores. */
	records: number;
}

/** The parsed contents of a backup file. */
export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: number;
	dbVersion: number;
	createdAt: number;
	/** Store name → [key, value] pairs. */
	stores: Record<string, [IDBValidKey, unknown][]>;
}

export interface BackupTarget {
	/** IndexedDB factory (default `globalThis.indexedDB`). */
	factory?: IDBFactory;
	/** Database name (default the app's). */
	name?: string;
	now?: () => number;
}

export type RestoreResult =
	{ ok: true; counts: BackupCounts } | { ok: false; message: string; problem: BackupProblem };

/** Why a backup file is not used, as a code and names (the UI says it; `message` is English). */
export type BackupWhyCode = keyof typeof BACKUP_WHY;
export interface BackupWhy {
	code: BackupWhyCode;
	params?: Record<string, string | number>;
}
/** Where a restore stopped: the file is not a backup, a record fails its check, or the write. */
export type BackupProblem =
	{ stage: 'file' | 'check'; why: BackupWhy } | { stage: 'write'; error: string };

/** The reasons in English (logs, thrown errors, tests); the UI's words are `prob.bk.*`. */
export const BACKUP_WHY = {
	'too-big': 'it unpacks to more than {mb} MB',
	'no-unpack': 'it is damaged (it does not unpack)',
	'not-backup': 'it was not made by “Back up everything”',
	'cut-short': 'it is cut short',
	damaged: 'its contents are damaged',
	'column-damaged': 'a column is damaged',
	'column-short': 'a column is cut short or damaged',
	newer: 'it was made by a newer version of the app',
	empty: 'it holds no data',
	'part-damaged': 'its part “{name}” is damaged',
	'unknown-part': 'it has a part “{name}” this app does not know',
	'dataset-record': 'a dataset record is damaged',
	unfinished: 'dataset “{name}” was not finished saving',
	'dataset-damaged': 'dataset “{name}” is damaged',
	orphan: 'a part of a dataset belongs to no dataset',
	'categories-damaged': 'a category list is damaged',
	'missing-rows': 'dataset “{name}” is missing rows',
	'ids-damaged': 'dataset “{name}”: account ids are damaged',
	'dataset-column': 'dataset “{name}”: column “{column}” is damaged',
	'categories-missing': 'dataset “{name}”: the categories of column “{column}” are missing',
	'model-record': 'a model record is damaged',
	'model-invalid': 'model “{name}” is not valid ({path}: {detail})',
	'version-invalid': 'a saved version of model “{name}” is not valid',
	'record-damaged': 'a record in “{name}” is damaged',
	'setting-damaged': 'a setting is damaged'
} as const;

/** A reason in English words. */
export function backupWhyText(why: BackupWhy): string {
	return BACKUP_WHY[why.code].replace(/\{(\w+)\}/g, (m, k: string) =>
		why.params && Object.hasOwn(why.params, k) ? String(why.params[k]) : m
	);
}

const why = (code: BackupWhyCode, params?: Record<string, string | number>): BackupWhy =>
	params ? { code, params } : { code };

const TYPED = {
	Float64Array,
	Float32Array,
	Int32Array,
	Uint32Array,
	Int16Array,
	Uint16Array,
	Int8Array,
	Uint8Array
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

function typedName(v: unknown): TypedName | null {
	if (!ArrayBuffer.isView(v) || v instanceof DataView) return null;
	for (const name of Object.keys(TYPED) as TypedName[]) if (v instanceof TYPED[name]) return name;
	return null;
}

function factoryOf(target: BackupTarget): IDBFactory {
	const f = target.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
	if (!f) throw new Error('this browser keeps no saved data (IndexedDB is unavailable)');
	return f;
}

async function withDb<T>(target: BackupTarget, fn: (db: WorkbenchIDB) => Promise<T>): Promise<T> {
	const db = await openIdb(factoryOf(target), target.name ?? DB_NAME, {});
	try {
		return await fn(db);
	} finally {
		db.close();
	}
}

function countsOf(stores: Record<string, unknown[]>): BackupCounts {
	let records = 0;
	for (const rows of Object.values(stores)) records += rows.length;
	return {
		datasets: stores.datasets?.length ?? 0,
		models: stores.models?.length ?? 0,
		backtests: stores.backtests?.length ?? 0,
		settings: stores.kv?.length ?? 0,
		records
	};
}

// ----- encoding -------------------------------------------------------------------------------

/** Backup → file bytes (gzip). */
export async function encodeBackup(backup: Backup): Promise<Uint8Array> {
	const blobs: Typed[] = [];
	const json = JSON.stringify(backup, (_k, v: unknown) => {
		const name = typedName(v);
		if (!name) return v;
		blobs.push(v as Typed);
		return { $typed: name, blob: blobs.length - 1 };
	});
	const offsets: [number, number][] = [];
	let at = 0;
	for (const b of blobs) {
		offsets.push([at, b.byteLength]);
		at += Math.ceil(b.byteLength / 8) * 8;
	}
	const head = new TextEncoder().encode(JSON.stringify({ json, blobs: offsets }));
	const start = Math.ceil((MAGIC.length + 4 + head.length) / 8) * 8;
	const out = new Uint8Array(start + at);
	out.set(new TextEncoder().encode(MAGIC), 0);
	new DataView(out.buffer).setUint32(MAGIC.length, head.length, true);
	out.set(head, MAGIC.length + 4);
	blobs.forEach((b, i) =>
		out.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), start + offsets[i]![0])
	);
	return gzip(out);
}

/** File bytes → backup, or a message saying why the file is not one. Never throws. */
export async function decodeBackup(
	file: Uint8Array
): Promise<{ ok: true; backup: Backup } | { ok: false; message: string; problem: BackupProblem }> {
	const bad = (code: BackupWhyCode, params?: Record<string, string | number>) => {
		const w = why(code, params);
		return {
			ok: false as const,
			message: `This file is not a usable workbench backup: ${backupWhyText(w)}. Nothing was changed.`,
			problem: { stage: 'file' as const, why: w }
		};
	};
	let bytes: Uint8Array;
	try {
		bytes = file[0] === 0x1f && file[1] === 0x8b ? await gunzip(file, MAX_BACKUP_BYTES) : file;
	} catch (e) {
		return e instanceof TooBig ? bad('too-big', { mb: e.mb }) : bad('no-unpack');
	}
	if (bytes.length < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
		return bad('not-backup');
	const headLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
	if (MAGIC.length + 4 + headLength > bytes.length) return bad('cut-short');
	let head: { json?: unknown; blobs?: unknown };
	try {
		head = JSON.parse(
			new TextDecoder('utf-8', { fatal: true }).decode(
				bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headLength)
			)
		) as typeof head;
	} catch {
		return bad('damaged');
	}
	const start = Math.ceil((MAGIC.length + 4 + headLength) / 8) * 8;
	const blobs = head.blobs;
	if (typeof head.json !== 'string' || !Array.isArray(blobs)) return bad('damaged');
	let blobError: BackupWhyCode | null = null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(head.json, (_k, v: unknown) => {
			if (typeof v !== 'object' || v === null || !('$typed' in v)) return v;
			const { $typed, blob } = v as { $typed: unknown; blob: unknown };
			const range = typeof blob === 'number' ? (blobs[blob] as unknown) : undefined;
			const Ctor =
				typeof $typed === 'string' && $typed in TYPED ? TYPED[$typed as TypedName] : null;
			if (!Ctor || !Array.isArray(range) || range.length !== 2) {
				blobError = 'column-damaged';
				return null;
			}
			const [offset, length] = range as [unknown, unknown];
			if (
				!Number.isInteger(offset) ||
				!Number.isInteger(length) ||
				(offset as number) < 0 ||
				(length as number) < 0 ||
				(length as number) % Ctor.BYTES_PER_ELEMENT !== 0 ||
				start + (offset as number) + (length as number) > bytes.length
			) {
				blobError = 'column-short';
				return null;
			}
			const copy = bytes.slice(
				start + (offset as number),
				start + (offset as number) + (length as number)
			);
			return new Ctor(copy.buffer);
		}) as unknown;
	} catch {
		return bad('damaged');
	}
	if (blobError) return bad(blobError);
	const b = parsed as Partial<Backup> | null;
	if (!b || typeof b !== 'object' || b.format !== BACKUP_FORMAT) return bad('not-backup');
	if (
		typeof b.version !== 'number' ||
		b.version > BACKUP_VERSION ||
		typeof b.dbVersion !== 'number'
	)
		return bad('newer');
	if (b.dbVersion > DB_VERSION) return bad('newer');
	if (typeof b.stores !== 'object' || b.stores === null || Array.isArray(b.stores))
		return bad('empty');
	for (const [name, rows] of Object.entries(b.stores))
		if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r) || r.length !== 2))
			return bad('part-damaged', { name });
	return { ok: true, backup: b as Backup };
}

// ----- checks ---------------------------------------------------------------------------------

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks every record a restore would write: datasets complete (every chunk, every column of
 * the right type and length, dictionaries present), models valid, other records of the right
 * shape. Returns the first problem, or null.
 */
export function checkBackup(backup: Backup, knownStores: readonly string[]): BackupWhy | null {
	for (const name of Object.keys(backup.stores))
		if (!knownStores.includes(name)) return why('unknown-part', { name });
	const rows = (name: string) => backup.stores[name] ?? [];
	const values = (name: string) => rows(name).map(([, v]) => v);

	const datasets = new Map<string, Record<string, unknown>>();
	for (const d of values('datasets')) {
		if (!isObj(d) || typeof d.id !== 'string' || !isObj(d.meta) || !Array.isArray(d.layout))
			return why('dataset-record');
		if (d.status !== 'ready') return why('unfinished', { name: String(d.meta.name) });
		if (!Number.isInteger(d.chunkCount) || (d.chunkCount as number) < 0)
			return why('dataset-damaged', { name: String(d.meta.name) });
		datasets.set(d.id, d);
	}
	const chunks = new Map<string, Record<string, unknown>[]>();
	for (const c of values('chunks')) {
		if (!isObj(c) || typeof c.datasetId !== 'string' || !datasets.has(c.datasetId))
			return why('orphan');
		chunks.set(c.datasetId, [...(chunks.get(c.datasetId) ?? []), c]);
	}
	const dictionaries = new Set<string>();
	for (const x of values('dictionaries')) {
		if (!isObj(x) || typeof x.datasetId !== 'string' || typeof x.column !== 'string')
			return why('categories-damaged');
		if (!Array.isArray(x.values) || x.values.some((s) => typeof s !== 'string'))
			return why('categories-damaged');
		dictionaries.add(`${x.datasetId}\u0000${x.column}`);
	}
	for (const [id, d] of datasets) {
		const name = String((d.meta as { name?: unknown }).name);
		const list = (chunks.get(id) ?? []).sort((a, b) => Number(a.index) - Number(b.index));
		if (list.length !== d.chunkCount || list.some((c, i) => c.index !== i))
			return why('missing-rows', { name });
		let total = 0;
		for (const c of list) {
			const n = c.n;
			if (!Number.isInteger(n) || (n as number) < 0) return why('dataset-damaged', { name });
			total += n as number;
			const idCount = Array.isArray(c.ids)
				? c.ids.length
				: typeof c.ids === 'string'
					? n === 0
						? 0
						: c.ids.split('\n').length
					: -1;
			if (idCount !== n) return why('ids-damaged', { name });
			const layout = d.layout as unknown[];
			for (const col of layout)
				if (
					!isObj(col) ||
					typeof col.name !== 'string' ||
					(col.kind !== 'number' && col.kind !== 'category')
				)
					return why('dataset-damaged', { name });
			const parts = chunkColumns(c as unknown as ChunkRecord, layout as ColumnLayout[]);
			for (const [column, part] of parts) if (!part) return why('dataset-column', { name, column });
		}
		for (const col of d.layout as { name: string; kind: string }[])
			if (col.kind === 'category' && !dictionaries.has(`${id}\u0000${col.name}`))
				return why('categories-missing', { name, column: col.name });
		const metaRows = (d.meta as { rows?: unknown }).rows;
		if (typeof metaRows === 'number' && metaRows !== total) return why('missing-rows', { name });
	}
	for (const m of values('models')) {
		if (!isObj(m) || typeof m.id !== 'string' || !Array.isArray(m.versions))
			return why('model-record');
		const checked = validateModel(m.current);
		if (!checked.ok)
			return why('model-invalid', {
				name: String(m.name),
				path: String(checked.issues[0]?.path),
				detail: String(checked.issues[0]?.message)
			});
		for (const v of m.versions)
			if (!isObj(v) || !validateModel(v.model).ok)
				return why('version-invalid', { name: String(m.name) });
	}
	for (const store of ['mappings', 'backtests'])
		for (const v of values(store)) if (!isObj(v)) return why('record-damaged', { name: store });
	for (const [key] of rows('kv')) if (typeof key !== 'string') return why('setting-damaged');
	return null;
}

// ----- export and restore ---------------------------------------------------------------------

/** Reads every store in one read transaction and packs it as a backup file. */
export async function exportBackup(
	target: BackupTarget = {}
): Promise<{ bytes: Uint8Array; counts: BackupCounts }> {
	const now = target.now ?? Date.now;
	const stores = await withDb(target, async (db) => {
		const names = Array.from(db.objectStoreNames);
		const tx = db.transaction(names, 'readonly');
		const out: Record<string, [IDBValidKey, unknown][]> = {};
		await Promise.all(
			names.map(async (name) => {
				const store = tx.objectStore(name);
				const [keys, vals] = await Promise.all([store.getAllKeys(), store.getAll()]);
				out[name] = keys.map((k, i) => [k as IDBValidKey, vals[i]]);
			})
		);
		await tx.done;
		return out;
	});
	const backup: Backup = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		dbVersion: DB_VERSION,
		createdAt: now(),
		stores
	};
	return { bytes: await encodeBackup(backup), counts: countsOf(stores) };
}

/**
 * Restores a backup file: decode, check every record, then ONE readwrite transaction clears
 * every store and writes the backup's records. Any failure (a bad file, a check, a write)
 * leaves the stored data exactly as it was.
 */
export async function restoreBackup(
	file: Uint8Array,
	target: BackupTarget = {}
): Promise<RestoreResult> {
	const decoded = await decodeBackup(file);
	if (!decoded.ok) return decoded;
	const { backup } = decoded;
	try {
		return await withDb(target, async (db) => {
			const names = Array.from(db.objectStoreNames);
			const problem = checkBackup(backup, names);
			if (problem)
				return {
					ok: false,
					message: `This backup cannot be restored: ${backupWhyText(problem)}. Nothing was changed.`,
					problem: { stage: 'check', why: problem }
				};
			const tx = db.transaction(names, 'readwrite');
			const writes: Promise<unknown>[] = [];
			try {
				for (const name of names) {
					const store = tx.objectStore(name);
					writes.push(store.clear());
					const inline = store.keyPath !== null;
					for (const [key, value] of backup.stores[name] ?? [])
						writes.push(
							inline ? store.put(value as never) : store.put(value as never, key as never)
						);
				}
			} catch (e) {
				// A put that throws at once (no key, not cloneable) must not let the clears commit.
				tx.abort();
				await Promise.allSettled([...writes, tx.done]);
				throw e;
			}
			await Promise.all([...writes, tx.done]);
			return { ok: true, counts: countsOf(backup.stores) };
		});
	} catch (e) {
		const error = e instanceof Error ? e.message : String(e);
		return {
			ok: false,
			message: `The backup could not be written (${error}). Nothing was changed.`,
			problem: { stage: 'write', error }
		};
	}
}

// ----- gzip -----------------------------------------------------------------------------------

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Unpacking stopped past the size limit (`mb`, rounded). */
class TooBig extends RangeError {
	constructor(readonly mb: number) {
		super(`it unpacks to more than ${mb} MB`);
	}
}

/** Unpacks gzip, stopping past `max` bytes (`TooBig`). */
async function gunzip(bytes: Uint8Array, max: number): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	const reader = stream.getReader();
	const parts: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > max) {
			await reader.cancel();
			throw new TooBig(Math.round(max / 1e6));
		}
		parts.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
