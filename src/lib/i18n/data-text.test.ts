// The import side's reasons in both languages: every way a row kind is detected, and every way
// dates with times are read, produced here from a real small table (profiled as the parse worker
// does), said in English in the words the import tests expect, and in Japanese with no English
// word left but the column names and the time zone. A new code without a case fails.
import { describe, expect, it } from 'vitest';
import { raw } from '../data/csv/testing/helpers';
import { profileRaw } from '$lib/data/csv/infer';
import { rowsFromProfiles, type MappingRow } from '$lib/state/import-mapping';
import {
	GRAIN_NOTE_CODES,
	GRAIN_WHY_CODES,
	detectGrain,
	timeStatement,
	type GrainWhy
} from '$lib/state/import-grain';
import { GRAIN_NOTES, GRAIN_REASONS, grainReasonText, timeReadingText } from './data-text';

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
