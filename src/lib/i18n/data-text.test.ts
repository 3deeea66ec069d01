// The import side's reasons in both languages: every way a row kind is detected, and every way
// dates with times are read, produced here from a real small table (profiled as the parse worker
// does), said in English in the words the import tests expect, and in Japanese with no English
// word left but the column names and the time zone. A new code without a case fails.
import { describe, expect, it } from 'vitest';
import { raw, stored } from '../data/csv/testing/helpers';
import { profileRaw } from '$lib/data/csv/infer';
import { describeFeature, describeGrid, describeOutcome } from '$lib/sources/describe';
import { ravenRecipe } from '$lib/sources/test-data';
import {
	EVENT_AGGS,
	type AsOfGrid,
	type PeriodMeasure,
	type FeatureSpec,
	type OutcomeSpec
} from '$lib/sources/types';
import {
	PREVIEW_GAPS,
	rowsFromProfiles,
	samplePreview,
	type MappingRow
} from '$lib/state/import-mapping';
import {
	GRAIN_NOTE_CODES,
	GRAIN_WHY_CODES,
	detectGrain,
	timeStatement,
	type GrainWhy
} from '$lib/state/import-grain';
import type { Dataset } from '$lib/data/dataset';
import {
	applyRemap,
	remapColumns,
	typeForRole,
	REMAP_CHANGE_CODES,
	REMAP_PROBLEM_CODES,
	TYPE_NOTES,
	type RemapChange,
	type RemapColumn,
	type RemapProblem
} from '$lib/data/remap';
import {
	GRAIN_NOTES,
	GRAIN_REASONS,
	REMAP_CHANGES,
	REMAP_PROBLEMS,
	featureText,
	grainReasonText,
	gridText,
	outcomeText,
	previewGapText,
	remapChangeText,
	remapProblemText,
	timeReadingText,
	typeNoteText
} from './data-text';

/** Mapping rows for a table, as the wizard makes them from the worker's profiles. */
function rowsOf(headers: string[], cells: (h: string, i: number) => string, n: number) {
	const rows = Array.from({ length: n }, (_, i) => headers.map((h) => cells(h, i)));
	return rowsFromProfiles(profileRaw(raw(headers, rows), '.'), headers);
}

const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);

/** One real table per way a grain is detected: name → mapping rows. */
function grainCases(): [string, MappingRow[]][] {
	const snap = (rows: MappingRow[]) => {
		rows.find((r) => r.name === 'as_of')!.role = 'snapshot-date';
		return rows;
	};
	return [
		['no id', rowsOf(['score', 'plan'], (h, i) => (h === 'score' ? String(i * 3) : 'A'), 6)],
		[
			'snapshot date, one row each',
			snap(rowsOf(['account_id', 'as_of'], (h, i) => (h === 'as_of' ? day(0) : `A${i}`), 6))
		],
		['account list', rowsOf(['account_id', 'mrr'], (h, i) => (h === 'mrr' ? '10' : `A${i}`), 6)],
		[
			'repeated ids on a snapshot date',
			snap(rowsOf(['account_id', 'as_of'], (h, i) => (h === 'as_of' ? day(i) : `A${i % 3}`), 6))
		],
		[
			'periods',
			rowsOf(
				['subscription_id', 'start_date', 'end_date'],
				(h, i) =>
					h === 'subscription_id' ? `S${i % 3}` : h === 'start_date' ? day(i) : day(i + 30),
				6
			)
		],
		[
			'a panel',
			rowsOf(
				['member', 'counted'],
				(h, i) => (h === 'member' ? `m${i % 3}` : day(Math.floor(i / 3))),
				6
			)
		],
		['events', rowsOf(['who', 'when'], (h, i) => (h === 'who' ? `p${i % 3}` : day(i)), 6)],
		[
			'events named by their own id',
			rowsOf(
				['event_id', 'holder', 'at'],
				(h, i) => (h === 'event_id' ? `E${i}` : h === 'holder' ? `H${i % 2}x` : day(i)),
				6
			)
		],
		['no date', rowsOf(['account_id', 'n'], (h, i) => (h === 'n' ? '1' : `A${i % 2}`), 6)]
	];
}

