/**
 * Calibration by score band, and the Brier score.
 *
 * A health score is not a probability, so "predicted churn" comes from Platt scaling: a
 * logistic fit P(churn) = σ(a + b·score/100) on the same rows
 * ([Platt 1999](https://home.cs.colorado.edu/~mozer/Teaching/syllabi/6622/papers/Platt1999.pdf);
 * [Niculescu-Mizil & Caruana 2005](https://doi.org/10.1145/1102351.1102430)). Each band shows the
 * mean Platt probability next to the observed churn rate (with its Wilson interval).
 *
 * Brier score = (1/n) Σ (pᵢ − yᵢ)² ([Brier 1950](https://doi.org/10.1175/1520-0493(1950)078%3C0001:VOFEIT%3E2.0.CO;2)),
 * reported for the Platt probability (`platt`) and for the band's observed rate (`band`), both
 * in-sample (optimistic), with the no-skill reference base·(1 − base) and the Brier skill score
 * 1 − brier / reference.
 */
import { fitLogistic, sigmoid } from './logistic';
import { wilson, type RateInterval } from './wilson';

/** One score band [lo, hi) (the last band includes its upper edge). */
export interface CalibrationBand {
	lo: number;
	hi: number;
	accounts: number;
	churners: number;
	/** Observed churn rate with Wilson 95 % interval. */
	observed: RateInterval;
	/** Mean health score of the band's accounts. */
	meanScore: number;
	/** Mean Platt-scaled churn probability of the band's accounts. */
	meanPredicted: number;
}

/** Result of {@link calibrationTable}. */
export interface CalibrationResult {
	bands: CalibrationBand[];
	/** Platt fit: P(churn) = σ(intercept + slope · score / 100). */
	platt: { intercept: number; slope: number };
	brier: { platt: number; band: number; reference: number; skillPlatt: number; skillBand: number };
	n: number;
	positives: number;
}

/**
 * Calibration table over bands of `bandWidth` points covering 0–100 (default 10 → 10 bands;
 * scores outside 0–100 fall in the end bands). NaN scores and labels other than 0/1 are skipped.
 */
export function calibrationTable(
	scores: Float64Array,
	labels: Uint8Array,
	bandWidth = 10
): CalibrationResult {
	const nb = Math.max(1, Math.ceil(100 / bandWidth));
	let m = 0;
	for (let i = 0; i < scores.length; i++) {
		if (!Number.isNaN(scores[i]!) && (labels[i] === 0 || labels[i] === 1)) m++;
	}
	const x = new Float64Array(m);
	const y = new Uint8Array(m);
	const band = new Int32Array(m);
	let k = 0;
	for (let i = 0; i < scores.length; i++) {
		const s = scores[i]!;
		if (Number.isNaN(s) || (labels[i] !== 0 && labels[i] !== 1)) continue;
		x[k] = s / 100;
		y[k] = labels[i]!;
		band[k] = Math.min(nb - 1, Math.max(0, Math.floor(s / bandWidth)));
		k++;
	}
	// A tiny penalty keeps the slope finite when the score separates churners perfectly.
	const fit = fitLogistic(x, y, m, 1, { lambda: 1e-6 });
	const slope = fit.coef[0]!;
	const acc = new Float64Array(nb);
	const chu = new Float64Array(nb);
	const sumS = new Float64Array(nb);
	const sumP = new Float64Array(nb);
	const p = new Float64Array(m);
	let P = 0;
	for (let i = 0; i < m; i++) {
		const b = band[i]!;
		p[i] = sigmoid(fit.intercept + slope * x[i]!);
		acc[b]! += 1;
		chu[b]! += y[i]!;
		sumS[b]! += x[i]! * 100;
		sumP[b]! += p[i]!;
		P += y[i]!;
	}
	let bPlatt = 0;
	let bBand = 0;
	for (let i = 0; i < m; i++) {
		const b = band[i]!;
		const yi = y[i]!;
		bPlatt += (p[i]! - yi) ** 2;
		bBand += (chu[b]! / acc[b]! - yi) ** 2;
	}
	const base = m > 0 ? P / m : NaN;
	const reference = base * (1 - base);
	const platt = m > 0 ? bPlatt / m : NaN;
	const bandB = m > 0 ? bBand / m : NaN;
	const bands: CalibrationBand[] = [];
	for (let b = 0; b < nb; b++) {
		const a = acc[b]!;
		bands.push({
			lo: b * bandWidth,
			hi: Math.min(100, (b + 1) * bandWidth),
			accounts: a,
			churners: chu[b]!,
			observed: wilson(chu[b]!, a),
			meanScore: a > 0 ? sumS[b]! / a : NaN,
			meanPredicted: a > 0 ? sumP[b]! / a : NaN
		});
	}
	return {
		bands,
		platt: { intercept: fit.intercept, slope },
		brier: {
			platt,
			band: bandB,
			reference,
			skillPlatt: 1 - platt / reference,
			skillBand: 1 - bandB / reference
		},
		n: m,
		positives: P
	};
}
