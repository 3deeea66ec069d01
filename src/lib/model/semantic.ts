/**
 * Cross-field rules of a model that a per-field schema cannot express. Runs on schema-valid
 * models; every issue names the JSON path of the offending field.
 */
import type { Dimension, Metric, Model, Scheme, Tier, ValidationIssue } from './types';

type Issues = ValidationIssue[];

function checkLinear(s: Scheme, m: Metric, path: string, out: Issues): void {
	if (s.kind !== 'linear') return;
	if (s.best === s.worst) out.push({ path: `${path}.best`, message: 'must differ from worst' });
	else if (m.direction === 'higher' && s.best < s.worst)
		out.push({ path: `${path}.best`, message: 'must be above worst when higher is better' });
	else if (m.direction === 'lower' && s.best > s.worst)
		out.push({ path: `${path}.best`, message: 'must be below worst when lower is better' });
}

function checkBands(s: Scheme, path: string, out: Issues): void {
	if (s.kind !== 'bands') return;
	const last = s.bands.length - 1;
	let prev = -Infinity;
	s.bands.forEach((b, j) => {
		const at = `${path}.bands[${j}].upTo`;
		if (j === last) {
			if (b.upTo !== null) out.push({ path: at, message: 'the last band must be open (null)' });
		} else if (b.upTo === null) {
			out.push({ path: at, message: 'only the last band may be open (null)' });
		} else {
			if (b.upTo <= prev) out.push({ path: at, message: 'must be above the previous band' });
			prev = b.upTo;
		}
	});
}

function checkCategory(s: Scheme, path: string, out: Issues): void {
	if (s.kind !== 'category') return;
	const seen = new Set<string>();
	s.map.forEach((c, j) => {
		if (seen.has(c.value))
			out.push({ path: `${path}.map[${j}].value`, message: `duplicate category "${c.value}"` });
		seen.add(c.value);
	});
}

function checkIds(model: Model, out: Issues): void {
	const seen = new Set<string>();
	const see = (id: string, path: string) => {
		if (seen.has(id)) out.push({ path, message: `duplicate id "${id}"` });
		seen.add(id);
	};
	model.dimensions.forEach((d, di) => {
		see(d.id, `dimensions[${di}].id`);
		d.metrics.forEach((m, mi) => see(m.id, `dimensions[${di}].metrics[${mi}].id`));
	});
}

/** Weight rules: not every dimension weight zero; a weighted dimension has a weighted metric. */
export function checkWeights(dimensions: Dimension[], path: string, out: Issues): void {
	if (!dimensions.some((d) => d.weight > 0))
		out.push({ path, message: 'at least one dimension needs a weight above 0' });
	dimensions.forEach((d, di) => {
		if (d.weight > 0 && !d.metrics.some((m) => m.weight > 0))
			out.push({
				path: `${path}[${di}].metrics`,
				message: 'a dimension with weight above 0 needs a metric with weight above 0'
			});
	});
}

/** Tier rules: best first, `min` strictly decreasing, the last `min` exactly 0, unique ids. */
export function checkTiers(tiers: Tier[], path: string, out: Issues): void {
	const ids = new Set<string>();
	tiers.forEach((t, j) => {
		if (ids.has(t.id)) out.push({ path: `${path}[${j}].id`, message: `duplicate id "${t.id}"` });
		ids.add(t.id);
		const prev = tiers[j - 1];
		if (prev && t.min >= prev.min)
			out.push({ path: `${path}[${j}].min`, message: 'must be below the previous tier' });
	});
	const last = tiers[tiers.length - 1];
	if (last && last.min !== 0)
		out.push({
			path: `${path}[${tiers.length - 1}].min`,
			message: 'the last tier must start at 0'
		});
}

function checkSegments(model: Model, out: Issues): void {
	const ids = new Set<string>();
	for (const d of model.dimensions) {
		ids.add(d.id);
		for (const m of d.metrics) ids.add(m.id);
	}
	const values = new Set<string>();
	model.segments?.overrides.forEach((o, k) => {
		const path = `segments.overrides[${k}]`;
		if (values.has(o.value))
			out.push({ path: `${path}.value`, message: 'duplicate segment value' });
		values.add(o.value);
		o.weights?.forEach((w, j) => {
			if (!ids.has(w.id))
				out.push({ path: `${path}.weights[${j}].id`, message: `no dimension or metric "${w.id}"` });
		});
		if (o.tiers) checkTiers(o.tiers, `${path}.tiers`, out);
	});
}

function checkPlaybooks(model: Model, out: Issues): void {
	const tierIds = new Set(model.tiers.map((t) => t.id));
	for (const o of model.segments?.overrides ?? []) for (const t of o.tiers ?? []) tierIds.add(t.id);
	model.playbooks?.forEach((p, j) => {
		if ('tier' in p.trigger && !tierIds.has(p.trigger.tier))
			out.push({ path: `playbooks[${j}].trigger.tier`, message: `no tier "${p.trigger.tier}"` });
	});
}

/** All cross-field issues of a schema-valid model (empty when it is fine). */
export function semanticIssues(model: Model): ValidationIssue[] {
	const out: Issues = [];
	checkIds(model, out);
	checkWeights(model.dimensions, 'dimensions', out);
	model.dimensions.forEach((d, di) =>
		d.metrics.forEach((m, mi) => {
			const path = `dimensions[${di}].metrics[${mi}].scheme`;
			checkLinear(m.scheme, m, path, out);
			checkBands(m.scheme, path, out);
			checkCategory(m.scheme, path, out);
		})
	);
	checkTiers(model.tiers, 'tiers', out);
	checkSegments(model, out);
	checkPlaybooks(model, out);
	return out;
}
