/**
 * The feature build: a recipe and its sources → the modelling table, one row per account (life)
 * per as-of day T, one column per feature, and the outcome columns the backtest reads.
 *
 * Point in time: a feature at T reads only rows dated ≤ T (events by their date, periods by
 * their start, snapshots by their date); windows are `(T − N, T]`. Typed arrays throughout: each
 * event source's rows are sorted once by (account, day) with two counting sorts, then every
 * account's rows are swept with two pointers as T moves forward.
 *
 * Outcome and lives: see `lives.ts`. The backtest (`backtest/select.ts`) takes an account's
 * churn day as the earliest over its rows and drops accounts churned on or before T, so each
 * life is its own id and carries its own churn day, and a life has rows only while T < churn day.
 */
import type { CategoryColumn, Column, ColumnTable, NumberColumn } from '$lib/model/types';
import {
	dayValues,
	filterMask,
	keyText,
	mapKeys,
	sourceColumn,
	sourceColumnNames,
	valueColumn,
	type SourceColumn,
	type ValueColumn
} from './columns';
import { describeFeature, describeOutcome } from './describe';
import { gridDays, isoDay } from './grid';
import { computeLives, type Life } from './lives';
import {
	BUILT_COLUMNS,
	LIFE_SEPARATOR,
	type BuiltColumn,
	type BuiltTable,
	type EventFeature,
	type FeatureSpec,
	type OrphanCount,
	type PeriodFeature,
	type Recipe,
	type SourceIssue,
	type SourceSpec,
	type SourceTable
} from './types';
import { checkRecipeColumns, recipeIssues } from './validate';

/** A stored dataset's shape, structurally (this module does not import the app's data layer). */
export interface DatasetLike {
	ids: readonly string[];
	table: ColumnTable;
	meta: { columns: readonly { name: string; role: string }[] };
}

/** A stored dataset seen as a source (no copy). */
export function fromDataset(name: string, ds: DatasetLike): SourceTable {
	const idColumn = ds.meta.columns.find((c) => c.role === 'account-id')?.name ?? null;
	return { name, ids: idColumn ? ds.ids : null, idColumn, table: ds.table };
}

/** One source resolved: account index per row, days per row. */
export interface Resolved {
	spec: SourceSpec;
	src: SourceTable;
	n: number;
	/** Account index per row, −1 = orphan (or blank key). */
	acct: Int32Array;
	/** Event / snapshot day, or period start, per row (NaN = none). */
	day: Float64Array;
	/** Period end per row (NaN = open). */
	end: Float64Array | null;
	/** Row is usable (has account, a readable date where one is needed, end ≥ start). */
	ok: Uint8Array;
}

