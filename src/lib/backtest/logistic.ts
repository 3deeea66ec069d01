/**
 * L2-regularised logistic regression by Newton's method (equivalently IRLS) with a backtracking
 * line search: deterministic, quadratic convergence, no learning rate to tune.
 *
 * Minimises J(b, β) = (1/m) Σᵢ [log(1 + e^ηᵢ) − yᵢ ηᵢ] + (λ/2) ‖β‖², ηᵢ = b + xᵢ·β,
 * the intercept b unpenalised
 * ([Hastie, Tibshirani & Friedman, ESL §4.4.1 and §4.4.4](https://hastie.su.domains/ElemStatLearn/)).
 * With λ > 0 the objective is strongly convex, so the optimum is unique and finite even on
 * perfectly separable data; since J(b̂, 0) ≤ log 2, ‖β̂‖ ≤ √(2·log 2 / λ).
 */

/** Options for {@link fitLogistic}. */
export interface LogisticOptions {
	/** L2 penalty λ ≥ 0 on the mean log-loss scale (0 = plain maximum likelihood). */
	lambda: number;
	/** Newton iterations at most (default 100). */
	maxIter?: number;
	/**
	 * Stop when the largest gradient component is below this (default 1e-12), or when a full
	 * Newton step moves no parameter by more than 1e-12 of its size (the floating-point floor).
	 */
	tol?: number;
}

/** A fitted model: P(y = 1 | x) = σ(intercept + Σ coef[j]·x[j]). */
export interface LogisticFit {
	intercept: number;
	coef: Float64Array;
	iterations: number;
	converged: boolean;
	/** J at the optimum. */
	objective: number;
}

