/**
 * The sample's raw exports (public/sample/exports/) describe the same world as portfolio.csv:
 * checked here from the committed CSV text alone (row by row, no app code), against the flat
 * table's own columns. Byte-identical regeneration: make-sample.test.ts. The recipe built over
 * them through the app's pipeline: src/lib/state/sample-exports.test.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../public/sample/', import.meta.url));
type Row = Record<string, string>;
function records(file: string): Row[] {
	const [head, ...lines] = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
	const h = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [h[i]!, v])));
}
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
function group(rows: Row[], key = 'account_id'): Map<string, Row[]> {
	const m = new Map<string, Row[]>();
	for (const r of rows) m.set(r[key]!, [...(m.get(r[key]!) ?? []), r]);
	return m;
}

const FILES = [
	'accounts.csv',
	'subscriptions.csv',
	'usage_weekly.csv',
	'tickets.csv',
	'churn_log.csv'
];
const flat = records('portfolio.csv');
const flatBy = group(flat);
const accounts = records('exports/accounts.csv');
const subsBy = group(records('exports/subscriptions.csv'));
const usage = records('exports/usage_weekly.csv');
const usageBy = group(usage);
const ticketsBy = group(records('exports/tickets.csv'));
const churnLog = records('exports/churn_log.csv');

describe('the raw exports', () => {
	it('are plain, rectangular CSV, under 10 MB together', () => {
		let total = 0;
		for (const f of FILES) {
			const text = readFileSync(join(dir, 'exports', f), 'utf8');
			total += statSync(join(dir, 'exports', f)).size;
			expect(text, f).not.toMatch(/["\r]/);
			const lines = text.trimEnd().split('\n');
			const width = lines[0]!.split(',').length;
			expect(
				lines.every((l) => l.split(',').length === width),
				f
			).toBe(true);
		}
		expect(total).toBeLessThan(10_000_000);
	});

	it('hold the flat table’s accounts (id, name, segment) and churners (same dates)', () => {
		expect(accounts.map((a) => a.account_id).sort()).toEqual([...flatBy.keys()].sort());
		for (const a of accounts) {
			const f = flatBy.get(a.account_id!)![0]!;
			expect([a.account_name, a.segment], a.account_id).toEqual([f.account_name, f.segment]);
		}
		const flatChurn = new Map(
			flat.filter((r) => r.churn_date).map((r) => [r.account_id!, r.churn_date!])
		);
		expect(new Map(churnLog.map((r) => [r.account_id!, r.churned_at!]))).toEqual(flatChurn);
		expect(churnLog).toHaveLength(474);
	});

	it('have no activity before signup or on or after the churn date; billing starts at signup', () => {
		const churn = new Map(churnLog.map((r) => [r.account_id!, day(r.churned_at!)]));
		const problems: string[] = [];
		for (const a of accounts) {
			const id = a.account_id!;
			const from = day(a.signup_date!);
			const to = churn.get(id) ?? Infinity;
			for (const u of usageBy.get(id) ?? [])
				if (day(u.week_ending!) < from || day(u.week_ending!) >= to)
					problems.push(`${id} usage ${u.week_ending}`);
			for (const t of ticketsBy.get(id) ?? [])
				if (day(t.opened_at!) < from || day(t.opened_at!) >= to)
					problems.push(`${id} ticket ${t.opened_at}`);
			for (const s of subsBy.get(id) ?? []) {
				if (day(s.start_date!) < from || day(s.start_date!) >= to)
					problems.push(`${id} subscription ${s.subscription_id}`);
				if (!(day(s.end_date!) > day(s.start_date!)))
					problems.push(`${id} ${s.subscription_id} ends before it starts`);
			}
		}
		for (const a of accounts) {
			const starts = (subsBy.get(a.account_id!) ?? []).map((s) => s.start_date!).sort();
			if (starts[0] !== a.signup_date) problems.push(`${a.account_id} first period ${starts[0]}`);
		}
		expect(problems.slice(0, 5)).toEqual([]);
	});

	it('at every flat snapshot, the latest period holds its seats and ARR and ends on its renewal date', () => {
		const problems: string[] = [];
		let checked = 0;
		for (const r of flat) {
			const T = day(r.snapshot_date!);
			const covering = (subsBy.get(r.account_id!) ?? []).filter(
				(s) => day(s.start_date!) <= T && day(s.end_date!) > T
			);
			if (covering.length === 0) {
				problems.push(`${r.account_id} ${r.snapshot_date}: no period`);
				continue;
			}
			const latest = covering.reduce((a, b) => (day(b.start_date!) > day(a.start_date!) ? b : a));
			const nearestEnd = Math.min(...covering.map((s) => day(s.end_date!)));
			// The flat row shows new seats from the snapshot of the expansion's month; the period
			// starts on the expansion date itself.
			const expansionMonth = r.expansion_date?.slice(0, 7) === r.snapshot_date!.slice(0, 7);
			if (!expansionMonth && (latest.seats !== r.seats || latest.arr !== r.contract_value))
				problems.push(
					`${r.account_id} ${r.snapshot_date}: seats/ARR ${latest.seats}/${latest.arr}`
				);
			// Renewal on the snapshot day itself: the new term has started (the old one ended).
			if (nearestEnd !== day(r.renewal_date!) && r.renewal_date !== r.snapshot_date)
				problems.push(`${r.account_id} ${r.snapshot_date}: renewal ${r.renewal_date}`);
			checked++;
		}
		expect(problems.slice(0, 5)).toEqual([]);
		expect(checked).toBe(43_334);
	});

	it('weekly logins over the 28 days before a snapshot track its logins_30d (r > 0.95, ratio ≈ 28/30)', () => {
		const xs: number[] = [];
		const ys: number[] = [];
		for (const r of flat) {
			const T = day(r.snapshot_date!);
			const weeks = (usageBy.get(r.account_id!) ?? []).filter(
				(u) => day(u.week_ending!) > T - 28 && day(u.week_ending!) <= T
			);
			if (weeks.length < 4) continue; // first month of a new account
			xs.push(Number(r.logins_30d));
			ys.push(weeks.reduce((s, u) => s + Number(u.logins), 0));
		}
		const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
		const [mx, my] = [mean(xs), mean(ys)];
		let sxy = 0;
		let sxx = 0;
		let syy = 0;
		xs.forEach((x, i) => {
			sxy += (x - mx) * (ys[i]! - my);
			sxx += (x - mx) ** 2;
			syy += (ys[i]! - my) ** 2;
		});
		expect(xs.length).toBeGreaterThan(30_000);
		expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.95);
		expect(my / mx).toBeGreaterThan(0.85);
		expect(my / mx).toBeLessThan(1.0);
	});

	it('tickets: about half the 60-day count per month; escalated tickets mostly high or urgent', () => {
		let flatTickets = 0;
		let exportTickets = 0;
		for (const r of flat) {
			const T = day(r.snapshot_date!);
			if (T < day('2024-09-01')) continue; // 60 days of exports behind T
			flatTickets += Number(r.tickets_60d) + (2 / 3) * Number(r.escalations_90d);
			exportTickets += (ticketsBy.get(r.account_id!) ?? []).filter(
				(t) => day(t.opened_at!) > T - 60 && day(t.opened_at!) <= T
			).length;
		}
		expect(exportTickets / flatTickets).toBeGreaterThan(0.9);
		expect(exportTickets / flatTickets).toBeLessThan(1.1);
		const all = [...ticketsBy.values()].flat();
		const esc = all.filter((t) => t.escalated === 'Yes');
		const urgentShare = (rows: Row[]) =>
			rows.filter((t) => t.priority === 'high' || t.priority === 'urgent').length / rows.length;
		expect(urgentShare(esc)).toBeGreaterThan(0.7);
		expect(urgentShare(all.filter((t) => t.escalated === 'No'))).toBeLessThan(0.3);
		expect(all.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/.test(t.opened_at!))).toBe(true);
	});
});