/** Account universe and every source resolved to it. */
export interface Resolution {
	accountIds: string[];
	accountIndex: Map<string, number>;
	sources: Map<string, Resolved>;
	orphans: OrphanCount[];
	issues: SourceIssue[];
	dataEndDay: number;
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Resolve keys (with links) to the account universe; count orphans; read days. */
export function resolveSources(recipe: Recipe, tables: readonly SourceTable[]): Resolution {
	const issues: SourceIssue[] = [];
	const byName = new Map(tables.map((t) => [t.name, t]));
	const specs = new Map(recipe.sources.map((s) => [s.name, s]));
	const accountIds: string[] = [];
	const accountIndex = new Map<string, number>();
	const add = (k: string): number => {
		let a = accountIndex.get(k);
		if (a === undefined) {
			a = accountIds.length;
			accountIndex.set(k, a);
			accountIds.push(k);
		}
		return a;
	};
	// 1. The account universe.
	if (recipe.accounts !== null) {
		const spec = specs.get(recipe.accounts)!;
		const src = byName.get(spec.name)!;
		const col = sourceColumn(src, spec.key)!;
		let dup = 0;
		let firstDup = -1;
		let blank = 0;
		for (let i = 0; i < src.table.n; i++) {
			const k = keyText(col, i);
			if (k.trim() === '') {
				blank++;
				continue;
			}
			if (accountIndex.has(k)) {
				dup++;
				if (firstDup < 0) firstDup = i;
			} else add(k);
		}
		if (dup)
			issues.push({
				severity: 'warning',
				source: spec.name,
				column: spec.key,
				row: firstDup + 1,
				rows: dup,
				code: 'list-duplicate-ids',
				params: { name: spec.name, n: dup, key: spec.key, row: firstDup + 1 },
				message: `The account list "${spec.name}" repeats ${plural(dup, 'id')} in column "${spec.key}" (first on row ${(firstDup + 1).toLocaleString('en-US')}): the first row of each account is used.`
			});
		if (blank)
			issues.push({
				severity: 'warning',
				source: spec.name,
				column: spec.key,
				rows: blank,
				code: 'list-blank-keys',
				params: { name: spec.name, n: blank, key: spec.key },
				message: `The account list "${spec.name}" has ${plural(blank, 'row')} with a blank "${spec.key}": they are not accounts.`
			});
	}
	const open = recipe.accounts === null;
	const lookupAccount = (k: string) => (open ? add(k) : (accountIndex.get(k) ?? -1));
	// 2. Sources keyed directly first (links go through them), then linked ones.
	const resolved = new Map<string, Resolved>();
	const orphans: OrphanCount[] = [];
	const order = [...recipe.sources.filter((s) => !s.link), ...recipe.sources.filter((s) => s.link)];
	let dataEnd = -Infinity;
	for (const spec of order) {
		const src = byName.get(spec.name)!;
		const n = src.table.n;
		const keyCol = sourceColumn(src, spec.key)!;
		let acct: Int32Array;
		if (spec.link) {
			const via = resolved.get(spec.link.via)!;
			const linkCol = sourceColumn(via.src, spec.link.column)!;
			const map = new Map<string, number>();
			for (let i = 0; i < via.n; i++) {
				const k = keyText(linkCol, i);
				if (k !== '' && !map.has(k)) map.set(k, via.acct[i]!);
			}
			acct = mapKeys(keyCol, n, (k) => map.get(k) ?? -1);
		} else acct = mapKeys(keyCol, n, lookupAccount);
		// Orphans: rows with no account.
		let rows = 0;
		const keys = new Set<string>();
		for (let i = 0; i < n; i++)
			if (acct[i]! < 0) {
				rows++;
				if (keys.size < 100_000) keys.add(keyText(keyCol, i));
			}
		orphans.push({
			source: spec.name,
			rows,
			keys: keys.size,
			examples: [...keys].filter((k) => k !== '').slice(0, 5)
		});
		if (n > 0 && rows === n)
			issues.push({
				severity: 'error',
				source: spec.name,
				column: spec.key,
				...(spec.link
					? {
							code: 'link-matches-nothing' as const,
							params: {
								key: spec.key,
								name: spec.name,
								column: spec.link.column,
								via: spec.link.via
							}
						}
					: {
							code: 'key-matches-nothing' as const,
							params: { key: spec.key, name: spec.name }
						}),
				message: spec.link
					? `No value of "${spec.key}" in "${spec.name}" is found in column "${spec.link.column}" of "${spec.link.via}": the link matches nothing.`
					: `No value of "${spec.key}" in "${spec.name}" is an account id of the account list: the key matches nothing.`
			});
		// Days.
		const timeCol =
			spec.grain === 'period' ? spec.start : spec.grain === 'account' ? spec.time : spec.time;
		const day = dayValues(timeCol ? sourceColumn(src, timeCol) : null, n);
		const end =
			spec.grain === 'period' && spec.end ? dayValues(sourceColumn(src, spec.end), n) : null;
		const ok = new Uint8Array(n);
		let noDate = 0;
		let firstNoDate = -1;
		let backwards = 0;
		let firstBackwards = -1;
		const needsDay = spec.grain !== 'account';
		for (let i = 0; i < n; i++) {
			if (acct[i]! < 0) continue;
			const d = day[i]!;
			if (needsDay && Number.isNaN(d)) {
				noDate++;
				if (firstNoDate < 0) firstNoDate = i;
				continue;
			}
			if (end && end[i]! < d) {
				backwards++;
				if (firstBackwards < 0) firstBackwards = i;
				continue;
			}
			ok[i] = 1;
			if (d > dataEnd) dataEnd = d;
			if (end && end[i]! > dataEnd) dataEnd = end[i]!;
		}
		if (noDate)
			issues.push({
				severity: 'warning',
				source: spec.name,
				column: timeCol ?? undefined,
				row: firstNoDate + 1,
				rows: noDate,
				code: 'no-date',
				params: { n: noDate, name: spec.name, column: String(timeCol), row: firstNoDate + 1 },
				message: `${plural(noDate, 'row')} of "${spec.name}" ${noDate === 1 ? 'has' : 'have'} no readable date in "${timeCol}" (first: row ${(firstNoDate + 1).toLocaleString('en-US')}): left out of every feature.`
			});
		if (backwards)
			issues.push({
				severity: 'warning',
				source: spec.name,
				column: spec.end ?? undefined,
				row: firstBackwards + 1,
				rows: backwards,
				code: 'period-backwards',
				params: {
					n: backwards,
					name: spec.name,
					end: String(spec.end),
					start: String(spec.start),
					row: firstBackwards + 1
				},
				message: `${plural(backwards, 'period')} of "${spec.name}" ${backwards === 1 ? 'ends' : 'end'} ("${spec.end}") before ${backwards === 1 ? 'it starts' : 'they start'} ("${spec.start}") (first: row ${(firstBackwards + 1).toLocaleString('en-US')}): left out.`
			});
		resolved.set(spec.name, { spec, src, n, acct, day, end, ok });
	}
	if (recipe.outcome.kind === 'churn-log') {
		const r = resolved.get(recipe.outcome.source);
		if (r && r.spec.time !== recipe.outcome.column) {
			// The churn date column may differ from the log's event date column.
			const d = dayValues(sourceColumn(r.src, recipe.outcome.column), r.n);
			for (let i = 0; i < r.n; i++) if (r.acct[i]! >= 0 && d[i]! > dataEnd) dataEnd = d[i]!;
		}
	}
	const dataEndDay = recipe.dataEnd ? isoDay(recipe.dataEnd) : dataEnd;
	return { accountIds, accountIndex, sources: resolved, orphans, issues, dataEndDay };
}

/**
 * Rows of one source (that pass `mask`) sorted by (account, day): `start[a]..start[a+1]` are
 * account a's rows in `rows`, days ascending (ties in file order). Two stable counting sorts.
 */
export interface Grouped {
	rows: Int32Array;
	day: Float64Array;
	start: Int32Array;
}

export function groupByAccount(r: Resolved, accounts: number, mask: Uint8Array | null): Grouped {
	const n = r.n;
	const rd = r.day;
	const ok = r.ok;
	const acct = r.acct;
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < n; i++) {
		if (ok[i] === 0 || (mask !== null && mask[i] === 0)) continue;
		const d = rd[i]!;
		if (d !== d) continue;
		if (d < lo) lo = d;
		if (d > hi) hi = d;
	}
	// Day offset per usable row (−1 = left out), as small integers for the counting sorts.
	const off = new Int32Array(n);
	const span = hi >= lo ? hi - lo + 1 : 0;
	const cnt = new Int32Array(span + 1);
	const perAcct = new Int32Array(accounts + 1);
	let m = 0;
	for (let i = 0; i < n; i++) {
		const d = rd[i]!;
		if (ok[i] === 0 || (mask !== null && mask[i] === 0) || d !== d) {
			off[i] = -1;
			continue;
		}
		const o = (d - lo) | 0;
		off[i] = o;
		cnt[o + 1]!++;
		perAcct[acct[i]! + 1]!++;
		m++;
	}
	for (let k = 1; k <= span; k++) cnt[k]! += cnt[k - 1]!;
	const byDay = new Int32Array(m);
	for (let i = 0; i < n; i++) {
		const o = off[i]!;
		if (o >= 0) byDay[cnt[o]!++] = i;
	}
	for (let a = 1; a <= accounts; a++) perAcct[a]! += perAcct[a - 1]!;
	const start = perAcct.slice();
	const rows = new Int32Array(m);
	const day = new Float64Array(m);
	for (let j = 0; j < m; j++) {
		const i = byDay[j]!;
		const p = perAcct[acct[i]!]!++;
		rows[p] = i;
		day[p] = lo + off[i]!;
	}
	return { rows, day, start };
}

