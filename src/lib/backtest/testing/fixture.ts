/**
 * A seeded synthetic backtest dataset, for benchmarks (bench/) and large-n tests (test support:
 * never imported by the product).
 * Each account has a latent health h ~ N(0, 1); `metrics` noisy 0–100 point columns driven by h
 * (the last one is pure noise, ~8 % missing in each); churn ~ Bernoulli(σ(−1 − 1.5·h)) (≈ 30 %);
 * the score is the mean of the present metric points. Tiers: green ≥ 70, yellow ≥ 40, red.
 */
import { mulberry32, uniform, type Rng } from '../rng';

/** The generated dataset. */
export interface BenchData {
	n: number;
	score: Float64Array;
	shown: Float64Array;
	tier: Int8Array;
	labels: Uint8Array;
	/** Metric points per metric (NaN = missing), higher = healthier. */
	metricPoints: Float64Array[];
	metricIds: string[];
	/** A challenger score: the same points with a different weighting. */
	challenger: Float64Array;
	tiers: { id: string; name: string; min: number }[];
}

function normal(rng: Rng): number {
	// Box–Muller.
	const u = 1 - uniform(rng);
	const v = uniform(rng);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Generate `n` accounts from `seed` (same n and seed → identical arrays). */
export function benchBacktest(n: number, seed: number, metrics = 8): BenchData {
	const rng = mulberry32(seed);
	const ids = Array.from({ length: metrics }, (_, j) => `m${j + 1}`);
	const pts = ids.map(() => new Float64Array(n));
	const score = new Float64Array(n);
	const shown = new Float64Array(n);
	const tier = new Int8Array(n);
	const labels = new Uint8Array(n);
	const challenger = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const h = normal(rng);
		let s = 0;
		let c = 0;
		let ch = 0;
		let cw = 0;
		for (let j = 0; j < metrics; j++) {
			const signal = j === metrics - 1 ? 0 : 0.3 + (0.6 * j) / metrics;
			const v = Math.min(100, Math.max(0, 50 + 20 * (signal * h + normal(rng))));
			const missing = uniform(rng) < 0.08;
			pts[j]![i] = missing ? NaN : v;
			if (!missing) {
				s += v;
				c++;
				const w = j + 1;
				ch += w * v;
				cw += w;
			}
		}
		score[i] = c > 0 ? s / c : NaN;
		challenger[i] = cw > 0 ? ch / cw : NaN;
		shown[i] = c > 0 ? Math.floor(score[i]! + 0.5) : NaN;
		tier[i] = c === 0 ? -1 : shown[i]! >= 70 ? 0 : shown[i]! >= 40 ? 1 : 2;
		labels[i] = uniform(rng) < 1 / (1 + Math.exp(1 + 1.5 * h)) ? 1 : 0;
	}
	return {
		n,
		score,
		shown,
		tier,
		labels,
		metricPoints: pts,
		metricIds: ids,
		challenger,
		tiers: [
			{ id: 'green', name: 'Green', min: 70 },
			{ id: 'yellow', name: 'Yellow', min: 40 },
			{ id: 'red', name: 'Red', min: 0 }
		]
	};
}
