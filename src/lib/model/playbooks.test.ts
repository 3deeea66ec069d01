import { describe, expect, it } from 'vitest';
import {
	buildWorklist,
	compareUrgency,
	completePlaybooks,
	withPlaybook,
	defaultPlaybooks,
	expansionCandidates,
	playbooksForAccount,
	type WorkItemInput
} from './playbooks';
import { SCHEMA_VERSION, type Model, type Playbook, type Tier } from './types';

const TIERS: Tier[] = [
	{ id: 'green', name: 'Green', min: 80, color: '#1a7f4b', action: 'Grow' },
	{ id: 'yellow', name: 'Yellow', min: 50, color: '#8a6100', action: 'Watch' },
	{ id: 'red', name: 'Red', min: 0, color: '#b42318', action: 'Save' }
];

const MODEL: Model = {
	schemaVersion: SCHEMA_VERSION,
	id: 'm',
	name: 'M',
	minCoverage: 0.5,
	tiers: TIERS,
	dimensions: [
		{
			id: 'usage',
			name: 'Usage',
			weight: 1,
			metrics: [
				{
					id: 'u',
					name: 'U',
					column: 'u',
					direction: 'higher',
					scheme: { kind: 'linear', worst: 0, best: 100 },
					weight: 1,
					missing: 'exclude',
					timing: 'leading'
				}
			]
		}
	]
};

const acc = (
	accountId: string,
	tierIndex: number,
	extra: Partial<WorkItemInput> = {}
): WorkItemInput => ({
	accountId,
	tierIndex,
	score: [90, 60, 20][tierIndex] ?? Number.NaN,
	flags: [],
	...extra
});

describe('defaultPlaybooks', () => {
	it('gives the worst tier an escalation within 2 days, the middle check-ins, the best expansion', () => {
		const p = defaultPlaybooks(TIERS);
		expect(p.find((x) => 'tier' in x.trigger && x.trigger.tier === 'red')).toMatchObject({
			dueDays: 2
		});
		expect(p.find((x) => 'tier' in x.trigger && x.trigger.tier === 'yellow')?.action).toMatch(
			/check-ins/
		);
		expect(p.find((x) => 'tier' in x.trigger && x.trigger.tier === 'green')?.action).toMatch(
			/Expansion/
		);
		expect(p.filter((x) => 'flag' in x.trigger)).toHaveLength(3);
	});
});

describe('playbooksForAccount', () => {
	const pbs = defaultPlaybooks(TIERS);
	it.each([
		[2, [], ['tier_red']],
		[1, ['dimension-below-floor'], ['tier_yellow', 'flag_floor']],
		[0, ['score-drop'], ['tier_green', 'flag_drop']],
		[-1, [], []],
		[-1, ['metric-trend'], ['flag_trend']]
	] as const)('tier %i with flags %j fires %j', (tierIndex, flags, ids) => {
		expect(playbooksForAccount(TIERS, pbs, tierIndex, [...flags]).map((p) => p.id)).toEqual(ids);
	});
});

describe('compareUrgency', () => {
	it('orders by tier, then drop, then renewal, then value, then score, then id', () => {
		const list = [
			acc('g', 0),
			acc('y-late', 1, { daysToRenewal: 200 }),
			acc('y-soon', 1, { daysToRenewal: 20 }),
			acc('r-small', 2, { contractValue: 1000 }),
			acc('r-big', 2, { contractValue: 90000 }),
			acc('r-drop', 2, { scoreDrop: 15 }),
			acc('b', 2),
			acc('a', 2)
		];
		expect([...list].sort(compareUrgency).map((a) => a.accountId)).toEqual([
			'r-drop',
			'r-big',
			'r-small',
			'a',
			'b',
			'y-soon',
			'y-late',
			'g'
		]);
	});
});

describe('buildWorklist', () => {
	it('groups by action, most urgent group first, skips quiet greens', () => {
		const groups = buildWorklist(MODEL, [
			acc('g-quiet', 0, { growthPct: 2 }),
			acc('g-growing', 0, { growthPct: 25 }),
			acc('y1', 1, { flags: ['dimension-below-floor'] }),
			acc('r1', 2)
		]);
		expect(groups.map((g) => [g.playbook.id, g.items.map((i) => i.accountId)])).toEqual([
			['tier_red', ['r1']],
			// Same most-urgent account: the sooner deadline (7 days) comes before check-ins (14).
			['flag_floor', ['y1']],
			['tier_yellow', ['y1']],
			['tier_green', ['g-growing']]
		]);
		expect(groups[0]!.items[0]!.tierName).toBe('Red');
	});
});

describe('expansionCandidates', () => {
	it('keeps best-tier, growing accounts with room, largest contract first', () => {
		const out = expansionCandidates([
			{ ...acc('a', 0, { growthPct: 20, contractValue: 10 }), hasRoom: true },
			{ ...acc('b', 0, { growthPct: 20, contractValue: 99 }), hasRoom: true },
			{ ...acc('c', 0, { growthPct: 20, contractValue: 500 }), hasRoom: false },
			{ ...acc('d', 0, { growthPct: 5, contractValue: 500 }), hasRoom: true },
			{ ...acc('e', 1, { growthPct: 50, contractValue: 500 }), hasRoom: true }
		]);
		expect(out.map((a) => a.accountId)).toEqual(['b', 'a']);
	});
});

describe('completePlaybooks / withPlaybook', () => {
	it('fills every tier and flag from the defaults when the model has none', () => {
		const all = completePlaybooks(MODEL);
		expect(all.map((p) => p.trigger)).toEqual([
			{ tier: 'green' },
			{ tier: 'yellow' },
			{ tier: 'red' },
			{ flag: 'dimension-below-floor' },
			{ flag: 'score-drop' },
			{ flag: 'metric-trend' }
		]);
		expect(all[2]).toMatchObject({ owner: 'CSM + CS manager', dueDays: 2 });
	});

	it('keeps saved playbooks, adds defaults for new tiers, drops deleted tiers', () => {
		const own: Playbook = {
			id: 'x',
			trigger: { tier: 'red' },
			action: 'Call',
			owner: 'VP',
			dueDays: 1
		};
		const gone: Playbook = { ...own, id: 'y', trigger: { tier: 'gone' } };
		const all = completePlaybooks({ ...MODEL, playbooks: [gone, own] });
		expect(all).toHaveLength(6);
		expect(all[2]).toBe(own);
		expect(all.some((p) => p.id === 'y')).toBe(false);
		expect(all[0]?.action).toBe('Expansion conversation where growth shows');
	});

	it('withPlaybook replaces by trigger, rounds due days, keeps the rest complete', () => {
		const base = completePlaybooks(MODEL)[4]!;
		const next = withPlaybook(MODEL, { ...base, owner: 'Support lead', dueDays: 3.6 });
		expect(next.playbooks).toHaveLength(6);
		expect(next.playbooks?.[4]).toEqual({ ...base, owner: 'Support lead', dueDays: 4 });
		expect(withPlaybook(MODEL, { ...base, dueDays: -3 }).playbooks?.[4]?.dueDays).toBe(0);
		expect(MODEL.playbooks).toBeUndefined();
		// An unsaved model keeps its other defaults byte for byte.
		expect(next.playbooks?.slice(0, 4)).toEqual(completePlaybooks(MODEL).slice(0, 4));
	});
});