/** Rows equal in every column to an earlier row of the same account and day. */
function duplicateRows(r: Resolved, g: Grouped): { count: number; first: number } {
	const cols = [...r.src.table.columns.values()];
	const ids = r.src.ids;
	const same = (i: number, j: number) => {
		if (ids && ids[i] !== ids[j]) return false;
		for (const c of cols) {
			if (c.kind === 'number') {
				const x = c.values[i]!;
				const y = c.values[j]!;
				if (x !== y && !(x !== x && y !== y)) return false;
			} else if (c.codes[i] !== c.codes[j]) return false;
		}
		return true;
	};
	let count = 0;
	let first = Infinity;
	const A = g.start.length - 1;
	for (let a = 0; a < A; a++) {
		const e = g.start[a + 1]!;
		for (let j = g.start[a]! + 1; j < e; j++) {
			if (g.day[j] !== g.day[j - 1]) continue;
			for (let k = j - 1; k >= g.start[a]! && g.day[k] === g.day[j]; k--) {
				if (same(g.rows[k]!, g.rows[j]!)) {
					count++;
					const row = Math.max(g.rows[k]!, g.rows[j]!);
					if (row < first) first = row;
					break;
				}
			}
		}
	}
	return { count, first: count ? first : -1 };
}

/** Rank of each dictionary entry in code-point order (ties of `last` take the largest). */
function dictionaryRank(dict: readonly string[]): Int32Array {
	const order = dict
		.map((_, i) => i)
		.sort((p, q) => (dict[p]! < dict[q]! ? -1 : dict[p]! > dict[q]! ? 1 : 0));
	const rank = new Int32Array(dict.length);
	order.forEach((c, k) => (rank[c] = k));
	return rank;
}

