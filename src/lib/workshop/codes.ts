/**
 * Round links and answer codes: JSON → deflate-raw → base64url, like the calculator's share link.
 * Decoding treats the text as hostile (length and inflated-size caps, strict shape checks) and
 * never throws: every failure is a message fit to show, and changes nothing.
 */
import { fromBase64Url, inflateCapped, toBase64Url } from '$lib/data/export/share/codec';
import { en } from '$lib/i18n/en';
import { interpolate } from '$lib/i18n/locale-pick';
import { RATINGS, type Rating, type RoundShare } from './round';

/** Longest round text accepted (base64url characters). */
export const MAX_ROUND_CHARS = 12_000;
/** Longest answer code accepted. */
export const MAX_ANSWER_CHARS = 2_000;
const MAX_INFLATED = 200_000;
export const MAX_CARDS = 40;
export const MAX_DIMENSIONS = 20;
export const MAX_NAME_CHARS = 40;

/** One participant's answers. */
export interface Answer {
	v: 1;
	/** The round id the answers belong to. */
	round: string;
	/** The participant's name or initials, as typed. */
	name: string;
	/** One rating per card, in card order. */
	ratings: Rating[];
	/** Points per dimension in round order (whole numbers summing to 100), or null if skipped. */
	points: number[] | null;
}

/** Why a round link or answer code was refused: a stable reason (the screen words it). */
export type CodeReason =
	| 'roundEmpty'
	| 'roundLong'
	| 'roundDamaged'
	| 'roundLarge'
	| 'roundVersion'
	| 'roundId'
	| 'roundTitle'
	| 'roundCards'
	| 'roundCard'
	| 'roundValue'
	| 'roundDims'
	| 'roundDim'
	| 'answerEmpty'
	| 'answerLong'
	| 'answerDamaged'
	| 'answerLarge'
	| 'answerVersion'
	| 'answerOtherRound'
	| 'answerName'
	| 'answerCount'
	| 'answerRating'
	| 'answerPoints'
	| 'answerPointsCount'
	| 'answerPointsWhole'
	| 'answerPointsSum';

export type CodeParams = Record<string, string | number>;

export type Decoded<T> =
	{ ok: true; value: T } | { ok: false; reason: CodeReason; params: CodeParams; message: string };

/** A refusal with its English message (the catalog's `ws.err.<reason>`). */
export function refusal(
	reason: CodeReason,
	params: CodeParams = {}
): { ok: false; reason: CodeReason; params: CodeParams; message: string } {
	return { ok: false, reason, params, message: interpolate(en[`ws.err.${reason}`], params) };
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new ReadableStream<BufferSource>({
		start(c) {
			c.enqueue(new Uint8Array(bytes));
			c.close();
		}
	}).pipeThrough(new CompressionStream('deflate-raw'));
	const buf = await new Response(stream).arrayBuffer();
	return new Uint8Array(buf);
}

async function encode(value: unknown): Promise<string> {
	return toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(value))));
}

async function decodeJson(
	text: string,
	maxChars: number,
	what: 'round' | 'answer'
): Promise<Decoded<unknown>> {
	const trimmed = text.trim();
	if (trimmed.length === 0) return refusal(`${what}Empty`);
	if (trimmed.length > maxChars) return refusal(`${what}Long`, { n: trimmed.length });
	const bytes = fromBase64Url(trimmed);
	if (!bytes || bytes.length === 0) return refusal(`${what}Damaged`);
	const raw = await inflateCapped(bytes, MAX_INFLATED);
	if (raw === 'too-large') return refusal(`${what}Large`);
	if (raw === 'damaged') return refusal(`${what}Damaged`);
	try {
		return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) };
	} catch {
		return refusal(`${what}Damaged`);
	}
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
const shortText = (x: unknown, max: number): x is string =>
	typeof x === 'string' && x.length > 0 && x.length <= max;

export function encodeRound(share: RoundShare): Promise<string> {
	return encode(share);
}

/** Read a round from a participant link's text (after `r=`). */
export async function decodeRound(text: string): Promise<Decoded<RoundShare>> {
	const d = await decodeJson(text, MAX_ROUND_CHARS, 'round');
	if (!d.ok) return d;
	const x = d.value;
	if (!isRecord(x) || x.v !== 1) return refusal('roundVersion');
	if (!shortText(x.id, 20)) return refusal('roundId');
	if (typeof x.title !== 'string' || x.title.length > 200) return refusal('roundTitle');
	if (!Array.isArray(x.cards) || x.cards.length === 0 || x.cards.length > MAX_CARDS)
		return refusal('roundCards', { max: MAX_CARDS });
	const cards = [];
	for (const [i, c] of x.cards.entries()) {
		if (!isRecord(c) || !shortText(c.ref, 4) || !Array.isArray(c.values) || c.values.length > 60)
			return refusal('roundCard', { n: i + 1 });
		const values = [];
		for (const v of c.values) {
			if (
				!isRecord(v) ||
				!shortText(v.label, 200) ||
				typeof v.text !== 'string' ||
				v.text.length > 200
			)
				return refusal('roundValue', { ref: String(c.ref) });
			values.push({ label: v.label, text: v.text });
		}
		cards.push({ ref: c.ref, values });
	}
	if (!Array.isArray(x.dimensions) || x.dimensions.length > MAX_DIMENSIONS)
		return refusal('roundDims', { max: MAX_DIMENSIONS });
	const dimensions = [];
	for (const dim of x.dimensions) {
		if (!isRecord(dim) || !shortText(dim.id, 60) || !shortText(dim.name, 200))
			return refusal('roundDim');
		dimensions.push({ id: dim.id, name: dim.name });
	}
	return { ok: true, value: { v: 1, id: x.id, title: x.title, cards, dimensions } };
}

