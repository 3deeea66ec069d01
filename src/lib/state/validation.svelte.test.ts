import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { mulberry32, uniform } from '$lib/backtest/rng';
import type { ColumnInfo, Dataset } from '$lib/data/dataset';
import { dimension, metric, model } from '$lib/model/testing/models';
import type { Column } from '$lib/model/types';
import { BacktestCore } from '$lib/workers/backtest-core';
import type { BacktestReply, BacktestRequest } from '$lib/workers/backtest-protocol';
import type { BacktestWorkerLike } from './backtest.svelte';
import { ValidationState } from './validation.svelte';

function inProcess(log: BacktestRequest[]): () => BacktestWorkerLike {
	return () => {
		const core = new BacktestCore();
		const w: BacktestWorkerLike = {
			onmessage: null,
			terminate() {},
			postMessage(msg) {
				log.push(msg);
				let reply: BacktestReply | null = null;
				try {
					if (msg.type === 'backtest/data') core.setData(msg);
					else if (msg.type === 'validation/run')
						reply = { type: 'validation/result', id: msg.id, result: core.validate(msg) };
				} catch (e) {
					reply = { type: 'backtest/error', id: msg.id, message: String(e) };
				}
				if (reply) setTimeout(() => w.onmessage?.({ data: reply } as MessageEvent), 0);
			}
		};
		return w;
	};
}

const DAY0 = 19_905;
const info = (name: string, role: ColumnInfo['role'], type: ColumnInfo['type']): ColumnInfo => ({
	name,
	originalName: name,
	role,
	type,
	missingShare: 0
});

/** 300 accounts × 12 monthly snapshots; low usage raises the churn hazard. */
function dataset(withDates = true): Dataset {
	const rng = mulberry32(3);
	const ids: string[] = [];
	const snap: number[] = [];
	const usage: number[] = [];
	const churnDay: number[] = [];
	const churned: number[] = [];
	for (let a = 0; a < 300; a++) {
		const h = uniform(rng);
		let churnAt = NaN;
		for (let m = 0; m < 12 && Number.isNaN(churnAt); m++)
			if (uniform(rng) < 0.08 * (1 - h) ** 2) churnAt = DAY0 + m * 30 + 10;
		for (let m = 0; m < 12; m++) {
			const day = DAY0 + m * 30;
			if (day > churnAt) break;
			ids.push(`A${a}`);
			snap.push(day);
			usage.push(Math.round(100 * Math.min(1, Math.max(0, h + 0.2 * (uniform(rng) - 0.5)))));
			churnDay.push(churnAt);
			churned.push(Number.isNaN(churnAt) ? 0 : 1);
		}
	}
	const num = (v: number[]): Column => ({ kind: 'number', values: Float64Array.from(v) });
	const columns = withDates
		? [
				info('snapshot_date', 'snapshot-date', 'date'),
				info('usage', 'metric', 'number'),
				info('churned', 'churned', 'boolean'),
				info('churn_date', 'churn-date', 'date')
			]
		: [info('usage', 'metric', 'number'), info('churned', 'churned', 'boolean')];
	const table = new Map<string, Column>([
		['usage', num(usage)],
		['churned', num(churned)]
	]);
	if (withDates) {
		table.set('snapshot_date', num(snap));
		table.set('churn_date', num(churnDay));
	}
	return {
		meta: {
			id: 'ds',
			name: 'v',
			fileName: 'v.csv',
			fileHash: 'h',
			createdAt: 0,
			rows: ids.length,
			columns,
			dateRange: [DAY0, DAY0 + 330],
			bytes: 0
		},
		ids,
		table: { n: ids.length, columns: table }
	};
}

const m = model([dimension('use', [metric('usage')])]);

async function settle(v: ValidationState): Promise<void> {
	for (let i = 0; i < 500 && v.isRunning; i++) await new Promise((r) => setTimeout(r, 1));
	flushSync();
}

describe('ValidationState', () => {
	it('runs on the default as-of date; ready thresholds re-judge without a new run', async () => {
		const log: BacktestRequest[] = [];
		const v = new ValidationState(inProcess(log));
		v.setDataset(dataset());
		// Latest complete as-of date for a 90-day horizon: data ends DAY0 + 330 + … → ≤ end − 90.
		expect(v.asOfDay + 90).toBeLessThanOrEqual(v.info!.dataEndDay);
		v.run(m);
		await settle(v);
		expect(v.error).toBeNull();
		const r = v.result!;
		expect(r.survival).not.toBeNull();
		expect(r.lead!.churners).toBeGreaterThan(10);
		const runs = log.filter((x) => x.type === 'validation/run').length;
		const before = v.ready!.find((l) => l.id === 'events')!;
		v.minEvents = before.value + 1;
		expect(v.ready!.find((l) => l.id === 'events')!.status).toBe('fail');
		v.minEvents = before.value;
		expect(v.ready!.find((l) => l.id === 'events')!.status).toBe('pass');
		expect(log.filter((x) => x.type === 'validation/run').length).toBe(runs);
		const json = JSON.parse(v.json()!) as { kind: string; ready: unknown[]; thresholds: object };
		expect(json.kind).toBe('health-score-validation');
		expect(json.ready).toHaveLength(5);
		v.dispose();
	});

	it('drops a superseded reply', async () => {
		const v = new ValidationState(inProcess([]));
		v.setDataset(dataset());
		const other = { ...m, name: 'Second' };
		v.run(m);
		v.run(other);
		await settle(v);
		expect(v.resultModel?.name).toBe('Second');
	});

	it('a dataset without dates: cross-sectional figures and a note', async () => {
		const v = new ValidationState(inProcess([]));
		v.setDataset(dataset(false));
		v.run(m);
		await settle(v);
		expect(v.result!.survival).toBeNull();
		expect(v.result!.pointInTimeNote).toMatch(/snapshot date and a churn date/);
		expect(v.result!.signals[0]!.auc).toBeGreaterThan(0.5);
		expect(v.ready!.find((l) => l.id === 'lead')!.status).toBe('unknown');
	});

	it('a worker that cannot be created ends "Running…" with a message (no spinner without end)', () => {
		const v = new ValidationState(() => {
			throw new Error('refused by CSP');
		});
		v.setDataset(dataset());
		v.run(m);
		expect(v.isRunning).toBe(false);
		expect(v.error).toBe('This browser blocked a background task — reload to try again.');
		expect(v.result).toBeNull();
	});

	it('a worker that crashes mid-run reports it; the next run starts a fresh worker', async () => {
		let made = 0;
		const real = inProcess([]);
		const v = new ValidationState(() => {
			made++;
			if (made > 1) return real();
			// Answers the data (so it counts as started), then dies on the run.
			const w: BacktestWorkerLike = {
				onmessage: null,
				onerror: null,
				terminate() {},
				postMessage(msg) {
					setTimeout(() => {
						if (msg.type === 'backtest/data')
							w.onmessage?.({ data: { type: 'backtest/data-ready', id: msg.id } } as MessageEvent);
						else w.onerror?.(new Event('error'));
					}, 0);
				}
			};
			return w;
		});
		v.setDataset(dataset());
		v.run(m);
		await settle(v);
		expect(v.error).toBe('A background task stopped unexpectedly — reload to continue.');
		expect(v.result).toBeNull();
		v.run(m);
		expect(v.isRunning).toBe(true);
		await settle(v);
		expect(made).toBe(2);
		expect(v.error).toBeNull();
		expect(v.result!.survival).not.toBeNull();
	});
});
