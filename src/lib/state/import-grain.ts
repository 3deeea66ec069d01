/**
 * What one row of an imported file is (account, snapshot, event, period): detected from the
 * column profiles and explained as a code with the names and counts it rests on (worded in the UI
 * language by src/lib/i18n/data-text.ts), then applied to the mapping as roles (key, event time,
 * period start / end). Pure; tested in import-grain.test.ts.
 */
import type { ColumnRole, Grain } from '$lib/data/dataset';
import { timeKind } from '$lib/data/csv/timezone';
import { isEntityName, isRowIdName } from '$lib/sources/detect';
import type { MappingRow } from './import-mapping';

/**
 * Why a grain was detected, as a code and the names and counts it rests on; said in words by
 * `grainReasonText` (src/lib/i18n/data-text.ts) in the UI language.
 */
export const GRAIN_WHY_CODES = [
	'no-id',
	'snapshot-date',
	'once',
	'repeats-snapshot',
	'repeats-period',
	'repeats-panel',
	'repeats-event',
	'repeats-no-date'
] as const;
export type GrainWhyCode = (typeof GRAIN_WHY_CODES)[number];

/** Why a repeated column was taken as the key when its name does not say so. */
export const GRAIN_NOTE_CODES = ['row-id-unique', 'no-id-name'] as const;
export type GrainNoteCode = (typeof GRAIN_NOTE_CODES)[number];

export interface GrainWhy {
	code: GrainWhyCode;
	/** The key column. */
	key?: string;
	/** Rows the key's distinct count was taken over, and the distinct ids. */
	rows?: number;
	distinct?: number;
	/** More distinct ids than were counted ("50+"). */
	capped?: boolean;
	/** Counted in a sample of the rows. */
	sampled?: boolean;
	note?: { code: GrainNoteCode; named?: string; key: string };
	/** The snapshot date, period start and end, panel date or event time column. */
	date?: string;
	end?: string;
	/** Distinct dates of a panel's date column. */
	dates?: number;
}

export interface GrainGuess {
	grain: Grain;
	/** Why (“account_id” repeats: 2,000 rows, 492 distinct ids; each row is dated by “submitted_at”). */
	why: GrainWhy;
}

const START =
	/(^|[\s_-])(start(ed)?|begin(s|ning)?|from|effective|valid[\s_-]?from)([\s_-]|$)|^start/i;
const END = /(^|[\s_-])(end(ed|s)?|until|to|expir(y|es|ation)|valid[\s_-]?to|stop)([\s_-]|$)|^end/i;
const ID_NAME = /(^|[\s_-])(id|key|code|number|no)$/i;
const TIME_NAME = /_at$|time|stamp|date|day|when/i;

/** Rows a profile's distinct count was taken over (a sample on big files). */
function seen(r: MappingRow): number {
	const p = r.profile;
	return p.sampledRows ? Math.round(p.sampledRows * (1 - p.missingShare)) : p.rows - p.missing;
}

function unique(r: MappingRow): boolean {
	// A sampled profile marks every column over 50 distinct values as capped; its count is
	// still exact over the sample.
	const p = r.profile;
	return (p.sampledRows !== undefined || !p.distinctCapped) && p.distinct >= seen(r);
}

interface KeyPick {
	row: MappingRow;
	/** Why this column, when its name does not say it ("No column is named like an id; …"). */
	note?: GrainWhy['note'];
}

/** Whole numbers of one length (`10482`, `10517`): an id, not a measure. */
function idNumbers(r: MappingRow): boolean {
	const p = r.profile;
	return (
		r.type === 'number' &&
		p.integer &&
		p.min !== null &&
		p.max !== null &&
		p.min >= 0 &&
		String(p.min).length === String(p.max).length
	);
}

/**
 * A column that keys repeated rows without an id-like name: text or category values, or whole
 * numbers of one length, complete and repeating; the one with the most distinct values
 * (whoever the rows are about has more values than a type or a status column).
 */