/** Output cells of one feature: numbers, or codes into a dictionary. */
type Out =
	| { kind: 'number'; values: Float64Array }
	| { kind: 'category'; codes: Int32Array; dictionary: string[] };

/** The (account, T) cells to fill: `cell[t * A + a]` = output row or −1. */
interface Cells {
	A: number;
	days: number[];
	cell: Int32Array;
	rows: number;
}

function eventFeature(f: EventFeature, r: Resolved, g: Grouped, cells: Cells, out: Out): void {
	const { A, days, cell } = cells;
	const col: ValueColumn | null =
		f.column && f.agg !== 'count' && f.agg !== 'days-since-last' && f.agg !== 'days-since-first'
			? valueColumn(sourceColumn(r.src, f.column)!)
			: null;
	const num = col?.kind === 'number' ? col.values : null;
	const codes = col?.kind === 'category' ? col.codes : null;
	const N = f.days;
	const rank =
		codes && f.agg === 'last' ? dictionaryRank((col as CategoryColumn).dictionary) : null;
	const stamp =
		codes && f.agg === 'distinct'
			? new Int32Array((col as CategoryColumn).dictionary.length).fill(-1)
			: null;
	const seen = num && f.agg === 'distinct' ? new Set<number>() : null;
	let stampId = 0;
	const ov = out.kind === 'number' ? out.values : null;
	const oc = out.kind === 'category' ? out.codes : null;
	for (let a = 0; a < A; a++) {
		const s = g.start[a]!;
		const e = g.start[a + 1]!;
		let lo = s;
		let hi = s;
		for (let t = 0; t < days.length; t++) {
			const T = days[t]!;
			while (hi < e && g.day[hi]! <= T) hi++;
			if (N !== null) while (lo < hi && g.day[lo]! <= T - N) lo++;
			const row = cell[t * A + a]!;
			if (row < 0) continue;
			switch (f.agg) {
				case 'count':
					ov![row] = hi - lo;
					break;
				case 'days-since-last':
					ov![row] = hi > lo ? T - g.day[hi - 1]! : NaN;
					break;
				case 'days-since-first':
					ov![row] = hi > lo ? T - g.day[lo]! : NaN;
					break;
				case 'sum':
				case 'mean': {
					let sum = 0;
					let k = 0;
					if (num)
						for (let j = lo; j < hi; j++) {
							const x = num[g.rows[j]!]!;
							if (!Number.isNaN(x)) {
								sum += x;
								k++;
							}
						}
					ov![row] = f.agg === 'sum' ? sum : k ? sum / k : NaN;
					break;
				}
				case 'min':
				case 'max': {
					let best = NaN;
					const isMin = f.agg === 'min';
					if (num)
						for (let j = lo; j < hi; j++) {
							const x = num[g.rows[j]!]!;
							if (Number.isNaN(x)) continue;
							if (Number.isNaN(best) || (isMin ? x < best : x > best)) best = x;
						}
					ov![row] = best;
					break;
				}
				case 'distinct': {
					let k = 0;
					if (stamp && codes) {
						stampId++;
						for (let j = lo; j < hi; j++) {
							const c = codes[g.rows[j]!]!;
							if (c >= 0 && stamp[c] !== stampId) {
								stamp[c] = stampId;
								k++;
							}
						}
					} else if (seen && num) {
						seen.clear();
						for (let j = lo; j < hi; j++) {
							const x = num[g.rows[j]!]!;
							if (!Number.isNaN(x)) seen.add(x);
						}
						k = seen.size;
					}
					ov![row] = k;
					break;
				}
				case 'last': {
					// Latest day with a value; ties on that day → the largest value.
					let j = hi - 1;
					if (num) {
						while (j >= lo && Number.isNaN(num[g.rows[j]!]!)) j--;
						if (j < lo) {
							ov![row] = NaN;
							break;
						}
						const d = g.day[j]!;
						let best = num[g.rows[j]!]!;
						for (let k = j - 1; k >= lo && g.day[k] === d; k--) {
							const x = num[g.rows[k]!]!;
							if (x > best) best = x;
						}
						ov![row] = best;
					} else if (codes && rank) {
						while (j >= lo && codes[g.rows[j]!]! < 0) j--;
						if (j < lo) {
							oc![row] = -1;
							break;
						}
						const d = g.day[j]!;
						let best = codes[g.rows[j]!]!;
						for (let k = j - 1; k >= lo && g.day[k] === d; k--) {
							const c = codes[g.rows[k]!]!;
							if (c >= 0 && rank[c]! > rank[best]!) best = c;
						}
						oc![row] = best;
					}
					break;
				}
			}
		}
	}
}

