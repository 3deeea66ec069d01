/**
 * Pure packing of a `Dataset` into columnar chunk records and back (no IndexedDB here): packing
 * happens BEFORE any transaction opens, so no non-IDB work runs inside one.
 */
import type { Dataset, DatasetMeta } from '$lib/data/dataset';
import type { Column, ColumnTable } from '$lib/model/types';
import { storageFailure } from './errors';
import type { ChunkRecord, ColumnLayout, DictionaryRecord } from './schema';

/**
 * Target bytes of one chunk record. A put serialises its record on the page's thread, and this
 * machine's Chromium measured ~10 ms per MB quiet and 25–30 ms per MB under load (an 8 MB chunk of
 * a 5,000-column import blocked the page for 230–300 ms): 1 MB keeps each put well under the
 * 100 ms budget. Few, large *transactions* are what makes IndexedDB fast (PERFORMANCE.md, finding
 * 2), so the store writes `CHUNKS_PER_TRANSACTION` chunks per transaction, one put per task.
 */
export const TARGET_CHUNK_BYTES = 1024 * 1024;
export const MAX_CHUNK_ROWS = 200_000;
/** Chunk puts per transaction (about 8 MB): each put runs in its own task. */
export const CHUNKS_PER_TRANSACTION = 8;

/** Everything one dataset becomes in storage. */
export interface PackedDataset {
	layout: ColumnLayout[];
	chunkRows: number;
	chunks: ChunkRecord[];
	dictionaries: DictionaryRecord[];
	/** Approximate payload bytes (typed arrays + 2 bytes per id/dictionary character). */
	bytes: number;
}

/**
 * Rows per chunk for a table: about `TARGET_CHUNK_BYTES` per record (at least one row, at most
 * `MAX_CHUNK_ROWS`), so no single put blocks the page however wide the table is.
 */
export function chooseChunkRows(table: ColumnTable, avgIdChars = 12): number {
	let perRow = avgIdChars * 2 + 1;
	for (const col of table.columns.values()) perRow += col.kind === 'number' ? 8 : 4;
	return Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(TARGET_CHUNK_BYTES / perRow)));
}

/** Check that ids, columns and meta agree; throws `StorageError('invalid')` naming the field. */
export function validateDataset(dataset: Dataset): void {
	const { meta, ids, table } = dataset;
	const bad = (what: string) => storageFailure('invalid', 'inconsistent', { what });
	if (!meta.id) throw bad('meta.id is empty');
	if (!Number.isInteger(table.n) || table.n < 0) throw bad(`table.n is ${table.n}`);
	if (ids.length !== table.n) throw bad(`${ids.length} ids for ${table.n} rows`);
	if (meta.rows !== table.n) throw bad(`meta.rows is ${meta.rows}, table has ${table.n} rows`);
	for (const [name, col] of table.columns) {
		const len = col.kind === 'number' ? col.values.length : col.codes.length;
		if (len !== table.n) throw bad(`column "${name}" has ${len} values for ${table.n} rows`);
	}
}

/** Layout, dictionaries and chunking of a dataset: everything but the chunk records. */
export interface PackPlan {
	layout: ColumnLayout[];
	chunkRows: number;
	chunkCount: number;
	dictionaries: DictionaryRecord[];
	/** Approximate bytes of the dictionaries (the chunks add theirs as they are packed). */
	dictionaryBytes: number;
}

/** Validates and plans the packing (cheap: no column data is copied). */
export function planPacking(dataset: Dataset, chunkRows?: number): PackPlan {
	validateDataset(dataset);
	const { meta, ids, table } = dataset;
	const rowsPer = Math.max(1, Math.floor(chunkRows ?? chooseChunkRows(table, avgLength(ids))));
	const layout: ColumnLayout[] = [];
	const dictionaries: DictionaryRecord[] = [];
	let dictionaryBytes = 0;
	for (const [name, col] of table.columns) {
		layout.push({ name, kind: col.kind });
		if (col.kind === 'category') {
			dictionaries.push({ datasetId: meta.id, column: name, values: [...col.dictionary] });
			for (const v of col.dictionary) dictionaryBytes += 2 * v.length + 8;
		}
	}
	return {
		layout,
		chunkRows: rowsPer,
		chunkCount: Math.ceil(table.n / rowsPer),
		dictionaries,
		dictionaryBytes
	};
}

/** Chunk record `index` of a dataset (copies of its rows; the input is not changed). */
export function packChunk(dataset: Dataset, index: number, rowsPer: number): ChunkRecord {
	const { meta, ids, table } = dataset;
	const start = index * rowsPer;
	const end = Math.min(table.n, start + rowsPer);
	const n = end - start;
	const chunkIds = ids.slice(start, end);
	const joinable = chunkIds.every((id) => !id.includes('\n'));
	let numberCount = 0;
	let codeCount = 0;
	for (const col of table.columns.values())
		if (col.kind === 'number') numberCount++;
		else codeCount++;
	// One block per kind, in layout (column) order: see `ChunkRecord.block`.
	const block = new Float64Array(numberCount * n);
	const codeBlock = new Int32Array(codeCount * n);
	let k = 0;
	let j = 0;
	for (const col of table.columns.values()) {
		if (col.kind === 'number') block.set(col.values.subarray(start, end), n * k++);
		else codeBlock.set(col.codes.subarray(start, end), n * j++);
	}
	return {
		datasetId: meta.id,
		index,
		start,
		n,
		ids: joinable ? chunkIds.join('\n') : chunkIds,
		block,
		codeBlock
	};
}

