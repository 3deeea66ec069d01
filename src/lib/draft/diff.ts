/**
 * What applying a drafted (or any other) model would change, as plain lines for a review
 * before applying: name, dimensions, metrics (by column) with their share of the score, and
 * tier thresholds. Pure.
 */
import type { Metric, Model } from '$lib/model/types';

export interface DiffLine {
	kind: 'added' | 'removed' | 'changed';
	text: string;
}

/** Each metric's share 0–100 of the whole score (dimension share × share inside), by column. */
export function metricShares(model: Model): Map<string, { metric: Metric; share: number }> {
	const out = new Map<string, { metric: Metric; share: number }>();
	const dimTotal = model.dimensions.reduce((a, d) => a + Math.max(0, d.weight), 0);
	for (const d of model.dimensions) {
		const inside = d.metrics.reduce((a, m) => a + Math.max(0, m.weight), 0);
		for (const m of d.metrics) {
			const share =
				dimTotal > 0 && inside > 0
					? (d.weight / dimTotal) * (Math.max(0, m.weight) / inside) * 100
					: 0;
			const prev = out.get(m.column);
			out.set(m.column, { metric: m, share: (prev?.share ?? 0) + share });
		}
	}
	return out;
}

const round = (x: number) => `${Math.round(x)} %`;

/** Lines from `before` to `after`: removed first, then changed, then added. */
export function modelDiff(before: Model, after: Model): DiffLine[] {
	const removed: DiffLine[] = [];
	const changed: DiffLine[] = [];
	const added: DiffLine[] = [];
	if (before.name !== after.name)
		changed.push({ kind: 'changed', text: `Name: “${before.name}” → “${after.name}”` });
	const a = metricShares(before);
	const b = metricShares(after);
	for (const [column, x] of a)
		if (!b.has(column))
			removed.push({
				kind: 'removed',
				text: `Metric ${x.metric.name} (${column}), ${round(x.share)}`
			});
	for (const [column, y] of b) {
		const x = a.get(column);
		if (!x) {
			added.push({
				kind: 'added',
				text: `Metric ${y.metric.name}: ${y.metric.scheme.kind}, ${y.metric.direction} is better, ${round(y.share)}`
			});
		} else if (
			Math.round(x.share) !== Math.round(y.share) ||
			JSON.stringify(x.metric.scheme) !== JSON.stringify(y.metric.scheme)
		) {
			const scheme =
				x.metric.scheme.kind !== y.metric.scheme.kind
					? `, scheme ${x.metric.scheme.kind} → ${y.metric.scheme.kind}`
					: JSON.stringify(x.metric.scheme) !== JSON.stringify(y.metric.scheme)
						? ', new breakpoints'
						: '';
			changed.push({
				kind: 'changed',
				text: `Metric ${y.metric.name}: ${round(x.share)} → ${round(y.share)}${scheme}`
			});
		}
	}
	const beforeDims = new Set(before.dimensions.map((d) => d.name));
	const afterDims = new Set(after.dimensions.map((d) => d.name));
	for (const d of before.dimensions)
		if (!afterDims.has(d.name)) removed.push({ kind: 'removed', text: `Dimension ${d.name}` });
	for (const d of after.dimensions)
		if (!beforeDims.has(d.name))
			added.push({ kind: 'added', text: `Dimension ${d.name} (${d.metrics.length} metrics)` });
	const tiersBefore = before.tiers.map((t) => `${t.name} ≥ ${t.min}`).join(', ');
	const tiersAfter = after.tiers.map((t) => `${t.name} ≥ ${t.min}`).join(', ');
	if (tiersBefore !== tiersAfter)
		changed.push({ kind: 'changed', text: `Tiers: ${tiersBefore} → ${tiersAfter}` });
	return [...removed, ...changed, ...added];
}