function repeatedKey(rows: readonly MappingRow[]): MappingRow | null {
	const fits = rows.filter(
		(r) =>
			(r.type === 'text' || r.type === 'category' || idNumbers(r)) &&
			r.profile.missing === 0 &&
			!r.profile.rowIndex &&
			r.profile.distinct >= 2 &&
			!unique(r)
	);
	if (fits.length === 0) return null;
	return fits.reduce((a, b) => (b.profile.distinct > a.profile.distinct ? b : a));
}

function pickKey(rows: readonly MappingRow[]): KeyPick | null {
	const mapped = rows.find((r) => r.role === 'account-id');
	// A mapped id that only names its row (`event_id`, unique) yields to a key that repeats.
	if (mapped && !(unique(mapped) && isRowIdName(mapped.name))) return { row: mapped };
	const candidates = rows.filter(
		(r) =>
			r.type !== 'date' &&
			r.type !== 'boolean' &&
			(ID_NAME.test(r.name.trim()) || isEntityName(r.name) || r.profile.idLike) &&
			r.profile.missing === 0
	);
	const named = candidates.length
		? candidates.reduce((a, b) => (b.profile.distinct < a.profile.distinct ? b : a))
		: null;
	const dated = rows.some((r) => r.type === 'date');
	// Only the row's own id (`event_id`, unique) or no key-like name at all: a repeated column
	// beside a date is whoever the rows are about (`user`, `who`).
	if (dated && (!named || (unique(named) && isRowIdName(named.name)))) {
		const alt = repeatedKey(rows);
		if (alt)
			return {
				row: alt,
				note: named
					? { code: 'row-id-unique', named: named.name, key: alt.name }
					: { code: 'no-id-name', key: alt.name }
			};
	}
	return named ? { row: named } : null;
}

/** The distinct count is over every row (not a sample, not capped). */
function exactCounts(r: MappingRow): boolean {
	return !r.profile.sampledRows && !r.profile.distinctCapped;
}

/**
 * The key column: the one mapped as the id, else the id-named, entity-named (`user`, `org`,
 * `Kundennummer`) or id-like column with the most repeats (feature usage: `subscription_id`, not
 * the nearly unique `usage_id`); with no such name, a repeated text / id-number column beside a
 * date column.
 */
export function keyColumn(rows: readonly MappingRow[]): MappingRow | null {
	return pickKey(rows)?.row ?? null;
}

/** Date columns, the most time-like name first. */
function dateColumns(rows: readonly MappingRow[]): MappingRow[] {
	return rows
		.filter((r) => r.type === 'date')
		.sort((a, b) => Number(TIME_NAME.test(b.name)) - Number(TIME_NAME.test(a.name)));
}

/** Detects the grain from the profiles. */
export function detectGrain(rows: readonly MappingRow[]): GrainGuess {
	const pick = pickKey(rows);
	if (!pick) return { grain: 'account', why: { code: 'no-id' } };
	const key = pick.row;
	const sampled = !!key.profile.sampledRows;
	const snap = rows.find((r) => r.role === 'snapshot-date');
	if (snap && unique(key))
		return { grain: 'snapshot', why: { code: 'snapshot-date', date: snap.name } };
	if (unique(key))
		return {
			grain: 'account',
			why: { code: 'once', key: key.name, rows: key.profile.distinct, sampled }
		};
	const repeats = {
		key: key.name,
		rows: seen(key),
		distinct: key.profile.distinct,
		capped: key.profile.distinctCapped,
		sampled,
		...(pick.note ? { note: pick.note } : {})
	};
	const dates = dateColumns(rows);
	if (snap)
		return { grain: 'snapshot', why: { code: 'repeats-snapshot', ...repeats, date: snap.name } };
	const start = dates.find((r) => START.test(r.name));
	const end = dates.find((r) => r !== start && END.test(r.name));
	if (start && end)
		return {
			grain: 'period',
			why: { code: 'repeats-period', ...repeats, date: start.name, end: end.name }
		};
	// A full panel: every id on every one of a few shared dates (ids × dates = rows).
	const panel = exactCounts(key)
		? dates.find(
				(r) =>
					exactCounts(r) &&
					r.profile.missing === 0 &&
					r.profile.distinct >= 2 &&
					r.profile.distinct * key.profile.distinct === seen(key)
			)
		: undefined;
	if (panel)
		return {
			grain: 'snapshot',
			why: { code: 'repeats-panel', ...repeats, date: panel.name, dates: panel.profile.distinct }
		};
	const time = dates[0];
	if (time) return { grain: 'event', why: { code: 'repeats-event', ...repeats, date: time.name } };
	return { grain: 'event', why: { code: 'repeats-no-date', ...repeats } };
}

