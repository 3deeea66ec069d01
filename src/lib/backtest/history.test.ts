import { describe, expect, it } from 'vitest';
import { FIXTURE_MODEL, snapshotFixture } from '../../../bench/validation-group';
import { distinctDays, gatherTable, lastKnownDay } from './asof';
import { contributions } from './change';
import { scoreTable } from '$lib/model/score';
import { buildScoreHistory, historyFrame, historyGrid, scoreHistory } from './history';
import { accountIndex } from './select';
import { historyByScoreTable } from './testing/history-oracle';
import type { Column, Model } from '$lib/model/types';
import { mulberry32, uniform } from './rng';

const bits = (x: Float32Array) => Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length));

describe('buildScoreHistory (fast engine on SubsetPoints) = scoreTable per date, bit for bit', () => {
	// The bench's data (issue 12), smaller: monthly snapshots, churn, a percentile metric.
	const f = snapshotFixture(3000, 7);
	const col = (name: string) => {
		const c = f.table.columns.get(name)!;
		if (c.kind !== 'number') throw new Error(name);
		return c.values;
	};
	const data = {
		account: accountIndex(f.ids).of,
		snapshotDay: col('snapshot_date'),
		churnDay: col('churn_date'),
		churnedFlag: Uint8Array.from(col('churned'))
	};
	const days = distinctDays(data.snapshotDay);
	const end = lastKnownDay(data.snapshotDay, data.churnDay);

	function check(model: Model, slice?: number) {
		const grid = historyGrid(days);
		const keep = [0, grid.length >> 1, grid.length - 1];
		const h = buildScoreHistory(data, f.table, model, grid, end, keep, slice);
		const want = historyByScoreTable(data, f.table, model, grid);
		expect(h.days).toEqual(grid);
		grid.forEach((_, g) => {
			expect(bits(h.score[g]!)).toEqual(bits(want.score[g]!));
			expect(Array.from(h.tier[g]!)).toEqual(Array.from(want.tier[g]!));
			expect(Array.from(h.rows[g]!)).toEqual(Array.from(want.rows[g]!));
		});
		// The kept dates' whole results (drift reuses them) = scoreTable on the gathered rows,
		// dimension scores included, and so are the contributions drift computes from them.
		expect([...h.kept.keys()].sort((a, b) => a - b)).toEqual(keep);
		for (const g of keep) {
			const { result, table } = h.kept.get(g)!;
			const full = gatherTable(f.table, h.rows[g]!);
			const ref = scoreTable(model, full);
			expect(result.score).toEqual(ref.score);
			expect(result.tier).toEqual(ref.tier);
			expect(contributions(model, table, result)).toEqual(contributions(model, full, ref));
		}
		return h;
	}

	it('the bench model (linear metrics and a percentile one)', () => {
		const h = check(FIXTURE_MODEL);
		// Not vacuous: most accounts are scored at the last date, in more than one tier.
		const last = h.tier.at(-1)!;
		const tiers = new Set(Array.from(last).filter((t) => t >= 0));
		expect(tiers.size).toBeGreaterThan(1);
	});

	it('scored in slices that cut across dates and accounts: the same, bit for bit', () => {
		// 997 entries per call: slices end inside a date and inside an account's run of rows.
		const h = check(FIXTURE_MODEL, 997);
		expect(h.rows.reduce((k, r) => k + r.length, 0)).toBeGreaterThan(20 * 997);
	});

	it('rows in any order, tied snapshot days, undated rows and grid days between snapshots', () => {
		// Shuffle the rows, copy some with the same day but other values (the later row must win),
		// blank the day of others, and score on a grid that falls between snapshot days.
		const rng = mulberry32(99);
		const n = f.table.n;
		const source: number[] = [];
		for (let i = 0; i < n; i++) {
			source.push(i);
			if (uniform(rng) < 0.05) source.push(i);
		}
		for (let k = source.length - 1; k > 0; k--) {
			const j = Math.floor(uniform(rng) * (k + 1));
			[source[k], source[j]] = [source[j]!, source[k]!];
		}
		const seen = new Set<number>();
		const copies: number[] = [];
		const undated = new Set<number>();
		const columns = new Map<string, Column>();
		for (const [name, c] of f.table.columns) {
			if (c.kind !== 'number') throw new Error(name);
			const values = Float64Array.from(source, (i) => c.values[i]!);
			columns.set(name, { kind: 'number', values });
		}
		const usage = (columns.get('usage') as { values: Float64Array }).values;
		const snap = (columns.get('snapshot_date') as { values: Float64Array }).values;
		source.forEach((i, k) => {
			if (seen.has(i)) {
				usage[k] = 100 - usage[k]!; // the copy differs
				copies.push(k);
			}
			seen.add(i);
			if (uniform(rng) < 0.02) {
				snap[k] = NaN;
				undated.add(k);
			}
		});
		const table = { n: source.length, columns };
		const shuffled = {
			account: accountIndex(source.map((i) => f.ids[i]!)).of,
			snapshotDay: snap,
			churnDay: (columns.get('churn_date') as { values: Float64Array }).values,
			churnedFlag: Uint8Array.from((columns.get('churned') as { values: Float64Array }).values)
		};
		const grid = historyGrid(distinctDays(snap)).map((d) => d + 11);
		const h = buildScoreHistory(shuffled, table, FIXTURE_MODEL, grid, end);
		const want = historyByScoreTable(shuffled, table, FIXTURE_MODEL, grid);
		grid.forEach((_, g) => {
			expect(Array.from(h.rows[g]!)).toEqual(Array.from(want.rows[g]!));
			expect(bits(h.score[g]!)).toEqual(bits(want.score[g]!));
			expect(Array.from(h.tier[g]!)).toEqual(Array.from(want.tier[g]!));
		});
		// Not vacuous: tied copies and undated rows exist, and some copies are in force.
		expect(undated.size).toBeGreaterThan(0);
		const inForce = new Set(h.rows.flatMap((r) => Array.from(r)));
		expect(copies.filter((k) => inForce.has(k)).length).toBeGreaterThan(10);
	});

	it('segments with overrides and a percentile ranked within segments', () => {
		const model: Model = {
			...FIXTURE_MODEL,
			dimensions: FIXTURE_MODEL.dimensions.map((d) => ({
				...d,
				metrics: d.metrics.map((m) =>
					m.id === 'nps'
						? { ...m, scheme: { kind: 'percentile', within: 'segment' }, direction: 'lower' }
						: m.id === 'usage'
							? { ...m, scheme: { kind: 'percentile', within: 'portfolio' }, missing: 'zero' }
							: m
				)
			})),
			segments: {
				column: 'tickets',
				overrides: [
					{ value: '0', weights: [{ id: 'use', weight: 90 }] },
					{
						value: '3',
						tiers: [
							{ id: 'g', name: 'G', min: 60, color: '#2e7d32', action: '' },
							{ id: 'r', name: 'R', min: 0, color: '#c62828', action: '' }
						]
					}
				]
			}
		};
		check(model);
		check(model, 997);
	});

	it('one frame scored again and again: kept stage 1 follows the table and the metric settings', () => {
		// The backtest worker keeps the frame, and the frame keeps every entry's points while the
		// table and the metrics' settings stay the same: a weight change reuses them, a scheme
		// change or another table does not. Each run must equal the oracle on its own.
		const grid = historyGrid(days);
		const frame = historyFrame(data, grid, end);
		const reweighted: Model = {
			...FIXTURE_MODEL,
			dimensions: FIXTURE_MODEL.dimensions.map((d, k) => ({ ...d, weight: [10, 60, 30][k]! }))
		};
		const rescaled: Model = {
			...FIXTURE_MODEL,
			dimensions: FIXTURE_MODEL.dimensions.map((d) => ({
				...d,
				metrics: d.metrics.map((m) =>
					m.id === 'usage' ? { ...m, scheme: { kind: 'linear', worst: 20, best: 60 } } : m
				)
			}))
		};
		const usage = (f.table.columns.get('usage') as { values: Float64Array }).values;
		const otherTable = {
			n: f.table.n,
			columns: new Map([
				...f.table.columns,
				['usage', { kind: 'number', values: usage.map((v) => 100 - v) } as Column]
			])
		};
		const runs: [Model, typeof f.table][] = [
			[FIXTURE_MODEL, f.table],
			[reweighted, f.table],
			[rescaled, f.table],
			[rescaled, otherTable],
			[FIXTURE_MODEL, f.table]
		];
		const firsts = new Set<string>();
		for (const [model, table] of runs) {
			const h = scoreHistory(frame, table, model, [], 997);
			const want = historyByScoreTable(data, table, model, grid);
			grid.forEach((_, g) => {
				expect(bits(h.score[g]!)).toEqual(bits(want.score[g]!));
				expect(Array.from(h.tier[g]!)).toEqual(Array.from(want.tier[g]!));
			});
			firsts.add(bits(h.score.at(-1)!).slice(0, 50).join());
		}
		// Not vacuous: the runs differ from one another (four different scorings).
		expect(firsts.size).toBe(4);
	});
});
