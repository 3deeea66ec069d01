import { describe, expect, it } from 'vitest';
import {
	createChunkDecoder,
	detectEncoding,
	encodingCandidates,
	firstInvalidUtf8,
	sniffBom
} from './encoding';
import { fixture } from './testing/helpers';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sniffBom', () => {
	it.each([
		['utf-8 BOM', [0xef, 0xbb, 0xbf, 0x61], 'utf-8', 3],
		['utf-16le BOM', [0xff, 0xfe, 0x61, 0x00], 'utf-16le', 2],
		['utf-16be BOM', [0xfe, 0xff, 0x00, 0x61], 'utf-16be', 2],
		['no BOM', [0x61, 0x62, 0x63], null, 0],
		['empty', [], null, 0]
	])('%s', (_n, bytes, encoding, bomLength) => {
		expect(sniffBom(new Uint8Array(bytes))).toEqual({ encoding, bomLength });
	});

	it('recognises BOM-less UTF-16LE/BE by NUL bytes', () => {
		const le = new Uint8Array(Buffer.from('id,name\n1,a\n', 'utf16le'));
		expect(sniffBom(le).encoding).toBe('utf-16le');
		const be = le.slice();
		for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
		expect(sniffBom(be).encoding).toBe('utf-16be');
	});
});

describe('firstInvalidUtf8', () => {
	it.each([
		['ascii', [0x61, 0x62], -1],
		['valid 2-byte é', [0x61, 0xc3, 0xa9], -1],
		['valid 3-byte あ', [0xe3, 0x81, 0x82], -1],
		['valid 4-byte 😀', [0xf0, 0x9f, 0x98, 0x80], -1],
		['lone continuation', [0x61, 0x80], 1],
		['overlong /', [0xc0, 0xaf], 0],
		['surrogate ED A0 80', [0xed, 0xa0, 0x80], 0],
		['cp1252 é (E9) then ASCII', [0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x61], 3],
		['truncated at sample edge', [0x61, 0xe3, 0x81], -1]
	])('%s', (_n, bytes, at) => {
		expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
	});

	it('agrees with TextDecoder fatal on the fixtures', () => {
		for (const name of ['shift-jis.csv', 'windows-1252.csv', 'bom-utf8.csv']) {
			const bytes = fixture(name);
			let fatal = false;
			try {
				new TextDecoder('utf-8', { fatal: true }).decode(bytes);
			} catch {
				fatal = true;
			}
			expect(firstInvalidUtf8(bytes) !== -1, name).toBe(fatal);
		}
	});
});

describe('detectEncoding', () => {
	it('Node has full ICU: shift_jis decodes あ', () => {
		expect(new TextDecoder('shift_jis').decode(new Uint8Array([0x82, 0xa0]))).toBe('あ');
	});

	it('valid UTF-8 needs no picker', () => {
		expect(detectEncoding(enc('id,name\n1,Zoë\n'))).toEqual({
			ok: true,
			encoding: 'utf-8',
			bomLength: 0,
			source: 'utf8-valid'
		});
	});

	it('Shift_JIS bytes → picker with shift_jis first and a clean preview', () => {
		const d = detectEncoding(fixture('shift-jis.csv'));
		expect(d.ok).toBe(false);
		if (d.ok) return;
		expect(d.guess).toBe('shift_jis');
		expect(d.candidates.map((c) => c.encoding)).toEqual(['shift_jis', 'windows-1252']);
		expect(d.candidates[0]!.preview[0]).toBe('顧客ID,会社名,区分,売上');
		expect(d.candidates[0]!.replacements).toBe(0);
		expect(d.invalidAt).toBe(0);
	});

	it('Windows-1252 bytes → picker with windows-1252 first', () => {
		const d = detectEncoding(fixture('windows-1252.csv'));
		expect(d.ok).toBe(false);
		if (d.ok) return;
		expect(d.guess).toBe('windows-1252');
		expect(d.candidates[0]!.preview[1]).toBe('1,José,Zürich,€5');
	});

	it('a user choice wins', () => {
		expect(detectEncoding(fixture('shift-jis.csv'), 'shift_jis')).toMatchObject({
			ok: true,
			encoding: 'shift_jis',
			source: 'user'
		});
	});

	it('candidate previews are capped at 5 lines', () => {
		const c = encodingCandidates(
			new Uint8Array([0xe9, 0x0a, 0x61, 0x0a, 0x62, 0x0a, 0x63, 0x0a, 0x64, 0x0a, 0x65, 0x0a, 0x66])
		);
		expect(c[0]!.preview).toHaveLength(5);
	});
});

describe('createChunkDecoder', () => {
	it('decodes a multi-byte character split across chunks', () => {
		const bytes = enc('a,é,山\n');
		const decode = createChunkDecoder('utf-8');
		let out = '';
		for (let i = 0; i < bytes.length; i++)
			out += decode(bytes.subarray(i, i + 1), i === bytes.length - 1);
		expect(out).toBe('a,é,山\n');
	});

	it('is fatal on invalid UTF-8', () => {
		const decode = createChunkDecoder('utf-8');
		expect(() => decode(new Uint8Array([0x61, 0xe9, 0x2c]), true)).toThrow(TypeError);
	});
});
