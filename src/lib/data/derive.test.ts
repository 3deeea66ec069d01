/** Derived columns: hand-computed tables per kind, validation, and row-order independence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column } from '$lib/model/types';
import type { ColumnInfo, ColumnType, Dataset } from './dataset';
import {
	defaultDerivedName,
	deriveColumn,
	describeDerived,
	summariseDerived,
	validateDerived,
	validateDerivedName,
	withDerivedColumn,
	type DerivedSpec
} from './derive';

const N = NaN;

/** A dataset from plain arrays; `date` (epoch days) becomes the snapshot-date column. */
function ds(
	ids: string[],
	cols: Record<string, number[]>,
	opts: { date?: number[]; types?: Record<string, ColumnType> } = {}
): Dataset {
	const columns = new Map<string, Column>();
	const info: ColumnInfo[] = [
		{
			name: 'account_id',
			originalName: 'account_id',
			role: 'account-id',
			type: 'text',
			missingShare: 0
		}
	];
	const all: Record<string, number[]> = opts.date ? { snapshot_date: opts.date, ...cols } : cols;
	for (const [name, values] of Object.entries(all)) {
		columns.set(name, { kind: 'number', values: Float64Array.from(values) });
		const type = name === 'snapshot_date' ? 'date' : (opts.types?.[name] ?? 'number');
		info.push({
			name,
			originalName: name,
			role: name === 'snapshot_date' ? 'snapshot-date' : 'metric',
			type,
			missingShare: 0
		});
	}
	columns.set('segment', {
		kind: 'category',
		codes: new Int32Array(ids.length),
		dictionary: ['A']
	});
	info.push({
		name: 'segment',
		originalName: 'segment',
		role: 'segment',
		type: 'category',
		missingShare: 0
	});
	return {
		meta: {
			id: 'ds-1',
			name: 't',
			fileName: 't.csv',
			fileHash: 'h',
			createdAt: 0,
			rows: ids.length,
			columns: info,
			dateRange: null,
			bytes: 0
		},
		ids,
		table: { n: ids.length, columns }
	};
}

function values(d: Dataset, spec: DerivedSpec, referenceDay?: number): number[] {
	const r = deriveColumn(d, spec, { referenceDay });
	expect(r.issues).toEqual([]);
	return Array.from(r.column.values);
}

function expectClose(actual: number[], expected: number[]): void {
	expect(actual.length).toBe(expected.length);
	actual.forEach((a, i) => {
		const e = expected[i]!;
		if (Number.isNaN(e)) expect(a, `row ${i}`).toBeNaN();
		else expect(a, `row ${i}`).toBeCloseTo(e, 9);
	});
}

describe('ratio', () => {
	const d = ds(['a', 'b', 'c', 'd', 'e', 'f'], {
		active: [5, 0, N, 3, 4, -2],
		seats: [10, 4, 10, 0, N, 4]
	});
	it.each([
		[100, [50, 0, N, N, N, -50]],
		[undefined, [0.5, 0, N, N, N, -0.5]]
	])('× %s: zero or missing denominator and missing numerator are missing', (scale, want) => {
		const spec: DerivedSpec = { kind: 'ratio', numerator: 'active', denominator: 'seats' };
		if (scale !== undefined) spec.scale = scale;
		expectClose(values(d, spec), want);
	});
});

// Account A: dates 0, 31, 62, 92 (two rows: a tie), 130, 150 (missing value), 160.
// Account B: 0 (value 0), 70, 200. C: 0 and 300 (a gap). D: 0 missing, 61. Then a row without
// a date and a row with an empty account id.
const H_IDS = ['A', 'B', 'A', 'C', 'A', 'A', 'A', 'B', 'A', 'D', 'A', 'D', 'A', 'C', 'B', 'E', ''];
const H_DATE = [0, 0, 31, 0, 62, 92, 92, 70, 130, 0, 150, 61, 160, 300, 200, N, 10];
const H_VAL = [100, 0, 110, 10, 120, 80, 100, 5, 90, N, N, 10, 50, 20, 7, 5, 5];
const hist = ds(H_IDS, { v: H_VAL }, { date: H_DATE });

