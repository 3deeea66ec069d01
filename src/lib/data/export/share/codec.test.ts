import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TEMPLATES } from '$lib/model';
import {
	MAX_DECOMPRESSED_BYTES,
	MAX_ENCODED_CHARS,
	checkValues,
	decodeShare,
	encodeShare,
	fromBase64Url,
	inflateCapped,
	shareHref,
	toBase64Url,
	type SharePayload,
	type ShareValues
} from './codec';

const SEED = 20261122;
const model = TEMPLATES.find((t) => t.id === 'four-dimensions')!.model;

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([new Uint8Array(bytes)])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Encode any JSON-able value the way the codec does, to craft hostile payloads. */
async function encodeRaw(json: string): Promise<string> {
	return toBase64Url(await deflateRaw(new TextEncoder().encode(json)));
}

describe('base64url', () => {
	it.each([
		[[], ''],
		[[0xfb, 0xff], '-_8'],
		[[0x66, 0x6f, 0x6f], 'Zm9v']
	])('%o ↔ %s', (bytes, text) => {
		expect(toBase64Url(new Uint8Array(bytes))).toBe(text);
		expect([...(fromBase64Url(text) ?? [])]).toEqual(bytes);
	});
	it.each(['a', 'ab=c', 'a+b/', 'é'])('rejects %s', (text) =>
		expect(fromBase64Url(text)).toBeNull()
	);
});

describe('share codec round trip', () => {
	it('the worked example survives encode → decode', async () => {
		const payload: SharePayload = {
			v: 1,
			model,
			values: { usage: 18, support: 22, onboarding: 23, engagement: 16 }
		};
		const code = await encodeShare(payload);
		expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(code.length).toBeLessThan(MAX_ENCODED_CHARS);
		expect(await decodeShare(code)).toEqual({ ok: true, payload });
	});

	const value = fc.oneof(
		fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
		fc.string({ maxLength: 60 }),
		fc.boolean(),
		fc.constant(null)
	);
	const values = fc.dictionary(fc.string({ minLength: 1, maxLength: 30 }), value, { maxKeys: 20 });

	it('is the identity for every template and any inputs (property, fixed seed)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...TEMPLATES), values, async (t, vals) => {
				const payload: SharePayload = { v: 1, model: t.model, values: vals as ShareValues };
				const res = await decodeShare(await encodeShare(payload));
				expect(res).toEqual({ ok: true, payload });
			}),
			{ seed: SEED, numRuns: 150 }
		);
	});
});

