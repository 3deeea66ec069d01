/**
 * What the import and sources side reports as codes and figures, said in a language: why a row
 * kind was detected, how dates with times are read, the checks and changes of a re-mapping, a
 * recipe's grid and outcome (the English is `lib/sources/describe`'s, which exports keep). Every code has a renderer (the `Record` types
 * fail the type check when a code is added); `data-text.test.ts` renders each in both languages.
 * The UI calls these with the UI language (a reactive read); tests pass a locale.
 */
import { i18n, tIn, type Locale, type MessageKey } from './i18n.svelte';
import type { GrainNoteCode, GrainWhy, GrainWhyCode, TimeReading } from '$lib/state/import-grain';
import type {
	RemapChange,
	RemapChangeCode,
	RemapProblem,
	RemapProblemCode,
	RemapTypeNote
} from '$lib/data/remap';
import { LIST_SEP } from '$lib/data/csv/build';
import type { ColumnRole, ColumnType } from '$lib/data/dataset';
import type { PreviewGap } from '$lib/state/import-mapping';
import type { AsOfGrid, FeatureSpec, Recipe } from '$lib/sources/types';
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
		cols.map((name) => tIn(locale, 'prob.name', { name })).join(tIn(locale, 'prob.time.sep'));
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

// ----- re-mapping a stored dataset ----------------------------------------------------------

/** A role in a re-mapping message ("churned flag", "ignored column"). */
export function roleWords(role: ColumnRole, locale: Locale = i18n.locale): string {
	return role === 'keep' || role === 'ignore'
		? tIn(locale, `prob.rm.role.${role}`)
		: tIn(locale, `dt.role.${role}`);
}

/** A type in a re-mapping message ("yes/no"). */
export function typeWords(type: ColumnType, locale: Locale = i18n.locale): string {
	return tIn(locale, `prob.rm.type.${type}`);
}

/** Why a stored column cannot change type, in words. */
export function typeNoteText(note: RemapTypeNote, locale: Locale = i18n.locale): string {
	return tIn(locale, `prob.rm.note.${note}`);
}

type SayRemap = (p: Params, locale: Locale) => string;

const row = (p: Params, key: string, locale: Locale) =>
	tIn(locale, 'prob.rm.row', { row: p[key]! });
const role = (p: Params, key: string, locale: Locale) => roleWords(p[key] as ColumnRole, locale);
const type = (p: Params, key: string, locale: Locale) => typeWords(p[key] as ColumnType, locale);

/** Every re-mapping check (`RemapProblemCode`), in words. */
export const REMAP_PROBLEMS: Record<RemapProblemCode, SayRemap> = {
	'single-role': (p, locale) =>
		tIn(locale, 'prob.rm.single-role', {
			role: role(p, 'role', locale),
			columns: String(p.columns)
				.split(LIST_SEP)
				.map((name) => tIn(locale, 'prob.name', { name }))
				.join(tIn(locale, 'prob.listAnd'))
		}),
	'date-role-type': (p, locale) =>
		tIn(locale, p.canDate ? 'prob.rm.date-role-type.canDate' : 'prob.rm.date-role-type', {
			column: p.column!,
			type: type(p, 'type', locale),
			role: role(p, 'role', locale)
		}),
	'churned-type': (p, locale) =>
		tIn(locale, p.canBoolean ? 'prob.rm.churned-type.canBoolean' : 'prob.rm.churned-type', {
			column: p.column!
		}),
	'no-time-column': (p, locale) =>
		tIn(
			locale,
			p.grain === 'snapshot'
				? 'prob.rm.no-time-column.snapshot'
				: p.grain === 'period'
					? 'prob.rm.no-time-column.period'
					: 'prob.rm.no-time-column.event',
			{ role: role(p, 'role', locale) }
		),
	'no-account-id': (_, locale) => tIn(locale, 'prob.rm.no-account-id'),
	'cannot-read-stored': (p, locale) =>
		p.note
			? tIn(locale, 'prob.rm.cannot-read-stored.note', {
					column: p.column!,
					type: type(p, 'type', locale),
					note: typeNoteText(p.note as RemapTypeNote, locale)
				})
			: tIn(locale, 'prob.rm.cannot-read-stored', {
					column: p.column!,
					type: type(p, 'type', locale)
				}),
	'churn-words': (p, locale) => tIn(locale, 'prob.rm.churn-words', { column: p.column! }),
	'cannot-read': (p, locale) =>
		tIn(locale, 'prob.rm.cannot-read', { column: p.column!, type: type(p, 'type', locale) }),
	'not-stored': (p, locale) => tIn(locale, 'prob.rm.not-stored', { column: p.column! }),
	'blank-id': (p, locale) =>
		tIn(locale, 'prob.rm.blank-id', { column: p.column!, row: row(p, 'row', locale) }),
	'repeated-id': (p, locale) =>
		tIn(locale, 'prob.rm.repeated-id', {
			column: p.column!,
			id: p.id!,
			first: row(p, 'first', locale),
			row: row(p, 'row', locale),
			sameDate: p.sameDate ? tIn(locale, 'prob.rm.sameDate') : '',
			perSnapshot: p.perSnapshot ? tIn(locale, 'prob.rm.perSnapshot') : ''
		}),
	'metric-is-outcome': (p, locale) =>
		tIn(locale, 'prob.rm.metric-is-outcome', { column: p.column!, churned: p.churned! })
};

