/**
 * Header cleaning: the header row becomes safe, unique, trimmed column names. Every change is
 * returned as a visible note; nothing is dropped (PapaParse `header:true` silently lost a
 * `__proto__` column, so the importer parses with `header:false` and names columns here).
 */

/** Why a header was renamed. */
export type HeaderRenameReason = 'blank' | 'duplicate' | 'reserved' | 'trimmed';

/** A renamed header, shown to the user in the mapping step. */
export interface HeaderNote {
	/** 0-based column index. */
	index: number;
	original: string;
	renamed: string;
	reason: HeaderRenameReason;
	message: string;
}

/** Names that are dangerous as object keys (prototype pollution, shadowed built-ins). */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Cleans raw header cells. Rules, in order: trim (a note only if nothing else applies);
 * blank → `column_N` (N = 1-based position); reserved (`__proto__`, `constructor`,
 * `prototype`) → `<name>_col`; a name already taken (case-sensitive) → `name_2`, `name_3`, …
 * (first free suffix). Returns names in column order and one note per changed header.
 */
export function cleanHeaders(raw: readonly string[]): { names: string[]; notes: HeaderNote[] } {
	// Every real (non-blank) header is reserved up front, so a generated `name_2` or `column_3`
	// never steals the name of a later real header.
	const taken = new Set<string>();
	for (const h of raw) if (h.trim() !== '') taken.add(h.trim());
	const assigned = new Set<string>();
	// Next suffix to try per base name: `taken` only grows, so every suffix below it is still
	// taken. This keeps 40,000 columns named `x` linear (a scan from 2 each time was quadratic).
	const nextSuffix = new Map<string, number>();
	const names: string[] = [];
	const notes: HeaderNote[] = [];
	raw.forEach((original, index) => {
		const trimmed = original.trim();
		let name = trimmed;
		let reason: HeaderRenameReason | null = trimmed !== original ? 'trimmed' : null;
		if (trimmed === '') {
			name = freeName(`column_${index + 1}`, taken, true, nextSuffix);
			reason = 'blank';
		} else if (RESERVED.has(trimmed)) {
			name = freeName(`${trimmed}_col`, taken, true, nextSuffix);
			reason = 'reserved';
		} else if (assigned.has(trimmed)) {
			name = freeName(trimmed, taken, false, nextSuffix);
			reason = 'duplicate';
		}
		assigned.add(name);
		taken.add(name);
		names.push(name);
		if (reason)
			notes.push({
				index,
				original,
				renamed: name,
				reason,
				message: message(index, original, name, reason)
			});
	});
	return { names, notes };
}

/** `base` itself when allowed and free, else the first free `base_2`, `base_3`, … */
function freeName(
	base: string,
	taken: Set<string>,
	allowBase: boolean,
	nextSuffix: Map<string, number>
): string {
	if (allowBase && !taken.has(base)) return base;
	for (let k = nextSuffix.get(base) ?? 2; ; k++) {
		const candidate = `${base}_${k}`;
		if (!taken.has(candidate)) {
			nextSuffix.set(base, k + 1);
			return candidate;
		}
	}
}

function message(
	index: number,
	original: string,
	renamed: string,
	reason: HeaderRenameReason
): string {
	const col = `Column ${index + 1}`;
	switch (reason) {
		case 'blank':
			return `${col} has no header; named "${renamed}".`;
		case 'duplicate':
			return `${col}: header "${original}" appears more than once; renamed "${renamed}".`;
		case 'reserved':
			return `${col}: header "${original}" is a reserved name; renamed "${renamed}".`;
		case 'trimmed':
			return `${col}: spaces around header "${original}" removed.`;
	}
}
