/**
 * Warnings that need the data, in words a CS leader understands: a scheme that gives nearly
 * everyone the same points, a metric read from the outcome itself, and a metric that separates
 * churners almost perfectly ("may be the outcome in disguise"). Also turns a warning's JSON
 * path (`dimensions[0].metrics[1]`) into the dimension and metric names. Pure.
 */
import { rocAuc } from '$lib/backtest/metrics';
import { computeMetricPoints } from '$lib/model/score';
import type { ColumnTable, Metric, Model } from '$lib/model/types';
import { LEAK_AUC } from './draft';
import type { Labels } from './stats';

/** A warning as shown: what is wrong, and where (names, never internal paths). */
export interface ShownWarning {
	/** The model warning's kind, or `outcome-metric`, `same-points`, `outcome-in-disguise`. */
	kind: string;
	/** In English words (Node, tests); the screen says it from `kind` and `params`. */
	message: string;
	/** The names and figures the message is built from, for a translated sentence. */
	params?: Record<string, string | number>;
	where?: string;
}

/** Share of accounts with the same points at or above this: the scheme hardly separates. */
export const SAME_POINTS_SHARE = 0.95;

/** Labels (1 churned, 0 retained, 255 unknown) from a churned column; null without one. */
export function labelsFrom(table: ColumnTable, churnedColumn: string | null): Labels | null {
	const col = churnedColumn ? table.columns.get(churnedColumn) : undefined;
	if (!col || col.kind !== 'number') return null;
	return Uint8Array.from(col.values, (x) => (x === 1 ? 1 : x === 0 ? 0 : 255));
}

/** `dimensions[0].metrics[1]` → `Usage › Logins`; other paths as readable as possible. */
export function describePath(model: Model, path: string | undefined): string | undefined {
	if (!path) return undefined;
	const m = /^dimensions\[(\d+)\](?:\.metrics\[(\d+)\])?/.exec(path);
	if (!m) return undefined;
	const dim = model.dimensions[Number(m[1])];
	if (!dim) return undefined;
	const metric = m[2] !== undefined ? dim.metrics[Number(m[2])] : undefined;
	return metric ? `${dim.name} › ${metric.name}` : dim.name;
}

interface MetricFacts {
	/** Largest share of present accounts holding one points value. */
	topShare: number;
	topPoints: number;
	auc: number;
}

/** Cache of per-metric facts by table, keyed by what the points depend on. */
const CACHE = new WeakMap<ColumnTable, Map<string, MetricFacts>>();

function facts(metric: Metric, table: ColumnTable, labels: Labels | null): MetricFacts | null {
	if (metric.scheme.kind === 'percentile' || metric.scheme.kind === 'manual') return null;
	if (!table.columns.has(metric.column)) return null;
	const key = JSON.stringify([metric.column, metric.direction, metric.scheme, labels !== null]);
	let byKey = CACHE.get(table);
	if (!byKey) CACHE.set(table, (byKey = new Map()));
	const hit = byKey.get(key);
	if (hit) return hit;
	const one: Model = {
		schemaVersion: 1,
		id: 'x',
		name: 'x',
		dimensions: [{ id: 'd', name: 'd', weight: 1, metrics: [{ ...metric, id: 'm' }] }],
		tiers: [{ id: 't', name: 't', min: 0, color: '#000000', action: '' }],
		minCoverage: 0
	};
	const points = computeMetricPoints(one, table).points[0]!;
	const counts = new Map<number, number>();
	let present = 0;
	for (const p of points) {
		if (p !== p) continue;
		present++;
		counts.set(p, (counts.get(p) ?? 0) + 1);
	}
	let topPoints = NaN;
	let top = 0;
	for (const [p, c] of counts)
		if (c > top) {
			top = c;
			topPoints = p;
		}
	const out = {
		topShare: present ? top / present : 0,
		topPoints,
		auc: labels ? rocAuc(points, labels) : NaN
	};
	byKey.set(key, out);
	return out;
}

/**
 * Data warnings for every metric: read from an outcome column, nearly everyone the same
 * points (≥ 95 %), or a univariate AUC of 0.95 or more.
 */
export function dataWarnings(
	model: Model,
	table: ColumnTable,
	outcomeColumns: readonly string[],
	labels: Labels | null
): ShownWarning[] {
	const out: ShownWarning[] = [];
	model.dimensions.forEach((d) =>
		d.metrics.forEach((m) => {
			const where = `${d.name} › ${m.name}`;
			if (outcomeColumns.includes(m.column)) {
				out.push({
					kind: 'outcome-metric',
					where,
					message: `${m.name} reads “${m.column}”, the outcome itself: a score built on it only repeats what happened. Remove it.`,
					params: { name: m.name, column: m.column }
				});
				return;
			}
			const f = facts(m, table, labels);
			if (!f || table.n === 0) return;
			if (f.topShare >= SAME_POINTS_SHARE)
				out.push({
					kind: 'same-points',
					where,
					message: `${m.name} gives ${Math.round(f.topShare * 100)} % of accounts the same ${Math.round(f.topPoints)} points, so it hardly tells accounts apart. Check its scheme against the data.`,
					params: { name: m.name, share: f.topShare, points: Math.round(f.topPoints) }
				});
			const strength = Math.max(f.auc, 1 - f.auc);
			if (Number.isFinite(f.auc) && strength >= LEAK_AUC)
				out.push({
					kind: 'outcome-in-disguise',
					where,
					message: `${m.name} separates churners almost perfectly (AUC ${strength.toFixed(2)}): it may be the outcome in disguise, recorded after the fact.`,
					params: { name: m.name, auc: strength }
				});
		})
	);
	return out;
}
