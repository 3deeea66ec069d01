/**
 * Validation benchmark (issue 12): 100,000 accounts × 24 monthly snapshots (2.4M rows) posted to
 * the app's backtest worker through the real messages; the whole Validation run (survival by tier,
 * score history and lead time, signals, 20-draw weight robustness, drift, missing-policy lab)
 * beside the current report card (point in time, 1,000-resample bootstrap) on the same data, in
 * the same run. Target: the Validation run within 2× the report card.
 */
import { mulberry32, uniform } from '../src/lib/backtest/rng';
import { packIdStrings } from '../src/lib/data/csv/build';
import type { ColumnTable, Model } from '../src/lib/model/types';
import type { BacktestReply, BacktestRequest } from '../src/lib/workers/backtest-protocol';
import type { BenchGroup } from './types';

const DAY0 = 19_723; // 2024-01-01
const MONTHS = 24;

/**
 * Seeded snapshot table: each account has a latent health that drifts month to month; churn
 * hazard rises as health falls; no snapshots after churn. Columns: snapshot_date, usage,
 * tickets, nps, adoption, churn_date (epoch days), churned.
 */
export function snapshotFixture(accounts: number, seed = 12) {
	const rng = mulberry32(seed);
	const rnd = () => uniform(rng);
	const cap = accounts * MONTHS;
	const snap = new Float64Array(cap);
	const usage = new Float64Array(cap);
	const tickets = new Float64Array(cap);
	const nps = new Float64Array(cap);
	const adoption = new Float64Array(cap);
	const churnDay = new Float64Array(cap);
	const churned = new Float64Array(cap);
	const ids: string[] = [];
	let n = 0;
	for (let a = 0; a < accounts; a++) {
		let h = 0.3 + 0.7 * rnd();
		const start = Math.floor(rnd() * 6);
		const first = n;
		let churnAt = NaN;
		for (let m = start; m < MONTHS; m++) {
			const day = DAY0 + 30 * m;
			h = Math.min(1, Math.max(0, h + 0.08 * (rnd() - 0.55)));
			ids.push(`A${a}`);
			snap[n] = day;
			usage[n] = Math.round(100 * Math.min(1, Math.max(0, h + 0.15 * (rnd() - 0.5))));
			tickets[n] = Math.round(10 * (1 - h) * rnd() * 2);
			nps[n] = rnd() < 0.3 ? NaN : Math.round(200 * h - 100 + 30 * (rnd() - 0.5));
			adoption[n] = Math.round(100 * h * (0.7 + 0.3 * rnd()));
			n++;
			if (rnd() < 0.06 * (1 - h) ** 2) {
				churnAt = day + 1 + Math.floor(rnd() * 29);
				break;
			}
		}
		churnDay.fill(churnAt, first, n);
		churned.fill(Number.isNaN(churnAt) ? 0 : 1, first, n);
	}
	const cut = (x: Float64Array) => x.slice(0, n);
	const table: ColumnTable = {
		n,
		columns: new Map([
			['snapshot_date', { kind: 'number', values: cut(snap) }],
			['usage', { kind: 'number', values: cut(usage) }],
			['tickets', { kind: 'number', values: cut(tickets) }],
			['nps', { kind: 'number', values: cut(nps) }],
			['adoption', { kind: 'number', values: cut(adoption) }],
			['churn_date', { kind: 'number', values: cut(churnDay) }],
			['churned', { kind: 'number', values: cut(churned) }]
		])
	};
	return { table, ids, asOfDay: DAY0 + 30 * 20 };
}

