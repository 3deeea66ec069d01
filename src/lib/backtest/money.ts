/**
 * Money: what the tiers mean in contract value (ARR).
 *
 * - Churn probability per tier, calibrated on the backtest: the share of the tier's accounts at
 *   the as-of date T that churned in (T, T + H], with its Wilson 95 % interval.
 * - Expected churned ARR over the next H days for the accounts on the books now: Σ over tiers of
 *   the tier's probability × the tier's ARR now. The interval takes every tier at its lower (upper)
 *   bound at once, so it is wider than a joint 95 % interval (conservative).
 * - The same expectation at T beside the ARR that did churn in (T, T + H] (a check on the money).
 * - Capacity: with C = CSMs × accounts per CSM, the highest whole-number cut c such that at most
 *   C accounts show a score below c; flagging those accounts, the precision (churners among the
 *   flagged) and recall (flagged among the churners) at T, by count and by ARR.
 * Accounts without a value count in the probabilities but add nothing to ARR (and are counted).
 */
import { wilson, type RateInterval } from './wilson';

/** Per tier (model order). */
export interface MoneyTier {
	/** Accounts at T with a score in the tier, and how many churned in (T, T + H]. */
	accounts: number;
	churners: number;
	/** Calibrated churn probability over the horizon. */
	probability: RateInterval;
	/** Accounts on the books now in the tier, and their ARR (NaN-valued ones skipped). */
	nowAccounts: number;
	nowValue: number;
	/** Probability × ARR now, with the tier's interval bounds. */
	expected: number;
	expectedLo: number;
	expectedHi: number;
}

/** Per shown score 0–100 at T: what the capacity cut reads (so a new capacity needs no re-run). */
export interface ShownTally {
	accounts: number[];
	churners: number[];
	value: number[];
	churnedValue: number[];
}

export interface MoneyResult {
	tiers: MoneyTier[];
	/** Expected churned ARR over the horizon for the accounts now, and its conservative interval. */
	expected: number;
	expectedLo: number;
	expectedHi: number;
	/** ARR now (accounts with a score and a value), and scored accounts now without a value. */
	nowValue: number;
	nowNoValue: number;
	/** At T: the same expectation and the ARR that did churn in (T, T + H]. */
	expectedAtT: number;
	churnedAtT: number;
	valueAtT: number;
	byShown: ShownTally;
}

/** What one population gives: tier (−1 not scored), value (NaN unknown). */
export interface MoneyInput {
	tiers: number;
	/** At T: tier, shown score and label (1 churned in (T, T + H], 0 not) per account. */
	atT: {
		tier: ArrayLike<number>;
		shown: ArrayLike<number>;
		labels: ArrayLike<number>;
		value: ArrayLike<number>;
	};
	/** Now: tier and value per account on the books (null = use the accounts at T). */
	now: { tier: ArrayLike<number>; value: ArrayLike<number> } | null;
}

const zeros = (n: number) => new Array<number>(n).fill(0);

export function moneyByTier(input: MoneyInput): MoneyResult {
	const T = input.tiers;
	const { atT } = input;
	const accounts = zeros(T);
	const churners = zeros(T);
	const valueT = zeros(T);
	let churnedAtT = 0;
	const byShown: ShownTally = {
		accounts: zeros(101),
		churners: zeros(101),
		value: zeros(101),
		churnedValue: zeros(101)
	};
	for (let i = 0; i < atT.tier.length; i++) {
		const t = atT.tier[i]!;
		const y = atT.labels[i]!;
		if (t < 0 || t >= T || (y !== 0 && y !== 1)) continue;
		const v = atT.value[i]!;
		const has = Number.isFinite(v);
		accounts[t]!++;
		if (has) valueT[t]! += v;
		if (y === 1) {
			churners[t]!++;
			if (has) churnedAtT += v;
		}
		const s = Math.min(100, Math.max(0, atT.shown[i]!));
		byShown.accounts[s]!++;
		if (y === 1) byShown.churners[s]!++;
		if (has) {
			byShown.value[s]! += v;
			if (y === 1) byShown.churnedValue[s]! += v;
		}
	}
	const now = input.now ?? { tier: atT.tier, value: atT.value };
	const nowAccounts = zeros(T);
	const nowValue = zeros(T);
	let nowNoValue = 0;
	for (let i = 0; i < now.tier.length; i++) {
		const t = now.tier[i]!;
		if (t < 0 || t >= T) continue;
		nowAccounts[t]!++;
		const v = now.value[i]!;
		if (Number.isFinite(v)) nowValue[t]! += v;
		else nowNoValue++;
	}
	const tiers = accounts.map((n, t): MoneyTier => {
		const p = wilson(churners[t]!, n);
		const ok = (x: number) => (Number.isFinite(x) ? x : 0);
		return {
			accounts: n,
			churners: churners[t]!,
			probability: p,
			nowAccounts: nowAccounts[t]!,
			nowValue: nowValue[t]!,
			expected: ok(p.rate) * nowValue[t]!,
			expectedLo: ok(p.lo) * nowValue[t]!,
			expectedHi: ok(p.hi) * nowValue[t]!
		};
	});
	const sum = (f: (x: MoneyTier, t: number) => number) => tiers.reduce((s, x, t) => s + f(x, t), 0);
	return {
		tiers,
		expected: sum((x) => x.expected),
		expectedLo: sum((x) => x.expectedLo),
		expectedHi: sum((x) => x.expectedHi),
		nowValue: sum((x) => x.nowValue),
		nowNoValue,
		expectedAtT: sum(
			(x, t) => (Number.isFinite(x.probability.rate) ? x.probability.rate : 0) * valueT[t]!
		),
		churnedAtT,
		valueAtT: valueT.reduce((s, v) => s + v, 0),
		byShown
	};
}

/** Precision and recall of flagging the accounts that show a score below `cut`. */
export interface CapacityResult {
	capacity: number;
	/** Accounts showing a score below this are flagged (0 = none). */
	cut: number;
	flagged: number;
	churnersFlagged: number;
	churners: number;
	precision: RateInterval;
	recall: RateInterval;
	/** ARR of the flagged accounts, of the churners among them, and of all churners. */
	flaggedValue: number;
	churnedValueCaught: number;
	churnedValue: number;
}

/** The highest cut with at most `capacity` accounts below it (see the module note). */
export function capacityCut(t: ShownTally, capacity: number): CapacityResult {
	const cap = Math.max(0, Math.floor(capacity));
	let cut = 0;
	let below = 0;
	// Accounts below c = Σ_{s < c}; raise c while the next score's accounts still fit.
	while (cut <= 100 && below + t.accounts[cut]! <= cap) below += t.accounts[cut++]!;
	let flagged = 0;
	let caught = 0;
	let flaggedValue = 0;
	let caughtValue = 0;
	let churners = 0;
	let churnedValue = 0;
	for (let s = 0; s <= 100; s++) {
		churners += t.churners[s]!;
		churnedValue += t.churnedValue[s]!;
		if (s >= cut) continue;
		flagged += t.accounts[s]!;
		caught += t.churners[s]!;
		flaggedValue += t.value[s]!;
		caughtValue += t.churnedValue[s]!;
	}
	return {
		capacity: cap,
		cut,
		flagged,
		churnersFlagged: caught,
		churners,
		precision: wilson(caught, flagged),
		recall: wilson(caught, churners),
		flaggedValue,
		churnedValueCaught: caughtValue,
		churnedValue
	};
}
