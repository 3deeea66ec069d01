/**
 * Pure model edits for the model editor: each takes a model and returns a new one (never mutates),
 * plus a short note for the change log. Unknown ids leave the model unchanged (same object), so
 * `workbench.editModel` can skip a no-op.
 */
import type {
	Band,
	Direction,
	CategoryPoints,
	Dimension,
	Metric,
	Model,
	Scheme,
	SchemeKind,
	SegmentOverride,
	Tier
} from './types';

/** All ids in use (dimensions and metrics share one namespace). */
function usedIds(model: Model): Set<string> {
	const ids = new Set<string>();
	for (const d of model.dimensions) {
		ids.add(d.id);
		for (const m of d.metrics) ids.add(m.id);
	}
	return ids;
}

/** A `[a-z][a-z0-9_]*` id from a name, made unique against `taken` with a numeric suffix. */
export function uniqueId(name: string, taken: Set<string>): string {
	let base = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	if (!/^[a-z]/.test(base)) base = `x_${base}`.replace(/_+$/, '');
	let id = base;
	for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
	return id;
}

function mapDimension(model: Model, id: string, fn: (d: Dimension) => Dimension): Model {
	const i = model.dimensions.findIndex((d) => d.id === id);
	const dim = model.dimensions[i];
	if (!dim) return model;
	const dimensions = model.dimensions.slice();
	dimensions[i] = fn(dim);
	return { ...model, dimensions };
}

function mapMetric(model: Model, id: string, fn: (m: Metric) => Metric): Model {
	for (const d of model.dimensions) {
		const j = d.metrics.findIndex((m) => m.id === id);
		const metric = d.metrics[j];
		if (!metric) continue;
		return mapDimension(model, d.id, (dim) => {
			const metrics = dim.metrics.slice();
			metrics[j] = fn(metric);
			return { ...dim, metrics };
		});
	}
	return model;
}

/** Move item `i` by `delta` places; out of range leaves the array as is. */
export function moveItem<T>(items: readonly T[], i: number, delta: number): T[] {
	const j = i + delta;
	const out = items.slice();
	if (i < 0 || i >= items.length || j < 0 || j >= items.length) return out;
	const [item] = out.splice(i, 1);
	out.splice(j, 0, item as T);
	return out;
}

/** Find a metric and its dimension by metric id. */
export function findMetric(
	model: Model,
	id: string
): { metric: Metric; dimension: Dimension } | null {
	for (const dimension of model.dimensions) {
		const metric = dimension.metrics.find((m) => m.id === id);
		if (metric) return { metric, dimension };
	}
	return null;
}

export function addDimension(model: Model, name = 'New dimension'): Model {
	const id = uniqueId(name, usedIds(model));
	return { ...model, dimensions: [...model.dimensions, { id, name, weight: 1, metrics: [] }] };
}

export function removeDimension(model: Model, id: string): Model {
	if (!model.dimensions.some((d) => d.id === id)) return model;
	return { ...model, dimensions: model.dimensions.filter((d) => d.id !== id) };
}

/** Placeholder ids of dimensions added as "New dimension": renaming gives a readable id. */
const PLACEHOLDER_ID = /^new_dimension(_\d+)?$/;

/**
 * Rename a dimension. A dimension still carrying a placeholder id (`new_dimension_2`) gets an
 * id from its new name (`dim_activity` in exports, not `dim_new_dimension_2`); segment weight
 * overrides follow. Named ids stay stable across renames.
 */
export function renameDimension(model: Model, id: string, name: string): Model {
	const renamed = mapDimension(model, id, (d) => ({ ...d, name }));
	if (renamed === model || !PLACEHOLDER_ID.test(id) || !/[a-z0-9]/i.test(name)) return renamed;
	const taken = usedIds(model);
	taken.delete(id);
	const next = uniqueId(name, taken);
	const dimensions = renamed.dimensions.map((d) => (d.id === id ? { ...d, id: next } : d));
	const seg = renamed.segments;
	const segments = seg
		? {
				...seg,
				overrides: seg.overrides.map((o) => ({
					...o,
					...(o.weights
						? { weights: o.weights.map((w) => (w.id === id ? { ...w, id: next } : w)) }
						: {})
				}))
			}
		: seg;
	return { ...renamed, dimensions, ...(segments !== undefined ? { segments } : {}) };
}

/** Set the model's name (used in file names and on the model card). */
export function renameModel(model: Model, name: string): Model {
	const trimmed = name.trim().slice(0, 200);
	return trimmed && trimmed !== model.name ? { ...model, name: trimmed } : model;
}