function periodFeature(f: PeriodFeature, r: Resolved, g: Grouped, cells: Cells, out: Out): void {
	const { A, days, cell } = cells;
	const col = f.column ? valueColumn(sourceColumn(r.src, f.column)!) : null;
	const num = col?.kind === 'number' ? col.values : null;
	const codes = col?.kind === 'category' ? col.codes : null;
	const rank = codes ? dictionaryRank((col as CategoryColumn).dictionary) : null;
	const ov = out.kind === 'number' ? out.values : null;
	const oc = out.kind === 'category' ? out.codes : null;
	const end = r.end;
	// For `changes`: per account, whether each period (in start order, ties by value) rose / fell.
	for (let a = 0; a < A; a++) {
		const s = g.start[a]!;
		const e = g.start[a + 1]!;
		let changed: Uint8Array | null = null;
		if (f.measure === 'changes' && e > s) {
			// Order the account's periods by (start, value) so ties compare deterministically.
			const idx: number[] = [];
			for (let j = s; j < e; j++) idx.push(j);
			const v = (j: number) => (num ? num[g.rows[j]!]! : NaN);
			idx.sort((p, q) => g.day[p]! - g.day[q]! || cmpNaNLast(v(p), v(q)) || p - q);
			changed = new Uint8Array(e - s);
			for (let k = 1; k < idx.length; k++) {
				const prev = v(idx[k - 1]!);
				const cur = v(idx[k]!);
				if (f.direction === 'up' ? cur > prev : cur < prev) changed[idx[k]! - s] = 1;
			}
		}
		let hi = s;
		for (let t = 0; t < days.length; t++) {
			const T = days[t]!;
			while (hi < e && g.day[hi]! <= T) hi++;
			const row = cell[t * A + a]!;
			if (row < 0) continue;
			switch (f.measure) {
				case 'active': {
					let on = 0;
					for (let j = s; j < hi; j++) {
						const en = end ? end[g.rows[j]!]! : NaN;
						if (Number.isNaN(en) || en > T) {
							on = 1;
							break;
						}
					}
					ov![row] = on;
					break;
				}
				case 'tenure':
					ov![row] = hi > s ? T - g.day[s]! : NaN;
					break;
				case 'days-to-renewal': {
					let best = Infinity;
					for (let j = s; j < hi; j++) {
						const en = end ? end[g.rows[j]!]! : NaN;
						if (en > T && en - T < best) best = en - T;
					}
					ov![row] = best === Infinity ? NaN : best;
					break;
				}
				case 'changes': {
					let k = 0;
					const N = f.days ?? null;
					for (let j = s; j < hi; j++)
						if (changed![j - s] && (N === null || g.day[j]! > T - N)) k++;
					ov![row] = k;
					break;
				}
				case 'value': {
					if (f.combine === 'sum') {
						let sum = 0;
						if (num)
							for (let j = s; j < hi; j++) {
								const en = end ? end[g.rows[j]!]! : NaN;
								const x = num[g.rows[j]!]!;
								if ((Number.isNaN(en) || en > T) && !Number.isNaN(x)) sum += x;
							}
						ov![row] = sum;
						break;
					}
					// Latest start among covering periods with a value; ties → largest value.
					let bestDay = -Infinity;
					let bestNum = NaN;
					let bestCode = -1;
					for (let j = s; j < hi; j++) {
						const i = g.rows[j]!;
						const en = end ? end[i]! : NaN;
						if (!(Number.isNaN(en) || en > T)) continue;
						const d = g.day[j]!;
						if (num) {
							const x = num[i]!;
							if (Number.isNaN(x)) continue;
							if (d > bestDay || (d === bestDay && x > bestNum)) {
								bestDay = d;
								bestNum = x;
							}
						} else if (codes && rank) {
							const c = codes[i]!;
							if (c < 0) continue;
							if (d > bestDay || (d === bestDay && rank[c]! > rank[bestCode]!)) {
								bestDay = d;
								bestCode = c;
							}
						}
					}
					if (ov) ov[row] = bestNum;
					else oc![row] = bestCode;
					break;
				}
			}
		}
	}
}