/** Every change a re-mapping reports (`RemapChangeCode`), in words. */
export const REMAP_CHANGES: Record<RemapChangeCode, SayRemap> = {
	'row-numbers': (_, locale) => tIn(locale, 'prob.rm.ch.row-numbers'),
	role: (p, locale) =>
		tIn(locale, 'prob.rm.ch.role', {
			column: p.column!,
			from: role(p, 'from', locale),
			to: role(p, 'to', locale)
		}),
	type: (p, locale) =>
		tIn(locale, 'prob.rm.ch.type', {
			column: p.column!,
			from: type(p, 'from', locale),
			to: type(p, 'to', locale)
		})
};

/** A re-mapping check that failed, in `locale` (the UI language by default). */
export function remapProblemText(p: RemapProblem, locale: Locale = i18n.locale): string {
	return REMAP_PROBLEMS[p.code](p.params, locale);
}

/** A change a re-mapping makes, in `locale` (the UI language by default). */
export function remapChangeText(c: RemapChange, locale: Locale = i18n.locale): string {
	return REMAP_CHANGES[c.code](c.params, locale);
}

// ----- the mapping step's sample preview -----------------------------------------------------

/** Each sample cell that reads as no value, in words ("not readable", "missing"). */
export const PREVIEW_GAP_KEYS: Record<PreviewGap, MessageKey> = {
	unreadable: 'prob.preview.unreadable',
	missing: 'prob.preview.missing'
};

/** A sample cell that reads as no value, in `locale` (the UI language by default). */
export function previewGapText(gap: PreviewGap, locale: Locale = i18n.locale): string {
	return tIn(locale, PREVIEW_GAP_KEYS[gap]);
}

// ----- a recipe's grid and outcome, as the Sources screen shows them ----------------------------

/** The as-of grid in words ("Every month end from 2024-01-31 to 2024-12-31"). */
export function gridText(grid: AsOfGrid, locale: Locale = i18n.locale): string {
	switch (grid.kind) {
		case 'monthly':
			return tIn(
				locale,
				grid.anchor === 'month-end' ? 'prob.src.grid.monthEnd' : 'prob.src.grid.monthStart',
				{ from: grid.from, to: grid.to }
			);
		case 'weekly':
			return tIn(locale, 'prob.src.grid.weekly', { from: grid.from, to: grid.to });
		case 'snapshot-dates':
			return tIn(locale, 'prob.src.grid.snapshots', { source: grid.source });
		case 'dates':
			return tIn(
				locale,
				grid.dates.length === 1 ? 'prob.src.grid.dates.one' : 'prob.src.grid.dates',
				{
					n: int(grid.dates.length)
				}
			);
	}
}

/** How churn and reactivation are counted, in words (beside the outcome). */
export function outcomeText(recipe: Pick<Recipe, 'outcome'>, locale: Locale = i18n.locale): string {
	const o = recipe.outcome;
	if (o.kind === 'none') return tIn(locale, 'prob.src.out.none');
	const base =
		o.kind === 'churn-log'
			? tIn(locale, 'prob.src.out.log', { column: o.column, source: o.source })
			: tIn(locale, o.graceDays === 1 ? 'prob.src.out.periods.one' : 'prob.src.out.periods', {
					source: o.source,
					days: int(o.graceDays)
				});
	const re =
		o.reactivation === 'none'
			? 'prob.src.out.final'
			: o.kind === 'churn-log'
				? 'prob.src.out.newLife.log'
				: 'prob.src.out.newLife.periods';
	return base + tIn(locale, 'prob.src.out.rows') + tIn(locale, re);
}

/** One feature in words, the source's date columns named from the recipe (as `describeFeature`). */
export function featureText(f: FeatureSpec, recipe?: Recipe, locale: Locale = i18n.locale): string {
	const say = (key: MessageKey, p: Params = {}) => tIn(locale, key, p);
	const src = recipe?.sources.find((s) => s.name === f.source);
	const dateCol = src ? (src.grain === 'period' ? src.start : src.time) : null;
	const dated = dateCol ? `\`${dateCol}\`` : say('prob.src.f.date');
	const head = `${f.name} = `;
	const col = 'column' in f && f.column ? `\`${f.column}\`` : '';
	const window = (days: number | null | undefined) =>
		days == null ? say('prob.src.f.win.all') : say('prob.src.f.win.days', { days });
	if (f.kind === 'event') {
		let filter = '';
		if (f.filter) {
			const vals = f.filter.values.map((v) => `"${v}"`);
			filter =
				vals.length === 1
					? say('prob.src.f.filter.one', { column: f.filter.column, value: vals[0]! })
					: say('prob.src.f.filter.many', { column: f.filter.column, values: vals.join(', ') });
		}
		const rows = say('prob.src.f.rows', {
			source: f.source,
			dated,
			window: window(f.days),
			filter
		});
		return say(`prob.src.f.event.${f.agg}`, { head, col, rows });
	}
	if (f.kind === 'period') {
		const end = src?.end ? `\`${src.end}\`` : say('prob.src.f.end');
		const covers = say('prob.src.f.covers', { source: f.source, dated, end });
		const p = { head, col, covers, end, source: f.source, dated };
		switch (f.measure) {
			case 'active':
				return say('prob.src.f.active', p);
			case 'value':
				return say(f.combine === 'sum' ? 'prob.src.f.value.sum' : 'prob.src.f.value.latest', p);
			case 'tenure':
				return say('prob.src.f.tenure', p);
			case 'days-to-renewal':
				return say('prob.src.f.renewal', p);
			case 'changes':
				return say(f.direction === 'down' ? 'prob.src.f.changes.down' : 'prob.src.f.changes.up', {
					...p,
					window: window(f.days)
				});
		}
	}
	if (f.kind === 'snapshot')
		return say('prob.src.f.snapshot', { head, col, source: f.source, dated });
	return say('prob.src.f.static', { head, col, source: f.source });
}
