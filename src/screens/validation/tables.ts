/** Pure builders for the Validation screen: chart series and CSV tables. */
import type { CsvRows } from '$lib/backtest/csv';
import type { ChangeSplit } from '$lib/backtest/change';
import type { LeadTimeResult } from '$lib/backtest/leadtime';
import type { MoneyResult } from '$lib/backtest/money';
import type { ReadyLine } from '$lib/backtest/ready';
import type { SignalRow } from '$lib/backtest/signals';
import { survivalAt, type KaplanMeier } from '$lib/backtest/survival';
import type { SurvivalResult, ValidationResult } from '$lib/workers/validation-protocol';

const n = (x: number) => (Number.isFinite(x) ? String(x) : '');

/** A Kaplan–Meier curve as step points from (0, 1) to `end` days. */
export function kmStepPoints(km: KaplanMeier, end: number): [number, number][] {
	const pts: [number, number][] = [[0, 1]];
	let s = 1;
	for (const step of km.steps) {
		if (step.time > end) break;
		pts.push([step.time, s], [step.time, step.survival]);
		s = step.survival;
	}
	pts.push([end, s]);
	return pts;
}

/** Retention S(t) and its interval at `t` days (the last step at or before t). */
export function retentionAt(km: KaplanMeier, t: number): { s: number; lo: number; hi: number } {
	let last = null;
	for (const step of km.steps) {
		if (step.time > t) break;
		last = step;
	}
	return last
		? { s: last.survival, lo: last.lo, hi: last.hi }
		: { s: survivalAt(km, t), lo: NaN, hi: NaN };
}

export function survivalCsv(s: SurvivalResult): CsvRows {
	const head = ['tier', 'day', 'at_risk', 'churns', 'censored', 'retention', 'se', 'lo95', 'hi95'];
	return [
		head,
		...s.tiers.flatMap((t) =>
			t.km.steps.map((x) => [
				t.name,
				n(x.time),
				n(x.atRisk),
				n(x.events),
				n(x.censored),
				n(x.survival),
				n(x.se),
				n(x.lo),
				n(x.hi)
			])
		)
	];
}

export function leadCsv(l: LeadTimeResult): CsvRows {
	return [
		[
			'days_before_churn',
			'churners_scored',
			'not_green',
			'share',
			'lo95',
			'hi95',
			'red',
			'red_share'
		],
		...l.leads.map((x) => [
			n(x.days),
			n(x.churners),
			n(x.nonGreen),
			n(x.share.rate),
			n(x.share.lo),
			n(x.share.hi),
			n(x.red),
			n(x.redShare.rate)
		])
	];
}

export function trajectoryCsv(l: LeadTimeResult): CsvRows {
	return [
		['days_before', 'churned_mean_score', 'churned_n', 'retained_mean_score', 'retained_n'],
		...l.trajectory.map((p) => [
			n(p.days),
			n(p.churnedMean),
			n(p.churnedN),
			n(p.retainedMean),
			n(p.retainedN)
		])
	];
}

export function signalsCsv(rows: readonly SignalRow[]): CsvRows {
	return [
		[
			'metric',
			'direction',
			'auc',
			'strength',
			'worst_band_cut',
			'band_accounts',
			'band_churners',
			'lift',
			'churner_share',
			'missing_share',
			'median_lead_days'
		],
		...rows.map((r) => [
			r.name,
			r.direction,
			n(r.auc),
			n(r.strength),
			n(r.bandCut),
			n(r.bandAccounts),
			n(r.bandChurners),
			n(r.lift),
			n(r.churnerShare),
			n(r.missingShare),
			n(r.medianLeadDays ?? NaN)
		])
	];
}

export function readyCsv(lines: readonly ReadyLine[]): CsvRows {
	return [
		['check', 'status', 'value', 'threshold', 'detail'],
		...lines.map((l) => [l.id, l.status, n(l.value), n(l.threshold), l.detail])
	];
}

export function driftCsv(r: ValidationResult): CsvRows {
	const d = r.drift;
	if (!d) return [['what', 'psi']];
	return [
		['what', 'psi', 'accounts_then', 'accounts_now'],
		['score', n(d.score.psi), n(d.score.expectedN), n(d.score.actualN)],
		...d.metrics.map((m) => [m.name, n(m.psi.psi), n(m.psi.expectedN), n(m.psi.actualN)])
	];
}

export function robustnessCsv(r: ValidationResult): CsvRows {
	return [
		['draw', 'tier_flip_rate', 'spearman', 'auc'],
		...r.robustness.draws.map((d, k) => [String(k + 1), n(d.flipRate), n(d.spearman), n(d.auc)])
	];
}

export function missingCsv(r: ValidationResult): CsvRows {
	return [
		['policy', 'auc', 'scored', ...r.tierNames.map((t) => `share_${t}`)],
		...r.missing.map((m) => [m.policy, n(m.auc), n(m.scored), ...m.tierShares.map(n)])
	];
}

/** Sort signal rows by a column (NaN last), descending or ascending. */
export function sortSignals(
	rows: readonly SignalRow[],
	key: 'name' | 'auc' | 'lift' | 'churnerShare' | 'missingShare' | 'medianLeadDays',
	desc: boolean
): SignalRow[] {
	const out = [...rows];
	out.sort((a, b) => {
		if (key === 'name') return desc ? b.name.localeCompare(a.name) : a.name.localeCompare(b.name);
		const x = a[key] ?? NaN;
		const y = b[key] ?? NaN;
		if (Number.isNaN(x)) return 1;
		if (Number.isNaN(y)) return -1;
		return desc ? y - x : x - y;
	});
	return out;
}

/** ARR by tier: calibrated churn probability, ARR now and expected churned ARR, per tier. */
export function moneyCsv(m: MoneyResult, tierNames: string[]): CsvRows {
	const head = [
		'tier',
		'accounts_at_asof',
		'churners',
		'churn_probability',
		'probability_lo95',
		'probability_hi95',
		'accounts_now',
		'arr_now',
		'expected_churned_arr',
		'expected_lo',
		'expected_hi'
	];
	return [
		head,
		...m.tiers.map((t, k) => [
			tierNames[k] ?? String(k),
			String(t.accounts),
			String(t.churners),
			n(t.probability.rate),
			n(t.probability.lo),
			n(t.probability.hi),
			String(t.nowAccounts),
			n(t.nowValue),
			n(t.expected),
			n(t.expectedLo),
			n(t.expectedHi)
		])
	];
}

/** Points per dimension between two dates, split into the customer and the formula. */
export function changeCsv(c: ChangeSplit): CsvRows {
	return [
		['dimension', 'points_then', 'points_now', 'customer_changed', 'formula_changed'],
		...c.dimensions.map((d) => [d.name, n(d.from), n(d.to), n(d.customer), n(d.formula)]),
		['total', n(c.fromScore), n(c.toScore), n(c.customer), n(c.formula)]
	];
}

/** Per-segment results beside the pooled model, with the small-sample warning. */
export function segmentsCsv(r: ValidationResult): CsvRows {
	const s = r.segments;
	if (!s) return [];
	return [
		['segment', 'accounts', 'churn_events', 'churn_rate', 'auc', 'pooled_auc', 'warning'],
		...[...s.rows, s.all].map((x) => [
			x.value,
			n(x.accounts),
			n(x.events),
			n(x.churnRate),
			n(x.auc),
			n(x.pooledAuc),
			x.warning ?? ''
		])
	];
}