/** Proper names and data tokens a Japanese sentence may show as they are. */
const KEPT = new Set(['utc', 'asia', 'tokyo']);

/** English words (3+ letters) in `text` once the column names are taken out. */
function englishWords(text: string, names: readonly string[]): string[] {
	let rest = text;
	for (const v of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(v).join(' ');
	return (rest.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !KEPT.has(w.toLowerCase()));
}

const namesOf = (rows: readonly MappingRow[]) => rows.map((r) => r.name);

describe('why a row kind was detected, in English and Japanese', () => {
	it('every code and every note has a real case and a rendering', () => {
		const whys = grainCases().map(([, rows]) => detectGrain(rows).why);
		const seen = new Set(whys.map((w) => w.code));
		expect(GRAIN_WHY_CODES.filter((c) => !seen.has(c))).toEqual([]);
		const notes = new Set(whys.map((w) => w.note?.code).filter(Boolean));
		expect(GRAIN_NOTE_CODES.filter((c) => !notes.has(c))).toEqual([]);
		for (const c of GRAIN_WHY_CODES) expect(GRAIN_REASONS[c], c).toBeTypeOf('function');
		for (const c of GRAIN_NOTE_CODES) expect(GRAIN_NOTES[c], c).toMatch(/^prob\.grain\.note\./);
	});

	it('English names the columns and the counts, as the import always said them', () => {
		const said = Object.fromEntries(
			grainCases().map(([name, rows]) => [name, grainReasonText(detectGrain(rows).why, 'en')])
		);
		expect(said).toEqual({
			'no id': 'No column looks like an id: choose the key column.',
			'snapshot date, one row each':
				'“as_of” looks like a snapshot date: each row is an account on that date.',
			'account list': 'Each “account_id” appears once (6 rows): one row per account.',
			'repeated ids on a snapshot date':
				'“account_id” repeats: 6 rows, 3 distinct ids; “as_of” looks like a snapshot date.',
			periods:
				'“subscription_id” repeats: 6 rows, 3 distinct ids; each row runs from “start_date” to “end_date”.',
			'a panel':
				'“member” repeats: 6 rows, 3 distinct ids; “counted” has 2 dates and 3 × 2 = 6: one row per id per date (a snapshot).',
			events:
				'No column is named like an id; “who” repeats beside a date, so it is taken as the key. “who” repeats: 6 rows, 3 distinct ids; each row is dated by “when”.',
			'events named by their own id':
				'“event_id” is unique: it names each row, not whom the row is about; “holder” repeats, so it is taken as the key. “holder” repeats: 6 rows, 2 distinct ids; each row is dated by “at”.',
			'no date':
				'“account_id” repeats: 6 rows, 2 distinct ids, and no column reads as a date: choose the column that dates each row.'
		});
	});

	it('Japanese says each in Japanese, the column names in 「」 and the counts kept', () => {
		for (const [name, rows] of grainCases()) {
			const why = detectGrain(rows).why;
			const ja = grainReasonText(why, 'ja');
			expect(ja, name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(ja, name).not.toMatch(/\{\w+\}|prob\./);
			expect(englishWords(ja, namesOf(rows)), `${name}: ${ja}`).toEqual([]);
			for (const col of [why.key, why.date, why.end, why.note?.named].filter(Boolean))
				expect(ja, name).toContain(`「${col}」`);
			if (why.rows !== undefined) expect(ja, name).toContain(`${why.rows} 行`);
		}
		const events = grainCases().find(([n]) => n === 'events')![1];
		expect(grainReasonText(detectGrain(events).why, 'ja')).toBe(
			'ID らしい名前の列がありません。「who」の値が日付と並んで繰り返し現れるため、これをキーとします。「who」の値が繰り返し現れます（6 行に ID 3 種類）。各行の日付は「when」です。'
		);
	});

	it('a sampled or capped count says so in both languages', () => {
		const why: GrainWhy = {
			code: 'repeats-event',
			key: 'user',
			rows: 1200,
			distinct: 50,
			capped: true,
			sampled: true,
			date: 'ts'
		};
		expect(grainReasonText(why, 'en')).toBe(
			'“user” repeats: 1,200 rows, 50+ distinct ids (in a sample of the rows); each row is dated by “ts”.'
		);
		expect(grainReasonText(why, 'ja')).toBe(
			'「user」の値が繰り返し現れます（1,200 行に ID 50+ 種類、一部の行の標本で確認）。各行の日付は「ts」です。'
		);
	});
});

describe('how dates with times are read, in English and Japanese', () => {
	const rows = rowsOf(
		['user', 'ts', 'closed_at', 'zoned'],
		(h, i) =>
			h === 'user'
				? `u${i % 2}`
				: h === 'zoned'
					? `${day(i)}T08:30:00+09:00`
					: `${day(i)} 10:0${i}:00`,
		4
	);

	it('no time, one column, several columns', () => {
		expect(timeStatement(rows.slice(0, 1), 'UTC')).toBeNull();
		const one = timeStatement(rows.slice(0, 2), 'UTC')!;
		expect(timeReadingText(one, 'en')).toBe(
			'“ts” has times without a zone: read as UTC time. Each row counts on its date in UTC.'
		);
		expect(timeReadingText(one, 'ja')).toBe(
			'「ts」の時刻にはタイムゾーンがないため、UTC の時刻として読み取ります。各行は UTC での日付で数えます。'
		);
		const all = timeStatement(rows, 'Asia/Tokyo')!;
		expect(all).toEqual({ naive: ['ts', 'closed_at'], offset: ['zoned'], zone: 'Asia/Tokyo' });
		expect(timeReadingText(all, 'en')).toBe(
			'“ts”, “closed_at” have times without a zone: read as Asia/Tokyo time; “zoned” has times with a zone: converted to Asia/Tokyo. Each row counts on its date in Asia/Tokyo.'
		);
		const ja = timeReadingText(all, 'ja');
		expect(ja).toBe(
			'「ts」、「closed_at」の時刻にはタイムゾーンがないため、Asia/Tokyo の時刻として読み取ります。「zoned」の時刻にはタイムゾーンがあるため、Asia/Tokyo に変換します。各行は Asia/Tokyo での日付で数えます。'
		);
		expect(englishWords(ja, namesOf(rows))).toEqual([]);
	});
});

// ----- re-mapping a stored dataset ----------------------------------------------------------

/** A churn file whose outcome `Exited` and `Status` were ignored at import; `Nick` has a blank. */
const churn = () =>
	stored(
		['CustomerId', 'Plan', 'Logins', 'Exited', 'Status', 'Nick'],
		[
			['1001', 'Gold', '12', '0', 'Active', 'ann'],
			['1002', 'Silver', '3', '1', 'Churned', ''],
			['1003', 'Gold', '7', '0', 'Active', 'cy'],
			['1004', 'Bronze', '1', '1', 'Churned', 'dee']
		],
		[
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'segment', type: 'category' },
			{ index: 2, role: 'metric', type: 'number' },
			{ index: 3, role: 'ignore', type: 'boolean', hold: { type: 'boolean' } },
			{ index: 4, role: 'ignore', type: 'category', hold: { type: 'category' } },
			{ index: 5, role: 'ignore', type: 'category', hold: { type: 'category' } }
		]
	);

const snapshots = () =>
	stored(
		['id', 'as_of', 'x'],
		[
			['a', '2024-01-01', '1'],
			['a', '2024-02-01', '2']
		],
		[
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'snapshot-date', type: 'date' },
			{ index: 2, role: 'metric', type: 'number' }
		],
		'snapshot'
	);

