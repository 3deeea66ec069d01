/**
 * Playbooks and the worklist: a score that triggers no action is theatre. Each tier and each
 * flag kind gets an action (what, owner role, due within N days); the worklist lists accounts by
 * action, most urgent first.
 */
import type { FlagKind, Model, Playbook, Tier } from './types';

/** Per-account facts the worklist ranks by. All optional but id, tierIndex and flags. */
export interface WorkItemInput {
	accountId: string;
	/** Full-precision score, or NaN when not scored. */
	score: number;
	/** Index into `tiers` (best first); −1 = not scored. */
	tierIndex: number;
	flags: FlagKind[];
	/** Points lost over the recent window (positive = dropped); NaN when unknown. */
	scoreDrop?: number;
	/** Days until renewal; NaN when unknown. */
	daysToRenewal?: number;
	/** Contract value (ARR); NaN when unknown. */
	contractValue?: number;
	/** One-line driver from the explanation, e.g. "Support experience: 9 of 25 points lost". */
	driver?: string;
	/** Growth signal for expansion candidates (e.g. seats or usage change, %); NaN when unknown. */
	growthPct?: number;
}

/** One line of the worklist: an account and the action it needs. */
export interface WorkItem extends WorkItemInput {
	playbook: Playbook;
	tierName: string;
	/** Due date offset in days (from the playbook). */
	dueDays: number;
}

/**
 * Default playbooks, after common practice: red → escalation call within 2 days; yellow →
 * increased check-ins; green with growth → expansion conversation; flags → a targeted review.
 * Tiers are matched by position: the worst tier gets the escalation, the best the expansion talk,
 * the ones between check-ins.
 */
export function defaultPlaybooks(tiers: Tier[]): Playbook[] {
	const out: Playbook[] = tiers.map((t, i) => {
		const isWorst = i === tiers.length - 1;
		const isBest = i === 0;
		if (isWorst)
			return pb(
				`tier_${t.id}`,
				{ tier: t.id },
				'Escalation call with the sponsor',
				'CSM + CS manager',
				2
			);
		if (isBest)
			return pb(
				`tier_${t.id}`,
				{ tier: t.id },
				'Expansion conversation where growth shows',
				'Account executive',
				30
			);
		return pb(
			`tier_${t.id}`,
			{ tier: t.id },
			'Increase check-ins; agree a success plan',
			'CSM',
			14
		);
	});
	out.push(
		pb(
			'flag_floor',
			{ flag: 'dimension-below-floor' },
			'Review the weak dimension with the customer',
			'CSM',
			7
		),
		pb(
			'flag_drop',
			{ flag: 'score-drop' },
			'Find out what changed; call within the week',
			'CSM',
			5
		),
		pb(
			'flag_trend',
			{ flag: 'metric-trend' },
			'Usage is falling: run an adoption session',
			'CSM',
			10
		)
	);
	return out;
}

function pb(
	id: string,
	trigger: Playbook['trigger'],
	action: string,
	owner: string,
	dueDays: number
): Playbook {
	return { id, trigger, action, owner, dueDays };
}

/** The model's playbooks, or the defaults for its tiers when it has none. */
export function playbooksFor(model: Model): Playbook[] {
	return model.playbooks && model.playbooks.length > 0
		? model.playbooks
		: defaultPlaybooks(model.tiers);
}

/**
 * The playbooks that fire for one account: its tier's, then one per flag kind it carries.
 * Not-scored accounts get no tier playbook (they need data, not an escalation).
 */
export function playbooksForAccount(
	tiers: Tier[],
	playbooks: Playbook[],
	tierIndex: number,
	flags: FlagKind[]
): Playbook[] {
	const tier = tierIndex >= 0 ? tiers[tierIndex] : undefined;
	const fired: Playbook[] = [];
	for (const p of playbooks) {
		if ('tier' in p.trigger && tier && p.trigger.tier === tier.id) fired.push(p);
		else if ('flag' in p.trigger && flags.includes(p.trigger.flag)) fired.push(p);
	}
	return fired;
}

const num = (x: number | undefined, fallback: number): number =>
	x === undefined || Number.isNaN(x) ? fallback : x;

/**
 * Urgency order: worse tier first; then a bigger score drop; then sooner renewal; then larger
 * contract value; then lower score; then account id (stable, deterministic).
 */
export function compareUrgency(a: WorkItemInput, b: WorkItemInput): number {
	const ta = a.tierIndex < 0 ? -1 : a.tierIndex;
	const tb = b.tierIndex < 0 ? -1 : b.tierIndex;
	return (
		tb - ta ||
		num(b.scoreDrop, 0) - num(a.scoreDrop, 0) ||
		num(a.daysToRenewal, Infinity) - num(b.daysToRenewal, Infinity) ||
		num(b.contractValue, 0) - num(a.contractValue, 0) ||
		num(a.score, Infinity) - num(b.score, Infinity) ||
		(a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0)
	);
}

