/**
 * Charts as standalone image files. The page styles its SVG charts with CSS classes (CSP
 * `style-src 'self'`: no inline styles), which a downloaded .svg would lose; so the exporter walks
 * the live chart and a CLONE in parallel and copies the computed fill / stroke / font into
 * presentation attributes on the clone, then serialises it with a background, a title and the
 * SVG namespace. The page itself is never changed. PNG = that SVG drawn on a canvas (download.ts).
 */

/** Computed properties copied onto the clone as presentation attributes. */
export const STYLE_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'text-anchor',
	'dominant-baseline'
] as const;

/** Initial values: not written (keeps the file small). */
const INITIAL: Record<string, string> = {
	'fill-opacity': '1',
	'stroke-opacity': '1',
	opacity: '1',
	stroke: 'none',
	'stroke-width': '1px',
	'stroke-dasharray': 'none',
	'stroke-linecap': 'butt',
	'stroke-linejoin': 'miter',
	'font-weight': '400',
	'text-anchor': 'start',
	'dominant-baseline': 'auto'
};

/** Font properties matter on text only (and the root, which text inherits from). */
const FONT = new Set([
	'font-family',
	'font-size',
	'font-weight',
	'text-anchor',
	'dominant-baseline'
]);
const TEXT_TAGS = new Set(['svg', 'text', 'tspan', 'textpath']);

/** Attributes that belong to the live page, not to an image file. */
const DROP_ATTRIBUTES = ['class', 'tabindex', 'style', 'aria-describedby', 'aria-labelledby'];

/** The little of an Element the walker needs (so it runs on a fake tree in unit tests). */
export interface StylableElement {
	readonly tagName: string;
	readonly children: ArrayLike<StylableElement>;
	setAttribute(name: string, value: string): void;
	removeAttribute(name: string): void;
}

/** Reads one computed property (`getComputedStyle(el).getPropertyValue`). */
export type StyleOf = (el: StylableElement) => { getPropertyValue(name: string): string };

/**
 * Copy computed styles from `source` onto `clone` (same shape) as presentation attributes, and
 * drop page-only attributes (class, tabindex, style). Values equal to the initial value are
 * skipped; font properties only on text elements and the root.
 */
export function inlineComputedStyles(
	source: StylableElement,
	clone: StylableElement,
	styleOf: StyleOf
): void {
	const style = styleOf(source);
	const tag = source.tagName.toLowerCase();
	for (const prop of STYLE_PROPERTIES) {
		if (FONT.has(prop) && !TEXT_TAGS.has(tag)) continue;
		const v = style.getPropertyValue(prop).trim();
		if (v === '' || INITIAL[prop] === v) continue;
		clone.setAttribute(prop, v);
	}
	for (const a of DROP_ATTRIBUTES) clone.removeAttribute(a);
	const n = Math.min(source.children.length, clone.children.length);
	for (let i = 0; i < n; i++)
		inlineComputedStyles(source.children[i]!, clone.children[i]!, styleOf);
}

/** Escape text for XML content and attribute values. */
export function escapeXml(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Options of {@link standaloneSvg}. */
export interface StandaloneOptions {
	/** Size of the image, px (the viewBox is kept, so the drawing scales into it). */
	width: number;
	height: number;
	/** Fill behind the chart (CSS colour); none when omitted. */
	background?: string;
	/** Written as the file's <title> (read by screen readers and file browsers). */
	title?: string;
}

/**
 * Turn serialised SVG markup (`<svg …>…</svg>`) into a standalone .svg file: XML declaration,
 * the SVG namespace, explicit width and height, an optional title and background rectangle.
 * Throws when the markup does not start with an <svg> element (a programming error).
 */
export function standaloneSvg(markup: string, opts: StandaloneOptions): string {
	const m = /^\s*<svg\b([^>]*?)(\/?)>/i.exec(markup);
	if (!m) throw new Error('standaloneSvg: markup must start with <svg>');
	let attrs = m[1]!
		.replace(/\s(width|height)="[^"]*"/g, '')
		.replace(/\s(width|height)='[^']*'/g, '');
	if (!/\sxmlns="/.test(attrs)) attrs = ` xmlns="${SVG_NS}"${attrs}`;
	const w = Math.max(1, Math.round(opts.width));
	const h = Math.max(1, Math.round(opts.height));
	attrs += ` width="${w}" height="${h}"`;
	const inner: string[] = [];
	if (opts.title) inner.push(`<title>${escapeXml(opts.title)}</title>`);
	if (opts.background)
		inner.push(
			`<rect x="0" y="0" width="100%" height="100%" fill="${escapeXml(opts.background)}"/>`
		);
	const rest = markup.slice(m[0].length);
	const body = m[2] === '/' ? `${inner.join('')}</svg>` : `${inner.join('')}${rest}`;
	return `<?xml version="1.0" encoding="UTF-8"?>\n<svg${attrs}>${body}`;
}

/**
 * Pixel size of the PNG: the chart's size × `scale` (crisp on high-DPI screens and in slides),
 * shrunk to fit `max` px on the longer side (canvas limits).
 */
export function rasterSize(
	width: number,
	height: number,
	scale = 2,
	max = 4096
): { width: number; height: number } {
	const w = Math.max(1, width * scale);
	const h = Math.max(1, height * scale);
	const k = Math.min(1, max / Math.max(w, h));
	return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}

/** A safe file name: `score-histogram-usage-led-saas.svg`. */
export function chartFileName(chart: string, model: string, ext: 'svg' | 'png'): string {
	const slug = (s: string) =>
		s
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.toLowerCase()
			.replace(/[\s_-]+/g, '-')
			.slice(0, 60);
	return `${[slug(chart), slug(model)].filter(Boolean).join('-') || 'chart'}.${ext}`;
}

/** The 8-byte PNG signature, for checking a rasterised file. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