/** An answer as its compact wire form: ratings as one string (`RYG…`). */
interface AnswerWire {
	v: 1;
	r: string;
	n: string;
	a: string;
	p: number[] | null;
}

export function encodeAnswer(a: Answer): Promise<string> {
	const wire: AnswerWire = { v: 1, r: a.round, n: a.name, a: a.ratings.join(''), p: a.points };
	return encode(wire);
}

/** Check points: whole numbers 0–100, one per dimension, summing to 100. */
export function pointsProblem(
	points: readonly number[],
	dimensions: number
): { reason: CodeReason; params: CodeParams } | null {
	if (points.length !== dimensions)
		return { reason: 'answerPointsCount', params: { got: points.length, want: dimensions } };
	if (points.some((p) => !Number.isInteger(p) || p < 0 || p > 100))
		return { reason: 'answerPointsWhole', params: {} };
	const sum = points.reduce((s, p) => s + p, 0);
	if (sum !== 100) return { reason: 'answerPointsSum', params: { sum } };
	return null;
}

/**
 * Read an answer code and check it against the facilitator's round (same round id, one rating per
 * card, points that add up to 100). Accepts the bare code or a whole link holding `a=<code>`.
 */
export async function decodeAnswer(text: string, round: RoundShare): Promise<Decoded<Answer>> {
	const m = /[?&]a=([A-Za-z0-9_-]+)/.exec(text);
	const d = await decodeJson(m ? m[1]! : text, MAX_ANSWER_CHARS, 'answer');
	if (!d.ok) return d;
	const x = d.value;
	if (!isRecord(x) || x.v !== 1) return refusal('answerVersion');
	if (x.r !== round.id)
		return refusal('answerOtherRound', {
			theirs: typeof x.r === 'string' ? x.r.slice(0, 20) : '?',
			ours: round.id
		});
	if (typeof x.n !== 'string' || x.n.trim().length === 0 || x.n.length > MAX_NAME_CHARS)
		return refusal('answerName', { max: MAX_NAME_CHARS });
	if (typeof x.a !== 'string' || x.a.length !== round.cards.length)
		return refusal('answerCount', {
			got: typeof x.a === 'string' ? x.a.length : 0,
			want: round.cards.length
		});
	const ratings: Rating[] = [];
	for (const [i, ch] of [...x.a].entries()) {
		if (!(RATINGS as readonly string[]).includes(ch))
			return refusal('answerRating', { ref: round.cards[i]?.ref ?? i + 1 });
		ratings.push(ch as Rating);
	}
	let points: number[] | null = null;
	if (x.p !== null && x.p !== undefined) {
		if (!Array.isArray(x.p) || x.p.some((p) => typeof p !== 'number'))
			return refusal('answerPoints');
		const problem = pointsProblem(x.p as number[], round.dimensions.length);
		if (problem) return refusal(problem.reason, problem.params);
		points = x.p as number[];
	}
	return { ok: true, value: { v: 1, round: round.id, name: x.n.trim(), ratings, points } };
}

/** A participant link: the page address + `#/workshop?r=<round code>`. */
export function roundHref(pageHref: string, code: string): string {
	return `${pageHref.split('#')[0] ?? pageHref}#/workshop?r=${code}`;
}

/** An answer link: the page address + `#/workshop?a=<answer code>`. */
export function answerHref(pageHref: string, code: string): string {
	return `${pageHref.split('#')[0] ?? pageHref}#/workshop?a=${code}`;
}

/**
 * What a scanned QR code holds: a workshop answer (an answer link, or a bare code, which is then
 * checked exactly as a pasted one), the participants' round link (scanned by mistake), or
 * something else (a web address, a Wi-Fi code…), which is refused without trying to read it.
 */
export function scannedKind(text: string): 'answer' | 'round' | 'other' {
	const s = text.trim();
	if (/#\/workshop\?(?:.*&)?a=[A-Za-z0-9_-]+/.test(s)) return 'answer';
	if (/#\/workshop\?(?:.*&)?r=[A-Za-z0-9_-]+/.test(s)) return 'round';
	if (/^[A-Za-z0-9_-]{8,}$/.test(s) && s.length <= MAX_ANSWER_CHARS) return 'answer';
	return 'other';
}
