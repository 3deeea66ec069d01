/**
 * CSV dialect: delimiter (`,` `;` tab `|`) and line ending. Detection scores each delimiter by
 * how consistent the field count is over the first lines (quotes respected), honours Excel's
 * `sep=X` first line, and always yields to a user override.
 */

/** Delimiters the importer offers. */
export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
/** Line endings, as Papa's `Parser` takes them. */
export type Newline = '\n' | '\r\n' | '\r';

export interface Dialect {
	delimiter: Delimiter;
	newline: Newline;
	/** Where the delimiter came from. `default` = nothing scored, `,` assumed. */
	source: 'user' | 'sep-line' | 'detected' | 'default';
	/**
	 * Characters of an Excel `sep=X` line at the start of the text (0 when absent). The line is
	 * dropped before parsing and does not count as a row.
	 */
	sepLineLength: number;
	/** Per-delimiter consistency score 0–1 (share of sampled lines with the modal field count). */
	scores: Record<Delimiter, number>;
}

/** Names shown beside the delimiter picker. */
export const DELIMITER_LABELS: Record<Delimiter, string> = {
	',': 'comma',
	';': 'semicolon',
	'\t': 'tab',
	'|': 'pipe'
};

const SEP_LINE = /^"?sep=(.)"?[^\S\r\n]*(\r\n|\r|\n|$)/i;

/** Recognises Excel's `sep=;` first line. Returns the delimiter and the line's length. */
export function readSepLine(text: string): { delimiter: Delimiter; length: number } | null {
	const m = SEP_LINE.exec(text.slice(0, 16));
	if (!m) return null;
	const d = m[1] as Delimiter;
	if (!DELIMITERS.includes(d)) return null;
	return { delimiter: d, length: m[0].length };
}

/** First line ending outside quotes; `\n` when the sample has none. */
export function detectNewline(text: string, quote = '"'): Newline {
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === quote) inQuotes = !inQuotes;
		else if (!inQuotes && c === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
		else if (!inQuotes && c === '\n') return '\n';
	}
	return '\n';
}

/**
 * Field count of each record in `text` for one delimiter, quotes respected (`""` inside a quoted
 * field toggles twice, so it is neutral). Blank records are skipped. Stops after `maxLines`.
 */
export function fieldCounts(text: string, delimiter: string, maxLines = 50, quote = '"'): number[] {
	const counts: number[] = [];
	let inQuotes = false;
	let fields = 1;
	let lineHasContent = false;
	for (let i = 0; i < text.length && counts.length < maxLines; i++) {
		const c = text[i];
		if (c === quote) {
			inQuotes = !inQuotes;
			lineHasContent = true;
		} else if (inQuotes) continue;
		else if (c === delimiter) {
			fields++;
			lineHasContent = true;
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			if (lineHasContent) counts.push(fields);
			fields = 1;
			lineHasContent = false;
		} else if (c !== ' ') lineHasContent = true;
	}
	// An unterminated last line may be cut off by the chunk edge: count it only when alone.
	if (lineHasContent && counts.length === 0) counts.push(fields);
	return counts;
}

function consistency(counts: number[]): { share: number; mode: number } {
	if (counts.length === 0) return { share: 0, mode: 1 };
	const freq = new Map<number, number>();
	for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
	let mode = 1;
	let best = 0;
	for (const [c, f] of freq) {
		if (f > best || (f === best && c > mode)) {
			mode = c;
			best = f;
		}
	}
	return { share: mode < 2 ? 0 : best / counts.length, mode };
}

/**
 * Detects the dialect from the first chunk of decoded text (BOM already removed). Order of
 * authority: the user's delimiter, then a `sep=` line, then the most consistent delimiter
 * (ties go to the larger field count, then to `, ; \t |` order), else `,`.
 */
export function detectDialect(text: string, userDelimiter?: Delimiter): Dialect {
	const sep = readSepLine(text);
	const sepLineLength = sep?.length ?? 0;
	const body = text.slice(sepLineLength, sepLineLength + 65_536);
	const newline = detectNewline(body);
	const scores = { ',': 0, ';': 0, '\t': 0, '|': 0 } as Record<Delimiter, number>;
	let best: Delimiter | null = null;
	let bestShare = 0;
	let bestMode = 0;
	for (const d of DELIMITERS) {
		const { share, mode } = consistency(fieldCounts(body, d));
		scores[d] = share;
		if (share > bestShare || (share === bestShare && share > 0 && mode > bestMode)) {
			best = d;
			bestShare = share;
			bestMode = mode;
		}
	}
	if (userDelimiter)
		return { delimiter: userDelimiter, newline, source: 'user', sepLineLength, scores };
	if (sep) return { delimiter: sep.delimiter, newline, source: 'sep-line', sepLineLength, scores };
	if (best) return { delimiter: best, newline, source: 'detected', sepLineLength, scores };
	return { delimiter: ',', newline, source: 'default', sepLineLength, scores };
}
