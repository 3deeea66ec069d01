/**
 * What applying a drafted (or any other) model would change, as lines for a review before
 * applying: name, dimensions, metrics (by column) with their share of the score, and tier
 * thresholds. Each line is a message (`diff.*`), said in the UI language by the screen. Pure.
 */
import type { Metric, Model } from '$lib/model/types';
import { msg, type DraftMessage } from './messages';

export interface DiffLine {
	kind: 'added' | 'removed' | 'changed';
	text: DraftMessage;
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

const round = (x: number) => Math.round(x);
const kind = (m: Metric) => msg(`kind.${m.scheme.kind}`);
const tierList = (model: Model) =>
	model.tiers.map((t) => msg('diff.tier', { name: t.name, min: t.min }));

/** Lines from `before` to `after`: removed first, then changed, then added. */
export function modelDiff(before: Model, after: Model): DiffLine[] {
	const removed: DiffLine[] = [];
	const changed: DiffLine[] = [];
	const added: DiffLine[] = [];
	if (before.name !== after.name)
		changed.push({
			kind: 'changed',
			text: msg('diff.name', { before: before.name, after: after.name })
		});
	const a = metricShares(before);
	const b = metricShares(after);
	for (const [column, x] of a)
		if (!b.has(column))
			removed.push({
				kind: 'removed',
				text: msg('diff.metric-removed', {
					name: x.metric.name,
					column,
					share: round(x.share)
				})
			});
	for (const [column, y] of b) {
		const x = a.get(column);
		if (!x) {
			added.push({
				kind: 'added',
				text: msg('diff.metric-added', {
					name: y.metric.name,
					kind: kind(y.metric),
					direction: msg(`dir.${y.metric.direction}`),
					share: round(y.share)
				})
			});
		} else if (
			Math.round(x.share) !== Math.round(y.share) ||
			JSON.stringify(x.metric.scheme) !== JSON.stringify(y.metric.scheme)
		) {
			const shares = { name: y.metric.name, from: round(x.share), to: round(y.share) };
			changed.push({
				kind: 'changed',
				text:
					x.metric.scheme.kind !== y.metric.scheme.kind
						? msg('diff.metric-changed-kind', {
								...shares,
								before: kind(x.metric),
								after: kind(y.metric)
							})
						: JSON.stringify(x.metric.scheme) !== JSON.stringify(y.metric.scheme)
							? msg('diff.metric-changed-breaks', shares)
							: msg('diff.metric-changed', shares)
			});
		}
	}
	const beforeDims = new Set(before.dimensions.map((d) => d.name));
	const afterDims = new Set(after.dimensions.map((d) => d.name));
	for (const d of before.dimensions)
		if (!afterDims.has(d.name))
			removed.push({ kind: 'removed', text: msg('diff.dimension-removed', { name: d.name }) });
	for (const d of after.dimensions)
		if (!beforeDims.has(d.name))
			added.push({
				kind: 'added',
				text: msg('diff.dimension-added', { name: d.name, n: d.metrics.length })
			});
	const tiers = (m: Model) => JSON.stringify(m.tiers.map((t) => [t.name, t.min]));
	if (tiers(before) !== tiers(after))
		changed.push({
			kind: 'changed',
			text: msg('diff.tiers', { before: tierList(before), after: tierList(after) })
		});
	return [...removed, ...changed, ...added];
}
