import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { mulberry32, uniform } from '$lib/backtest/rng';
import type { ColumnInfo, Dataset } from '$lib/data/dataset';
import { dimension, metric, model } from '$lib/model/testing/models';
import type { Column, Model } from '$lib/model/types';
import { BacktestCore } from '$lib/workers/backtest-core';
import type { BacktestReply, BacktestRequest } from '$lib/workers/backtest-protocol';
import { BacktestState, dataInfo, redCutMins, type BacktestWorkerLike } from './backtest.svelte';
import { Workbench } from './workbench.svelte';

/** The real worker logic in-process; replies arrive asynchronously like a worker's. */
function inProcess(log: BacktestRequest[] = []): () => BacktestWorkerLike {
	return () => {
		const core = new BacktestCore();
		const w: BacktestWorkerLike = {
			onmessage: null,
			terminate() {},
			postMessage(msg) {
				log.push(msg);
				const replies: BacktestReply[] = [];
				if (msg.type === 'backtest/data') {
					core.setData(msg);
					replies.push({ type: 'backtest/data-ready', id: msg.id });
				} else if (msg.type === 'backtest/run') {
					const result = core.run(msg, (stage) =>
						replies.push({ type: 'backtest/progress', id: msg.id, stage })
					);
					replies.push({ type: 'backtest/result', id: msg.id, result });
				} else if (msg.type === 'backtest/fit') {
					replies.push({ type: 'backtest/fit-result', id: msg.id, result: core.fit(msg) });
				}
				for (const r of replies)
					setTimeout(() => w.onmessage?.({ data: r } as MessageEvent<BacktestReply>), 0);
			}
		};
		return w;
	};
}

const DAY0 = 19_905; // 2024-07-01
const col = (name: string, role: ColumnInfo['role'], type: ColumnInfo['type']): ColumnInfo => ({
	name,
	originalName: name,
	role,
	type,
	missingShare: 0
});

/**
 * 400 accounts × 12 monthly snapshots (30 days apart). Usage drifts with a latent health; churn
 * hazard rises as health falls. Churned accounts stop having snapshots after their churn day.
 */
function snapshotDataset(accounts = 400): Dataset {
	const rng = mulberry32(7);
	const ids: string[] = [];
	const snap: number[] = [];
	const usage: number[] = [];
	const support: number[] = [];
	const churnDay: number[] = [];
	const churned: number[] = [];
	for (let a = 0; a < accounts; a++) {
		const h = uniform(rng);
		let churnAt = NaN;
		for (let m = 0; m < 12 && Number.isNaN(churnAt); m++) {
			if (uniform(rng) < 0.06 * (1 - h) ** 2) churnAt = DAY0 + m * 30 + 10;
		}
		for (let m = 0; m < 12; m++) {
			const day = DAY0 + m * 30;
			if (day > churnAt) break;
			ids.push(`A${a}`);
			snap.push(day);
			usage.push(Math.round(100 * Math.min(1, Math.max(0, h + 0.3 * (uniform(rng) - 0.5)))));
			support.push(uniform(rng) < 0.1 ? NaN : Math.round(uniform(rng) * 100));
			churnDay.push(churnAt);
			churned.push(Number.isNaN(churnAt) ? 0 : 1);
		}
	}
	const num = (v: number[]): Column => ({ kind: 'number', values: Float64Array.from(v) });
	return {
		meta: {
			id: 'ds-bt',
			name: 'bt',
			fileName: 'bt.csv',
			fileHash: 'h',
			createdAt: 0,
			rows: ids.length,
			columns: [
				col('snapshot_date', 'snapshot-date', 'date'),
				col('usage', 'metric', 'number'),
				col('support', 'metric', 'number'),
				col('churned', 'churned', 'boolean'),
				col('churn_date', 'churn-date', 'date')
			],
			dateRange: [DAY0, DAY0 + 330],
			bytes: 0
		},
		ids,
		table: {
			n: ids.length,
			columns: new Map([
				['snapshot_date', num(snap)],
				['usage', num(usage)],
				['support', num(support)],
				['churned', num(churned)],
				['churn_date', num(churnDay)]
			])
		}
	};
}

const testModel: Model = model([
	dimension('use', [metric('usage')], { weight: 1 }),
	dimension('sup', [metric('support')], { weight: 1 })
]);

/** Wait until the run and the fit have replied (fails the test if they never do). */
async function settle(bt: BacktestState): Promise<void> {
	await vi.waitFor(() => expect(bt.isRunning || bt.isFitting).toBe(false), { timeout: 5000 });
	flushSync();
}