function cmpNaNLast(x: number, y: number): number {
	if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
	if (Number.isNaN(y)) return -1;
	return x - y;
}

/** Whether a feature's output is text (dictionary-coded) rather than a number. */
function isTextFeature(
	f: FeatureSpec,
	tables: Map<string, SourceTable>,
	spec: SourceSpec
): boolean {
	const src = tables.get(f.source);
	if (!src) return false;
	let column: string | null | undefined = null;
	if (f.kind === 'event' && f.agg === 'last') column = f.column;
	else if (f.kind === 'period' && f.measure === 'value' && f.combine !== 'sum') column = f.column;
	else if (f.kind === 'snapshot' || f.kind === 'account') column = f.column;
	if (!column) return false;
	void spec;
	const c = sourceColumn(src, column);
	return !!c && c.kind !== 'number';
}

function emptyTable(
	recipe: Recipe,
	issues: SourceIssue[],
	orphans: OrphanCount[] = []
): BuiltTable {
	return {
		ids: [],
		accountIds: [],
		table: { n: 0, columns: new Map() },
		columns: [],
		asOfDays: [],
		dataEndDay: NaN,
		accounts: 0,
		lives: 0,
		orphans,
		issues,
		outcomeDescription: describeOutcome(recipe)
	};
}

/**
 * Build the modelling table. Errors (in `issues`, severity `error`) leave the table empty: the
 * caller shows them and changes nothing stored.
 */
