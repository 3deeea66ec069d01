import { describe, expect, it } from 'vitest';
import { benchBacktest } from './testing/fixture';
import { rocAuc } from './metrics';
import { aucResamples } from './bootstrap';
import {
	buildReport,
	buildReportShared,
	calibrationCsv,
	confusionCsv,
	cutsCsv,
	decileCsv,
	metricPowerCsv,
	reportToJson,
	rocCsv,
	tierTableCsv,
	type ReportInput
} from './report';

const d = benchBacktest(3000, 5, 4);
const input: ReportInput = {
	score: d.score,
	shown: d.shown,
	tier: d.tier,
	labels: d.labels,
	tiers: d.tiers,
	challenger: { name: 'Weighted', score: d.challenger },
	metrics: d.metricIds.map((id, j) => ({
		id,
		name: id.toUpperCase(),
		values: d.metricPoints[j]!,
		direction: 'higher' as const
	})),
	thresholds: { minCatch: 0.5, maxFlagged: 0.4, costMiss: 5, costFalseAlarm: 1 }
};

describe('buildReportShared (part of the bootstrap on another core)', () => {
	const opts = { seed: 17, resamples: 200 };
	const whole = buildReport(input, opts);
	it.each([0, 0.3, 0.75, 1])('share %f: the same card as buildReport', async (share) => {
		let asked: [number, number] | null = null;
		const card = await buildReportShared(
			input,
			opts,
			async (code, seed, from, to) => {
				asked = [from, to];
				return aucResamples(code, seed, from, to);
			},
			share
		);
		expect(card).toEqual(whole);
		if (share > 0) expect(asked).toEqual([Math.round(200 * (1 - share)), 200]);
	});

	it('a failing runner: its resamples are computed here, same card', async () => {
		const card = await buildReportShared(input, opts, () => Promise.reject(new Error('gone')));
		expect(card).toEqual(whole);
	});
});

describe('buildReport', () => {
	const card = buildReport(input, { seed: 17, resamples: 200 });

	it('assembles every section with consistent numbers', () => {
		expect(card.auc.estimate).toBe(rocAuc(d.score, d.labels));
		expect(card.n).toBe(card.positives + card.negatives);
		expect(card.n + card.excluded.notScored).toBe(d.n);
		expect(card.deciles.length).toBe(10);
		expect(card.deciles.reduce((a, r) => a + r.accounts, 0)).toBe(card.n);
		expect(card.tiers.rows.map((r) => r.id)).toEqual(['green', 'yellow', 'red']);
		expect(card.tiers.monotonic).toBe(true);
		expect(card.worstTierConfusion.tp).toBe(card.tiers.rows[2]!.churners);
		expect(card.metricPower!.length).toBe(4);
		expect(card.challenger!.champion).toBe(card.auc.estimate);
		expect(card.thresholds!.redCut.frontier.length).toBeGreaterThan(1);
		expect(card.thresholds!.cost!.best.cost).toBeLessThanOrEqual(
			card.thresholds!.cost!.curve[0]!.cost
		);
		expect(card.roc.length).toBeLessThanOrEqual(202);
		expect(card.ks.value).toBeGreaterThan(0);
	});

	it('is deterministic and JSON round-trips with NaN → null', () => {
		const again = buildReport(input, { seed: 17, resamples: 200 });
		const json = reportToJson(card);
		expect(reportToJson(again)).toBe(json);
		expect(json).not.toMatch(/NaN|Infinity/);
		const back = JSON.parse(json) as { roc: { threshold: number | null }[]; auc: { lo: number } };
		expect(back.roc[0]!.threshold).toBeNull(); // −Infinity start point
		expect(back.auc.lo).toBe(card.auc.lo);
	});

	it('handles a dataset with no churners without throwing', () => {
		const none = buildReport(
			{ ...input, labels: new Uint8Array(d.n), challenger: undefined },
			{ seed: 1, resamples: 20 }
		);
		expect(none.auc.estimate).toBeNaN();
		expect(none.auc.degenerate).toBe(20);
		expect(JSON.parse(reportToJson(none))).toBeTruthy();
	});

	it('CSV builders: header + one row per item, all cells strings', () => {
		const tables = [
			[tierTableCsv(card.tiers), 3],
			[confusionCsv(card.tiers.confusion), 9],
			[decileCsv(card.deciles), 10],
			[calibrationCsv(card.calibration), 10],
			[rocCsv(card.roc), card.roc.length],
			[metricPowerCsv(card.metricPower!), 4],
			[cutsCsv(card.thresholds!.cost!.curve), card.thresholds!.cost!.curve.length]
		] as const;
		for (const [rows, count] of tables) {
			expect(rows.length).toBe(count + 1);
			const width = rows[0]!.length;
			for (const r of rows) {
				expect(r.length).toBe(width);
				expect(r.every((c) => typeof c === 'string')).toBe(true);
			}
		}
		expect(rocCsv(card.roc)[1]![0]).toBe(''); // −Infinity threshold → empty cell
		expect(tierTableCsv(card.tiers)[1]!.slice(0, 2)).toEqual(['green', 'Green']);
	});
});
