/**
 * Line-chart maths for the backtest charts (ROC, gains, calibration, rolling AUC): scales over a
 * plot frame, ticks and SVG paths, pure and unit-tested.
 */
import { line, scaleLinear, type ScaleLinear } from 'd3';

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

export interface Plot {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
	x: ScaleLinear<number, number>;
	y: ScaleLinear<number, number>;
}

/** Scales of a chart `width` × `height` with room for large (16 px) axis labels. */
export function plot(
	width: number,
	height: number,
	xDomain: [number, number],
	yDomain: [number, number]
): Plot {
	const m = { left: 90, right: 32, top: 16, bottom: 56 };
	return {
		width,
		height,
		...m,
		x: scaleLinear()
			.domain(xDomain)
			.range([m.left, width - m.right]),
		y: scaleLinear()
			.domain(yDomain)
			.range([height - m.bottom, m.top])
	};
}

/** SVG path of a series (gaps at NaN y); '' for fewer than one defined point. */
export function seriesPath(p: Plot, points: readonly [number, number][]): string {
	return (
		line<[number, number]>()
			.defined((d) => Number.isFinite(d[1]) && Number.isFinite(d[0]))
			.x((d) => p.x(d[0]))
			.y((d) => p.y(d[1]))(points as [number, number][]) ?? ''
	);
}

/** About `count` nice ticks over a scale's domain. */
export function ticksOf(s: ScaleLinear<number, number>, count = 5): number[] {
	return s.ticks(count);
}
