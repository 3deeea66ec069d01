/**
 * Signal register: which metrics give the warning? Per metric, on the backtest's accounts:
 * the univariate AUC in the declared direction (power.ts), the *worst band* — the fifth of the
 * accounts with a value that the metric ranks riskiest (lowest for higher-is-better, highest for
 * lower-is-better; ties at the cut all join the band) — its churn rate over the base rate (lift),
 * the share of all churners inside it, and the missing share.
 */
import { metricPower, type MetricPowerInput, type MetricPowerRow } from './power';

export interface SignalRow extends MetricPowerRow {
	/** The band's cut: values at or beyond it (in the risky direction) are in the worst band. */
	bandCut: number;
	bandAccounts: number;
	bandChurners: number;
	/** Band churn rate ÷ base churn rate (over labelled accounts with a value). */
	lift: number;
	/** Band churners ÷ all churners with a value. */
	churnerShare: number;
	/**
	 * Median days from a churner's first date in the worst band to its churn (score history);
	 * NaN without a history or for a metric read as points.
	 */
	medianLeadDays?: number;
}

/** Worst-band figures for one metric. `share` is the band's nominal size (0.2 = a fifth). */
export function worstBand(
	m: MetricPowerInput,
	labels: Uint8Array,
	share = 0.2
): Pick<SignalRow, 'bandCut' | 'bandAccounts' | 'bandChurners' | 'lift' | 'churnerShare'> {
	// Risk order: higher risk = lower value for `higher`, higher value for `lower`.
	const sign = m.direction === 'higher' ? -1 : 1;
	let n = 0;
	for (let i = 0; i < labels.length; i++)
		if (!Number.isNaN(m.values[i]!) && (labels[i] === 0 || labels[i] === 1)) n++;
	if (n === 0)
		return { bandCut: NaN, bandAccounts: 0, bandChurners: 0, lift: NaN, churnerShare: NaN };
	const risk = new Float64Array(n);
	let churners = 0;
	n = 0;
	for (let i = 0; i < labels.length; i++) {
		const v = m.values[i]!;
		if (Number.isNaN(v) || (labels[i] !== 0 && labels[i] !== 1)) continue;
		risk[n++] = sign * v;
		churners += labels[i]!;
	}
	// The k-th riskiest value (k = ⌈n·share⌉), by a native ascending sort read from the top.
	risk.sort();
	const cutRisk = risk[n - Math.max(1, Math.ceil(n * share))]!;
	let bandAccounts = 0;
	let bandChurners = 0;
	for (let i = 0; i < labels.length; i++) {
		const v = m.values[i]!;
		if (Number.isNaN(v) || (labels[i] !== 0 && labels[i] !== 1)) continue;
		if (sign * v >= cutRisk) {
			bandAccounts++;
			bandChurners += labels[i]!;
		}
	}
	const base = churners / n;
	return {
		bandCut: sign * cutRisk,
		bandAccounts,
		bandChurners,
		lift: base > 0 ? bandChurners / bandAccounts / base : NaN,
		churnerShare: churners > 0 ? bandChurners / churners : NaN
	};
}

/** The register, strongest signal first. */
export function signalRegister(
	metrics: readonly MetricPowerInput[],
	labels: Uint8Array
): SignalRow[] {
	const power = metricPower(metrics, labels);
	return power
		.map((p, j) => ({ ...p, ...worstBand(metrics[j]!, labels) }))
		.sort((a, b) => (b.strength || 0) - (a.strength || 0));
}