describe('dataInfo and redCutMins', () => {
	it('offers point in time with snapshots + churn dates, else cross-sectional', () => {
		const ds = snapshotDataset(50);
		const info = dataInfo(ds);
		expect(info.modes).toEqual(['point-in-time', 'cross-sectional']);
		expect(info.snapshotDays[0]).toBe(DAY0);
		expect(info.snapshotDays.at(-1)).toBe(DAY0 + 330);
		const flat = {
			...ds,
			meta: {
				...ds.meta,
				columns: ds.meta.columns.filter(
					(c) => c.role !== 'churn-date' && c.role !== 'snapshot-date'
				)
			}
		};
		expect(dataInfo(flat).modes).toEqual(['cross-sectional']);
	});

	it('moves only the tier above the worst, and refuses overlapping cuts', () => {
		expect(redCutMins(testModel, 40)).toEqual([80, 40, 0]);
		expect(redCutMins(testModel, 80)).toBeNull();
		expect(redCutMins(testModel, 0)).toBeNull();
	});
});

describe('BacktestState', () => {
	it('picks point in time and the latest complete as-of day, then reports', async () => {
		const bt = new BacktestState(inProcess());
		const ds = snapshotDataset();
		bt.setDataset(ds);
		expect(bt.mode).toBe('point-in-time');
		// end = last churn/snapshot day; with H = 180 the latest complete as-of day is month 5.
		const end = bt.info!.dataEndDay;
		expect(bt.asOfDay + 180).toBeLessThanOrEqual(end);
		expect(bt.asOfDay + 180 + 30).toBeGreaterThan(end);
		bt.run(testModel);
		expect(bt.isRunning).toBe(true);
		await settle(bt);
		const r = bt.result!;
		expect(r.mode).toBe('point-in-time');
		expect(r.selection.censored).toBe(0);
		expect(r.selection.selected + r.selection.churnedBefore + r.selection.noSnapshot).toBe(400);
		expect(r.report.n).toBe(r.scored);
		expect(r.report.tiers.rows.reduce((s, t) => s + t.accounts, 0)).toBe(r.scored);
		expect(r.report.auc.estimate).toBeGreaterThan(0.6);
		expect(r.report.auc.lo).toBeLessThanOrEqual(r.report.auc.estimate);
		expect(r.report.auc.hi).toBeGreaterThanOrEqual(r.report.auc.estimate);
		expect(r.rolling!.length).toBeGreaterThan(1);
		// No as-of day closes its 180-day window before T: k-fold on T's accounts.
		expect(bt.fit!.split.kind).toBe('kfold');
		expect(bt.fit!.fit.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(100, 9);
		// With H = 90 the default moves to month 8, and months 0–5 close their window by then.
		bt.setHorizon(90);
		expect(bt.asOfDay).toBe(DAY0 + 240);
		bt.run(testModel);
		await settle(bt);
		expect(bt.fit!.split).toEqual({
			kind: 'time',
			trainAsOfDays: [0, 1, 2, 3, 4, 5].map((m) => DAY0 + 30 * m),
			testAsOfDay: DAY0 + 240
		});
		expect(bt.fit!.fit.cv.folds).toHaveLength(1);
		expect(bt.fit!.fit.cv.mean.hand).toBeCloseTo(bt.result!.report.auc.estimate, 9);
		bt.dispose();
	});

	it('drops a superseded reply and repeats the same interval for the same seed', async () => {
		const log: BacktestRequest[] = [];
		const bt = new BacktestState(inProcess(log));
		bt.setDataset(snapshotDataset());
		const other: Model = { ...testModel, name: 'Other' };
		bt.run(testModel);
		bt.run(other);
		await settle(bt);
		expect(log.filter((m) => m.type === 'backtest/run')).toHaveLength(2);
		expect(bt.resultModel).toBe(other);
		const first = bt.result!.report.auc;
		bt.resamples = 300;
		bt.run(other);
		await settle(bt);
		const fewer = bt.result!.report.auc;
		expect(fewer.resamples).toBe(300);
		bt.resamples = 1000;
		bt.run(other);
		await settle(bt);
		expect(bt.result!.report.auc).toEqual(first);
		bt.seed = 7;
		bt.run(other);
		await settle(bt);
		expect(bt.result!.report.auc.lo).not.toBe(first.lo);
		bt.dispose();
	});

	it('accepts suggested weights as one edit; Undo restores the model and its AUC', async () => {
		const wb = new Workbench();
		wb.loadModel(testModel);
		const bt = new BacktestState(inProcess());
		bt.setDataset(snapshotDataset());
		bt.run(wb.model!);
		await settle(bt);
		const before = bt.result!.report.auc.estimate;
		expect(bt.acceptWeights(wb)).toBe(true);
		expect(wb.model).not.toBe(testModel);
		const weights = wb.model!.dimensions.flatMap((d) => d.metrics.map((m) => m.weight));
		expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(100, 6);
		bt.run(wb.model!);
		await settle(bt);
		expect(bt.result!.report.auc.estimate).not.toBe(before);
		wb.undo();
		expect(wb.model).toBe(testModel);
		bt.run(wb.model!);
		await settle(bt);
		expect(bt.result!.report.auc.estimate).toBe(before);
		bt.dispose();
	});

	it('accepting weights re-places thresholds by the rule, checked before applying', async () => {
		const wb = new Workbench();
		wb.loadModel(testModel);
		const bt = new BacktestState(inProcess());
		bt.setDataset(snapshotDataset());
		bt.run(wb.model!);
		await settle(bt);
		const step = bt.weightStep(wb.model)!;
		expect(step).not.toBeNull();
		// Keep-shares: every tier's share after is within one score step of its share before.
		for (let t = 0; t < 3; t++)
			expect(Math.abs(step.after.tiers[t]!.share - step.before.tiers[t]!.share)).toBeLessThan(0.1);
		expect(step.after.accounts).toBe(bt.result!.scored);
		expect(step.before.auc).toBeCloseTo(bt.result!.report.auc.estimate, 12);
		expect(step.problem).toBeNull();
		expect(bt.acceptWeights(wb)).toBe(true);
		expect(wb.model!.tiers.map((t) => t.min)).toEqual(step.mins);
		// The after-table is what the backtest of the accepted model reports.
		bt.run(wb.model!);
		await settle(bt);
		expect(bt.result!.report.tiers.rows.map((r) => r.accounts)).toEqual(
			step.after.tiers.map((t) => t.accounts)
		);
		expect(bt.result!.report.tiers.rows.map((r) => r.churners)).toEqual(
			step.after.tiers.map((t) => t.churners)
		);
		expect(bt.result!.report.auc.estimate).toBeCloseTo(step.after.auc, 12);
		wb.undo();
		expect(wb.model).toBe(testModel);
		bt.run(wb.model!);
		await settle(bt);
		// Keep-cuts leaves the thresholds.
		bt.placeRule = 'keep-cuts';
		expect(bt.weightStep(wb.model)!.mins).toEqual(testModel.tiers.map((t) => t.min));
		// A reversed order is refused and nothing changes.
		bt.fit = {
			...bt.fit!,
			proposal: {
				before: bt.fit!.proposal!.before,
				after: {
					all: Array.from({ length: 101 }, (_, s) => (s === 90 || s === 30 ? 5 : 0)),
					pos: Array.from({ length: 101 }, (_, s) => (s === 90 ? 5 : 0)),
					auc: 0
				}
			}
		};
		expect(bt.acceptWeights(wb)).toBe(false);
		expect(wb.model).toBe(testModel);
		expect(bt.error).toMatch(/^Suggested weights not applied: .* out of order\.$/);
		// A fit for an earlier model gives no step (the button says to re-run).
		wb.editModel({ ...testModel, name: 'Edited' }, 'rename');
		expect(bt.weightStep(wb.model)).toBeNull();
		bt.dispose();
	});

	it('accepts a red cut through editModel', () => {
		const wb = new Workbench();
		wb.loadModel(testModel);
		const bt = new BacktestState(inProcess());
		expect(bt.acceptRedCut(wb, 35, 'target')).toBe(true);
		expect(wb.model!.tiers.map((t) => t.min)).toEqual([80, 35, 0]);
		expect(wb.changeLog.at(-1)).toContain('Red below 35');
		wb.undo();
		expect(wb.model).toBe(testModel);
		expect(bt.acceptRedCut(wb, 90, 'x')).toBe(false);
	});

	it('cross-sectional on the latest snapshot, with a challenger comparison', async () => {
		const bt = new BacktestState(inProcess());
		bt.setDataset(snapshotDataset());
		bt.mode = 'cross-sectional';
		bt.challengerKey = 'custom';
		bt.challengers = [
			{ key: 'custom', label: 'Usage only', model: model([dimension('use', [metric('usage')])]) }
		];
		bt.run(testModel);
		await settle(bt);
		const r = bt.result!;
		expect(r.selection.selected).toBe(400);
		expect(r.report.challenger!.n).toBe(r.report.n);
		const m = r.compare!.migration;
		expect(m.counts.flat().reduce((s, c) => s + c, 0)).toBe(400);
		expect(r.compare!.changed.length).toBe(Math.min(50, m.changed));
		expect(r.compare!.changed[0]!.accountId).toMatch(/^A\d+$/);
		expect(bt.fit!.split).toEqual({ kind: 'kfold', folds: 5 });
		bt.dispose();
	});
});
