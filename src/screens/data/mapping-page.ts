/**
 * Paging of the import mapping table (pure, tested in mapping-page.test.ts). A file can have up
 * to 20,000 columns; rendering one table row per column froze the page for seconds (9.6 s for
 * 5,000 columns), so the table shows one page of columns at a time, with a name filter and a
 * "columns in use" view to reach any column quickly.
 */

/** Columns shown per page of the mapping table. */
export const MAPPING_PAGE_SIZE = 50;

/** Which columns the table lists. */
export type MappingShow = 'all' | 'used' | 'ignored';

export interface MappingPageQuery {
	/** Text to find in the column's header or saved name (case-insensitive); blank = all. */
	query: string;
	show: MappingShow;
	/** 0-based page; clamped to the pages there are. */
	page: number;
	size?: number;
}

export interface MappingPage<T> {
	rows: T[];
	/** Columns that match the filter. */
	matching: number;
	/** 0-based page actually shown (after clamping). */
	page: number;
	pages: number;
	/** 1-based position of the first and last shown column among the matching ones (0 when none). */
	from: number;
	to: number;
}

interface PagedColumn {
	name: string;
	originalName: string;
	role: string;
}

/**
 * One page of the columns that match. Without a filter only the page's rows are read, so a
 * 20,000-column file costs the same as a 50-column one.
 */
export function mappingPage<T extends PagedColumn>(
	columns: readonly T[],
	q: MappingPageQuery
): MappingPage<T> {
	const size = Math.max(1, q.size ?? MAPPING_PAGE_SIZE);
	const needle = q.query.trim().toLowerCase();
	const filtered = needle === '' && q.show === 'all';
	const matches = filtered
		? columns
		: columns.filter(
				(c) =>
					(q.show === 'all' || (q.show === 'used') === (c.role !== 'ignore')) &&
					(needle === '' ||
						c.originalName.toLowerCase().includes(needle) ||
						c.name.toLowerCase().includes(needle))
			);
	const matching = matches.length;
	const pages = Math.max(1, Math.ceil(matching / size));
	const page = Math.min(Math.max(0, Math.floor(q.page) || 0), pages - 1);
	const start = page * size;
	const rows = matches.slice(start, start + size);
	return {
		rows,
		matching,
		page,
		pages,
		from: rows.length === 0 ? 0 : start + 1,
		to: start + rows.length
	};
}

/** Text cut to `max` characters (an ellipsis included) for display; the full text stays on demand. */
export function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	// Do not split a surrogate pair (an emoji or a rare kanji) in half.
	let end = max - 1;
	const code = text.charCodeAt(end - 1);
	if (code >= 0xd800 && code <= 0xdbff) end--;
	return `${text.slice(0, end)}…`;
}
