/**
 * Messages between the page and the parse worker. Every request carries an `id`; replies echo
 * it, so the client can drop replies to requests it has superseded or cancelled. Each worker
 * has its own protocol file (score-, backtest-, draft-, validation-, sources-protocol.ts).
 */
import type { ColumnMapping, BuildOptions, BuildResult, IdParts } from '$lib/data/csv/build';

export type { IdParts };
import type { Delimiter, Dialect } from '$lib/data/csv/dialect';
import type { EncodingCandidate, EncodingName } from '$lib/data/csv/encoding';
import type { HeaderNote } from '$lib/data/csv/headers';
import type { ColumnProfile } from '$lib/data/csv/infer';
import type { ParseIssue, ParseProgress } from '$lib/data/csv/parse';

/** Options a parse request may carry (all optional; see `ParseOptions`). */
export interface ParseRequestOptions {
	encoding?: EncodingName;
	delimiter?: Delimiter;
	maxBytes?: number;
	maxRows?: number;
	chunkBytes?: number;
	/** Send the raw columns back (default true). Without them, `build` still works in the worker. */
	returnColumns?: boolean;
}

/**
 * One raw column packed for transfer: the cells concatenated, and `ends[i]` = end offset of
 * cell i in `text` (cell i = `text.slice(ends[i-1] ?? 0, ends[i])`). `ends` is transferred;
 * the string is copied once (cheap) instead of cloning a million small strings.
 */
export interface PackedColumn {
	text: string;
	ends: Uint32Array;
}

/** A parsed file as the page receives it. */
export interface ParsedFile {
	encoding: EncodingName;
	dialect: Dialect;
	headers: string[];
	originalHeaders: string[];
	headerNotes: HeaderNote[];
	rows: number;
	/** Excel row number of each data row (header = 1). */
	rowNumbers: Uint32Array;
	/** Raw cells per column (empty array when `returnColumns` was false). */
	columns: PackedColumn[];
	profiles: ColumnProfile[];
	/** Ragged rows (skippable): listed up to 1000. */
	issues: ParseIssue[];
	raggedRows: number;
	bytes: number;
	elapsedMs: number;
	/** SHA-256 of the file's bytes (hex), computed in the worker while it parsed. */
	fileHash?: string;
}

export type ParseWorkerRequest =
	| { type: 'parse'; id: number; file: Blob | ArrayBuffer | string; options: ParseRequestOptions }
	/** Types the columns of an earlier parse (kept in the worker) with a confirmed mapping. */
	| { type: 'build'; id: number; parseId: number; mapping: ColumnMapping[]; options: BuildOptions }
	| { type: 'cancel'; id: number }
	/** Frees the raw columns the worker keeps for `build`. */
	| { type: 'release'; id: number };

export type ParseWorkerReply =
	| { type: 'progress'; id: number; progress: ParseProgress }
	| { type: 'done'; id: number; result: ParsedFile }
	/** Blocking problems (unbalanced quotes, caps, empty file): nothing can be imported. */
	| {
			type: 'issues';
			id: number;
			issues: ParseIssue[];
			encoding: EncodingName | null;
			dialect: Dialect | null;
	  }
	/** Not UTF-8: show the picker, then parse again with `options.encoding`. */
	| {
			type: 'needs-encoding';
			id: number;
			candidates: EncodingCandidate[];
			guess: EncodingName;
			invalidAt: number;
	  }
	/** With `idParts`, `result.ids` is empty and the ids are in the parts. */
	| {
			type: 'built';
			id: number;
			result: BuildResult;
			idParts?: IdParts;
	  }
	| { type: 'cancelled'; id: number }
	/** An unexpected failure inside the worker (a bug, not bad input). */
	| { type: 'error'; id: number; message: string };

export type * from './backtest-protocol';

export type * from './score-protocol';
