/**
 * ravenstack's five tables (../shared/data, ravenstack.md): the build against figures the data
 * card states, and every feature cell against a brute-force reference written here from the raw
 * CSV text (row by row, no sorting, no typed arrays), at every as-of date of the grid.
 */
import { describe, expect, it } from 'vitest';
import { buildFeatureTable } from './build';
import { ravenRaw, ravenRecipe, ravenSources } from './test-data';
import { LIFE_SEPARATOR, type BuiltTable, type EventFeature, type PeriodFeature } from './types';

const day = (s: string) =>
	s ? Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000 : NaN;
type Row = Record<string, string>;
function rowsOf(name: Parameters<typeof ravenRaw>[0]): Row[] {
	const { header, rows } = ravenRaw(name);
	return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

const sources = ravenSources();
const recipe = ravenRecipe();
const built = buildFeatureTable(recipe, sources);

function value(b: BuiltTable, i: number, col: string): number | string | null {
	const c = b.table.columns.get(col)!;
	if (c.kind === 'number') return c.values[i]!;
	return c.codes[i]! < 0 ? null : c.dictionary[c.codes[i]!]!;
}

describe('ravenstack: figures from the data card', () => {
	it('500 accounts, no orphans in any of the five tables (all foreign keys resolve)', () => {
		expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(built.accounts).toBe(500);
		expect(built.orphans.map((o) => [o.source, o.rows])).toEqual([
			['accounts', 0],
			['subscriptions', 0],
			['support-tickets', 0],
			['churn-events', 0],
			['feature-usage', 0]
		]);
	});

	it('492 accounts have tickets and churn_flag is True on 110 of 500 (22 %) at the end of the data', () => {
		const r = buildFeatureTable(
			ravenRecipe({
				grid: { kind: 'dates', dates: ['2024-12-31'] },
				outcome: { kind: 'none' },
				features: [
					{
						id: 'tickets_all',
						name: 'Tickets',
						source: 'support-tickets',
						kind: 'event',
						agg: 'count',
						days: null
					},
					{
						id: 'flag',
						name: 'churn_flag',
						source: 'accounts',
						kind: 'account',
						column: 'churn_flag'
					},
					{
						id: 'usage_all',
						name: 'Usage rows',
						source: 'feature-usage',
						kind: 'event',
						agg: 'count',
						days: null
					}
				],
				segment: null,
				contractValue: null
			}),
			sources
		);
		expect(r.table.n).toBe(500);
		const t = r.table.columns.get('tickets_all')!;
		const f = r.table.columns.get('flag')!;
		const u = r.table.columns.get('usage_all')!;
		if (t.kind !== 'number' || f.kind !== 'number' || u.kind !== 'number') throw new Error('types');
		expect(t.values.filter((x) => x > 0).length).toBe(492);
		expect(t.values.reduce((s, x) => s + x, 0)).toBe(2000);
		expect(f.values.reduce((s, x) => s + x, 0)).toBe(110);
		expect(u.values.reduce((s, x) => s + x, 0)).toBe(25_000);
	});

	it('churn log: 352 accounts have churn events; with reactivation none each churns once', () => {
		const r = buildFeatureTable(
			ravenRecipe({
				outcome: {
					kind: 'churn-log',
					source: 'churn-events',
					column: 'churn_date',
					reactivation: 'none'
				},
				grid: { kind: 'dates', dates: ['2022-12-31'] }
			}),
			sources
		);
		expect(r.lives).toBe(500);
		expect(built.lives).toBeGreaterThan(500); // returns after churning start new lives
		expect(built.ids.some((id) => id.includes(LIFE_SEPARATOR))).toBe(true);
	});
});

describe('ravenstack: every cell equals a brute-force reference', () => {
	const accounts = rowsOf('accounts');
	const subs = rowsOf('subscriptions');
	const usage = rowsOf('feature-usage');
	const tickets = rowsOf('support-tickets');
	const churns = rowsOf('churn-events');
	const subAccount = new Map<string, string>();
	for (const s of subs)
		if (!subAccount.has(s.subscription_id!)) subAccount.set(s.subscription_id!, s.account_id!);
	const by = <T extends Row>(rows: T[], key: (r: T) => string) => {
		const m = new Map<string, T[]>();
		for (const r of rows) {
			const k = key(r);
			m.set(k, [...(m.get(k) ?? []), r]);
		}
		return m;
	};
	const usageBy = by(usage, (r) => subAccount.get(r.subscription_id!) ?? '');
	const ticketsBy = by(tickets, (r) => r.account_id!);
	const subsBy = by(subs, (r) => r.account_id!);
	const churnBy = by(churns, (r) => r.account_id!);
	const dataEnd = Math.max(
		...usage.map((r) => day(r.usage_date!)),
		...tickets.map((r) => day(r.submitted_at!)),
		...subs.flatMap((r) => [day(r.start_date!), r.end_date ? day(r.end_date) : -Infinity]),
		...churns.map((r) => day(r.churn_date!)),
		...accounts.map((r) => day(r.signup_date!))
	);
	const num = (s: string | undefined) => (s === undefined || s === '' ? NaN : Number(s));

	/** Lives by the rule in lives.ts, restated: start at signup; end at the first churn on or after the start; return = first activity after the churn. */
	function lives(id: string, signup: number): { n: number; start: number; end: number }[] {
		const c = [...new Set((churnBy.get(id) ?? []).map((r) => day(r.churn_date!)))]
			.filter((d) => d <= dataEnd)
			.sort((a, b) => a - b);
		const act = [
			...(usageBy.get(id) ?? []).map((r) => day(r.usage_date!)),
			...(ticketsBy.get(id) ?? []).map((r) => day(r.submitted_at!)),
			...(subsBy.get(id) ?? []).map((r) => day(r.start_date!))
		];
		const out = [];
		let start = signup;
		for (let n = 1; ; n++) {
			const end = c.find((d) => d >= start) ?? Infinity;
			out.push({ n, start, end });
			if (end === Infinity) break;
			const after = act.filter((d) => d > end);
			if (!after.length) break;
			start = Math.min(...after);
		}
		return out;
	}

	function eventRef(
		f: EventFeature,
		rows: Row[],
		dateCol: string,
		T: number
	): number | string | null {
		const inWin = rows.filter((r) => {
			const d = day(r[dateCol]!);
			if (!(d <= T) || (f.days !== null && !(d > T - f.days))) return false;
			return !f.filter || f.filter.values.includes(r[f.filter.column]!);
		});
		const vals = inWin.map((r) => num(r[f.column ?? '']));
		const present = vals.filter((x) => !Number.isNaN(x));
		const days = inWin.map((r) => day(r[dateCol]!));
		switch (f.agg) {
			case 'count':
				return inWin.length;
			case 'sum':
				return present.reduce((s, x) => s + x, 0);
			case 'mean':
				return present.length ? present.reduce((s, x) => s + x, 0) / present.length : NaN;
			case 'min':
				return present.length ? Math.min(...present) : NaN;
			case 'max':
				return present.length ? Math.max(...present) : NaN;
			case 'distinct':
				return new Set(inWin.map((r) => r[f.column!]).filter((s) => s !== '')).size;
			case 'days-since-last':
				return days.length ? T - Math.max(...days) : NaN;
			case 'days-since-first':
				return days.length ? T - Math.min(...days) : NaN;
			case 'last': {
				const withV = inWin.filter((r) => r[f.column!] !== '');
				if (!withV.length) return NaN;
				const latest = Math.max(...withV.map((r) => day(r[dateCol]!)));
				return Math.max(
					...withV.filter((r) => day(r[dateCol]!) === latest).map((r) => num(r[f.column!]))
				);
			}
		}
	}

	function periodRef(f: PeriodFeature, rows: Row[], T: number): number | string | null {
		const started = rows.filter((r) => day(r.start_date!) <= T);
		const covering = started.filter((r) => !r.end_date || day(r.end_date) > T);
		switch (f.measure) {
			case 'active':
				return covering.length ? 1 : 0;
			case 'tenure':
				return started.length ? T - Math.min(...started.map((r) => day(r.start_date!))) : NaN;
			case 'value': {
				if (f.combine === 'sum') return covering.reduce((s, r) => s + num(r[f.column!]), 0);
				if (!covering.length) return null;
				const latest = Math.max(...covering.map((r) => day(r.start_date!)));
				return covering
					.filter((r) => day(r.start_date!) === latest)
					.map((r) => r[f.column!]!)
					.sort()
					.at(-1)!;
			}
			case 'changes': {
				const all = [...rows].sort(
					(a, b) => day(a.start_date!) - day(b.start_date!) || num(a[f.column!]) - num(b[f.column!])
				);
				let k = 0;
				for (let j = 1; j < all.length; j++) {
					const d = day(all[j]!.start_date!);
					if (d > T || (f.days != null && d <= T - f.days)) continue;
					const up = num(all[j]![f.column!]) > num(all[j - 1]![f.column!]);
					const down = num(all[j]![f.column!]) < num(all[j - 1]![f.column!]);
					if (f.direction === 'up' ? up : down) k++;
				}
				return k;
			}
			default:
				throw new Error(f.measure);
		}
	}

	it('same rows (account lives at each as-of date) and identical feature, churn-date and churned values', () => {
		const expected = new Map<string, (number | string | null)[]>();
		const cols = [...recipe.features.map((f) => f.id), 'churn_date', 'churned'];
		for (const T of built.asOfDays)
			for (const a of accounts) {
				const id = a.account_id!;
				const life = lives(id, day(a.signup_date!)).find((l) => l.start <= T && T < l.end);
				if (!life) continue;
				const rowId = life.n === 1 ? id : `${id}${LIFE_SEPARATOR}${life.n}`;
				const vals = recipe.features.map((f) => {
					if (f.kind === 'event')
						return f.source === 'feature-usage'
							? eventRef(f, usageBy.get(id) ?? [], 'usage_date', T)
							: eventRef(f, ticketsBy.get(id) ?? [], 'submitted_at', T);
					if (f.kind === 'period') return periodRef(f, subsBy.get(id) ?? [], T);
					if (f.kind === 'account') return a[f.column]!;
					throw new Error('kind');
				});
				const churn = Number.isFinite(life.end) ? life.end : NaN;
				expected.set(`${rowId}@${T}`, [...vals, churn, Number.isNaN(churn) ? 0 : 1]);
			}
		const got = new Map<string, (number | string | null)[]>();
		const asOf = built.table.columns.get('as_of_date')!;
		for (let i = 0; i < built.table.n; i++)
			got.set(
				`${built.ids[i]}@${asOf.kind === 'number' ? asOf.values[i] : ''}`,
				cols.map((c) => value(built, i, c))
			);
		expect(got.size).toBe(expected.size);
		expect(built.asOfDays).toHaveLength(19); // month ends 2023-06 … 2024-12
		let checked = 0;
		for (const [k, v] of expected) {
			expect(got.get(k), k).toEqual(v);
			checked++;
		}
		expect(checked).toBe(built.table.n);
	});
});
