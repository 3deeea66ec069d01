/** Walking a model's structure: metrics in model order, and where each one lives. */
import type { Metric, Model } from './types';

/** Every metric of the model in model order (dimension by dimension). Index = metric index. */
export function allMetrics(model: Model): Metric[] {
	const out: Metric[] = [];
	for (const d of model.dimensions) for (const m of d.metrics) out.push(m);
	return out;
}

/** For each metric in model order, the index of its dimension. */
export function metricDimensions(model: Model): Int32Array {
	const out = new Int32Array(allMetrics(model).length);
	let k = 0;
	model.dimensions.forEach((d, di) => {
		for (let j = 0; j < d.metrics.length; j++) out[k++] = di;
	});
	return out;
}

/** JSON-style path of a metric, e.g. `dimensions[1].metrics[0]`. */
export function metricPath(model: Model, metricIndex: number): string {
	let k = metricIndex;
	for (let di = 0; di < model.dimensions.length; di++) {
		const len = model.dimensions[di]!.metrics.length;
		if (k < len) return `dimensions[${di}].metrics[${k}]`;
		k -= len;
	}
	return '';
}
