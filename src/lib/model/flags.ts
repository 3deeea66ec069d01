/**
 * Flags ("a green score isn't a free pass") per account, and warnings about the model itself.
 */
import { segmentColumn, segmentValueAt } from './segments';
import { allMetrics, metricPath } from './structure';
import type { AccountFlag, ColumnTable, DimensionScore, Model, ModelWarning } from './types';

/** More metrics than this is noise, not signal. */
export const MAX_USEFUL_METRICS = 10;
/** A metric missing for more than this share of rows is flagged. */
export const MOSTLY_MISSING_SHARE = 0.5;
/** A segment value with fewer rows than this is too small for its own weights or ranks. */
export const MIN_SEGMENT_ROWS = 30;

/** Whole number for messages (scores are shown rounded half up). */
const whole = (x: number) => Math.floor(x + 0.5);

/**
 * Per-account flags: each dimension whose score is below its `floor`, whatever the tier.
 * `dimensions` is the account's breakdown under `model` (segment overrides already applied).
 */
export function accountFlags(model: Model, dimensions: DimensionScore[]): AccountFlag[] {
	const out: AccountFlag[] = [];
	model.dimensions.forEach((d, j) => {
		const s = dimensions[j]?.score;
		if (d.floor === null || d.floor === undefined || s === null || s === undefined) return;
		if (s < d.floor)
			out.push({
				kind: 'dimension-below-floor',
				subject: d.id,
				message: `${d.name} is at ${whole(s)}, below its floor of ${d.floor}`,
				params: { dimension: d.name, score: whole(s), floor: d.floor }
			});
	});
	return out;
}

function structureWarnings(model: Model): ModelWarning[] {
	const out: ModelWarning[] = [];
	const metrics = allMetrics(model);
	if (metrics.length > MAX_USEFUL_METRICS)
		out.push({
			kind: 'too-many-metrics',
			message: `${metrics.length} metrics: more than ${MAX_USEFUL_METRICS} is noise, not signal`,
			params: { n: metrics.length, max: MAX_USEFUL_METRICS }
		});
	const counted = model.dimensions
		.filter((d) => d.weight > 0)
		.flatMap((d) => d.metrics.filter((m) => m.weight > 0));
	if (counted.length > 0 && counted.every((m) => m.timing === 'lagging'))
		out.push({
			kind: 'lagging-only',
			message: 'every weighted metric is lagging: the score moves only after the customer has',
			params: {}
		});
	model.dimensions.forEach((d, di) => {
		if (d.weight === 0)
			out.push({
				kind: 'zero-weight',
				path: `dimensions[${di}]`,
				message: `${d.name} has weight 0`,
				params: { name: d.name }
			});
		d.metrics.forEach((m, mi) => {
			if (m.weight === 0)
				out.push({
					kind: 'zero-weight',
					path: `dimensions[${di}].metrics[${mi}]`,
					message: `${m.name} has weight 0`,
					params: { name: m.name }
				});
		});
	});
	return out;
}

function missingCount(table: ColumnTable, column: string): number {
	const c = table.columns.get(column);
	if (!c) return table.n;
	let k = 0;
	if (c.kind === 'number')
		for (let i = 0; i < table.n; i++) k += Number.isFinite(c.values[i]!) ? 0 : 1;
	else for (let i = 0; i < table.n; i++) k += c.codes[i]! < 0 ? 1 : 0;
	return k;
}

function segmentWarnings(model: Model, table: ColumnTable): ModelWarning[] {
	const column = segmentColumn(model, table);
	const counts = new Map<string, number>();
	for (const o of model.segments?.overrides ?? []) counts.set(o.value, 0);
	if (column)
		for (let i = 0; i < table.n; i++) {
			const s = segmentValueAt(column, i);
			if (s !== null) counts.set(s, (counts.get(s) ?? 0) + 1);
		}
	const out: ModelWarning[] = [];
	for (const [value, count] of counts)
		if (count < MIN_SEGMENT_ROWS)
			out.push({
				kind: 'small-segment',
				path: 'segments',
				message: `segment "${value}" has ${count} row${count === 1 ? '' : 's'} (fewer than ${MIN_SEGMENT_ROWS})`,
				params: { value, count, min: MIN_SEGMENT_ROWS }
			});
	return out;
}

function tableWarnings(model: Model, table: ColumnTable): ModelWarning[] {
	const out: ModelWarning[] = [];
	if (table.n > 0)
		allMetrics(model).forEach((m, k) => {
			const share = missingCount(table, m.column) / table.n;
			if (share > MOSTLY_MISSING_SHARE)
				out.push({
					kind: 'mostly-missing',
					path: metricPath(model, k),
					message: `${m.name} is missing for ${Math.round(share * 100)} % of accounts`,
					params: { name: m.name, share }
				});
		});
	if (model.segments) out.push(...segmentWarnings(model, table));
	return out;
}

/**
 * Warnings about the model: more than 10 metrics, only lagging metrics, zero weights; and with
 * a table: metrics missing for more than half the rows, segment values with fewer than 30 rows.
 */
export function modelWarnings(model: Model, table?: ColumnTable): ModelWarning[] {
	return [...structureWarnings(model), ...(table ? tableWarnings(model, table) : [])];
}
