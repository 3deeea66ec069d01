/** Current per-metric weights of a model as shares of the score (0–100), for the side-by-side view. */
import type { Model } from '$lib/model/types';
import { t } from '$lib/i18n/i18n.svelte';

/** Metric id → nominal share of the account score × 100 (dimension share × share inside it). */
export function currentWeights(model: Model): Map<string, number> {
	const out = new Map<string, number>();
	const dimTotal = model.dimensions.reduce((s, d) => s + Math.max(0, d.weight), 0);
	for (const d of model.dimensions) {
		const inside = d.metrics.reduce((s, m) => s + Math.max(0, m.weight), 0);
		for (const m of d.metrics) {
			const share =
				dimTotal > 0 && inside > 0
					? (Math.max(0, d.weight) / dimTotal) * (Math.max(0, m.weight) / inside)
					: 0;
			out.set(m.id, share * 100);
		}
	}
	return out;
}

/** Why "Accept suggested weights" cannot be pressed now, in plain words in the UI language (null = it can). */
export function acceptBlocker(s: {
	busy: boolean;
	hasWeights: boolean;
	stale: boolean;
	problem: string | null;
}): string | null {
	if (!s.hasWeights) return t('bt.f.noWeights');
	if (s.busy) return t('bt.f.busy');
	if (s.stale) return t('bt.f.stale');
	if (s.problem) return t('bt.f.refused', { problem: s.problem });
	return null;
}
