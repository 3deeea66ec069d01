/**
 * Text encoding of an imported CSV: byte-order marks, strict UTF-8 validation, and a picker
 * (with decoded previews) when the bytes are not UTF-8 (Japanese Excel's Shift_JIS, Windows-1252).
 * Never import mojibake: a file that is not valid UTF-8 is decoded only after the user picks.
 */

/** Encodings the importer reads. Names are WHATWG Encoding labels accepted by `TextDecoder`. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'windows-1252';

/** All encodings offered in the picker, in display order. */
export const ENCODINGS: readonly EncodingName[] = [
	'utf-8',
	'utf-16le',
	'utf-16be',
	'shift_jis',
	'windows-1252'
];

/** Result of looking at the first bytes of a file. */
export interface BomSniff {
	/** Encoding named by the BOM, or null when there is none. */
	encoding: EncodingName | null;
	/** Length of the BOM in bytes (0, 2 or 3). */
	bomLength: number;
}

/**
 * Looks for a byte-order mark: UTF-8 `EF BB BF`, UTF-16LE `FF FE`, UTF-16BE `FE FF`. Without one,
 * a UTF-16 file is still recognised when at least 30 % of the first 512 bytes are NUL at odd
 * (LE) or even (BE) offsets, as ASCII text in UTF-16 is.
 */
export function sniffBom(bytes: Uint8Array): BomSniff {
	const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
	if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
	if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
	if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
	const n = Math.min(bytes.length, 512) & ~1;
	if (n >= 8) {
		let evenZero = 0;
		let oddZero = 0;
		for (let i = 0; i < n; i += 2) {
			if (bytes[i] === 0) evenZero++;
			if (bytes[i + 1] === 0) oddZero++;
		}
		const half = n / 2;
		if (oddZero / half >= 0.3 && evenZero === 0) return { encoding: 'utf-16le', bomLength: 0 };
		if (evenZero / half >= 0.3 && oddZero === 0) return { encoding: 'utf-16be', bomLength: 0 };
	}
	return { encoding: null, bomLength: 0 };
}

/** One choice in the encoding picker: the first lines of the file decoded that way. */
export interface EncodingCandidate {
	encoding: EncodingName;
	/** First lines (up to `previewLines`) decoded with this encoding. */
	preview: string[];
	/** U+FFFD replacement characters in the decoded sample (0 = every byte was valid). */
	replacements: number;
}

/** Outcome of detection: a sure encoding, or a choice the user must make. */
export type EncodingDetection =
	| { ok: true; encoding: EncodingName; bomLength: number; source: 'bom' | 'utf8-valid' | 'user' }
	| {
			ok: false;
			/** Candidate encodings with previews, best guess first. */
			candidates: EncodingCandidate[];
			/** The heuristic guess (also `candidates[0].encoding`). */
			guess: EncodingName;
			/** Byte offset of the first byte that is not valid UTF-8 (within the sample). */
			invalidAt: number;
	  };

/** Kana (U+3040–U+30FF), CJK ideographs and half-width katakana. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]/g;

/**
 * Windows-1252 bytes 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). Node 20's
 * `TextDecoder('windows-1252')` decodes them as C1 controls (Latin-1), unlike browsers; this
 * table fixes that. C1 controls never occur in real text, so the remap is safe everywhere.
 */
