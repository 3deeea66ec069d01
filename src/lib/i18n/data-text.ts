/**
 * What the import and sources side reports as codes and figures, said in a language: why a row
 * kind was detected, how dates with times are read. Every code has a renderer (the `Record` types
 * fail the type check when a code is added); `data-text.test.ts` renders each in both languages.
 * The UI calls these with the UI language (a reactive read); tests pass a locale.
 */
import { i18n, tIn, type Locale, type MessageKey } from './i18n.svelte';
import type { GrainNoteCode, GrainWhy, GrainWhyCode, TimeReading } from '$lib/state/import-grain';
import * as fmt from '$lib/ui/format';

type Params = Record<string, string | number>;

const int = (x: number | undefined) => fmt.integer(x ?? NaN);

/** Each note on why a repeated column is the key, by code. */
export const GRAIN_NOTES: Record<GrainNoteCode, MessageKey> = {
	'row-id-unique': 'prob.grain.note.row-id-unique',
	'no-id-name': 'prob.grain.note.no-id-name'
};

/** "“account_id” repeats: 3 rows, 2 distinct ids", with the note on the key before it. */
function repeats(w: GrainWhy, locale: Locale): string {
	const sampled = w.sampled ? tIn(locale, 'prob.grain.sampled') : '';
	const said = tIn(locale, 'prob.grain.repeats', {
		key: w.key ?? '',
		rows: int(w.rows),
		distinct: `${int(w.distinct)}${w.capped ? '+' : ''}`,
		sampled
	});
	if (!w.note) return said;
	const { code, ...names } = w.note;
	return tIn(locale, 'prob.grain.noted', {
		note: tIn(locale, GRAIN_NOTES[code], names as Params),
		repeats: said
	});
}

type SayGrain = (w: GrainWhy, locale: Locale) => string;

const withRepeats =
	(key: MessageKey, more: (w: GrainWhy) => Params = () => ({})): SayGrain =>
	(w, locale) =>
		tIn(locale, key, { repeats: repeats(w, locale), date: w.date ?? '', ...more(w) });

/** Every reason a grain is detected (`GrainWhyCode`), in words. */
export const GRAIN_REASONS: Record<GrainWhyCode, SayGrain> = {
	'no-id': (_, locale) => tIn(locale, 'prob.grain.no-id'),
	'snapshot-date': (w, locale) => tIn(locale, 'prob.grain.snapshot-date', { date: w.date ?? '' }),
	once: (w, locale) =>
		tIn(locale, 'prob.grain.once', {
			key: w.key ?? '',
			rows: int(w.rows),
			sampled: w.sampled ? tIn(locale, 'prob.grain.sampled') : ''
		}),
	'repeats-snapshot': withRepeats('prob.grain.repeats-snapshot'),
	'repeats-period': withRepeats('prob.grain.repeats-period', (w) => ({ end: w.end ?? '' })),
	'repeats-panel': withRepeats('prob.grain.repeats-panel', (w) => ({
		dates: int(w.dates),
		ids: int(w.distinct),
		rows: int(w.rows)
	})),
	'repeats-event': withRepeats('prob.grain.repeats-event'),
	'repeats-no-date': withRepeats('prob.grain.repeats-no-date')
};

/** Why the grain was detected, in `locale` (the UI language by default). */
export function grainReasonText(w: GrainWhy, locale: Locale = i18n.locale): string {
	return GRAIN_REASONS[w.code](w, locale);
}

/** How dates with times are read ("“closed_at” has times without a zone: read as UTC time. …"). */
export function timeReadingText(r: TimeReading, locale: Locale = i18n.locale): string {
	const names = (cols: string[]) =>
		cols.map((name) => tIn(locale, 'prob.time.name', { name })).join(tIn(locale, 'prob.time.sep'));
	const parts: string[] = [];
	if (r.naive.length)
		parts.push(
			tIn(locale, r.naive.length > 1 ? 'prob.time.naive.many' : 'prob.time.naive', {
				names: names(r.naive),
				zone: r.zone
			})
		);
	if (r.offset.length)
		parts.push(
			tIn(locale, r.offset.length > 1 ? 'prob.time.offset.many' : 'prob.time.offset', {
				names: names(r.offset),
				zone: r.zone
			})
		);
	return tIn(locale, 'prob.time.note', {
		parts: parts.join(tIn(locale, 'prob.time.and')),
		zone: r.zone
	});
}
