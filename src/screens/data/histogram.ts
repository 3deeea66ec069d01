/** Geometry and text alternative of the mapping step's mini histogram (pure). */
import type { Histogram } from '$lib/data/csv/infer';
import * as fmt from '$lib/ui/format';

export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Bars scaled to `width` × `height` (tallest bin = full height; 1 px gap between bars). */
export function histogramBars(h: Histogram, width: number, height: number): Bar[] {
	const k = h.counts.length;
	if (k === 0) return [];
	const top = Math.max(1, ...h.counts);
	const step = width / k;
	return h.counts.map((c, i) => {
		const barHeight = (c / top) * (height - 1);
		return {
			x: i * step,
			y: height - 1 - barHeight,
			width: Math.max(1, step - 1),
			height: barHeight
		};
	});
}

/** A bin edge: up to two decimals, no grouping (as the axis of a value range reads). */
const bound = (x: number): string => fmt.number(x, { maxDigits: 2, grouping: false });

/** "18.25–28.3: 1,200; 28.3–38.35: 512; …" — every bin with its range and count. */
export function histogramText(h: Histogram): string {
	const k = h.counts.length;
	const w = k > 0 ? (h.max - h.min) / k : 0;
	return h.counts
		.map((c, i) => {
			const lo = h.min + i * w;
			const hi = i === k - 1 ? h.max : h.min + (i + 1) * w;
			return `${bound(lo)}–${bound(hi)}: ${fmt.integer(c)}`;
		})
		.join('; ');
}
