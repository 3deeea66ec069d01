/**
 * A dataset as compact binary columns: what first open loads instead of parsing the sample's
 * 4.8 MB CSV (public/sample/portfolio.columns.bin, written from the CSV import by
 * src/lib/state/sample-pack.test.ts, which also proves it decodes to the CSV import cell for cell).
 *
 * Layout: the 8 bytes `HSWPACK1`, a little-endian uint32 header length, the header as UTF-8 JSON,
 * then one section per column (ids first), each starting on an 8-byte boundary. Numbers are stored
 * as whole numbers × 10^-decimals in the narrowest of int8 / int16 / int32 that holds them (the
 * type's smallest value marks a blank), else as float64; categories as dictionary codes. Decoding
 * divides the whole number by 10^decimals: both exact, so the quotient is the double nearest the
 * decimal, which is what parsing the CSV text gives. Pure: no DOM, no storage.
 */
import type { Column, ColumnTable } from '$lib/model/types';
import type { Dataset, DatasetMeta } from './dataset';

const MAGIC = 'HSWPACK1';

type IntEnc = 'i8' | 'i16' | 'i32';
type Enc = IntEnc | 'f64';

interface PackedColumn {
	name: string;
	kind: 'number' | 'category';
	enc: Enc;
	/** Numbers: the stored whole number is value × 10^decimals. */
	decimals?: number;
	dictionary?: string[];
}

interface PackHeader {
	version: 1;
	n: number;
	/** The dataset's metadata without what the store assigns (id, createdAt, bytes). */
	meta: Omit<DatasetMeta, 'id' | 'createdAt' | 'bytes'>;
	ids: { dictionary: string[]; enc: IntEnc };
	columns: PackedColumn[];
}

/** What a packed file decodes to: the store assigns the id, the time and the size. */
export type PackedDataset = Omit<Dataset, 'meta'> & {
	meta: Omit<DatasetMeta, 'id' | 'createdAt' | 'bytes'>;
};

const RANGE: Record<IntEnc, [number, number]> = {
	i8: [-127, 127],
	i16: [-32_767, 32_767],
	i32: [-2_147_483_647, 2_147_483_647]
};
const SENTINEL: Record<IntEnc, number> = { i8: -128, i16: -32_768, i32: -2_147_483_648 };
const BYTES: Record<Enc, number> = { i8: 1, i16: 2, i32: 4, f64: 8 };

function intEnc(min: number, max: number): IntEnc | null {
	for (const e of ['i8', 'i16', 'i32'] as const)
		if (min >= RANGE[e][0] && max <= RANGE[e][1]) return e;
	return null;
}

function view(enc: Enc, buf: ArrayBuffer, offset: number, n: number) {
	if (enc === 'i8') return new Int8Array(buf, offset, n);
	if (enc === 'i16') return new Int16Array(buf, offset, n);
	if (enc === 'i32') return new Int32Array(buf, offset, n);
	return new Float64Array(buf, offset, n);
}

/** The fewest decimals that keep every value exact (null: none up to 6 do, or too large). */
function decimalsOf(values: Float64Array): { decimals: number; min: number; max: number } | null {
	for (let d = 0; d <= 6; d++) {
		const scale = 10 ** d;
		let min = Infinity;
		let max = -Infinity;
		let ok = true;
		for (let i = 0; i < values.length && ok; i++) {
			const v = values[i]!;
			if (v !== v) continue;
			const w = Math.round(v * scale);
			if (!Number.isSafeInteger(w) || w / scale !== v || Object.is(v, -0)) ok = false;
			else {
				if (w < min) min = w;
				if (w > max) max = w;
			}
		}
		if (ok)
			return { decimals: d, min: min === Infinity ? 0 : min, max: max === -Infinity ? 0 : max };
	}
	return null;
}

function codesEnc(dictionary: readonly string[]): IntEnc {
	return intEnc(-1, dictionary.length - 1)!;
}