const CP1252_C1 =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function fixCp1252(text: string): string {
	return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Decodes with a non-fatal decoder (U+FFFD for bad bytes). */
export function decodeLoose(bytes: Uint8Array, encoding: EncodingName): string {
	const text = new TextDecoder(encoding).decode(bytes);
	return encoding === 'windows-1252' ? fixCp1252(text) : text;
}

/** First `lines` lines of `text` (any line ending). */
export function previewLines(text: string, lines = 5): string[] {
	return text.split(/\r\n|\r|\n/, lines + 1).slice(0, lines);
}

/** Byte offset of the first invalid UTF-8 sequence in `bytes`, or −1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	const n = bytes.length;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		if (b >= 0xc2 && b <= 0xdf) {
			need = 1;
			min = 0x80;
		} else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			min = 0x800;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			min = 0x10000;
		} else return i;
		if (i + need >= n) return -1; // truncated at the sample's edge: the stream decoder judges it
		let cp = b & (0x3f >> need);
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k]!;
			if ((c & 0xc0) !== 0x80) return i;
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
		i += need + 1;
	}
	return -1;
}

/**
 * Builds the picker for bytes that are not valid UTF-8: Shift_JIS first when decoding as
 * Shift_JIS gives Japanese text without replacement characters, else Windows-1252 first.
 */
export function encodingCandidates(sample: Uint8Array, lines = 5): EncodingCandidate[] {
	const make = (encoding: EncodingName): EncodingCandidate & { japanese: number } => {
		const text = decodeLoose(sample, encoding);
		const replacements = countReplacements(text);
		const japanese = (text.match(JAPANESE) ?? []).length;
		return { encoding, preview: previewLines(text, lines), replacements, japanese };
	};
	const sjis = make('shift_jis');
	const cp1252 = make('windows-1252');
	const sjisFirst = sjis.japanese > 0 && sjis.replacements === 0;
	const ordered = sjisFirst ? [sjis, cp1252] : [cp1252, sjis];
	return ordered.map(({ encoding, preview, replacements }) => ({
		encoding,
		preview,
		replacements
	}));
}

function countReplacements(text: string): number {
	let n = 0;
	for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
	return n;
}

/**
 * Detects the encoding from a sample of the file's first bytes (64 KiB is plenty). A user
 * choice wins. The sample passing UTF-8 validation is not a guarantee for the whole file: the
 * streaming decoder is strict too and reports a late invalid byte (see `parse.ts`).
 */
export function detectEncoding(sample: Uint8Array, userChoice?: EncodingName): EncodingDetection {
	const bom = sniffBom(sample);
	if (userChoice) {
		const bomLength = bom.encoding === userChoice ? bom.bomLength : 0;
		return { ok: true, encoding: userChoice, bomLength, source: 'user' };
	}
	if (bom.encoding)
		return { ok: true, encoding: bom.encoding, bomLength: bom.bomLength, source: 'bom' };
	const invalidAt = firstInvalidUtf8(sample);
	if (invalidAt === -1) return { ok: true, encoding: 'utf-8', bomLength: 0, source: 'utf8-valid' };
	const candidates = encodingCandidates(sample);
	return { ok: false, candidates, guess: candidates[0]!.encoding, invalidAt };
}

/**
 * Decodes a sequence of byte chunks into text chunks with one streaming `TextDecoder`, so a
 * multi-byte character split across chunks decodes correctly. `fatal` (default for UTF-8)
 * throws `TypeError` on invalid bytes. The BOM, if any, is dropped by the decoder.
 */
export function createChunkDecoder(
	encoding: EncodingName,
	fatal = encoding === 'utf-8'
): (chunk: Uint8Array, last: boolean) => string {
	const decoder = new TextDecoder(encoding, { fatal });
	if (encoding === 'windows-1252')
		return (chunk, last) => fixCp1252(decoder.decode(chunk, { stream: !last }));
	return (chunk, last) => decoder.decode(chunk, { stream: !last });
}

/** Kinds of non-text file recognised by their first bytes; `nul` = any file holding a NUL byte. */
export const BINARY_KINDS = [
	'png',
	'jpeg',
	'gif',
	'webp',
	'pdf',
	'zip',
	'zip-empty',
	'xls',
	'gzip',
	'bzip2',
	'xz',
	'zstd',
	'7z',
	'rar',
	'parquet',
	'sqlite',
	'elf',
	'exe',
	'nul'
] as const;
export type BinaryKind = (typeof BINARY_KINDS)[number];

/** File signatures ("magic numbers") of formats people rename or mistake for CSV. */
const SIGNATURES: readonly {
	bytes: readonly number[];
	at?: number;
	kind: BinaryKind;
	name: string;
}[] = [
	{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'png', name: 'a PNG image' },
	{ bytes: [0xff, 0xd8, 0xff], kind: 'jpeg', name: 'a JPEG image' },
	{ bytes: [0x47, 0x49, 0x46, 0x38], kind: 'gif', name: 'a GIF image' },
	{ bytes: [0x57, 0x45, 0x42, 0x50], at: 8, kind: 'webp', name: 'a WebP image' },
	{ bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'pdf', name: 'a PDF document' },
	{
		bytes: [0x50, 0x4b, 0x03, 0x04],
		kind: 'zip',
		name: 'a ZIP archive (an Excel .xlsx workbook is one: open it in Excel and save as CSV)'
	},
	{ bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zip-empty', name: 'an empty ZIP archive' },
	{
		bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
		kind: 'xls',
		name: 'an old Excel .xls (or Word .doc) file: open it in Excel and save as CSV'
	},
	{ bytes: [0x1f, 0x8b], kind: 'gzip', name: 'a gzip-compressed file: unpack it first' },
	{ bytes: [0x42, 0x5a, 0x68], kind: 'bzip2', name: 'a bzip2-compressed file: unpack it first' },
	{
		bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
		kind: 'xz',
		name: 'an xz-compressed file: unpack it first'
	},
	{
		bytes: [0x28, 0xb5, 0x2f, 0xfd],
		kind: 'zstd',
		name: 'a Zstandard-compressed file: unpack it first'
	},
	{
		bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
		kind: '7z',
		name: 'a 7-Zip archive: unpack it first'
	},
	{
		bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07],
		kind: 'rar',
		name: 'a RAR archive: unpack it first'
	},
	{ bytes: [0x50, 0x41, 0x52, 0x31], kind: 'parquet', name: 'a Parquet file' },
	{
		bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66],
		kind: 'sqlite',
		name: 'an SQLite database'
	},
	{ bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'elf', name: 'a program (ELF executable)' },
	{ bytes: [0x4d, 0x5a], kind: 'exe', name: 'a Windows program (.exe)' }
];

/**
 * Recognises a binary (non-text) file from its first bytes: a known signature (PNG, JPEG, PDF,
 * ZIP/xlsx, gzip, …) or a NUL byte in a file that is not UTF-16 (text never holds NUL).
 * Returns what the file looks like, in words, or null for text. Runs before any encoding
 * detection, so a renamed image never reaches the encoding picker.
 */
export function sniffBinary(sample: Uint8Array): string | null {
	const found = binaryKind(sample);
	if (!found) return null;
	return found.kind === 'nul'
		? `a binary file (it holds a NUL byte at byte ${found.at})`
		: SIGNATURES.find((s) => s.kind === found.kind)!.name;
}

/** What kind of binary file `sample` is (as `sniffBinary`), as a code the UI says in words. */
export function binaryKind(sample: Uint8Array): { kind: BinaryKind; at: number } | null {
	for (const sig of SIGNATURES) {
		const at = sig.at ?? 0;
		if (sample.length < at + sig.bytes.length) continue;
		let same = true;
		for (let k = 0; k < sig.bytes.length && same; k++) same = sample[at + k] === sig.bytes[k];
		// `MZ` and `BZh` are two or three letters a text file can start with: require a NUL too.
		if (same && (sig.bytes.length > 3 || sample.includes(0))) return { kind: sig.kind, at: 0 };
	}
	if (sniffBom(sample).encoding?.startsWith('utf-16')) return null;
	const nul = sample.indexOf(0);
	return nul === -1 ? null : { kind: 'nul', at: nul + 1 };
}
