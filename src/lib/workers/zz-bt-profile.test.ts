import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { it } from 'vitest';
import { templateById } from '$lib/model';
import type { Column } from '$lib/model/types';
import { BacktestCore } from './backtest-core';

it('profile', () => {
	const text = readFileSync('public/sample/portfolio.csv', 'utf8');
	const rows = Papa.parse<Record<string, string>>(text, {
		header: true,
		skipEmptyLines: true
	}).data;
	const n = rows.length;
	const day = (s: string) => (s ? Math.round(Date.parse(s + 'T00:00:00Z') / 864e5) : NaN);
	const cols = new Map<string, Column>();
	const headers = Object.keys(rows[0]!);
	for (const h of headers) {
		if (h === 'account_id' || h === 'account_name' || h === 'segment') continue;
		const isDate = h.endsWith('_date');
		const v = new Float64Array(n);
		rows.forEach((r, i) => {
			const s = r[h]!;
			v[i] = isDate ? day(s) : s === '' ? NaN : s === 'Yes' ? 1 : s === 'No' ? 0 : Number(s);
		});
		cols.set(h, { kind: 'number', values: v });
	}
	const core = new BacktestCore();
	core.setData({
		n,
		columns: [...cols],
		ids: rows.map((r) => r.account_id!),
		roles: { snapshotDate: 'snapshot_date', churned: 'churned', churnDate: 'churn_date' }
	});
	const model = templateById('usage-led-saas')!.model;
	const settings = {
		mode: 'point-in-time' as const,
		asOfDay: day('2025-07-01'),
		horizonDays: 180,
		seed: 42,
		resamples: 1000,
		rolling: true,
		minCatch: 0.5,
		maxFlagged: 0.2,
		costMiss: 10000,
		costFalseAlarm: 500
	};
	for (const rolling of [false, true, true]) {
		const t0 = performance.now();
		let last = t0;
		const stages: string[] = [];
		const r = core.run(
			{ type: 'backtest/run', id: 1, model, challenger: null, settings: { ...settings, rolling } },
			(s) => {
				const t = performance.now();
				stages.push(`${s} @${(t - last).toFixed(0)}`);
				last = t;
			}
		);
		console.log(
			rolling,
			(performance.now() - t0).toFixed(0),
			stages.join(' | '),
			r.report.auc.estimate,
			r.scored
		);
	}
	const t1 = performance.now();
	const f = core.fit({ type: 'backtest/fit', id: 2, model, settings, folds: 5 });
	console.log('fit', (performance.now() - t1).toFixed(0), f.split, f.fit.cv.mean);
}, 120000);

import { buildReport } from '$lib/backtest/report';
import { benchBacktest } from '$lib/backtest/bench-fixture';
import { calibrationTable } from '$lib/backtest/calibration';
import { metricPower } from '$lib/backtest/power';
import { bootstrapAuc } from '$lib/backtest/bootstrap';
import { costOptimalCut, suggestRedCut } from '$lib/backtest/thresholds';
it('parts', () => {
	const d = benchBacktest(2529, 3, 9);
	const t = (l: string, f: () => unknown) => {
		const a = performance.now();
		for (let k = 0; k < 5; k++) f();
		console.log(l, ((performance.now() - a) / 5).toFixed(1));
	};
	t('boot', () => bootstrapAuc(d.score, d.labels, { seed: 1, resamples: 1000 }));
	t('cal', () => calibrationTable(d.score, d.labels));
	t('power', () =>
		metricPower(
			d.metricPoints.map((v, j) => ({ id: String(j), name: '', values: v, direction: 'higher' })),
			d.labels
		)
	);
	t('red', () => suggestRedCut(d.shown, d.labels, 0.5, 0.2));
	t('cost', () => costOptimalCut(d.shown, d.labels, 1, 1));
	t('report', () =>
		buildReport(
			{ score: d.score, shown: d.shown, tier: d.tier, labels: d.labels, tiers: d.tiers },
			{ seed: 1 }
		)
	);
});
