/**
 * The shipped sample portfolio: regenerating it (and its raw exports) gives the committed bytes,
 * and it carries the signal the app's screens rely on (churn rate, churners' decline, a template
 * AUC near 0.8). The raw exports' consistency with it: sample-exports.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreTable, templateById, type Column, type ColumnTable } from '$lib/model';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = join(root, 'public/sample');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir = '';
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'hsw-sample-'));
	execFileSync(process.execPath, [join(root, 'scripts/make-sample.mjs'), '--out', dir]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPORTS = [
	'accounts.csv',
	'subscriptions.csv',
	'usage_weekly.csv',
	'tickets.csv',
	'churn_log.csv',
	'recipe.json'
].map((f) => `exports/${f}`);

describe('npm run sample', () => {
	it.each(['portfolio.csv', 'README.md', ...EXPORTS])('regenerates %s byte-identically', (file) => {
		expect(sha(join(dir, file))).toBe(sha(join(committed, file)));
	});
});

describe('sample portfolio content', () => {
	const text = readFileSync(join(committed, 'portfolio.csv'), 'utf8');
	const lines = text.trimEnd().split('\n');
	const header = (lines[0] ?? '').split(',');
	const rows = lines.slice(1).map((l) => l.split(','));
	const c = (name: string) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`no column ${name}`);
		return i;
	};
	const [ID, DATE, UTIL, CHURNED, CHURN_DATE, RENEW, MTR] = [
		'account_id',
		'snapshot_date',
		'seat_utilisation_pct',
		'churned',
		'churn_date',
		'renewal_date',
		'months_to_renewal'
	].map(c) as [number, number, number, number, number, number, number];
	const byAccount = new Map<string, string[][]>();
	for (const r of rows) {
		const list = byAccount.get(r[ID] ?? '') ?? [];
		list.push(r);
		byAccount.set(r[ID] ?? '', list);
	}
	const lastRow = (list: string[][]) =>
		list.reduce((a, b) => ((b[DATE] ?? '') > (a[DATE] ?? '') ? b : a));

	it('is plain, rectangular CSV under 8 MB with ~3,000 accounts over 18 monthly snapshots', () => {
		expect(text.length).toBeLessThan(8_000_000);
		expect(text).not.toMatch(/["\r]/);
		expect(rows.every((r) => r.length === header.length)).toBe(true);
		expect(byAccount.size).toBe(3000);
		const dates = [...new Set(rows.map((r) => r[DATE]))].sort();
		expect(dates).toHaveLength(18);
		expect(dates[0]).toBe('2024-07-01');
		expect(dates.at(-1)).toBe('2025-12-01');
		expect(rows.every((r) => /^ACC-\d{5}$/.test(r[ID] ?? ''))).toBe(true);
		expect(rows.some((r) => (r[ID] ?? '').startsWith('ACC-0'))).toBe(true);
	});

	it('has every column the usage-led-saas template reads', () => {
		const model = templateById('usage-led-saas')?.model;
		const columns = model?.dimensions.flatMap((d) => d.metrics.map((m) => m.column)) ?? [];
		expect(columns.length).toBeGreaterThan(0);
		for (const col of columns) expect(header).toContain(col);
	});

	it('keeps outcomes consistent: no snapshot on or after churn, renewal ahead', () => {
		const problems: string[] = [];
		for (const [id, list] of byAccount) {
			const flags = new Set(list.map((r) => `${r[CHURNED]}|${r[CHURN_DATE]}`));
			if (flags.size !== 1) problems.push(`${id}: outcome differs between rows`);
			for (const r of list) {
				const date = r[DATE] ?? '';
				if (r[CHURNED] === '1' && !(date < (r[CHURN_DATE] ?? '')))
					problems.push(`${id} ${date}: snapshot on or after churn`);
				if (!((r[RENEW] ?? '') >= date)) problems.push(`${id} ${date}: renewal in the past`);
				const mtr = Number(r[MTR]);
				// 0–11, or 12 in a new account's first month (annual contract just signed).
				if (!(mtr >= 0 && mtr <= 12)) problems.push(`${id} ${date}: months_to_renewal ${mtr}`);
			}
		}
		expect(problems.slice(0, 5)).toEqual([]);
	});

	it('churns 12–20 % of accounts, churners clearly less utilised at their last snapshot', () => {
		let churned = 0;
		const util = { churned: [] as number[], retained: [] as number[] };
		for (const list of byAccount.values()) {
			const last = lastRow(list);
			const isChurned = last[CHURNED] === '1';
			if (isChurned) churned++;
			(isChurned ? util.churned : util.retained).push(Number(last[UTIL]));
		}
		const rate = churned / byAccount.size;
		expect(rate).toBeGreaterThanOrEqual(0.12);
		expect(rate).toBeLessThanOrEqual(0.2);
		const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
		expect(mean(util.retained) - mean(util.churned)).toBeGreaterThan(15);
	});

	it('the template predicts churn well but not perfectly (time-aware AUC 0.72–0.9)', () => {
		const model = templateById('usage-led-saas')?.model;
		if (!model) throw new Error('template missing');
		// As of T, latest snapshot at or before T; outcome: churned in (T, T + 6 months].
		const T = '2025-04-01';
		const horizon = '2025-10-01';
		const picked: string[][] = [];
		for (const list of byAccount.values()) {
			const atT = list.filter((r) => (r[DATE] ?? '') <= T);
			if (atT.length === 0) continue;
			const r = lastRow(atT);
			if (r[CHURN_DATE] && (r[CHURN_DATE] ?? '') <= T) continue;
			picked.push(r);
		}
		const columns = new Map<string, Column>();
		for (const name of header) {
			if (['account_id', 'account_name', 'segment'].includes(name) || name.endsWith('_date'))
				continue;
			const values = new Float64Array(picked.length);
			picked.forEach((r, i) => {
				const v = r[c(name)] ?? '';
				values[i] = v === 'Yes' ? 1 : v === 'No' ? 0 : v === '' ? NaN : Number(v);
			});
			columns.set(name, { kind: 'number', values });
		}
		const table: ColumnTable = { n: picked.length, columns };
		const { score } = scoreTable(model, table);
		const pos: number[] = [];
		const neg: number[] = [];
		picked.forEach((r, i) => {
			const cd = r[CHURN_DATE] ?? '';
			(cd > T && cd <= horizon ? pos : neg).push(score[i] ?? NaN);
		});
		// AUC of risk = P(a churner scores below a retained account), ties ½ (Mann–Whitney).
		let wins = 0;
		for (const p of pos) for (const q of neg) wins += p < q ? 1 : p === q ? 0.5 : 0;
		const auc = wins / (pos.length * neg.length);
		expect(pos.length).toBeGreaterThan(100);
		expect(auc).toBeGreaterThan(0.72);
		expect(auc).toBeLessThan(0.9);
	});
});