/** Columns of `ds` with some changed: name → the fields to set. */
function cols(ds: Dataset, set: Record<string, Partial<RemapColumn>>): RemapColumn[] {
	return remapColumns(ds).map((c) => {
		const s = set[c.name];
		if (!s) return c;
		const d = { ...c, ...s };
		const held = ds.meta.columns.find((m) => m.name === c.name)?.heldAs?.type;
		if (s.role && !s.type) d.type = typeForRole(d, s.role, held);
		return d;
	});
}

const next = { id: 'ds-new', createdAt: 2 };

/** One real re-mapping per check and per change: name → what it reported. */
function remapCases(): [string, (RemapProblem | RemapChange)[]][] {
	const run = (ds: Dataset, c: RemapColumn[]): (RemapProblem | RemapChange)[] => {
		const r = applyRemap(ds, c, next);
		return r.ok ? r.changes : r.errors;
	};
	const ds = churn();
	const gone = churn();
	gone.table.columns.delete('Logins');
	return [
		['two ids', run(ds, cols(ds, { Plan: { role: 'account-id' } }))],
		['a date role on words', run(ds, cols(ds, { Plan: { role: 'renewal-date' } }))],
		['churned flag on words', run(ds, cols(ds, { Plan: { role: 'churned', type: 'category' } }))],
		['which word is churned', run(ds, cols(ds, { Status: { role: 'churned' } }))],
		['no snapshot date', run(snapshots(), cols(snapshots(), { as_of: { role: 'keep' } }))],
		['no id on snapshots', run(snapshots(), cols(snapshots(), { id: { role: 'ignore' } }))],
		['numbers as dates', run(ds, cols(ds, { Logins: { type: 'date' } }))],
		[
			'words as numbers',
			run(ds, cols(ds, { Plan: { type: 'number', types: ['category', 'text', 'number'] } }))
		],
		[
			'not stored',
			run(gone, cols(gone, { Logins: { type: 'category', types: ['number', 'category'] } }))
		],
		[
			'a blank id',
			run(ds, cols(ds, { Nick: { role: 'account-id' }, CustomerId: { role: 'ignore' } }))
		],
		[
			'a repeated id',
			run(ds, cols(ds, { Plan: { role: 'account-id' }, CustomerId: { role: 'ignore' } }))
		],
		[
			'the outcome as a metric',
			run(
				ds,
				cols(ds, {
					Exited: { role: 'churned' },
					Status: { role: 'metric', type: 'boolean', churnValue: 'Churned' }
				})
			)
		],
		[
			'changes',
			run(
				ds,
				cols(ds, {
					Exited: { role: 'churned' },
					Plan: { type: 'text' },
					CustomerId: { role: 'metric', type: 'number' }
				})
			)
		]
	];
}