/** Roles that only make sense for some grains. */
const GRAIN_ROLES: Record<Grain, ColumnRole[]> = {
	account: [],
	snapshot: ['snapshot-date'],
	event: ['event-time'],
	period: ['period-start', 'period-end']
};

/**
 * Sets the roles a grain needs (mutates `rows`): the key column as `account-id`, and the event
 * time / period start and end / snapshot date from the date columns when none is mapped yet.
 * Roles of the other grains go back to `ignore` (their columns stay as dates).
 */
export function applyGrain(rows: MappingRow[], grain: Grain): void {
	const key = keyColumn(rows);
	if (key && key.role !== 'account-id') {
		for (const r of rows) if (r.role === 'account-id') r.role = 'ignore';
		key.role = 'account-id';
	}
	const own = GRAIN_ROLES[grain];
	for (const r of rows)
		if (r.role !== 'account-id' && isTimeRole(r.role) && !own.includes(r.role)) r.role = 'ignore';
	// Free date columns first; then an outcome date (a churn log's churn date is its event time).
	const free = () => {
		const dates = dateColumns(rows);
		const open = dates.filter(
			(r) => r.role === 'ignore' || r.role === 'metric' || r.role === 'keep'
		);
		return open.length > 0
			? open
			: dates.filter((r) => r.role.endsWith('-date') && !isTimeRole(r.role));
	};
	const put = (role: ColumnRole, pick: (r: MappingRow) => boolean) => {
		if (rows.some((r) => r.role === role)) return;
		const r = free().find(pick) ?? null;
		if (r) r.role = role;
	};
	if (grain === 'event') put('event-time', () => true);
	if (grain === 'snapshot') put('snapshot-date', () => true);
	if (grain === 'period') {
		put('period-start', (r) => START.test(r.name));
		put('period-end', (r) => END.test(r.name));
		put('period-start', () => true);
	}
	// Events and periods keep their other columns (ids to link through, categories to filter
	// and count); an account list or a snapshot keeps the wizard's usual choices.
	if (grain === 'event' || grain === 'period')
		for (const r of rows) if (r.role === 'ignore' && r.profile.missingShare < 1) r.role = 'keep';
}

function isTimeRole(role: ColumnRole): boolean {
	return (
		role === 'snapshot-date' ||
		role === 'event-time' ||
		role === 'period-start' ||
		role === 'period-end'
	);
}

/** How the dates with times are read: the columns with times without a zone, and with one. */
export interface TimeReading {
	/** Date columns holding times without a zone: read as `zone` time. */
	naive: string[];
	/** Date columns holding times with an offset: converted to `zone`. */
	offset: string[];
	zone: string;
}

/**
 * How the dates with times are read ("“closed_at” has times without a zone: read as UTC time …",
 * said by `timeReadingText`), or null when no date column holds a time.
 */
export function timeStatement(rows: readonly MappingRow[], zone: string): TimeReading | null {
	const naive: string[] = [];
	const offset: string[] = [];
	for (const r of rows) {
		if (r.type !== 'date') continue;
		const kind = timeKind(r.profile.sample);
		if (kind === 'time') naive.push(r.name);
		if (kind === 'time-offset') offset.push(r.name);
	}
	if (naive.length === 0 && offset.length === 0) return null;
	return { naive, offset, zone };
}