describe('change over a window', () => {
	it('pct vs the latest snapshot at or before date − 60 days', () => {
		// prettier-ignore
		const want = [
			N, // A@0: no earlier snapshot
			N, // B@0
			N, // A@31: ≤ −29: none
			N, // C@0
			20, // A@62: vs A@0 = 100 → (120 − 100) / 100
			((80 - 110) / 110) * 100, // A@92: vs A@31 = 110
			((100 - 110) / 110) * 100, // A@92 (tie): same reference
			N, // B@70: vs B@0 = 0 → pct undefined
			-25, // A@130: vs A@62 = 120
			N, // D@0
			N, // A@150: its value is missing
			N, // D@61: vs D@0 whose value is missing
			((50 - 90) / 90) * 100, // A@160: ≤ 100 → A@92, mean of 80 and 100
			100, // C@300: gap, vs C@0 = 10
			40, // B@200: vs B@70 = 5
			N, // no date
			N // empty account id
		];
		expectClose(values(hist, { kind: 'change', column: 'v', days: 60, mode: 'pct' }), want);
	});

	it('abs keeps a zero earlier value', () => {
		const got = values(hist, { kind: 'change', column: 'v', days: 60, mode: 'abs' });
		expectClose(got.slice(4, 9), [20, -30, -10, 5, -30]);
		expectClose([got[12]!, got[13]!, got[14]!], [-40, 10, 2]);
	});

	it('a negative earlier value divides by its magnitude', () => {
		const d = ds(['x', 'x'], { v: [-10, -5] }, { date: [0, 30] });
		expectClose(values(d, { kind: 'change', column: 'v', days: 30, mode: 'pct' }), [N, 50]);
	});
});

describe('rolling window', () => {
	const at = (agg: 'sum' | 'count' | 'mean', days = 60) =>
		values(hist, { kind: 'window', column: 'v', days, agg });
	it('sum / count / mean over (date − 60, date] for account A', () => {
		// A rows in H order: @0, @31, @62, @92, @92, @130, @150 (missing), @160.
		const aRows = [0, 2, 4, 5, 6, 8, 10, 12];
		const pick = (xs: number[]) => aRows.map((i) => xs[i]!);
		expectClose(pick(at('sum')), [100, 210, 230, 300, 300, 270, 270, 140]);
		expectClose(pick(at('count')), [1, 2, 2, 3, 3, 3, 3, 2]);
		expectClose(pick(at('mean')), [100, 105, 115, 100, 100, 90, 90, 70]);
	});
	it('zero values count as present but not in count; an all-missing window is missing', () => {
		const bRows = [1, 7, 14];
		const pick = (xs: number[]) => bRows.map((i) => xs[i]!);
		expectClose(pick(at('sum', 100)), [0, 5, 7]);
		expectClose(pick(at('count', 100)), [0, 1, 1]);
		expectClose(pick(at('mean', 100)), [0, 2.5, 7]);
		for (const agg of ['sum', 'count', 'mean'] as const) {
			const got = at(agg);
			expect(got[9], `D@0 ${agg}`).toBeNaN();
			expect(got[15], `no date ${agg}`).toBeNaN();
			expect(got[16], `empty id ${agg}`).toBeNaN();
		}
	});
});

describe('days since', () => {
	const types = { event: 'date' as const };
	it('snapshot date minus the date; missing or future dates are missing', () => {
		const d = ds(
			['a', 'b', 'c', 'd'],
			{ event: [90, N, 100, 120] },
			{ date: [100, 100, 100, 100], types }
		);
		expectClose(values(d, { kind: 'days-since', column: 'event' }), [10, N, 0, N]);
	});
	it('without snapshots, against the reference day', () => {
		const d = ds(['a', 'b', 'c'], { event: [90, N, 250] }, { types });
		expectClose(values(d, { kind: 'days-since', column: 'event' }, 200), [110, N, N]);
		expect(
			deriveColumn(d, { kind: 'days-since', column: 'event' }).issues.map((i) => i.code)
		).toEqual(['no-reference']);
	});
});

describe('validateDerived', () => {
	const flat = ds(['a'], { v: [1], when: [3] }, { types: { when: 'date' } });
	it.each<[string, Dataset, DerivedSpec, string[]]>([
		[
			'unknown column',
			hist,
			{ kind: 'ratio', numerator: 'nope', denominator: 'v' },
			['spec.numerator:unknown-column']
		],
		[
			'category column',
			hist,
			{ kind: 'ratio', numerator: 'v', denominator: 'segment' },
			['spec.denominator:not-number']
		],
		[
			'zero scale',
			hist,
			{ kind: 'ratio', numerator: 'v', denominator: 'v', scale: 0 },
			['spec.scale:bad-scale']
		],
		['days 0', hist, { kind: 'change', column: 'v', days: 0, mode: 'pct' }, ['spec.days:bad-days']],
		[
			'days NaN',
			hist,
			{ kind: 'window', column: 'v', days: NaN, agg: 'sum' },
			['spec.days:bad-days']
		],
		[
			'no history',
			flat,
			{ kind: 'window', column: 'v', days: 30, agg: 'sum' },
			['spec.kind:no-history']
		],
		['not a date', hist, { kind: 'days-since', column: 'v' }, ['spec.column:not-date']],
		[
			'a date is not a value',
			flat,
			{ kind: 'ratio', numerator: 'when', denominator: 'v' },
			['spec.numerator:not-number']
		],
		['fine', hist, { kind: 'change', column: 'v', days: 1, mode: 'abs' }, []]
	])('%s', (_, d, spec, want) => {
		expect(validateDerived(d, spec).map((i) => `${i.path}:${i.code}`)).toEqual(want);
		const r = deriveColumn(d, spec);
		expect(r.issues.length).toBe(want.length);
	});
	it('names', () => {
		expect(validateDerivedName(hist, 'v')[0]?.code).toBe('bad-name');
		expect(validateDerivedName(hist, '2x')[0]?.code).toBe('bad-name');
		expect(validateDerivedName(hist, 'v_per_v')).toEqual([]);
	});
});

