/**
 * Cross-field rules of a model that a per-field schema cannot express. Runs on schema-valid
 * models; every issue names the JSON path of the offending field, a code and its figures.
 */
import type { Dimension, Metric, Model, Scheme, Tier, ValidationIssue } from './types';
import { modelIssue as issue } from './issues';

type Issues = ValidationIssue[];

function checkLinear(s: Scheme, m: Metric, path: string, out: Issues): void {
	if (s.kind !== 'linear') return;
	if (s.best === s.worst)
		out.push(issue(`${path}.best`, 'best-equals-worst', 'must differ from worst'));
	else if (m.direction === 'higher' && s.best < s.worst)
		out.push(
			issue(`${path}.best`, 'best-below-worst', 'must be above worst when higher is better')
		);
	else if (m.direction === 'lower' && s.best > s.worst)
		out.push(issue(`${path}.best`, 'best-above-worst', 'must be below worst when lower is better'));
}

function checkBands(s: Scheme, path: string, out: Issues): void {
	if (s.kind !== 'bands') return;
	const last = s.bands.length - 1;
	let prev = -Infinity;
	s.bands.forEach((b, j) => {
		const at = `${path}.bands[${j}].upTo`;
		if (j === last) {
			if (b.upTo !== null)
				out.push(issue(at, 'last-band-open', 'the last band must be open (null)'));
		} else if (b.upTo === null) {
			out.push(issue(at, 'band-open', 'only the last band may be open (null)'));
		} else {
			if (b.upTo <= prev) out.push(issue(at, 'band-order', 'must be above the previous band'));
			prev = b.upTo;
		}
	});
}

function checkCategory(s: Scheme, path: string, out: Issues): void {
	if (s.kind !== 'category') return;
	const seen = new Set<string>();
	s.map.forEach((c, j) => {
		if (seen.has(c.value))
			out.push(
				issue(`${path}.map[${j}].value`, 'duplicate-category', `duplicate category "${c.value}"`, {
					value: c.value
				})
			);
		seen.add(c.value);
	});
}

function checkIds(model: Model, out: Issues): void {
	const seen = new Set<string>();
	const see = (id: string, path: string) => {
		if (seen.has(id)) out.push(issue(path, 'duplicate-id', `duplicate id "${id}"`, { id }));
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
		out.push(issue(path, 'no-weight', 'at least one dimension needs a weight above 0'));
	dimensions.forEach((d, di) => {
		if (d.weight > 0 && !d.metrics.some((m) => m.weight > 0))
			out.push(
				issue(
					`${path}[${di}].metrics`,
					'no-metric-weight',
					'a dimension with weight above 0 needs a metric with weight above 0'
				)
			);
	});
}

/** Tier rules: best first, `min` strictly decreasing, the last `min` exactly 0, unique ids. */
export function checkTiers(tiers: Tier[], path: string, out: Issues): void {
	const ids = new Set<string>();
	tiers.forEach((t, j) => {
		if (ids.has(t.id))
			out.push(issue(`${path}[${j}].id`, 'duplicate-id', `duplicate id "${t.id}"`, { id: t.id }));
		ids.add(t.id);
		const prev = tiers[j - 1];
		if (prev && t.min >= prev.min)
			out.push(issue(`${path}[${j}].min`, 'tier-order', 'must be below the previous tier'));
	});
	const last = tiers[tiers.length - 1];
	if (last && last.min !== 0)
		out.push(
			issue(`${path}[${tiers.length - 1}].min`, 'last-tier-zero', 'the last tier must start at 0')
		);
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
			out.push(issue(`${path}.value`, 'duplicate-segment', 'duplicate segment value'));
		values.add(o.value);
		o.weights?.forEach((w, j) => {
			if (!ids.has(w.id))
				out.push(
					issue(
						`${path}.weights[${j}].id`,
						'unknown-weight-id',
						`no dimension or metric "${w.id}"`,
						{
							id: w.id
						}
					)
				);
		});
		if (o.tiers) checkTiers(o.tiers, `${path}.tiers`, out);
	});
}

function checkPlaybooks(model: Model, out: Issues): void {
	const tierIds = new Set(model.tiers.map((t) => t.id));
	for (const o of model.segments?.overrides ?? []) for (const t of o.tiers ?? []) tierIds.add(t.id);
	model.playbooks?.forEach((p, j) => {
		if ('tier' in p.trigger && !tierIds.has(p.trigger.tier))
			out.push(
				issue(`playbooks[${j}].trigger.tier`, 'unknown-tier', `no tier "${p.trigger.tier}"`, {
					tier: p.trigger.tier
				})
			);
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
