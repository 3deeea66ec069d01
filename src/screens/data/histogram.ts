/** Geometry and text alternative of the mapping step's mini histogram (pure). */
import type { Histogram } from '$lib/data/csv/infer';

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

function fmt(x: number): string {
	return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

/** "18.25–28.3: 1,200; 28.3–38.35: 512; …" — every bin with its range and count. */
export function histogramText(h: Histogram): string {
	const k = h.counts.length;
	const w = k > 0 ? (h.max - h.min) / k : 0;
	return h.counts
		.map((c, i) => {
			const lo = h.min + i * w;
			const hi = i === k - 1 ? h.max : h.min + (i + 1) * w;
			return `${fmt(lo)}–${fmt(hi)}: ${c.toLocaleString('en-US')}`;
		})
		.join('; ');
}
