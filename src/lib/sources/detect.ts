/**
 * Proposals for the import wizard: what one row of a file is (grain), which column is the key,
 * and how sources link to each other (name heuristics plus value overlap). Each proposal carries
 * its reasons in plain words; the user confirms or changes it.
 */
import { keyText, sourceColumn, sourceColumnNames } from './columns';
import type { GrainProposal, KeyProposal, SourceTable } from './types';

/** What the wizard knows about a file: its table and which columns hold dates. */
export interface SourceProfile {
	table: SourceTable;
	/** Columns typed as dates by the import. */
	dateColumns: readonly string[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Words of a column name: split at spaces, `_`, `-`, `.` and camelCase, lower-cased. */
export function nameWords(name: string): string[] {
	return name
		.trim()
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[\s_.\-/]+/)
		.filter((w) => w !== '');
}

/** Words that name whoever the rows are about (an account, a customer, a user, an org …). */
const ENTITY_WORDS = new Set([
	'account',
	'customer',
	'client',
	'company',
	'user',
	'org',
	'organization',
	'organisation',
	'tenant',
	'member',
	'subscriber',
	'workspace',
	'shop',
	'store',
	'partner',
	'kunde',
	'kunden',
	'cliente',
	'konto'
]);
/** Words a key name may end with (`customer_id`, `Kunden-Nr`, `org_name`). */
const KEY_SUFFIX = new Set([
	'id',
	'key',
	'code',
	'number',
	'no',
	'nr',
	'num',
	'nummer',
	'name',
	'ref'
]);
/** German compounds written as one word (`Kundennummer`, `KundenID`, `Kontonr`). */
const ENTITY_COMPOUND = /^(kunden?|konto|account|customer|client|user|org)(nummer|nr|no|id|key)$/;

/**
 * The name says whose the row is: an entity word alone or with a key suffix ("user",
 * "customer_id", "Org", "Kundennummer"), not a measure about it ("user_agent", "org_size").
 */
export function isEntityName(name: string): boolean {
	const w = nameWords(name).map((x) => x.replace(/s$/, ''));
	if (w.length === 1) return ENTITY_WORDS.has(w[0]!) || ENTITY_COMPOUND.test(w[0]!);
	if (w.length === 2) return ENTITY_WORDS.has(w[0]!) && KEY_SUFFIX.has(w[1]!);
	return false;
}

/** The name says the id is the row's own (`ticket_id`, `event_id`): unique, not a link. */
export function isRowIdName(name: string): boolean {
	const w = nameWords(name);
	return (
		w.length === 2 &&
		/^(event|ticket|row|line|record|transaction|txn|order|invoice|message|log|session|usage|activity|visit|call|hit|entry|item)s?$/.test(
			w[0]!
		) &&
		/^(id|key|no|nr|number)$/.test(w[1]!)
	);
}

/** How much a column name looks like an account key (0 = not at all). */
export function keyNameScore(name: string): number {
	const n = norm(name);
	if (n === 'accountid' || n === 'customerid' || n === 'clientid' || n === 'companyid') return 3;
	if (n === 'id' || n === 'accountkey' || n === 'customerkey') return 2;
	if (/account|customer|client|company/.test(n) && /id|key|number|no$/.test(n)) return 2;
	if (isEntityName(name)) return 2;
	if (/id$|key$/.test(n)) return 1;
	return 0;
}

const START = /(^|_|\b)(start|begin|from|valid_?from|period_?start|effective)/i;
const END = /(^|_|\b)(end|until|to$|valid_?to|period_?end|expir|cancel)/i;

/** Distinct non-blank values and whether any repeats. */
function distinctOf(src: SourceTable, column: string): { distinct: number; blank: number } {
	const col = sourceColumn(src, column);
	if (!col) return { distinct: 0, blank: 0 };
	const seen = new Set<string>();
	let blank = 0;
	for (let i = 0; i < src.table.n; i++) {
		const k = keyText(col, i);
		if (k.trim() === '') blank++;
		else seen.add(k);
	}
	return { distinct: seen.size, blank };
}

/**
 * A column that can key repeated rows without an id-like name: text or category values, or
 * whole numbers of one length (`10482`), no blanks, repeating; the one with the most distinct
 * values (whoever the rows are about has more values than a type or a status column).
 */
function repeatedKey(src: SourceTable, dateColumns: readonly string[]): string | null {
	const n = src.table.n;
	let best: string | null = null;
	let bestDistinct = 1;
	for (const c of sourceColumnNames(src)) {
		if (dateColumns.includes(c)) continue;
		const col = sourceColumn(src, c);
		if (!col) continue;
		if (col.kind === 'number') {
			let len = -1;
			let ok = n > 0;
			for (let i = 0; i < n && ok; i++) {
				const x = col.values[i]!;
				const l = Number.isInteger(x) && x >= 0 ? String(x).length : -2;
				if (l < 0 || (len >= 0 && l !== len)) ok = false;
				len = l;
			}
			if (!ok) continue;
		}
		const { distinct, blank } = distinctOf(src, c);
		if (blank > 0 || distinct >= n || distinct <= bestDistinct) continue;
		best = c;
		bestDistinct = distinct;
	}
	return best;
}

/**
 * The likely grain: unique ids → account; start and end date columns → period; id × date unique
 * → snapshot; repeated ids with a date → event.
 */
export function proposeGrain(p: SourceProfile): GrainProposal {
	const src = p.table;
	const n = src.table.n;
	const names = sourceColumnNames(src);
	const ranked = names
		.map((c) => ({ c, s: keyNameScore(c) }))
		.filter((x) => x.s > 0)
		.sort((x, y) => y.s - x.s);
	// Prefer an account-like key; else a key other than the table's own row id (`usage_id`:
	// the first id-like column when nearly every value is distinct).
	const own = ranked.find((x) => x.c === names[0] && distinctOf(src, x.c).distinct >= 0.99 * n);
	let key =
		ranked.find((x) => /account|customer|client|company/i.test(x.c) || isEntityName(x.c))?.c ??
		src.idColumn ??
		ranked.find((x) => x !== own)?.c ??
		ranked[0]?.c ??
		null;
	const reasons: string[] = [];
	// No key-like name (or only the row's own id): a repeated text / whole-number column beside
	// a date is whoever the rows are about (`user`, `who`).
	if (
		p.dateColumns.length > 0 &&
		(!key || (isRowIdName(key) && distinctOf(src, key).distinct >= n))
	) {
		const alt = repeatedKey(src, p.dateColumns);
		if (alt) {
			reasons.push(
				key
					? `"${key}" is unique: it names each row, not whom the row is about; "${alt}" repeats, so it is taken as the key.`
					: `No column is named like an id; "${alt}" repeats beside a date, so it is taken as the key.`
			);
			key = alt;
		}
	}
	if (!key)
		return {
			grain: 'account',
			key: null,
			reasons: ['No column looks like an account id: pick the key column.']
		};
	const { distinct, blank } = distinctOf(src, key);
	const nonBlank = n - blank;
	const repeats = nonBlank - distinct;
	const start = p.dateColumns.find((c) => START.test(c)) ?? null;
	const end = p.dateColumns.find((c) => END.test(c) && c !== start) ?? null;
	if (repeats === 0) {
		reasons.push(
			`Each of the ${nonBlank.toLocaleString('en-US')} "${key}" values appears once: one row per account.`
		);
		const signup = p.dateColumns.find((c) => /signup|created|start|since/i.test(c)) ?? null;
		return { grain: 'account', key, time: signup, reasons };
	}
	reasons.push(
		`"${key}" repeats (${distinct.toLocaleString('en-US')} distinct values in ${nonBlank.toLocaleString('en-US')} rows).`
	);
	if (start && end) {
		reasons.push(`It has a start ("${start}") and an end ("${end}") date: one row per period.`);
		return { grain: 'period', key, start, end, reasons };
	}
	if (p.dateColumns.length === 0) {
		reasons.push('No date column was found: pick one (events and snapshots need a date).');
		return { grain: 'event', key, time: null, reasons };
	}
	// Snapshot when some date column makes id × date unique.
	const keyCol = sourceColumn(src, key)!;
	for (const d of p.dateColumns) {
		const col = sourceColumn(src, d);
		if (!col || col.kind !== 'number') continue;
		const days = new Set<number>();
		for (let i = 0; i < n; i++) days.add(col.values[i]!);
		// Snapshots share a few dates across many ids; sparse events with distinct dates do not.
		if (days.size > 0.1 * n) continue;
		const seen = new Set<string>();
		let unique = true;
		for (let i = 0; i < n; i++) {
			const pair = `${keyText(keyCol, i)}\u0000${col.values[i]}`;
			if (seen.has(pair)) {
				unique = false;
				break;
			}
			seen.add(pair);
		}
		if (unique) {
			reasons.push(
				`Each "${key}" appears at most once per "${d}": one row per account per date (snapshot).`
			);
			return { grain: 'snapshot', key, time: d, reasons };
		}
	}
	const time = p.dateColumns.find((c) => /date|time|at$|_at|day/i.test(c)) ?? p.dateColumns[0]!;
	reasons.push(`Ids repeat on the same date: one row per event, dated by "${time}".`);
	return { grain: 'event', key, time, reasons };
}

/**
 * Key matches between sources: for each source's account-like columns, the share of its values
 * found in another source's key-like columns. Proposals with overlap ≥ 50 %, best first.
 */
export function proposeKeys(sources: readonly SourceTable[]): KeyProposal[] {
	const out: KeyProposal[] = [];
	const valuesOf = new Map<string, Set<string>>();
	const vals = (s: SourceTable, c: string) => {
		const k = `${s.name}\u0000${c}`;
		let v = valuesOf.get(k);
		if (!v) {
			v = new Set();
			const col = sourceColumn(s, c);
			if (col)
				for (let i = 0; i < s.table.n; i++) {
					const t = keyText(col, i);
					if (t.trim() !== '') v.add(t);
				}
			valuesOf.set(k, v);
		}
		return v;
	};
	const keyish = (s: SourceTable) =>
		sourceColumnNames(s).filter((c) => keyNameScore(c) > 0 || c === s.idColumn);
	for (const s of sources)
		for (const c of keyish(s))
			for (const t of sources) {
				if (t === s) continue;
				for (const tc of keyish(t)) {
					const mine = vals(s, c);
					if (mine.size === 0) continue;
					const theirs = vals(t, tc);
					let hit = 0;
					for (const v of mine) if (theirs.has(v)) hit++;
					const overlap = hit / mine.size;
					if (overlap < 0.5) continue;
					const reasons = [
						`${Math.round(overlap * 100)} % of the ${mine.size.toLocaleString('en-US')} distinct "${c}" values of ${s.name} are "${tc}" values of ${t.name}.`
					];
					if (norm(c) === norm(tc)) reasons.push('The columns have the same name.');
					else if (keyNameScore(c) && keyNameScore(tc))
						reasons.push(`Both names look like keys ("${c}", "${tc}").`);
					out.push({
						source: s.name,
						column: c,
						target: t.name,
						targetColumn: tc,
						overlap,
						reasons
					});
				}
			}
	return out.sort((x, y) => y.overlap - x.overlap);
}
