/**
 * SQL for the second scoring stage: the weights in force for a row (its segment's override or
 * the model's), coverage, rounding to the shown score, and the tier decided on that shown score.
 */
import { SHOWN_PRECISION } from '$lib/model/engine/constants';
import type { Model, Tier } from '$lib/model/types';
import { num, type Dialect } from './dialect';

/**
 * The weights and tiers in force for one segment value (`value` null = the model's own).
 * Weights are keyed by dimension or metric id.
 */
export interface SegmentVariant {
	value: string | null;
	weights: Map<string, number>;
	tiers: Tier[];
}

/** The model's own variant first, then one per segment override, in the model's order. */
export function variantsOf(model: Model): SegmentVariant[] {
	const base = new Map<string, number>();
	for (const dim of model.dimensions) {
		base.set(dim.id, dim.weight);
		for (const m of dim.metrics) base.set(m.id, m.weight);
	}
	const out: SegmentVariant[] = [{ value: null, weights: base, tiers: model.tiers }];
	const overrides = model.segments?.overrides ?? [];
	overrides.forEach((o, k) => {
		// The engine looks values up in a Map filled in order: the last override for a value wins.
		if (overrides.slice(k + 1).some((later) => later.value === o.value)) return;
		const weights = new Map(base);
		for (const w of o.weights ?? []) if (weights.has(w.id)) weights.set(w.id, w.weight);
		out.push({ value: o.value, weights, tiers: o.tiers ?? model.tiers });
	});
	return out;
}

/**
 * The row's segment value in SQL: `expr` (a quoted column of the CTE), and how an override value
 * is written to compare with it (null when no row can ever carry that value).
 */
export interface SegmentSql {
	expr: string;
	literal(value: string): string | null;
}

/**
 * `CASE segment WHEN … THEN … ELSE … END` over the variants, listing only the segment values
 * whose expression differs from the model's own; just the model's expression when none does.
 */
function perVariant(
	d: Dialect,
	variants: SegmentVariant[],
	seg: SegmentSql | null,
	expr: (v: SegmentVariant) => string
): string {
	const [base, ...rest] = variants;
	if (!base) throw new Error('no model variant');
	const baseExpr = expr(base);
	const arms: string[] = [];
	for (const v of rest) {
		const e = expr(v);
		const lit = v.value === null || seg === null ? null : seg.literal(v.value);
		if (e !== baseExpr && lit !== null) arms.push(`WHEN ${lit} THEN ${e}`);
	}
	if (arms.length === 0 || seg === null) return baseExpr;
	return `CASE ${seg.expr} ${arms.join(' ')} ELSE ${baseExpr} END`;
}

/** The weight in force for a dimension or metric id on the row, as a double expression. */
export function weightSql(
	d: Dialect,
	variants: SegmentVariant[],
	id: string,
	fallback: number,
	seg: SegmentSql | null
): string {
	return perVariant(d, variants, seg, (v) => num(d, v.weights.get(id) ?? fallback));
}

/** `part / total`, 0 when the total is not positive. */
function share(part: number, total: number): number {
	return total > 0 ? part / total : 0;
}

/**
 * Coverage: Σ over dimensions of (nominal dimension share × Σ over its metrics of nominal metric
 * share × has-real-value), with nominal shares from the weights in force for the row.
 *
 * @param has quoted 0/1 column telling whether a metric had a real (not imputed) value
 */
export function coverageSql(
	d: Dialect,
	model: Model,
	variants: SegmentVariant[],
	seg: SegmentSql | null,
	has: (metricId: string) => string
): string {
	return perVariant(d, variants, seg, (v) => {
		const w = (id: string) => v.weights.get(id) ?? 0;
		const dimTotal = model.dimensions.reduce((s, dim) => s + w(dim.id), 0);
		const terms = model.dimensions.map((dim) => {
			const mTotal = dim.metrics.reduce((s, m) => s + w(m.id), 0);
			const inner = dim.metrics
				.map((m) => `${num(d, share(w(m.id), mTotal))} * ${has(m.id)}`)
				.join(' + ');
			return `${num(d, share(w(dim.id), dimTotal))} * (${inner || num(d, 0)})`;
		});
		return terms.length ? `(${terms.join(' + ')})` : num(d, 0);
	});
}

/**
 * The shown score, as the engine's `showScore`: floor(round(score × P) / P + 0.5) with
 * P = SHOWN_PRECISION (1e9), where
 * round is JavaScript's Math.round (ties toward +∞), written with FLOOR because SQL ROUND on
 * doubles rounds ties differently per dialect. The 1e9 step keeps float noise
 * (79.49999999999999 from an exact 79.5) from flipping the shown number.
 */
export function shownSql(d: Dialect, score: string): string {
	const r = `(${score} * ${num(d, SHOWN_PRECISION)})`;
	const f = `FLOOR(${r})`;
	const rounded = `CASE WHEN ${r} - ${f} >= ${num(d, 0.5)} THEN ${f} + ${num(d, 1)} ELSE ${f} END`;
	return `FLOOR((${rounded}) / ${num(d, SHOWN_PRECISION)} + ${num(d, 0.5)})`;
}

/** The tier name in force for the row: the first tier (best first) whose min ≤ shown. */
export function tierSql(
	d: Dialect,
	variants: SegmentVariant[],
	seg: SegmentSql | null,
	shown: string
): string {
	return perVariant(d, variants, seg, (v) => {
		const arms = v.tiers.map((t) => `WHEN ${shown} >= ${num(d, t.min)} THEN ${d.str(t.name)}`);
		return arms.length ? `CASE ${arms.join(' ')} END` : `CAST(NULL AS ${d.textType})`;
	});
}