export const FIXTURE_MODEL: Model = {
	schemaVersion: 1,
	id: 'bench',
	name: 'Bench',
	minCoverage: 0.5,
	dimensions: [
		{
			id: 'use',
			name: 'Usage',
			weight: 40,
			metrics: ['usage', 'adoption'].map((c) => ({
				id: c,
				name: c,
				column: c,
				direction: 'higher' as const,
				scheme: { kind: 'linear' as const, worst: 0, best: 100 },
				weight: 1,
				missing: 'exclude' as const,
				timing: 'leading' as const
			}))
		},
		{
			id: 'sup',
			name: 'Support',
			weight: 30,
			metrics: [
				{
					id: 'tickets',
					name: 'tickets',
					column: 'tickets',
					direction: 'lower',
					scheme: { kind: 'linear', worst: 15, best: 0 },
					weight: 1,
					missing: 'exclude',
					timing: 'lagging'
				}
			]
		},
		{
			id: 'sent',
			name: 'Sentiment',
			weight: 30,
			metrics: [
				{
					id: 'nps',
					name: 'nps',
					column: 'nps',
					direction: 'higher',
					scheme: { kind: 'percentile', within: 'portfolio' },
					weight: 1,
					missing: 'neutral',
					timing: 'leading'
				}
			]
		}
	],
	tiers: [
		{ id: 'green', name: 'Green', min: 80, color: '#2e7d32', action: '' },
		{ id: 'yellow', name: 'Yellow', min: 50, color: '#f9a825', action: '' },
		{ id: 'red', name: 'Red', min: 0, color: '#c62828', action: '' }
	]
};

let worker: Worker | null = null;
let nextId = 1;

function ask(msg: BacktestRequest, done: BacktestReply['type']): Promise<BacktestReply> {
	const w = worker!;
	return new Promise((resolve, reject) => {
		w.onmessage = (e: MessageEvent<BacktestReply>) => {
			const r = e.data;
			if (r.id !== msg.id) return;
			if (r.type === done) resolve(r);
			else if (r.type === 'backtest/error') reject(new Error(r.message));
		};
		w.postMessage(msg);
	});
}

export function validationGroup(accounts = 100_000): BenchGroup {
	let asOfDay = NaN;
	return {
		id: 'validation',
		title: `Validation in the worker: ${accounts / 1000}k accounts × ${MONTHS} monthly snapshots`,
		async setup() {
			worker ??= new Worker(new URL('../src/lib/workers/backtest.worker.ts', import.meta.url), {
				type: 'module'
			});
			const f = snapshotFixture(accounts);
			asOfDay = f.asOfDay;
			await ask(
				{
					type: 'backtest/data',
					id: nextId++,
					n: f.table.n,
					columns: [...f.table.columns.entries()],
					// Packed as the app posts them (state/backtest.svelte.ts).
					ids: packIdStrings(f.ids, 50_000),
					roles: { snapshotDate: 'snapshot_date', churned: 'churned', churnDate: 'churn_date' }
				},
				'backtest/data-ready'
			);
		},
		steps: [
			{
				info: {
					id: 'report-card',
					label: 'report card, point in time, 1,000 resamples (baseline)',
					runs: 3
				},
				async run() {
					const r = await ask(
						{
							type: 'backtest/run',
							id: nextId++,
							model: FIXTURE_MODEL,
							challenger: null,
							settings: {
								mode: 'point-in-time',
								asOfDay,
								horizonDays: 90,
								seed: 42,
								resamples: 1000,
								rolling: false,
								minCatch: 0.5,
								maxFlagged: 0.2,
								costMiss: 10,
								costFalseAlarm: 1
							}
						},
						'backtest/result'
					);
					return r.type === 'backtest/result'
						? `${r.result.scored} accounts, AUC ${r.result.report.auc.estimate.toFixed(4)}`
						: '';
				}
			},
			{
				info: {
					id: 'validation',
					label: 'whole Validation run (survival, lead time, signals, robustness, drift, missing)',
					runs: 3,
					baseline: 'report-card',
					targetRatio: 2
				},
				async run() {
					const r = await ask(
						{
							type: 'validation/run',
							id: nextId++,
							model: FIXTURE_MODEL,
							settings: {
								asOfDay,
								horizonDays: 90,
								seed: 42,
								spread: 0.2,
								draws: 20,
								driftFromDay: NaN
							}
						},
						'validation/result'
					);
					if (r.type !== 'validation/result') return '';
					const v = r.result;
					return `${v.gridDays.length} dates, c ${v.survival?.concordance.c.toFixed(3)}, log-rank χ² ${v.survival?.logRank.chi2.toFixed(0)}, ${v.lead?.churners} churners`;
				}
			}
		]
	};
}
