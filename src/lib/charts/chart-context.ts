/**
 * The context a Chart gives its layers (axes, bars, handles), LayerCake's way: the frame and the
 * scales, computed once from the chart's size and domains, read by every layer inside it.
 */
import { getContext, setContext } from 'svelte';
import type { ScaleBand, ScaleLinear } from 'd3';
import type { Frame } from './scales';

export interface ChartContext {
	/** Size and margins of the drawing, in SVG units. */
	readonly f: Frame;
	/** x scale over the plot area (value → SVG x). */
	readonly x: ScaleLinear<number, number>;
	/** y scale over the plot area, bottom-up. */
	readonly y: ScaleLinear<number, number>;
	/** Band scale of category x values (months), when the chart was given categories. */
	readonly band: ScaleBand<string> | null;
	/** A pointer's client x as SVG x (the SVG may be drawn scaled). */
	toSvgX(clientX: number): number;
}

const KEY = Symbol('chart');

export function setChart(c: ChartContext): void {
	setContext(KEY, c);
}

/** The enclosing Chart's frame and scales; throws outside a Chart (a layer needs one). */
export function getChart(): ChartContext {
	const c = getContext<ChartContext | undefined>(KEY);
	if (!c) throw new Error('A chart layer must be placed inside <Chart>.');
	return c;
}