/** Options for the worklist. */
export interface WorklistOptions {
	/** Leave out playbooks for the best tier unless the account also shows growth ≥ this (%). */
	expansionGrowthPct?: number;
}

/**
 * Group accounts by action, most urgent first within each group; groups are ordered by their
 * most urgent account. A best-tier account without growth gets no expansion line (it is healthy
 * and quiet, not work).
 */
export function buildWorklist(
	model: Model,
	accounts: WorkItemInput[],
	options: WorklistOptions = {}
): { playbook: Playbook; items: WorkItem[] }[] {
	const playbooks = playbooksFor(model);
	const growthMin = options.expansionGrowthPct ?? 10;
	const byId = new Map<string, WorkItem[]>();
	for (const a of accounts) {
		for (const p of playbooksForAccount(model.tiers, playbooks, a.tierIndex, a.flags)) {
			if ('tier' in p.trigger && a.tierIndex === 0 && !(num(a.growthPct, -Infinity) >= growthMin))
				continue;
			const item: WorkItem = {
				...a,
				playbook: p,
				tierName: model.tiers[a.tierIndex]?.name ?? 'Not scored',
				dueDays: p.dueDays
			};
			const list = byId.get(p.id);
			if (list) list.push(item);
			else byId.set(p.id, [item]);
		}
	}
	const groups = [...byId.values()].map((items) => {
		items.sort(compareUrgency);
		return { playbook: items[0]!.playbook, items };
	});
	groups.sort(
		(g, h) => compareUrgency(g.items[0]!, h.items[0]!) || g.playbook.dueDays - h.playbook.dueDays
	);
	return groups;
}

/**
 * Expansion candidates: in the best tier, growing (growthPct ≥ min), with room to grow
 * (`hasRoom`, e.g. seat utilisation high enough to need more seats or a plan below the top).
 * Sorted by contract value, largest first.
 */
export function expansionCandidates(
	accounts: (WorkItemInput & { hasRoom: boolean })[],
	growthMinPct = 10
): WorkItemInput[] {
	return accounts
		.filter((a) => a.tierIndex === 0 && a.hasRoom && num(a.growthPct, -Infinity) >= growthMinPct)
		.sort((a, b) => num(b.contractValue, 0) - num(a.contractValue, 0) || compareUrgency(a, b));
}

/** Flag kinds that get a playbook in the editor (overrides are shown, not acted on). */
export const PLAYBOOK_FLAGS: readonly FlagKind[] = [
	'dimension-below-floor',
	'score-drop',
	'metric-trend'
];

/** Same trigger: the same tier id, or the same flag kind. */
export function sameTrigger(a: Playbook['trigger'], b: Playbook['trigger']): boolean {
	if ('tier' in a) return 'tier' in b && a.tier === b.tier;
	return 'flag' in b && a.flag === b.flag;
}

/**
 * One playbook per tier (best first) and per flag kind in {@link PLAYBOOK_FLAGS}: the model's
 * own where it has one for that trigger, else the default. A tier added after the playbooks were
 * saved gets its default, so every tier always has an action. Saved playbooks for triggers that
 * no longer exist (a deleted tier) are left out.
 */
export function completePlaybooks(model: Model): Playbook[] {
	const saved = model.playbooks ?? [];
	const defaults = defaultPlaybooks(model.tiers);
	const triggers: Playbook['trigger'][] = [
		...model.tiers.map((t) => ({ tier: t.id })),
		...PLAYBOOK_FLAGS.map((flag) => ({ flag }))
	];
	return triggers.flatMap((tr) => {
		const own = saved.find((p) => sameTrigger(p.trigger, tr));
		const def = defaults.find((p) => sameTrigger(p.trigger, tr));
		const p = own ?? def;
		return p ? [p] : [];
	});
}

/**
 * The model with one playbook changed (matched by trigger; added when missing). The result holds
 * the complete set, so later tier edits never lose the defaults of the other triggers. Due days
 * are clamped to a whole number ≥ 0.
 */
export function withPlaybook(model: Model, playbook: Playbook): Model {
	const dueDays = Number.isFinite(playbook.dueDays) ? Math.max(0, Math.round(playbook.dueDays)) : 0;
	const next = { ...playbook, dueDays };
	const all = completePlaybooks(model);
	const k = all.findIndex((p) => sameTrigger(p.trigger, next.trigger));
	const playbooks = k < 0 ? [...all, next] : all.map((p, i) => (i === k ? next : p));
	return { ...model, playbooks };
}