/**
 * Column `name` of one chunk record, in either layout (`block` or the older per-column
 * records), or undefined when the record lacks it or has the wrong type or length. `layout` is
 * the dataset's stored layout: a column's place in the block is its place among the columns of
 * its kind.
 */
export function chunkColumns(
	c: ChunkRecord,
	layout: readonly ColumnLayout[]
): Map<string, Float64Array | Int32Array | undefined> {
	const out = new Map<string, Float64Array | Int32Array | undefined>();
	const n = c.n;
	/** Column `k` of a block, or of the older per-column record when there is no block. */
	const part = <A extends Float64Array | Int32Array>(
		block: unknown,
		Kind: new (n: number) => A,
		k: number,
		byName: unknown
	): A | undefined => {
		const arr =
			block instanceof Kind
				? block.length >= n * (k + 1)
					? block.subarray(n * k, n * (k + 1))
					: undefined
				: block === undefined
					? byName
					: undefined;
		return arr instanceof Kind && arr.length === n ? (arr as A) : undefined;
	};
	let k = 0;
	let j = 0;
	for (const { name, kind } of layout)
		out.set(
			name,
			kind === 'number'
				? part(c.block, Float64Array, k++, c.numbers?.[name])
				: part(c.codeBlock, Int32Array, j++, c.codes?.[name])
		);
	return out;
}

/** Split a dataset into chunk and dictionary records (copies; the input is not changed). */
export function packDataset(dataset: Dataset, chunkRows?: number): PackedDataset {
	const plan = planPacking(dataset, chunkRows);
	const chunks: ChunkRecord[] = [];
	let bytes = plan.dictionaryBytes;
	for (let index = 0; index < plan.chunkCount; index++) {
		const record = packChunk(dataset, index, plan.chunkRows);
		bytes += chunkBytes(record);
		chunks.push(record);
	}
	return {
		layout: plan.layout,
		chunkRows: plan.chunkRows,
		chunks,
		dictionaries: plan.dictionaries,
		bytes
	};
}

function avgLength(ids: string[]): number {
	const sample = Math.min(ids.length, 1000);
	if (sample === 0) return 12;
	let total = 0;
	for (let i = 0; i < sample; i++) total += ids[i]?.length ?? 0;
	return total / sample;
}

/** Approximate bytes of one chunk record. */
export function chunkBytes(c: ChunkRecord): number {
	let b =
		typeof c.ids === 'string'
			? 2 * c.ids.length
			: c.ids.reduce((s, id) => s + 2 * id.length + 8, 0);
	b += (c.block?.byteLength ?? 0) + (c.codeBlock?.byteLength ?? 0);
	for (const k in c.numbers) b += c.numbers[k]?.byteLength ?? 0;
	for (const k in c.codes) b += c.codes[k]?.byteLength ?? 0;
	return b;
}

/**
 * Reassemble a dataset from its records. `chunks` must be all of the dataset's chunks (any
 * order); throws `StorageError('unknown')` when the stored data is incomplete.
 */
export function unpackDataset(
	meta: DatasetMeta,
	layout: ColumnLayout[],
	chunks: ChunkRecord[],
	dictionaries: DictionaryRecord[]
): Dataset {
	const n = meta.rows;
	const sorted = [...chunks].sort((a, b) => a.index - b.index);
	const covered = sorted.reduce((s, c) => s + c.n, 0);
	if (covered !== n)
		throw storageFailure('unknown', 'incomplete', { name: meta.name, covered, rows: n });
	const dicts = new Map(dictionaries.map((d) => [d.column, d.values]));
	const columns = new Map<string, Column>();
	for (const { name, kind } of layout)
		columns.set(
			name,
			kind === 'number'
				? { kind: 'number', values: new Float64Array(n) }
				: { kind: 'category', codes: new Int32Array(n), dictionary: dicts.get(name) ?? [] }
		);
	for (const c of sorted) {
		for (const [name, part] of chunkColumns(c, layout)) {
			const col = columns.get(name)!;
			if (col.kind === 'number')
				col.values.set(
					part instanceof Float64Array ? part : new Float64Array(c.n).fill(NaN),
					c.start
				);
			else col.codes.set(part instanceof Int32Array ? part : new Int32Array(c.n).fill(-1), c.start);
		}
	}
	const ids: string[] = new Array<string>(n);
	for (const c of sorted) {
		const part = typeof c.ids === 'string' ? (c.n === 0 ? [] : c.ids.split('\n')) : c.ids;
		for (let i = 0; i < c.n; i++) ids[c.start + i] = part[i] ?? '';
	}
	return { meta, ids, table: { n, columns } };
}

/** Normalise a header list for mapping lookup: trimmed, lower-cased, sorted (order-free). */
export function normaliseHeaders(headers: readonly string[]): string[] {
	return headers.map((h) => h.trim().toLowerCase()).sort();
}

/**
 * Key of a header list: a 53-bit string hash (cyrb53) of the normalised headers, as hex.
 * Synchronous and available without `crypto.subtle` (file:// and insecure contexts).
 */
export function headersKey(headers: readonly string[]): string {
	const s = normaliseHeaders(headers).join('\u0001');
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < s.length; i++) {
		const ch = s.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
	return `h${hash.toString(16).padStart(14, '0')}-${headers.length}`;
}
