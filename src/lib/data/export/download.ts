/**
 * Browser downloads: save a Blob through an `<a download>` with a blob: URL, and turn a live SVG
 * chart into a standalone SVG file or a PNG (the SVG drawn from a blob: URL onto a canvas; CSP
 * allows img-src blob:). DOM only; the string work is in chart-image.ts.
 */
import { inlineComputedStyles, rasterSize, standaloneSvg, type StyleOf } from './chart-image';

/** Save a blob under `fileName` (the browser's download). */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text (UTF-8) under `fileName`. */
export function saveText(text: string, fileName: string, type: string): void {
	saveBlob(new Blob([text], { type }), fileName);
}

/** The page's background colour (for the image background), white when transparent. */
function pageBackground(): string {
	for (const el of [document.querySelector('main'), document.body, document.documentElement]) {
		if (!el) continue;
		const c = getComputedStyle(el).backgroundColor;
		if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
	}
	return '#ffffff';
}

/** A live chart as a standalone SVG file (text) and its size in CSS px. */
export function chartSvg(
	svg: SVGSVGElement,
	title: string
): { text: string; width: number; height: number } {
	const box = svg.viewBox.baseVal;
	const rect = svg.getBoundingClientRect();
	const width = box && box.width > 0 ? box.width : rect.width;
	const height = box && box.height > 0 ? box.height : rect.height;
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const styleOf: StyleOf = (el) => getComputedStyle(el as unknown as Element);
	inlineComputedStyles(svg, clone, styleOf);
	const markup = new XMLSerializer().serializeToString(clone);
	return {
		text: standaloneSvg(markup, { width, height, title, background: pageBackground() }),
		width,
		height
	};
}

/** Draw standalone SVG text onto a canvas and encode it as PNG. */
export async function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
	const size = rasterSize(width, height);
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.decoding = 'async';
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = size.width;
		canvas.height = size.height;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw on a canvas.');
		ctx.drawImage(img, 0, 0, size.width, size.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