const DATA = ['CustomerId', 'Plan', 'Logins', 'Exited', 'Status', 'Nick', 'Gold', 'as_of', 'id'];

describe('re-mapping checks and changes, in English and Japanese', () => {
	it('every check and every change has a real case and a rendering', () => {
		const all = remapCases().flatMap(([, ns]) => ns);
		const seen = new Set<string>(all.map((n) => n.code));
		expect(REMAP_PROBLEM_CODES.filter((c) => !seen.has(c))).toEqual([]);
		expect(REMAP_CHANGE_CODES.filter((c) => !seen.has(c))).toEqual([]);
		for (const c of REMAP_PROBLEM_CODES) expect(REMAP_PROBLEMS[c], c).toBeTypeOf('function');
		for (const c of REMAP_CHANGE_CODES) expect(REMAP_CHANGES[c], c).toBeTypeOf('function');
	});

	const say = (n: RemapProblem | RemapChange, locale: 'en' | 'ja') =>
		(REMAP_CHANGE_CODES as readonly string[]).includes(n.code)
			? remapChangeText(n as RemapChange, locale)
			: remapProblemText(n as RemapProblem, locale);

	it('English says exactly what the re-mapping says', () => {
		for (const [name, ns] of remapCases()) {
			expect(ns.length, name).toBeGreaterThan(0);
			for (const n of ns) expect(say(n, 'en'), name).toBe(n.message);
		}
	});

	it('Japanese says each in Japanese, naming the column in 「」 and the stored row', () => {
		for (const [name, ns] of remapCases())
			for (const n of ns) {
				const ja = say(n, 'ja');
				expect(ja, name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
				expect(ja, name).not.toMatch(/\{\w+\}|prob\./);
				expect(englishWords(ja, DATA), `${name}: ${ja}`).toEqual([]);
				if (n.params.column) expect(ja, name).toContain(`「${n.params.column}」`);
				if (n.params.row)
					expect(ja, name).toMatch(new RegExp(`保存済みデータの.*${n.params.row} 行目`));
			}
		const [, [repeated]] = remapCases().find(([n]) => n === 'a repeated id')!;
		expect(say(repeated!, 'ja')).toBe(
			'列「Plan」はアカウント ID にできません：保存済みデータの 1 行目と 3 行目に「Gold」があります。アカウント ID は 1 つのアカウントを指す必要があります。'
		);
	});

	it('a stored column’s type note in both languages', () => {
		for (const note of ['stored-dates', 'stored-numbers'] as const) {
			expect(typeNoteText(note, 'en')).toBe(TYPE_NOTES[note]);
			expect(englishWords(typeNoteText(note, 'ja'), [])).toEqual([]);
		}
	});
});

describe('the mapping step’s sample preview, in English and Japanese', () => {
	it('a number column shows each cell read, or why it reads as no value', () => {
		const [mrr] = rowsOf(['mrr'], (_, i) => ['12.5', 'lots', '', '40'][i]!, 4).map((r) => ({
			...r,
			type: 'number' as const
		}));
		const read = samplePreview({
			...mrr!,
			profile: { ...mrr!.profile, sample: ['12.5', 'lots', ''] }
		});
		expect(read).toEqual([
			{ raw: '12.5', read: '12.5' },
			{ raw: 'lots', gap: 'unreadable' },
			{ raw: '', gap: 'missing' }
		]);
		expect(PREVIEW_GAPS.map((g) => previewGapText(g, 'en'))).toEqual(['not readable', 'missing']);
		for (const gap of PREVIEW_GAPS) expect(englishWords(previewGapText(gap, 'ja'), [])).toEqual([]);
		expect(PREVIEW_GAPS.map((g) => previewGapText(g, 'ja'))).toEqual(['読み取れません', '空欄']);
	});
});

describe('a recipe’s grid and outcome, in English and Japanese', () => {
	const grids: AsOfGrid[] = [
		{ kind: 'monthly', anchor: 'month-end', from: '2024-01-31', to: '2024-12-31' },
		{ kind: 'monthly', anchor: 'month-start', from: '2024-01-01', to: '2024-12-01' },
		{ kind: 'weekly', from: '2024-01-01', to: '2024-01-15' },
		{ kind: 'snapshot-dates', source: 'usage' },
		{ kind: 'dates', dates: ['2024-03-31'] },
		{ kind: 'dates', dates: ['2024-03-31', '2024-06-30'] }
	];
	const outcomes: OutcomeSpec[] = [
		{ kind: 'none' },
		{ kind: 'churn-log', source: 'churn_events', column: 'churned_at', reactivation: 'none' },
		{ kind: 'churn-log', source: 'churn_events', column: 'churned_at', reactivation: 'new-life' },
		{ kind: 'period-end', source: 'subscriptions', graceDays: 1, reactivation: 'none' },
		{ kind: 'period-end', source: 'subscriptions', graceDays: 30, reactivation: 'new-life' }
	];
	const NAMES = ['usage', 'churn_events', 'churned_at', 'subscriptions', 'horizon'];

	it('English is the recipe’s own description (the one exports keep), every kind', () => {
		for (const g of grids) expect(gridText(g, 'en')).toBe(describeGrid(g));
		for (const outcome of outcomes) {
			const r = ravenRecipe({ outcome });
			expect(outcomeText(r, 'en')).toBe(describeOutcome(r));
		}
	});

	it('Japanese says each in Japanese, the sources and columns named', () => {
		for (const g of grids) {
			const ja = gridText(g, 'ja');
			expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(englishWords(ja, NAMES), ja).toEqual([]);
		}
		expect(gridText(grids[0]!, 'ja')).toBe('2024-01-31 から 2024-12-31 までの毎月末');
		for (const outcome of outcomes) {
			const ja = outcomeText(ravenRecipe({ outcome }), 'ja');
			expect(ja).not.toMatch(/\{\w+\}|prob\./);
			expect(englishWords(ja, NAMES), ja).toEqual([]);
			if (outcome.kind !== 'none') expect(ja).toContain(`「${outcome.source}」`);
		}
	});
});

describe('a recipe’s features, in English and Japanese', () => {
	const PERIOD_MEASURES: PeriodMeasure[] = [
		'active',
		'value',
		'tenure',
		'days-to-renewal',
		'changes'
	];
	const r = ravenRecipe();
	const base = { id: 'f1', name: 'X' };
	const features: FeatureSpec[] = [
		...EVENT_AGGS.map(
			(agg, i): FeatureSpec =>
				({
					...base,
					kind: 'event',
					source: i % 2 ? 'support-tickets' : 'feature-usage',
					agg,
					column: agg === 'count' || agg.startsWith('days') ? undefined : 'usage_count',
					days: i % 3 ? 90 : null,
					filter:
						i === 1
							? { column: 'priority', values: ['high'] }
							: i === 2
								? { column: 'priority', values: ['high', 'urgent'] }
								: null
				}) as FeatureSpec
		),
		...PERIOD_MEASURES.flatMap((measure): FeatureSpec[] =>
			(measure === 'value'
				? (['latest', 'sum'] as const).map((combine) => ({ combine }))
				: measure === 'changes'
					? (['up', 'down'] as const).map((direction) => ({ direction, days: 90 }))
					: [{}]
			).map(
				(more) =>
					({
						...base,
						kind: 'period',
						source: 'subscriptions',
						measure,
						column: 'mrr_amount',
						...more
					}) as FeatureSpec
			)
		),
		{ ...base, kind: 'snapshot', source: 'usage-snapshots', column: 'seats' },
		{ ...base, kind: 'account', source: 'accounts', column: 'industry' }
	];
	const NAMES = [
		'usage_count',
		'priority',
		'high',
		'urgent',
		'feature-usage',
		'support-tickets',
		'submitted_at',
		'usage_date',
		'subscriptions',
		'start_date',
		'end_date',
		'mrr_amount',
		'usage-snapshots',
		'seats',
		'accounts',
		'industry'
	];

	it('English is the recipe’s own description, every aggregate and measure', () => {
		for (const f of features) expect(featureText(f, r, 'en')).toBe(describeFeature(f, r));
		// Without the recipe: the date column is "date".
		expect(featureText(features[0]!, undefined, 'en')).toBe(describeFeature(features[0]!));
	});

	it('Japanese says each in Japanese, the columns and sources as they are', () => {
		for (const f of [...features, { ...features[0]!, source: 'elsewhere' }]) {
			const ja = featureText(f, r, 'ja');
			expect(ja).toMatch(/^X = .*[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(ja).not.toMatch(/\{\w+\}|prob\./);
			expect(englishWords(ja, [...NAMES, 'elsewhere']), ja).toEqual([]);
		}
		expect(featureText(features[0]!, r, 'ja')).toBe(
			'X = `usage_date` ≤ T（全履歴）である feature-usage の行の数'
		);
	});
});