/** Packs a dataset (its id, creation time and size are left out). */
export function packDataset(ds: Dataset | PackedDataset): Uint8Array {
	const n = ds.table.n;
	const sections: {
		enc: Enc;
		write: (out: Int8Array | Int16Array | Int32Array | Float64Array) => void;
	}[] = [];
	// Ids: dictionary codes in first-seen order.
	const idDict: string[] = [];
	const idCode = new Map<string, number>();
	const idCodes = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const id = ds.ids[i]!;
		let c = idCode.get(id);
		if (c === undefined) {
			c = idDict.length;
			idCode.set(id, c);
			idDict.push(id);
		}
		idCodes[i] = c;
	}
	const idEnc = codesEnc(idDict);
	sections.push({ enc: idEnc, write: (out) => out.set(idCodes) });
	const columns: PackedColumn[] = [];
	for (const [name, col] of ds.table.columns) {
		if (col.kind === 'category') {
			const enc = codesEnc(col.dictionary);
			columns.push({ name, kind: 'category', enc, dictionary: col.dictionary });
			sections.push({ enc, write: (out) => out.set(col.codes) });
			continue;
		}
		const values = col.values;
		const d = decimalsOf(values);
		const enc = d ? intEnc(d.min, d.max) : null;
		if (!d || !enc) {
			columns.push({ name, kind: 'number', enc: 'f64' });
			sections.push({ enc: 'f64', write: (out) => out.set(values) });
			continue;
		}
		const scale = 10 ** d.decimals;
		const sentinel = SENTINEL[enc];
		columns.push({ name, kind: 'number', enc, decimals: d.decimals });
		sections.push({
			enc,
			write: (out) => {
				for (let i = 0; i < n; i++) {
					const v = values[i]!;
					out[i] = v !== v ? sentinel : Math.round(v * scale);
				}
			}
		});
	}
	const { id: _id, createdAt: _at, bytes: _bytes, ...meta } = ds.meta as DatasetMeta;
	const header: PackHeader = {
		version: 1,
		n,
		meta,
		ids: { dictionary: idDict, enc: idEnc },
		columns
	};
	const json = new TextEncoder().encode(JSON.stringify(header));
	const align = (x: number) => Math.ceil(x / 8) * 8;
	let size = align(12 + json.length);
	const offsets = sections.map((s) => {
		const at = size;
		size = align(size + BYTES[s.enc] * n);
		return at;
	});
	const buf = new ArrayBuffer(size);
	const bytes = new Uint8Array(buf);
	bytes.set(new TextEncoder().encode(MAGIC), 0);
	new DataView(buf).setUint32(8, json.length, true);
	bytes.set(json, 12);
	sections.forEach((s, k) => s.write(view(s.enc, buf, offsets[k]!, n)));
	return bytes;
}

/** Why a packed file cannot be read (the caller falls back to the CSV). */
export class PackError extends Error {}

/** Decodes a packed dataset; throws `PackError` on anything that is not one. */
export function unpackDataset(input: ArrayBuffer | Uint8Array): PackedDataset {
	const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
	if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
		throw new PackError('not a packed dataset');
	// Sections must sit on 8-byte boundaries of their own buffer.
	const buf =
		bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
			? (bytes.buffer as ArrayBuffer)
			: bytes.slice().buffer;
	const len = new DataView(buf).getUint32(8, true);
	let header: PackHeader;
	try {
		header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 12, len))) as PackHeader;
	} catch {
		throw new PackError('the packed header is not readable');
	}
	if (header.version !== 1 || !Number.isInteger(header.n) || !Array.isArray(header.columns))
		throw new PackError('unknown packed version');
	const n = header.n;
	const align = (x: number) => Math.ceil(x / 8) * 8;
	let at = align(12 + len);
	const next = (enc: Enc) => {
		const end = at + BYTES[enc] * n;
		if (end > buf.byteLength) throw new PackError('the packed file is cut short');
		const v = view(enc, buf, at, n);
		at = align(end);
		return v;
	};
	const idCodes = next(header.ids.enc);
	const ids = new Array<string>(n);
	for (let i = 0; i < n; i++) ids[i] = header.ids.dictionary[idCodes[i]!]!;
	const columns = new Map<string, Column>();
	for (const c of header.columns) {
		const raw = next(c.enc);
		if (c.kind === 'category') {
			columns.set(c.name, {
				kind: 'category',
				codes: Int32Array.from(raw),
				dictionary: c.dictionary ?? []
			});
			continue;
		}
		if (c.enc === 'f64') {
			columns.set(c.name, { kind: 'number', values: Float64Array.from(raw) });
			continue;
		}
		const scale = 10 ** (c.decimals ?? 0);
		const sentinel = SENTINEL[c.enc];
		const values = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const w = raw[i]!;
			values[i] = w === sentinel ? NaN : scale === 1 ? w : w / scale;
		}
		columns.set(c.name, { kind: 'number', values });
	}
	const table: ColumnTable = { n, columns };
	return { meta: header.meta, ids, table };
}
