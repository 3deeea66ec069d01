/**
 * Line-chart maths for the backtest and validation charts (ROC, gains, calibration, rolling AUC,
 * survival, trajectories): margins and SVG paths, pure and unit-tested. The frame,
 * scales and axes are Chart.svelte's and Axis.svelte's, as for every chart.
 */
import { line, type ScaleLinear } from 'd3';
import type { Margins } from '../scales';

/** One drawn series: points in data units; NaN y values break the line. */
export interface Series {
	id: string;
	label: string;
	points: [number, number][];
	/** CSS colour (a custom property such as `var(--accent)` works). */
	color: string;
	dashed?: boolean;
	/** Draw dots at the points (and no line when `line` is false). */
	dots?: boolean;
	line?: boolean;
}

/** Margins of the backtest charts: room for large (16 px) tick labels and axis titles. */
export const LINE_MARGINS: Margins = { left: 90, right: 32, top: 16, bottom: 56 };

/** SVG path of a series (gaps at NaN y); '' for fewer than one defined point. */
export function seriesPath(
	x: ScaleLinear<number, number>,
	y: ScaleLinear<number, number>,
	points: readonly [number, number][]
): string {
	return (
		line<[number, number]>()
			.defined((d) => Number.isFinite(d[1]) && Number.isFinite(d[0]))
			.x((d) => x(d[0]))
			.y((d) => y(d[1]))(points as [number, number][]) ?? ''
	);
}
