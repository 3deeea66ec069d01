import { describe, expect, it } from 'vitest';
import { toBase64Url } from '$lib/data/export/share/codec';
import {
	answerHref,
	decodeAnswer,
	decodeRound,
	encodeAnswer,
	encodeRound,
	MAX_ANSWER_CHARS,
	pointsProblem,
	roundHref,
	scannedKind
} from './codes';
import type { RoundShare } from './round';

const round: RoundShare = {
	v: 1,
	id: 'abc123',
	title: 'Q4 workshop',
	cards: [
		{ ref: 'A', values: [{ label: 'Seat utilisation', text: '62 %' }] },
		{ ref: 'B', values: [{ label: 'Seat utilisation', text: 'missing' }] }
	],
	dimensions: [
		{ id: 'usage', name: 'Usage' },
		{ id: 'support', name: 'Support' }
	]
};

describe('round codes', () => {
	it('round-trips a round', async () => {
		const code = await encodeRound(round);
		expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(await decodeRound(code)).toEqual({ ok: true, value: round });
	});

	it('refuses damaged, empty and foreign text with a reason', async () => {
		const code = await encodeRound(round);
		const cut = await decodeRound(code.slice(0, code.length - 8));
		expect(cut.ok).toBe(false);
		expect(!cut.ok && cut.message).toMatch(/damaged or incomplete/);
		expect(await decodeRound('  ')).toEqual({
			ok: false,
			reason: 'roundEmpty',
			params: {},
			message: 'The round link is empty.'
		});
		const raw = new TextEncoder().encode('{"v":1}');
		const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate-raw'));
		const foreign = toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
		const r = await decodeRound(foreign);
		expect(!r.ok && r.message).toBe('This round link is not valid: the round id is missing.');
	});
});

describe('answer codes', () => {
	it('round-trip, also from a whole link, and trim the name', async () => {
		const code = await encodeAnswer({
			v: 1,
			round: 'abc123',
			name: ' Aiko ',
			ratings: ['R', 'G'],
			points: [60, 40]
		});
		expect(code.length).toBeLessThan(80);
		const want = { v: 1, round: 'abc123', name: 'Aiko', ratings: ['R', 'G'], points: [60, 40] };
		expect(await decodeAnswer(code, round)).toEqual({ ok: true, value: want });
		expect(await decodeAnswer(`https://x.test/app/#/workshop?a=${code}`, round)).toEqual({
			ok: true,
			value: want
		});
	});

	it('say why a code does not fit this round', async () => {
		const make = (over: Record<string, unknown>) =>
			encodeAnswer({
				v: 1,
				round: 'abc123',
				name: 'Bo',
				ratings: ['R', 'G'],
				points: null,
				...over
			});
		const other = await decodeAnswer(await make({ round: 'zzz999' }), round);
		expect(!other.ok && other.message).toBe(
			'This answer code cannot be used: it belongs to another round (zzz999), not to this one (abc123).'
		);
		const short = await decodeAnswer(await make({ ratings: ['R'] }), round);
		expect(!short.ok && short.message).toMatch(/rates 1 accounts, the round has 2/);
		const sum = await decodeAnswer(await make({ points: [50, 40] }), round);
		expect(!sum.ok && sum.message).toMatch(/add up to 90, not 100/);
		const noName = await decodeAnswer(await make({ name: '  ' }), round);
		expect(!noName.ok && noName.message).toMatch(/name must be 1–40 characters/);
		const junk = await decodeAnswer('not a code!', round);
		expect(!junk.ok && junk.message).toMatch(/damaged or incomplete/);
	});

	it('checks points', () => {
		expect(pointsProblem([50, 50], 2)).toBeNull();
		expect(pointsProblem([50.5, 49.5], 2)?.reason).toBe('answerPointsWhole');
		expect(pointsProblem([100], 2)).toEqual({
			reason: 'answerPointsCount',
			params: { got: 1, want: 2 }
		});
	});
});

describe('scanned QR codes', () => {
	it('tells an answer (link or bare code) from the round link and from anything else', async () => {
		const code = await encodeAnswer({
			v: 1,
			round: 'abc123',
			name: 'Aiko',
			ratings: ['R', 'G'],
			points: [60, 40]
		});
		expect(scannedKind(answerHref('https://x.example/app/', code))).toBe('answer');
		expect(scannedKind(` ${code}\n`)).toBe('answer');
		expect(scannedKind(roundHref('https://x.example/app/', 'AbC_-9'))).toBe('round');
		expect(scannedKind('https://example.com/?a=abc')).toBe('other');
		expect(scannedKind('WIFI:S:venue;T:WPA;P:secret;;')).toBe('other');
		expect(scannedKind('4006381333931')).toBe('answer'); // digits only: checked (and refused) as a code
		expect(scannedKind('x'.repeat(MAX_ANSWER_CHARS + 1))).toBe('other');
	});
});
