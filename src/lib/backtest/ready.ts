/**
 * Ready-to-ship check: five plain tests a model should pass before a team relies on it. Each
 * line carries its figure and its threshold (editable). Inputs are the tier table of a
 * point-in-time backtest and the lead-time window share.
 */
import type { TierRow } from './tiers';
import type { RateInterval } from './wilson';

export interface ReadyThresholds {
	/** Red churn rate (lower 95 % bound) ÷ base rate must be at least this. */
	minRedLift: number;
	/** Share of churners non-Green 60–90 days before churn, at least (0–1). */
	minLeadShare: number;
	/** Share of accounts Green, at most (0–1). */
	maxGreenShare: number;
	/** Churn events in the backtest, at least. */
	minEvents: number;
}

export const DEFAULT_READY: ReadyThresholds = {
	minRedLift: 3,
	minLeadShare: 2 / 3,
	maxGreenShare: 0.8,
	minEvents: 50
};

export type ReadyId = 'red-lift' | 'lead' | 'green-share' | 'tier-order' | 'events';

export interface ReadyLine {
	id: ReadyId;
	/** Pass, fail, or unknown (the figure cannot be computed, e.g. no churners). */
	status: 'pass' | 'fail' | 'unknown';
	/** The figure the line is judged on. */
	value: number;
	threshold: number;
	/** What was measured, in words (with the numbers); English, for exports and Node. */
	detail: string;
	/** The same as a code and its figures, for a screen to say in its own language. */
	note: ReadyNote;
}

/** What a ready-to-ship line measured: a code and the figures its sentence needs. */
export type ReadyNote =
	| { code: 'red-lift'; tier: string; rate: number; lo: number; base: number }
	| { code: 'no-tiers' }
	| { code: 'lead'; warned: number; churners: number }
	| { code: 'green-share'; green: number; accounts: number; tier: string }
	| { code: 'too-few-tiers' }
	| { code: 'in-order' }
	| { code: 'overlap'; pairs: number }
	| { code: 'events'; events: number; accounts: number };

export interface ReadyInput {
	tiers: readonly Pick<TierRow, 'name' | 'accounts' | 'churners' | 'churnRate'>[];
	/** Base churn rate over the scored accounts. */
	baseRate: number;
	/** Churners non-Green at some point 60–90 days before churn (Wilson). */
	leadWindow: { churners: number; nonGreen: number; share: RateInterval };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const judge = (ok: boolean, value: number): ReadyLine['status'] =>
	Number.isFinite(value) ? (ok ? 'pass' : 'fail') : 'unknown';

/** The five lines, in a fixed order. */
export function readyCheck(input: ReadyInput, th: ReadyThresholds = DEFAULT_READY): ReadyLine[] {
	const tiers = input.tiers;
	const red = tiers.at(-1);
	const green = tiers[0];
	const accounts = tiers.reduce((s, t) => s + t.accounts, 0);
	const events = tiers.reduce((s, t) => s + t.churners, 0);
	const redLift = red && input.baseRate > 0 ? red.churnRate.lo / input.baseRate : NaN;
	const lead = input.leadWindow.share.rate;
	const greenShare = green && accounts > 0 ? green.accounts / accounts : NaN;
	// Each worse tier's interval must sit wholly above the better tier's (empty tiers skipped).
	const used = tiers.filter((t) => t.accounts > 0);
	let gaps = 0;
	let worstGap = Infinity;
	for (let k = 1; k < used.length; k++) {
		const gap = used[k]!.churnRate.lo - used[k - 1]!.churnRate.hi;
		worstGap = Math.min(worstGap, gap);
		if (!(gap > 0)) gaps++;
	}
	const orderValue = used.length >= 2 ? worstGap : NaN;
	return [
		{
			id: 'red-lift',
			status: judge(redLift >= th.minRedLift, redLift),
			value: redLift,
			threshold: th.minRedLift,
			detail: red
				? `${red.name} churn rate ${pct(red.churnRate.rate)} (95 % lower bound ${pct(red.churnRate.lo)}) vs base ${pct(input.baseRate)}`
				: 'No tiers',
			note: red
				? {
						code: 'red-lift',
						tier: red.name,
						rate: red.churnRate.rate,
						lo: red.churnRate.lo,
						base: input.baseRate
					}
				: { code: 'no-tiers' }
		},
		{
			id: 'lead',
			status: judge(lead >= th.minLeadShare, lead),
			value: lead,
			threshold: th.minLeadShare,
			detail: `${input.leadWindow.nonGreen} of ${input.leadWindow.churners} churners were not Green 60–90 days before churn`,
			note: {
				code: 'lead',
				warned: input.leadWindow.nonGreen,
				churners: input.leadWindow.churners
			}
		},
		{
			id: 'green-share',
			status: judge(greenShare <= th.maxGreenShare, greenShare),
			value: greenShare,
			threshold: th.maxGreenShare,
			detail: green ? `${green.accounts} of ${accounts} accounts are ${green.name}` : 'No tiers',
			note: green
				? { code: 'green-share', green: green.accounts, accounts, tier: green.name }
				: { code: 'no-tiers' }
		},
		{
			id: 'tier-order',
			status: judge(gaps === 0, orderValue),
			value: orderValue,
			threshold: 0,
			detail:
				used.length < 2
					? 'Fewer than two tiers hold accounts'
					: gaps === 0
						? 'Each worse tier churns more, with 95 % intervals that do not overlap'
						: `${gaps} pair(s) of neighbouring tiers overlap or are out of order`,
			note:
				used.length < 2
					? { code: 'too-few-tiers' }
					: gaps === 0
						? { code: 'in-order' }
						: { code: 'overlap', pairs: gaps }
		},
		{
			id: 'events',
			status: events >= th.minEvents ? 'pass' : 'fail',
			value: events,
			threshold: th.minEvents,
			detail: `${events} churn events among ${accounts} scored accounts`,
			note: { code: 'events', events, accounts }
		}
	];
}
