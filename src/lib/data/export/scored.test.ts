import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { scoreAccount, scoreTable, templateById } from '$lib/model';
import { tableOf } from '$lib/model/testing/models';
import type { AccountValues, Model } from '$lib/model/types';
import { toCsv } from './csv';
import { driverFinder, driverText, scoredHeader, scoredLegend, scoredRows } from './scored';

const four = templateById('four-dimensions')!.model;
const saas = templateById('usage-led-saas')!.model;

/** Deterministic pseudo-random rows for the usage-led template (some values missing). */
function saasRows(n: number): AccountValues[] {
	let s = 7;
	const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
	const cols = saas.dimensions.flatMap((d) => d.metrics.map((m) => m.column));
	return Array.from({ length: n }, (_, i) => {
		const row: AccountValues = { segment: i % 3 === 0 ? 'Enterprise' : 'SMB' };
		for (const c of cols) row[c] = r() < 0.15 ? null : Math.round(r() * 120 - 10);
		return row;
	});
}

describe('driverText', () => {
	it('reads like the design: whole points, one decimal below 10 when not whole', () => {
		const d = { dimension: 1, name: 'Support experience', pointsLost: 9, pointsMax: 25 };
		expect(driverText(d)).toBe('Support experience: 9 of 25 points lost');
		expect(driverText({ ...d, pointsLost: 0.4, pointsMax: 33.333 })).toBe(
			'Support experience: 0.4 of 33 points lost'
		);
		expect(driverText(null)).toBe('');
	});
});

describe('driverFinder', () => {
	it('worked example: engagement 16 of 25 → "9 of 25 points lost" (hand-computed)', () => {
		const table = tableOf([
			{ usage_points: 18, support_points: 22, onboarding_points: 23, engagement_points: 16 }
		]);
		const r = scoreTable(four, table);
		const d = driverFinder(four, table, r.dimensions)(0);
		// Each dimension carries 25 %; engagement scores 64 → loses 0.25 × 36 = 9 points.
		expect(d?.name).toBe('Engagement & relationship');
		expect(d?.pointsLost).toBeCloseTo(9, 12);
		expect(d?.pointsMax).toBeCloseTo(25, 12);
	});

	it('re-weights over dimensions that have a score', () => {
		const table = tableOf([{ usage_points: 10, support_points: 25 }]);
		const r = scoreTable({ ...four, minCoverage: 0 }, table);
		const d = driverFinder(four, table, r.dimensions)(0);
		// Two dimensions left, 50 % each: usage 40 → loses 0.5 × 60 = 30 of 50.
		expect(d).toMatchObject({ name: 'Product usage', pointsLost: 30, pointsMax: 50 });
	});

	it('equals scoreAccount’s first driver on every row, segment weights included', () => {
		const model: Model = {
			...saas,
			segments: {
				column: 'segment',
				overrides: [
					{
						value: 'Enterprise',
						weights: [
							{ id: 'usage', weight: 10 },
							{ id: 'support', weight: 50 }
						]
					}
				]
			}
		};
		const rows = saasRows(120);
		const table = tableOf(rows);
		const r = scoreTable(model, table);
		const find = driverFinder(model, table, r.dimensions);
		let compared = 0;
		rows.forEach((values, i) => {
			const top = scoreAccount(model, values).explanation.drivers[0] ?? null;
			const got = find(i);
			if (!top) return expect(got).toBeNull();
			expect(got?.name).toBe(top.name);
			expect(got?.pointsLost).toBeCloseTo(top.pointsLost, 9);
			expect(got?.pointsMax).toBeCloseTo(top.pointsMax, 9);
			compared++;
		});
		expect(compared).toBeGreaterThan(100);
	});
});

describe('scoredRows', () => {
	it('writes full-precision numbers unquoted, tiers by name, hostile ids escaped', () => {
		const values = [
			{ usage_points: 18, support_points: 22, onboarding_points: 23, engagement_points: 16 },
			{ usage_points: 1, support_points: 2, onboarding_points: 3, engagement_points: 4.7 },
			{}
		];
		const table = tableOf(values, Object.keys(values[0]!));
		const r = scoreTable(four, table);
		const ids = ['=HYPERLINK("http://x","y")', 'ACC-2', '<img src=x onerror=alert(1)>'];
		const { header, rows } = scoredRows({
			model: four,
			table,
			ids,
			rows: [0, 1, 2],
			...r,
			flags: (k) => (k === 1 ? 'Score dropped' : '')
		});
		expect(header).toEqual([
			'account_id',
			'score',
			'shown',
			'tier',
			'dim_usage',
			'dim_support',
			'dim_onboarding',
			'dim_engagement',
			'flags',
			'top_driver'
		]);
		const csv = toCsv(header, rows);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		// Row 2: manual points / 25 × 100 = 4, 8, 12, 18.8 → mean 10.7, shown 11 → Red.
		expect(lines[2]).toBe(
			'ACC-2,10.7,11,Red,4,8,12,18.8,Score dropped,Product usage: 24 of 25 points lost'
		);
		const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(parsed[1]?.slice(0, 4)).toEqual([`'=HYPERLINK("http://x","y")`, '79', '79', 'Green']);
		expect(parsed[3]).toEqual([
			'<img src=x onerror=alert(1)>',
			'',
			'',
			'Not scored',
			'',
			'',
			'',
			'',
			'',
			''
		]);
	});
});

describe('scoredLegend', () => {
	it('explains every column of the scored CSV, in order, with dimension names and shares', () => {
		const { header, rows } = scoredLegend(saas);
		expect(header).toEqual(['column', 'name', 'meaning']);
		// One line per CSV column, same order: a column added to the CSV without a legend fails here.
		expect(rows.map((r) => r[0])).toEqual(scoredHeader(saas));
		const usage = rows.find((r) => r[0] === 'dim_usage')!;
		expect(usage[1]).toBe('Product usage');
		// Usage-led SaaS: usage 40 of 100 weight (the template's description says "usage 40 %").
		expect(usage[2]).toMatch(
			/^Score of the dimension “Product usage”, 0–100 \(40 % of the score\)/
		);
		expect(usage[2]).toContain('Seat utilisation (column seat_utilisation_pct)');
		expect(rows.find((r) => r[0] === 'tier')![2]).toContain('Green, Yellow, Red');
	});

	it('follows a renamed dimension and unequal weights (1 : 2 → 33.3 % and 66.7 %)', () => {
		const m: Model = structuredClone(four);
		m.dimensions = m.dimensions.slice(0, 2);
		m.dimensions[0] = { ...m.dimensions[0]!, id: 'activity', name: 'Activity', weight: 1 };
		m.dimensions[1] = { ...m.dimensions[1]!, weight: 2 };
		const rows = scoredLegend(m).rows;
		expect(rows.map((r) => r[0])).toEqual(scoredHeader(m));
		expect(rows.find((r) => r[0] === 'dim_activity')![2]).toContain('(33.3 % of the score)');
		expect(rows.find((r) => r[0] === `dim_${m.dimensions[1]!.id}`)![2]).toContain(
			'(66.7 % of the score)'
		);
		// Machine-readable: the legend itself is a plain CSV of 3 columns.
		const parsed = Papa.parse<string[]>(toCsv(['column', 'name', 'meaning'], rows).slice(1), {
			skipEmptyLines: true
		}).data;
		expect(parsed.every((r) => r.length === 3)).toBe(true);
		expect(parsed).toHaveLength(rows.length + 1);
	});
});
