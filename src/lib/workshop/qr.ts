/**
 * QR codes for the workshop's links: the round link on the facilitator's screen and a
 * participant's answer link, so a phone can carry them across the room without a server.
 * Pure: a module matrix and an SVG path; the screen draws it inline (no image URL, so the strict
 * CSP is unchanged).
 */
import { encode } from 'uqr';

/** Modules of light margin around the symbol (the QR standard's quiet zone is 4). */
export const QUIET_ZONE = 4;
/**
 * The longest text drawn as a QR code. Version 40 at the lowest error correction holds 2,953
 * bytes, but a symbol that dense (177 modules a side) cannot be read from a projector or a phone
 * screen across a table; past this length the link is shared as text only.
 */
export const MAX_QR_CHARS = 1_200;

/** A QR symbol: `dark[y][x]` is true for a dark module; the quiet zone is not included. */
export interface QrMatrix {
	size: number;
	version: number;
	dark: boolean[][];
}

/**
 * The QR symbol of a text (byte mode), or null when the text is too long to scan comfortably.
 * Error correction is the lowest level that fits, raised as far as the chosen version allows
 * (so a short link gets the most protection against glare and a smudged screen for free).
 */
export function qrMatrix(text: string): QrMatrix | null {
	if (text.length === 0 || text.length > MAX_QR_CHARS) return null;
	const r = encode(text, { ecc: 'L', boostEcc: true, border: 0 });
	return { size: r.size, version: r.version, dark: r.data };
}

/**
 * One SVG path drawing every dark module as a 1×1 square, offset by the quiet zone: runs of dark
 * modules along a row become one rectangle, which keeps the path short.
 */
export function qrPath(m: QrMatrix, quiet = QUIET_ZONE): string {
	const parts: string[] = [];
	for (let y = 0; y < m.size; y++) {
		const row = m.dark[y]!;
		let x = 0;
		while (x < m.size) {
			if (!row[x]) {
				x++;
				continue;
			}
			let end = x;
			while (end < m.size && row[end]) end++;
			parts.push(`M${x + quiet} ${y + quiet}h${end - x}v1h${x - end}z`);
			x = end;
		}
	}
	return parts.join('');
}

/** Side of the drawn square in modules, quiet zone included. */
export function qrSide(m: QrMatrix, quiet = QUIET_ZONE): number {
	return m.size + 2 * quiet;
}