/** Set the model's description (empty removes it). */
export function setModelDescription(model: Model, description: string): Model {
	const text = description.trim().slice(0, 1000);
	if ((model.description ?? '') === text) return model;
	const { description: _drop, ...rest } = model;
	return text ? { ...rest, description: text } : rest;
}

export function moveDimension(model: Model, id: string, delta: number): Model {
	const i = model.dimensions.findIndex((d) => d.id === id);
	if (i < 0) return model;
	return { ...model, dimensions: moveItem(model.dimensions, i, delta) };
}

/** Set a dimension's relative weight; negative or non-finite values clamp to 0. */
export function setDimensionWeight(model: Model, id: string, weight: number): Model {
	const w = Number.isFinite(weight) ? Math.max(0, weight) : 0;
	return mapDimension(model, id, (d) => ({ ...d, weight: w }));
}

export function setDimensionFloor(model: Model, id: string, floor: number | null): Model {
	return mapDimension(model, id, (d) => ({ ...d, floor }));
}

/**
 * Add a metric on `column` to a dimension. `defaults` (from the column's data, see
 * `metricDefaults` in `$lib/draft`) sets its direction and scheme; without it, linear 0 → 100.
 */
export function addMetric(
	model: Model,
	dimensionId: string,
	column: string,
	name?: string,
	defaults?: { direction: Direction; scheme: Scheme }
): Model {
	const label = name ?? (column || 'New metric');
	const id = uniqueId(label, usedIds(model));
	const metric: Metric = {
		id,
		name: label,
		column,
		direction: defaults?.direction ?? 'higher',
		scheme: defaults?.scheme ?? { kind: 'linear', worst: 0, best: 100 },
		weight: 1,
		missing: 'exclude',
		timing: 'leading'
	};
	return mapDimension(model, dimensionId, (d) => ({ ...d, metrics: [...d.metrics, metric] }));
}

export function removeMetric(model: Model, id: string): Model {
	const found = findMetric(model, id);
	if (!found) return model;
	return mapDimension(model, found.dimension.id, (d) => ({
		...d,
		metrics: d.metrics.filter((m) => m.id !== id)
	}));
}

export function renameMetric(model: Model, id: string, name: string): Model {
	return mapMetric(model, id, (m) => ({ ...m, name }));
}

export function moveMetric(model: Model, id: string, delta: number): Model {
	const found = findMetric(model, id);
	if (!found) return model;
	const i = found.dimension.metrics.indexOf(found.metric);
	return mapDimension(model, found.dimension.id, (d) => ({
		...d,
		metrics: moveItem(d.metrics, i, delta)
	}));
}

export function setMetricWeight(model: Model, id: string, weight: number): Model {
	const w = Number.isFinite(weight) ? Math.max(0, weight) : 0;
	return mapMetric(model, id, (m) => ({ ...m, weight: w }));
}

/** Patch plain metric fields (column, direction, missing, timing, unit, …). */
export function updateMetric(
	model: Model,
	id: string,
	patch: Partial<Omit<Metric, 'id' | 'scheme'>>
): Model {
	return mapMetric(model, id, (m) => ({ ...m, ...patch }));
}

export function setScheme(model: Model, id: string, scheme: Scheme): Model {
	return mapMetric(model, id, (m) => ({ ...m, scheme }));
}

/**
 * A fresh scheme of `kind`, seeded from the metric's observed range (`lo`–`hi`) when known and
 * from the category values for `category`. Linear and bands follow `direction` (lower is
 * better: worst at the top of the range, band points falling).
 */
export function defaultScheme(
	kind: SchemeKind,
	range: { lo: number; hi: number } | null,
	categories: readonly string[] = [],
	direction: Direction = 'higher'
): Scheme {
	const down = direction === 'lower';
	const lo = range ? range.lo : 0;
	const hi = range && range.hi > range.lo ? range.hi : lo + 100;
	switch (kind) {
		case 'linear':
			return down ? { kind, worst: hi, best: lo } : { kind, worst: lo, best: hi };
		case 'bands': {
			const step = (hi - lo) / 3;
			const bands: Band[] = [
				{ upTo: round2(lo + step), points: down ? 100 : 20 },
				{ upTo: round2(lo + 2 * step), points: 60 },
				{ upTo: null, points: down ? 20 : 100 }
			];
			return { kind, bands };
		}
		case 'percentile':
			return { kind, within: 'portfolio' };
		case 'boolean':
			return down
				? { kind, truePoints: 0, falsePoints: 100 }
				: { kind, truePoints: 100, falsePoints: 0 };
		case 'category': {
			const map: CategoryPoints[] = categories.slice(0, 20).map((value) => ({ value, points: 50 }));
			return { kind, map, otherPoints: null };
		}
		case 'manual':
			return { kind, max: 10 };
	}
}

