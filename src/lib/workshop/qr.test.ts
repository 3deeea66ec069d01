import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { answerHref, encodeRound, roundHref } from './codes';
import { MAX_QR_CHARS, QUIET_ZONE, qrMatrix, qrPath, qrSide } from './qr';
import type { RoundShare } from './round';

/**
 * Rasterise the SVG path exactly as drawn (each `M x y h w v1 h-w z` is a w×1 dark rectangle) at
 * `scale` pixels a module onto a white RGBA image, and read it back with jsQR — a decoder written
 * independently of the generator. So the test covers the matrix and the path the screen draws.
 */
function decodePath(path: string, side: number, scale = 4): string | null {
	const px = side * scale;
	const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
	const re = /M(\d+) (\d+)h(\d+)v1h-\d+z/g;
	let drawn = 0;
	for (const m of path.matchAll(re)) {
		const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
		for (let yy = y * scale; yy < (y + 1) * scale; yy++)
			for (let xx = x * scale; xx < (x + w) * scale; xx++) {
				const i = (yy * px + xx) * 4;
				rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
			}
		drawn += m[0].length;
	}
	expect(drawn).toBe(path.length); // the path holds nothing but those rectangles
	return jsQR(rgba, px, px)?.data ?? null;
}

/** A round as large as a real workshop's: 12 accounts with 8 values each, 6 dimensions. */
function bigRound(): RoundShare {
	const labels = ['Seat utilisation', 'Logins per week', 'Open tickets', 'NPS', 'ARR', 'Tenure'];
	return {
		v: 1,
		id: 'r7k2m9',
		title: 'Q4 design workshop — EMEA mid-market',
		cards: Array.from({ length: 12 }, (_, i) => ({
			ref: String.fromCharCode(65 + i),
			values: [...labels, 'Renewal in', 'Plan'].map((label, j) => ({
				label,
				text: j === 7 ? ['Team', 'Business', 'Enterprise'][i % 3]! : `${(i * 37 + j * 11) % 97} %`
			}))
		})),
		dimensions: labels.map((name, j) => ({ id: `d${j}`, name }))
	};
}

describe('workshop QR codes', () => {
	it('a long round link decodes back to the same link with an independent decoder', async () => {
		const link = roundHref(
			'https://workbench.example.org/health-score/index.html',
			await encodeRound(bigRound())
		);
		expect(link.length).toBeGreaterThan(600);
		const m = qrMatrix(link)!;
		expect(m).not.toBeNull();
		expect(m.size).toBe(17 + 4 * m.version); // the standard's side for a version
		expect(decodePath(qrPath(m), qrSide(m))).toBe(link);
	});

	it('a short answer link decodes back, with the quiet zone around it', () => {
		const link = answerHref('http://localhost:4173/#/workshop?r=abc', 'x9_-Q'.repeat(20));
		const m = qrMatrix(link)!;
		expect(qrSide(m)).toBe(m.size + 2 * QUIET_ZONE);
		// No dark module in the quiet zone: every rectangle starts inside the symbol.
		for (const r of qrPath(m).matchAll(/M(\d+) (\d+)h(\d+)/g)) {
			expect(Number(r[1])).toBeGreaterThanOrEqual(QUIET_ZONE);
			expect(Number(r[2])).toBeGreaterThanOrEqual(QUIET_ZONE);
			expect(Number(r[1]) + Number(r[3])).toBeLessThanOrEqual(QUIET_ZONE + m.size);
		}
		expect(decodePath(qrPath(m), qrSide(m), 3)).toBe(link);
	});

	it('too long or empty text has no QR code (the link is shared as text)', () => {
		expect(qrMatrix('')).toBeNull();
		expect(qrMatrix('a'.repeat(MAX_QR_CHARS + 1))).toBeNull();
		expect(qrMatrix('a'.repeat(MAX_QR_CHARS))).not.toBeNull();
	});
});