/** log(1 + e^x) without overflow. */
export function softplus(x: number): number {
	return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** σ(x) = 1 / (1 + e^−x). */
export function sigmoid(x: number): number {
	return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * Fit on a row-major design matrix `x` (m rows × d features, no intercept column, no NaN) and
 * labels `y` (0/1). Returns the optimum of J; `converged` is false if `maxIter` ran out.
 */
export function fitLogistic(
	x: Float64Array,
	y: Uint8Array,
	m: number,
	d: number,
	opts: LogisticOptions
): LogisticFit {
	const lambda = Math.max(0, opts.lambda);
	const maxIter = opts.maxIter ?? 100;
	const tol = opts.tol ?? 1e-12;
	const D = d + 1; // parameter 0 = intercept
	const w = new Float64Array(D);
	let eta = new Float64Array(m);
	let etaTrial = new Float64Array(m);
	const grad = new Float64Array(D);
	const H = new Float64Array(D * D);
	const step = new Float64Array(D);
	const trial = new Float64Array(D);

	const objective = (par: Float64Array, out: Float64Array | null): number => {
		let s = 0;
		for (let i = 0; i < m; i++) {
			let e = par[0]!;
			const o = i * d;
			for (let j = 0; j < d; j++) e += par[j + 1]! * x[o + j]!;
			if (out) out[i] = e;
			s += softplus(e) - (y[i] === 1 ? e : 0);
		}
		let pen = 0;
		for (let j = 1; j < D; j++) pen += par[j]! * par[j]!;
		return s / Math.max(1, m) + 0.5 * lambda * pen;
	};

	let J = objective(w, eta);
	let it = 0;
	let converged = false;
	for (; it < maxIter; it++) {
		grad.fill(0);
		H.fill(0);
		for (let i = 0; i < m; i++) {
			const p = sigmoid(eta[i]!);
			const r = p - (y[i] === 1 ? 1 : 0);
			const v = p * (1 - p);
			const o = i * d;
			grad[0]! += r;
			H[0]! += v;
			for (let j = 0; j < d; j++) {
				const xj = x[o + j]!;
				grad[j + 1]! += r * xj;
				const vx = v * xj;
				H[j + 1]! += vx; // row 0, column j+1
				const row = (j + 1) * D;
				for (let k = 0; k <= j; k++) H[row + k + 1]! += vx * x[o + k]!;
			}
		}
		const inv = 1 / Math.max(1, m);
		for (let a = 0; a < D; a++) {
			grad[a]! *= inv;
			for (let b = 0; b <= a; b++) {
				const hv = (b === 0 ? H[a]! : H[a * D + b]!) * inv;
				H[a * D + b] = hv;
				H[b * D + a] = hv;
			}
		}
		for (let j = 1; j < D; j++) {
			grad[j]! += lambda * w[j]!;
			H[j * D + j]! += lambda;
		}
		let gmax = 0;
		for (let a = 0; a < D; a++) gmax = Math.max(gmax, Math.abs(grad[a]!));
		if (gmax < tol) {
			converged = true;
			break;
		}
		solveSpd(H, grad, step, D);
		// Backtracking (Armijo) line search on J along the Newton direction −step.
		let dec = 0;
		for (let a = 0; a < D; a++) dec += grad[a]! * step[a]!;
		let t = 1;
		let Jt = J;
		// When the predicted decrease is below J's rounding, J cannot arbitrate: take the full
		// Newton step (locally quadratically convergent) and let the step-size test stop us.
		const tiny = dec <= 1e-13 * (1 + Math.abs(J));
		for (let ls = 0; ls < 50; ls++) {
			for (let a = 0; a < D; a++) trial[a] = w[a]! - t * step[a]!;
			Jt = objective(trial, etaTrial);
			if (tiny || Jt <= J - 1e-4 * t * dec || ls === 49) break;
			t *= 0.5;
		}
		if (tiny) Jt = Math.min(Jt, J);
		if (!(Jt <= J)) {
			// No decrease possible in floating point: we are at the optimum to machine precision.
			converged = gmax < 1e-8;
			break;
		}
		w.set(trial);
		J = Jt;
		const swap = eta;
		eta = etaTrial;
		etaTrial = swap;
		// A full Newton step this small means the gradient is at its floating-point noise floor.
		let smax = 0;
		let wmax = 0;
		for (let a = 0; a < D; a++) {
			smax = Math.max(smax, Math.abs(step[a]!));
			wmax = Math.max(wmax, Math.abs(w[a]!));
		}
		if (t === 1 && smax <= 1e-12 * (1 + wmax)) {
			converged = true;
			it++;
			break;
		}
	}
	return { intercept: w[0]!, coef: w.slice(1), iterations: it, converged, objective: J };
}

/**
 * Solve A·s = g for symmetric positive (semi)definite A (D × D, row-major) by Cholesky; a tiny
 * ridge is added on the diagonal if a pivot is not positive (collinear features with λ = 0).
 */
function solveSpd(A: Float64Array, g: Float64Array, s: Float64Array, D: number): void {
	const L = new Float64Array(D * D);
	let jitter = 0;
	for (let attempt = 0; attempt < 8; attempt++) {
		let ok = true;
		for (let i = 0; i < D && ok; i++) {
			for (let j = 0; j <= i; j++) {
				let sum = A[i * D + j]! + (i === j ? jitter : 0);
				for (let k = 0; k < j; k++) sum -= L[i * D + k]! * L[j * D + k]!;
				if (i === j) {
					if (!(sum > 0)) {
						ok = false;
						break;
					}
					L[i * D + i] = Math.sqrt(sum);
				} else L[i * D + j] = sum / L[j * D + j]!;
			}
		}
		if (ok) break;
		jitter = jitter === 0 ? 1e-12 : jitter * 100;
	}
	for (let i = 0; i < D; i++) {
		let sum = g[i]!;
		for (let k = 0; k < i; k++) sum -= L[i * D + k]! * s[k]!;
		s[i] = sum / L[i * D + i]!;
	}
	for (let i = D - 1; i >= 0; i--) {
		let sum = s[i]!;
		for (let k = i + 1; k < D; k++) sum -= L[k * D + i]! * s[k]!;
		s[i] = sum / L[i * D + i]!;
	}
}
