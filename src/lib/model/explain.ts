/**
 * Explanations: which dimensions cost the account the most points (drivers), and single-metric
 * changes that reach the next better tier (options). Every option is verified by re-scoring the
 * account with the changed value; one that does not actually reach the tier is dropped.
 *
 * Metrics that are missing under the `exclude` policy are skipped: giving them a value re-weights
 * the whole dimension, so the effect is not linear in the metric's points. Missing metrics under
 * `zero` / `neutral` are included (their imputed points are the starting point).
 * Percentile metrics are skipped too (their points depend on the other accounts).
 */
import { MISSING_POINTS } from './engine/constants';
import { precisionFor, rawTarget } from './inverse';
import { schemePoints } from './schemes';
import { allMetrics } from './structure';
import type {
	AccountScore,
	AccountValues,
	DimensionScore,
	Explanation,
	Metric,
	MetricScore,
	Model,
	NextTier,
	NextTierOption,
	RawValue
} from './types';

/** Re-scores an account (without explanation), to verify options. */
export type Rescore = (values: AccountValues) => Pick<AccountScore, 'tierIndex' | 'isScored'>;

/** Dimensions that count, ranked by points lost (largest first; model order on ties). */
export function rankDrivers(dimensions: DimensionScore[]): DimensionScore[] {
	return dimensions.filter((d) => d.weightShare > 0).sort((a, b) => b.pointsLost - a.pointsLost);
}

/**
 * Score points needed for a tier. Tiers are decided on the shown score Math.floor(s + 0.5), so
 * the smallest score reaching `min` is ⌈min⌉ − 0.5 (79.5 for a tier from 80).
 */
export function pointsNeededFor(tierMin: number, score: number): number {
	return Math.ceil(tierMin) - 0.5 - score;
}

/** A raw value for display: `62 %`, `8 tickets`, `yes`, `missing`. */
export function formatRaw(metric: Metric, raw: RawValue): string {
	if (raw === null) return 'missing';
	if (typeof raw === 'boolean') return raw ? 'yes' : 'no';
	if (typeof raw === 'string') return raw;
	const num = String(Number(raw.toFixed(precisionFor(metric, raw))));
	return metric.unit ? `${num} ${metric.unit}` : num;
}

/** Sentence for an option, e.g. `Raise Seat utilisation from 62 % to 71 %`. */
export function optionText(metric: Metric, from: RawValue, to: RawValue): string {
	const target = formatRaw(metric, to);
	if (from === null) return `Set ${metric.name} to ${target}`;
	const verb =
		typeof from === 'number' && typeof to === 'number' ? (to > from ? 'Raise' : 'Lower') : 'Change';
	return `${verb} ${metric.name} from ${formatRaw(metric, from)} to ${target}`;
}

/** A numeric scheme's raw value typed as text (`'62'`) reads as the number it is. */
function asEntered(metric: Metric, raw: RawValue): RawValue {
	const numeric = ['linear', 'bands', 'manual'].includes(metric.scheme.kind);
	if (!numeric || typeof raw !== 'string') return raw;
	const x = Number(raw.trim());
	return Number.isFinite(x) ? x : raw;
}

function imputed(metric: Metric): number {
	return metric.missing === 'zero' ? MISSING_POINTS.zero : MISSING_POINTS.neutral;
}

interface Candidate {
	delta: number;
	option: NextTierOption;
}

function optionFor(
	metric: Metric,
	ms: MetricScore,
	pointsNeeded: number,
	values: AccountValues,
	reaches: (values: AccountValues) => boolean
): Candidate | null {
	if (metric.scheme.kind === 'percentile' || ms.effectiveShare <= 0) return null;
	const fromPoints = ms.points ?? imputed(metric);
	const delta = pointsNeeded / ms.effectiveShare;
	if (fromPoints + delta > 100 + 1e-9) return null;
	const fromRaw = asEntered(metric, ms.raw);
	const toRaw = rawTarget(metric, fromRaw, Math.min(100, fromPoints + delta));
	if (toRaw === null) return null;
	const changed: AccountValues = { ...values, [metric.column]: toRaw };
	if (!reaches(changed)) return null;
	const text = optionText(metric, fromRaw, toRaw);
	const toPoints = schemePoints(metric, toRaw) ?? fromPoints;
	const option = { metricId: metric.id, metricName: metric.name, fromRaw, toRaw };
	return { delta, option: { ...option, fromPoints, toPoints, text } };
}

function nextTierFor(
	model: Model,
	values: AccountValues,
	core: Omit<AccountScore, 'explanation'>,
	rescore: Rescore
): NextTier | null {
	if (!core.isScored || core.score === null || core.tierIndex <= 0) return null;
	const tier = model.tiers[core.tierIndex - 1];
	if (!tier) return null;
	const pointsNeeded = pointsNeededFor(tier.min, core.score);
	const reaches = (v: AccountValues) => {
		const r = rescore(v);
		return r.isScored && r.tierIndex >= 0 && r.tierIndex < core.tierIndex;
	};
	const candidates: Candidate[] = [];
	allMetrics(model).forEach((m, k) => {
		const c = optionFor(m, core.metrics[k]!, pointsNeeded, values, reaches);
		if (c) candidates.push(c);
	});
	candidates.sort((a, b) => a.delta - b.delta);
	return { tier, pointsNeeded, options: candidates.map((c) => c.option) };
}

/**
 * Explain an account's score. `model` is the effective model for the account (its segment's
 * weights and tiers); `rescore` scores changed values with the original model.
 */
export function explainAccount(
	model: Model,
	values: AccountValues,
	core: Omit<AccountScore, 'explanation'>,
	rescore: Rescore
): Explanation {
	return {
		drivers: rankDrivers(core.dimensions),
		nextTier: nextTierFor(model, values, core, rescore)
	};
}
