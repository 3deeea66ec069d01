/**
 * Agreement among raters: Fleiss' κ (Fleiss 1971) for a fixed number of raters per subject.
 * Pure: numbers in, numbers out.
 */

/** Fleiss' κ with its parts, for showing the working. */
export interface FleissResult {
	/** κ = (P̄ − P̄e) / (1 − P̄e); NaN when undefined (fewer than 2 raters, no subjects, P̄e = 1). */
	kappa: number;
	/** Mean observed agreement P̄. */
	observed: number;
	/** Agreement expected by chance P̄e = Σ pⱼ². */
	expected: number;
	/** Per subject, the share of rater pairs that agree (Pᵢ). */
	perSubject: number[];
	/** Per category, the share of all ratings (pⱼ). */
	categoryShares: number[];
	subjects: number;
	raters: number;
}

/**
 * Fleiss' κ from a count table: `counts[i][j]` = raters who put subject i in category j. Every
 * subject must have the same number of raters (throws otherwise: the formula needs it).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissResult {
	const N = counts.length;
	const k = counts[0]?.length ?? 0;
	const n = counts[0]?.reduce((a, b) => a + b, 0) ?? 0;
	for (const [i, row] of counts.entries()) {
		if (row.length !== k)
			throw new Error(`Subject ${i + 1} has ${row.length} categories, not ${k}.`);
		const s = row.reduce((a, b) => a + b, 0);
		if (s !== n) throw new Error(`Subject ${i + 1} has ${s} ratings, not ${n}.`);
	}
	const empty: FleissResult = {
		kappa: NaN,
		observed: NaN,
		expected: NaN,
		perSubject: [],
		categoryShares: [],
		subjects: N,
		raters: n
	};
	if (N === 0 || n < 2 || k === 0) return empty;
	const categoryShares = Array.from({ length: k }, (_, j) => {
		let s = 0;
		for (const row of counts) s += row[j]!;
		return s / (N * n);
	});
	const perSubject = counts.map((row) => {
		let sq = 0;
		for (const c of row) sq += c * c;
		return (sq - n) / (n * (n - 1));
	});
	const observed = perSubject.reduce((a, b) => a + b, 0) / N;
	const expected = categoryShares.reduce((a, p) => a + p * p, 0);
	const kappa = expected === 1 ? NaN : (observed - expected) / (1 - expected);
	return { kappa, observed, expected, perSubject, categoryShares, subjects: N, raters: n };
}

/** Landis & Koch's (1977) words for a κ value. */
export function kappaWords(kappa: number): string {
	if (!Number.isFinite(kappa)) return 'not defined';
	if (kappa < 0) return 'poor (worse than chance)';
	if (kappa <= 0.2) return 'slight';
	if (kappa <= 0.4) return 'fair';
	if (kappa <= 0.6) return 'moderate';
	if (kappa <= 0.8) return 'substantial';
	return 'almost perfect';
}