export function buildFeatureTable(recipe: Recipe, tables: readonly SourceTable[]): BuiltTable {
	const structural = recipeIssues(recipe).map<SourceIssue>((i) => ({ severity: 'error', ...i }));
	if (structural.length) return emptyTable(recipe, structural);
	const byName = new Map(tables.map((t) => [t.name, t]));
	const colIssues = checkRecipeColumns(recipe, (name) => {
		const t = byName.get(name);
		return t ? sourceColumnNames(t) : null;
	});
	if (colIssues.some((i) => i.severity === 'error')) return emptyTable(recipe, colIssues);
	const res = resolveSources(recipe, tables);
	const issues = [...colIssues, ...res.issues];
	if (issues.some((i) => i.severity === 'error')) return emptyTable(recipe, issues, res.orphans);
	const A = res.accountIds.length;
	// As-of days.
	let snapDays: Float64Array | null = null;
	if (recipe.grid.kind === 'snapshot-dates') {
		const r = res.sources.get(recipe.grid.source)!;
		snapDays = r.day;
	}
	const days = gridDays(recipe.grid, snapDays);
	if (days.length === 0) {
		issues.push({
			severity: 'error',
			code: 'no-grid-dates',
			message: 'The as-of grid has no dates.'
		});
		return emptyTable(recipe, issues, res.orphans);
	}
	// Lives and the (account, T) cells.
	const lives = computeLives(recipe, res);
	const cell = new Int32Array(days.length * A).fill(-1);
	const rowAcct: number[] = [];
	const rowT: number[] = [];
	const rowLife: Life[] = [];
	for (let t = 0; t < days.length; t++) {
		const T = days[t]!;
		for (let a = 0; a < A; a++) {
			for (const life of lives[a]!) {
				if (life.start <= T && T < life.end) {
					cell[t * A + a] = rowAcct.length;
					rowAcct.push(a);
					rowT.push(T);
					rowLife.push(life);
					break;
				}
			}
		}
	}
	const n = rowAcct.length;
	const cells: Cells = { A, days, cell, rows: n };
	const columns = new Map<string, Column>();
	const built: BuiltColumn[] = [];
	columns.set(BUILT_COLUMNS.asOf, { kind: 'number', values: Float64Array.from(rowT) });
	built.push({
		name: BUILT_COLUMNS.asOf,
		role: 'as-of',
		type: 'date',
		description: 'The as-of date T the row describes.'
	});
	// Features.
	const groupCache = new Map<string, Grouped>();
	const grouped = (r: Resolved, filterKey: string, mask: Uint8Array | null) => {
		const key = `${r.spec.name}\u0000${filterKey}`;
		let g = groupCache.get(key);
		if (!g) {
			g = groupByAccount(r, A, mask);
			groupCache.set(key, g);
		}
		return g;
	};
	// Exact duplicate events (same account, day and every value) are counted as events, and said.
	for (const spec of recipe.sources) {
		if (spec.grain !== 'event' || !recipe.features.some((f) => f.source === spec.name)) continue;
		const dup = duplicateRows(
			res.sources.get(spec.name)!,
			grouped(res.sources.get(spec.name)!, '', null)
		);
		if (dup.count)
			issues.push({
				severity: 'warning',
				source: spec.name,
				row: dup.first + 1,
				rows: dup.count,
				code: 'duplicate-events',
				params: { n: dup.count, name: spec.name, row: dup.first + 1 },
				message: `${plural(dup.count, 'row')} of "${spec.name}" repeat${dup.count === 1 ? 's' : ''} an earlier row exactly (same account, date and values; first: row ${(dup.first + 1).toLocaleString('en-US')}): each is counted as its own event. Remove them from the export if they are double entries.`
			});
	}
	for (const f of recipe.features) {
		const r = res.sources.get(f.source)!;
		const text = isTextFeature(f, byName, r.spec);
		let out: Out;
		if (text) {
			const src = sourceColumn(r.src, f.column!) as SourceColumn;
			const vc = valueColumn(src) as CategoryColumn;
			out = { kind: 'category', codes: new Int32Array(n).fill(-1), dictionary: vc.dictionary };
		} else out = { kind: 'number', values: new Float64Array(n).fill(NaN) };
		if (f.kind === 'event') {
			const fk = f.filter ? JSON.stringify(f.filter) : '';
			const g = grouped(r, fk, f.filter ? filterMask(r.src, r.n, f.filter) : null);
			eventFeature(f, r, g, cells, out);
		} else if (f.kind === 'snapshot') {
			const g = grouped(r, '', null);
			eventFeature(
				{ ...f, kind: 'event', agg: 'last', days: null, filter: null },
				r,
				g,
				cells,
				out
			);
		} else if (f.kind === 'period') {
			periodFeature(f, r, grouped(r, '', null), cells, out);
		} else {
			// Account attribute: the first row of each account.
			const vc = valueColumn(sourceColumn(r.src, f.column)!);
			const first = new Int32Array(A).fill(-1);
			for (let i = 0; i < r.n; i++) {
				const a = r.acct[i]!;
				if (a >= 0 && first[a]! < 0) first[a] = i;
			}
			for (let j = 0; j < n; j++) {
				const i = first[rowAcct[j]!]!;
				if (i < 0) continue;
				if (out.kind === 'number' && vc.kind === 'number') out.values[j] = vc.values[i]!;
				else if (out.kind === 'category' && vc.kind === 'category') out.codes[j] = vc.codes[i]!;
			}
		}
		columns.set(
			f.id,
			out.kind === 'number'
				? ({ kind: 'number', values: out.values } as NumberColumn)
				: ({ kind: 'category', codes: out.codes, dictionary: out.dictionary } as CategoryColumn)
		);
		const role =
			f.id === recipe.segment
				? 'segment'
				: f.id === recipe.contractValue
					? 'contract-value'
					: 'feature';
		built.push({
			name: f.id,
			role,
			type: text ? 'category' : 'number',
			feature: f.id,
			source: f.source,
			description: describeFeature(f, recipe)
		});
	}
	// Outcome.
	const churnDate = new Float64Array(n);
	const churned = new Float64Array(n);
	const lifeNo = new Float64Array(n);
	const ids: string[] = new Array<string>(n);
	const accountIds: string[] = new Array<string>(n);
	for (let j = 0; j < n; j++) {
		const life = rowLife[j]!;
		const id = res.accountIds[rowAcct[j]!]!;
		accountIds[j] = id;
		ids[j] = life.number === 1 ? id : `${id}${LIFE_SEPARATOR}${life.number}`;
		const c = Number.isFinite(life.end) && life.end <= res.dataEndDay ? life.end : NaN;
		churnDate[j] = c;
		churned[j] = Number.isNaN(c) ? 0 : 1;
		lifeNo[j] = life.number;
	}
	if (recipe.outcome.kind !== 'none') {
		columns.set(BUILT_COLUMNS.churnDate, { kind: 'number', values: churnDate });
		columns.set(BUILT_COLUMNS.churned, { kind: 'number', values: churned });
		built.push({
			name: BUILT_COLUMNS.churnDate,
			role: 'churn-date',
			type: 'date',
			description:
				'The day this life of the account churned (blank: not churned by the end of the data).'
		});
		built.push({
			name: BUILT_COLUMNS.churned,
			role: 'churned',
			type: 'boolean',
			description: 'This life of the account churned by the end of the data (1) or not (0).'
		});
	}
	columns.set(BUILT_COLUMNS.life, { kind: 'number', values: lifeNo });
	built.push({
		name: BUILT_COLUMNS.life,
		role: 'life',
		type: 'number',
		description:
			'Which life of the account the row belongs to (2 and above: it came back after churning).'
	});
	let lifeCount = 0;
	for (const l of lives) lifeCount += l.length;
	return {
		ids,
		accountIds,
		table: { n, columns },
		columns: built,
		asOfDays: days,
		dataEndDay: res.dataEndDay,
		accounts: A,
		lives: lifeCount,
		orphans: res.orphans,
		issues,
		outcomeDescription: describeOutcome(recipe)
	};
}
