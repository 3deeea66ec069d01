/**
 * Chart maths, pure (d3 computes, Svelte draws): linear scales, pixel ↔ value, histogram bars,
 * bins of raw values and tier counts from a histogram of shown scores. Unit-tested without a DOM.
 */
import { max, scaleLinear, ticks, type ScaleLinear } from 'd3';

/** Plot area inside an SVG of `width` × `height` with margins. */
export interface Frame {
	width: number;
	height: number;
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export function frame(width: number, height: number, m: Partial<Frame> = {}): Frame {
	return {
		width,
		height,
		top: m.top ?? 10,
		right: m.right ?? 12,
		bottom: m.bottom ?? 28,
		left: m.left ?? 44
	};
}

/** x scale of a domain onto the plot area. */
export function xScale(f: Frame, domain: [number, number]): ScaleLinear<number, number> {
	return scaleLinear()
		.domain(domain)
		.range([f.left, f.width - f.right]);
}

/** y scale from 0 to `top` (at least 1) onto the plot area, bottom-up. */
export function yScale(f: Frame, top: number): ScaleLinear<number, number> {
	return scaleLinear()
		.domain([0, Math.max(1, top)])
		.nice()
		.range([f.height - f.bottom, f.top]);
}

/** Pixel → value, clamped to the domain and rounded to `step` (1 for whole scores). */
export function pixelToValue(x: ScaleLinear<number, number>, px: number, step = 1): number {
	const [lo, hi] = x.domain() as [number, number];
	const v = Math.min(hi, Math.max(lo, x.invert(px)));
	return Math.round(v / step) * step;
}

/** Value → pixel (no clamping: callers pass values inside the domain). */
export function valueToPixel(x: ScaleLinear<number, number>, v: number): number {
	return x(v);
}

export interface Bar {
	/** Inclusive lower edge of the bin, in value units. */
	lo: number;
	/** Exclusive upper edge. */
	hi: number;
	count: number;
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Bars for `counts[i]` over the bin [lo + i·width, lo + (i+1)·width). */
export function histogramBars(
	f: Frame,
	counts: ArrayLike<number>,
	lo: number,
	binWidth: number,
	x: ScaleLinear<number, number>,
	y: ScaleLinear<number, number>,
	gapPx = 1
): Bar[] {
	const bars: Bar[] = [];
	const base = f.height - f.bottom;
	for (let i = 0; i < counts.length; i++) {
		const count = counts[i] ?? 0;
		const a = lo + i * binWidth;
		const x0 = x(a);
		const w = Math.max(0.5, x(a + binWidth) - x0 - gapPx);
		const yTop = y(count);
		bars.push({ lo: a, hi: a + binWidth, count, x: x0, y: yTop, w, h: base - yTop });
	}
	return bars;
}

/** Bins for raw values: `bins` equal-width bins over [lo, hi] with nice edges; NaN skipped. */
export function binValues(
	values: ArrayLike<number>,
	bins = 30
): { lo: number; binWidth: number; counts: number[]; present: number } {
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i] as number;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	if (!Number.isFinite(lo)) return { lo: 0, binWidth: 1, counts: [], present: 0 };
	const edges = ticks(lo, hi === lo ? lo + 1 : hi, bins);
	const first = edges[0] ?? lo;
	const binWidth = edges.length > 1 ? (edges[1] as number) - first : 1;
	const start = Math.min(first, Math.floor(lo / binWidth) * binWidth);
	const n = Math.max(1, Math.floor((hi - start) / binWidth) + 1);
	const counts = new Array<number>(n).fill(0);
	let present = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i] as number;
		if (Number.isNaN(v)) continue;
		present++;
		const b = Math.min(n - 1, Math.floor((v - start) / binWidth));
		counts[b] = (counts[b] ?? 0) + 1;
	}
	return { lo: start, binWidth, counts, present };
}

/** Largest count, 0 when empty. */
export function maxCount(counts: ArrayLike<number>): number {
	return max(Array.from(counts)) ?? 0;
}

/** Tick values for an axis over the scale's domain. */
export function axisTicks(s: ScaleLinear<number, number>, count = 5): number[] {
	return s.ticks(count);
}