describe('adding and describing', () => {
	it('withDerivedColumn adds a metric column with its definition, input unchanged', () => {
		const spec: DerivedSpec = { kind: 'ratio', numerator: 'v', denominator: 'v', scale: 100 };
		const col = deriveColumn(hist, spec).column;
		const next = withDerivedColumn(hist, 'v_per_v', spec, col);
		expect(hist.table.columns.has('v_per_v')).toBe(false);
		expect(next.table.columns.get('v_per_v')).toBe(col);
		const info = next.meta.columns.at(-1)!;
		expect(info).toMatchObject({ name: 'v_per_v', role: 'metric', type: 'number', derived: spec });
		// v is 0 once (0/0) and missing thrice (two NaN values, and 0 / 0 for B@0): 3 of 17.
		expect(info.missingShare).toBeCloseTo(3 / 17, 12);
	});
	it.each<[DerivedSpec, string, string]>([
		[
			{ kind: 'ratio', numerator: 'active_users', denominator: 'seats', scale: 100 },
			'active_users ÷ seats × 100',
			'active_users_per_seats'
		],
		[
			{ kind: 'change', column: 'logins_30d', days: 60, mode: 'pct' },
			'% change of logins_30d vs 60 days earlier',
			'logins_30d_pct_change_60d'
		],
		[
			{ kind: 'days-since', column: 'renewal_date' },
			'days since renewal_date',
			'days_since_renewal_date'
		],
		[
			{ kind: 'window', column: 'tickets', days: 90, agg: 'count' },
			'snapshots with tickets > 0 over 90 days',
			'tickets_count_90d'
		]
	])('%o', (spec, text, name) => {
		expect(describeDerived(spec)).toBe(text);
		expect(defaultDerivedName(spec)).toBe(name);
	});
	it('summary over chosen rows', () => {
		const v = Float64Array.from([5, N, 1, 3, 10, N]);
		expect(summariseDerived(v, null)).toEqual({
			rows: 6,
			present: 4,
			missingShare: 2 / 6,
			min: 1,
			median: 4,
			max: 10,
			p5: 1,
			p95: 10
		});
		expect(summariseDerived(v, Int32Array.from([0, 1, 2]))).toMatchObject({
			median: 3,
			missingShare: 1 / 3
		});
		expect(summariseDerived(v, Int32Array.from([1]))).toMatchObject({
			min: null,
			median: null,
			max: null
		});
	});
});

describe('row order', () => {
	const specs: DerivedSpec[] = [
		{ kind: 'change', column: 'v', days: 3, mode: 'pct' },
		{ kind: 'change', column: 'v', days: 5, mode: 'abs' },
		{ kind: 'window', column: 'v', days: 4, agg: 'sum' },
		{ kind: 'window', column: 'v', days: 7, agg: 'count' },
		{ kind: 'window', column: 'v', days: 2, agg: 'mean' },
		{ kind: 'ratio', numerator: 'v', denominator: 'w', scale: 100 }
	];
	const row = fc.record({
		id: fc.constantFrom('a', 'b', 'c', ''),
		date: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(NaN)),
		v: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constant(NaN)),
		w: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(NaN))
	});
	it("a permutation of the rows permutes the results (no account's values change)", () => {
		fc.assert(
			fc.property(
				fc.array(row, { minLength: 1, maxLength: 40 }).chain((rows) =>
					fc.tuple(
						fc.constant(rows),
						fc.shuffledSubarray(
							rows.map((_, i) => i),
							{ minLength: rows.length, maxLength: rows.length }
						)
					)
				),
				([rows, perm]) => {
					const make = (rs: typeof rows) =>
						ds(
							rs.map((r) => r.id),
							{ v: rs.map((r) => r.v), w: rs.map((r) => r.w) },
							{ date: rs.map((r) => r.date) }
						);
					const base = make(rows);
					const shuffled = make(perm.map((i) => rows[i]!));
					for (const spec of specs) {
						const a = deriveColumn(base, spec).column.values;
						const b = deriveColumn(shuffled, spec).column.values;
						perm.forEach((i, k) => expect(Object.is(b[k], a[i]) || b[k] === a[i]).toBe(true));
					}
				}
			),
			{ seed: 20240701, numRuns: 300 }
		);
	});
});