function round2(x: number): number {
	return Math.round(x * 100) / 100;
}

/** Weights normalised to percentages summing to 100 (all-zero → all 0). */
export function weightShares(weights: readonly number[]): number[] {
	const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
	return weights.map((w) => (total > 0 ? (Math.max(0, w) / total) * 100 : 0));
}

// --- tiers ---------------------------------------------------------------------------------------

/** Tiers sorted best first (highest min first), the last forced to min 0. */
export function normaliseTiers(tiers: readonly Tier[]): Tier[] {
	const sorted = tiers.slice().sort((a, b) => b.min - a.min);
	const last = sorted.at(-1);
	if (last && last.min !== 0) sorted[sorted.length - 1] = { ...last, min: 0 };
	return sorted;
}

export function updateTier(model: Model, id: string, patch: Partial<Omit<Tier, 'id'>>): Model {
	const i = model.tiers.findIndex((t) => t.id === id);
	if (i < 0) return model;
	const tiers = model.tiers.slice();
	tiers[i] = { ...(tiers[i] as Tier), ...patch };
	return { ...model, tiers: patch.min === undefined ? tiers : normaliseTiers(tiers) };
}

/** Set every tier's `min` at once (from a threshold drag), index-aligned with `model.tiers`. */
export function setTierMins(model: Model, mins: readonly number[]): Model {
	if (mins.every((m, i) => model.tiers[i]?.min === m)) return model;
	const tiers = model.tiers.map((t, i) => ({ ...t, min: mins[i] ?? t.min }));
	return { ...model, tiers: normaliseTiers(tiers) };
}

export function addTier(model: Model): Model {
	const taken = new Set(model.tiers.map((t) => t.id));
	const id = uniqueId('tier', taken);
	const top = model.tiers[0]?.min ?? 0;
	const min = Math.min(100, Math.max(1, Math.round((top + 100) / 2)));
	const tier: Tier = { id, name: 'New tier', min, color: '#0b5cad', action: '' };
	return { ...model, tiers: normaliseTiers([...model.tiers, tier]) };
}

export function removeTier(model: Model, id: string): Model {
	if (model.tiers.length <= 1 || !model.tiers.some((t) => t.id === id)) return model;
	return { ...model, tiers: normaliseTiers(model.tiers.filter((t) => t.id !== id)) };
}

// --- segments ------------------------------------------------------------------------------------

export function setSegmentColumn(model: Model, column: string | null): Model {
	if (!column) return { ...model, segments: null };
	const overrides = model.segments?.column === column ? model.segments.overrides : [];
	return { ...model, segments: { column, overrides } };
}

function mapOverride(
	model: Model,
	value: string,
	fn: (o: SegmentOverride) => SegmentOverride | null
): Model {
	const seg = model.segments;
	if (!seg) return model;
	const existing = seg.overrides.find((o) => o.value === value) ?? { value };
	const next = fn(existing);
	const rest = seg.overrides.filter((o) => o.value !== value);
	const overrides = next ? [...rest, next] : rest;
	return { ...model, segments: { ...seg, overrides } };
}

/** Override one dimension or metric weight for a segment value; `null` removes the override. */
export function setSegmentWeight(
	model: Model,
	value: string,
	id: string,
	weight: number | null
): Model {
	return mapOverride(model, value, (o) => {
		const weights = (o.weights ?? []).filter((w) => w.id !== id);
		if (weight !== null) weights.push({ id, weight: Math.max(0, weight) });
		return { ...o, weights };
	});
}

/** Give a segment value its own tiers (a copy of the base tiers to start from) or drop them. */
export function setSegmentTiers(model: Model, value: string, tiers: Tier[] | null): Model {
	return mapOverride(model, value, (o) => {
		if (tiers === null) {
			const { tiers: _drop, ...rest } = o;
			return rest;
		}
		return { ...o, tiers: normaliseTiers(tiers) };
	});
}

/** Drop a segment value's overrides entirely. */
export function clearSegmentOverride(model: Model, value: string): Model {
	return mapOverride(model, value, () => null);
}
