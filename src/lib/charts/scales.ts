/**
 * Chart maths, pure (d3 computes, Svelte draws): the plot frame and its scales, pixel ↔ value,
 * the one tick rule and where axis labels go, histogram bars and bins of raw values. Chart.svelte
 * and Axis.svelte draw with these; unit-tested without a DOM.
 */
import { max, scaleLinear, ticks, type ScaleBand, type ScaleLinear } from 'd3';

/** Margins around the plot area, in SVG units. */
export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** Plot area inside an SVG of `width` × `height` with margins. */
export interface Frame extends Margins {
	width: number;
	height: number;
}

export function frame(width: number, height: number, m: Partial<Margins> = {}): Frame {
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

/** y scale of a domain onto the plot area, bottom-up; `nice` rounds the domain out (count axes). */
export function yScale(
	f: Frame,
	domain: [number, number],
	nice = false
): ScaleLinear<number, number> {
	const s = scaleLinear()
		.domain(domain)
		.range([f.height - f.bottom, f.top]);
	return nice ? s.nice() : s;
}

/** y domain of a count axis: 0 to the largest count, at least 1 (an empty chart still has an axis). */
export function countDomain(counts: ArrayLike<number>): [number, number] {
	return [0, Math.max(1, maxCount(counts))];
}

/** Pixel → value, clamped to the domain and rounded to `step` (1 for whole scores). */
export function pixelToValue(x: ScaleLinear<number, number>, px: number, step = 1): number {
	const [lo, hi] = x.domain() as [number, number];
	const v = Math.min(hi, Math.max(lo, x.invert(px)));
	return Math.round(v / step) * step;
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

/** An axis scale: linear (numbers) or band (category labels such as months). */
export type AxisScale = ScaleLinear<number, number> | ScaleBand<string>;

/** Which ticks an axis shows: about `n` nice values, or exactly these values. */
export type TickSpec = number | readonly (number | string)[];

const isBand = (s: AxisScale): s is ScaleBand<string> => 'bandwidth' in s;

/**
 * The one tick rule. A count asks d3 for about that many nice values over a linear domain, or
 * thins a band scale's categories to about that many (every k-th, the first always shown); given
 * values are kept when they lie in the domain (a category: when the band scale has it). Values
 * outside the domain, non-finite numbers and repeats are dropped, so labels never sit off the
 * plot or on top of each other. A zero-width domain [a, a] gives the one tick a.
 */
export function tickValues(s: AxisScale, spec: TickSpec = 5): (number | string)[] {
	let raw: readonly (number | string)[];
	if (isBand(s)) {
		const domain = s.domain();
		if (typeof spec === 'number') {
			const every = Math.max(1, Math.ceil(domain.length / Math.max(1, Math.floor(spec))));
			raw = domain.filter((_, i) => i % every === 0);
		} else raw = spec.filter((v) => typeof v === 'string' && domain.includes(v));
	} else {
		const [a, b] = s.domain() as [number, number];
		const lo = Math.min(a, b);
		const hi = Math.max(a, b);
		const eps = (hi - lo) * 1e-9;
		raw = (typeof spec === 'number' ? s.ticks(spec) : spec).filter(
			(v) => typeof v === 'number' && Number.isFinite(v) && v >= lo - eps && v <= hi + eps
		);
	}
	return [...new Set(raw)];
}

/**
 * Explicit ticks from data values (as-of dates), for `tickValues`: about `n` of them, evenly
 * spaced by position in the list, the last always kept.
 */
export function spacedTicks(values: readonly number[], n = 4): number[] {
	const step = Math.max(1, Math.ceil((values.length - 1) / Math.max(1, n - 1)));
	return values.filter((_, i) => (values.length - 1 - i) % step === 0);
}

/** Where an axis sits: under the plot, or left / right of it. */
export type Placement = 'bottom' | 'left' | 'right';

/** Label placement knobs: `gap` from the plot edge, `dx`/`dy` nudges; `edges` anchors the end labels inward. */
export interface LabelOptions {
	gap?: number;
	dx?: number;
	dy?: number;
	edges?: boolean;
}

export interface AxisLabel {
	value: number | string;
	/** Pixel of the value along the axis (a band's centre). */
	at: number;
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	text: string;
}

/** Pixel of an axis value: a linear scale's value, or the centre of a band. */
export function positionOf(s: AxisScale, v: number | string): number {
	if (isBand(s)) return (s(String(v)) ?? NaN) + s.bandwidth() / 2;
	return s(v as number);
}

/**
 * Ticks of an axis with their labels' positions: bottom labels `gap` (16) below the plot, centred;
 * left ones `gap` (6) left of it, right-aligned; right ones `gap` (6) right of it. `dy` (4 at the
 * sides) drops side labels onto their tick's line.
 */
export function axisLabels(
	f: Frame,
	placement: Placement,
	s: AxisScale,
	spec: TickSpec,
	format: (v: number | string) => string,
	o: LabelOptions = {}
): AxisLabel[] {
	const values = tickValues(s, spec);
	const side = placement !== 'bottom';
	const gap = o.gap ?? (side ? 6 : 16);
	const dx = o.dx ?? 0;
	const dy = o.dy ?? (side ? 4 : 0);
	return values.map((value, i) => {
		const at = positionOf(s, value);
		const text = format(value);
		if (placement === 'bottom') {
			let anchor: AxisLabel['anchor'] = 'middle';
			if (o.edges && values.length > 1)
				anchor = i === 0 ? 'start' : i === values.length - 1 ? 'end' : 'middle';
			else if (o.edges) anchor = 'start';
			return { value, at, x: at + dx, y: f.height - f.bottom + gap + dy, anchor, text };
		}
		const x = placement === 'left' ? f.left - gap : f.width - f.right + gap;
		return {
			value,
			at,
			x: x + dx,
			y: at + dy,
			anchor: placement === 'left' ? 'end' : 'start',
			text
		};
	});
}