describe('hostile links', () => {
	it('random text never throws and is never accepted (property, fixed seed)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(fc.string({ maxLength: 300 }), fc.stringMatching(/^[A-Za-z0-9_-]{0,300}$/)),
				async (text) => {
					const res = await decodeShare(text);
					expect(res.ok).toBe(false);
				}
			),
			{ seed: SEED, numRuns: 300 }
		);
	});

	it('random bytes that inflate are still refused', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
				const res = await decodeShare(toBase64Url(await deflateRaw(bytes)));
				expect(res.ok).toBe(false);
			}),
			{ seed: SEED, numRuns: 100 }
		);
	});

	it('rejects an oversized link before decoding it', async () => {
		const res = await decodeShare('A'.repeat(MAX_ENCODED_CHARS + 1));
		expect(res).toMatchObject({ ok: false, code: 'too-large' });
	});

	it('stops a deflate bomb at the byte cap', async () => {
		// 50 MB of spaces compresses to about 50 KB raw; cut to fit the link cap: 1 MB ≈ 1 KB.
		const bomb = await deflateRaw(new Uint8Array(4 * MAX_DECOMPRESSED_BYTES).fill(0x20));
		const code = toBase64Url(bomb);
		expect(code.length).toBeLessThanOrEqual(MAX_ENCODED_CHARS);
		expect(await decodeShare(code)).toMatchObject({ ok: false, code: 'too-large' });
		expect(await inflateCapped(bomb, MAX_DECOMPRESSED_BYTES)).toBe('too-large');
	});

	it('accepts output exactly at the byte cap at the inflate level', async () => {
		const bytes = new Uint8Array(1000).fill(0x41);
		const out = await inflateCapped(await deflateRaw(bytes), 1000);
		expect(out).toBeInstanceOf(Uint8Array);
		expect(await inflateCapped(await deflateRaw(bytes), 999)).toBe('too-large');
	});

	it('a cut-off link is damaged', async () => {
		const code = await encodeShare({ v: 1, model, values: { usage: 18 } });
		const res = await decodeShare(code.slice(0, Math.floor(code.length / 2)));
		expect(res).toMatchObject({ ok: false, code: 'damaged' });
	});

	it.each([
		['a newer envelope', { v: 2, model, values: {} }],
		['a newer model schema', { v: 1, model: { ...model, schemaVersion: 99 }, values: {} }]
	])('%s is newer-version', async (_name, payload) => {
		const res = await decodeShare(await encodeRaw(JSON.stringify(payload)));
		expect(res).toMatchObject({ ok: false, code: 'newer-version' });
	});

	it.each([
		['not JSON', '{"v":1,'],
		['JSON but not an object', '[1,2,3]'],
		['no version', JSON.stringify({ model, values: {} })],
		['version 0', JSON.stringify({ v: 0, model, values: {} })]
	])('%s is damaged', async (_name, json) => {
		expect(await decodeShare(await encodeRaw(json))).toMatchObject({ ok: false, code: 'damaged' });
	});

	it.each([
		['a model that fails validation', { v: 1, model: { ...model, tiers: 'no' }, values: {} }],
		['values that are an array', { v: 1, model, values: [1, 2] }],
		['a nested object in values', { v: 1, model, values: { usage: { x: 1 } } }],
		[
			'too many values',
			{ v: 1, model, values: Object.fromEntries([...Array(101).keys()].map((i) => [`k${i}`, i])) }
		],
		['an overlong string', { v: 1, model, values: { usage: 'x'.repeat(501) } }]
	])('%s is invalid', async (_name, payload) => {
		const res = await decodeShare(await encodeRaw(JSON.stringify(payload)));
		expect(res).toMatchObject({ ok: false, code: 'invalid' });
		if (!res.ok) expect(res.message.length).toBeGreaterThan(10);
	});

	it('a prototype-pollution payload leaves Object.prototype clean', async () => {
		const json = `{"v":1,"__proto__":{"polluted":1},"model":${JSON.stringify(model)},"values":{"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}}}}`;
		const res = await decodeShare(await encodeRaw(json));
		expect(res.ok).toBe(false);
		const res2 = await decodeShare(
			await encodeRaw(`{"v":1,"model":${JSON.stringify(model)},"values":{"__proto__":5}}`)
		);
		expect(res2.ok).toBe(true);
		if (res2.ok) {
			expect(Object.getPrototypeOf(res2.payload.values)).toBe(Object.prototype);
			expect(Object.prototype.hasOwnProperty.call(res2.payload.values, '__proto__')).toBe(true);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});
});

describe('checkValues', () => {
	it.each([
		[{ a: 1, b: 'x', c: true, d: null }, true],
		[{ a: Number.POSITIVE_INFINITY }, false],
		[{ '': 1 }, false],
		[{ a: undefined }, false],
		[null, false],
		['str', false]
	])('%o ok=%s', (raw, ok) => expect('values' in checkValues(raw)).toBe(ok));
});

describe('shareHref', () => {
	it('keeps the page address (any sub-path) and replaces the fragment', () => {
		expect(shareHref('http://localhost:4181/tools/health/#/data', 'abc')).toBe(
			'http://localhost:4181/tools/health/#/calculator?s=abc'
		);
		expect(shareHref('file:///x/index.html', 'q')).toBe('file:///x/index.html#/calculator?s=q');
	});
});
