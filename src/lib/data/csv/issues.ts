/** Problems found while reading a file: their codes and shape (shared by the readers). */

export type ParseIssueCode =
	| 'MissingQuotes'
	| 'InvalidQuotes'
	| 'TooFewFields'
	| 'TooManyFields'
	| 'TooManyRows'
	| 'FileTooLarge'
	| 'Empty'
	| 'BinaryFile'
	| 'TooManyColumns'
	| 'LineTooLong'
	| 'CellTooLong'
	| 'HeaderTooLong';

/**
 * A problem found while reading. `row` is the row number a user sees in Excel (header = 1;
 * blank lines count, a quoted multi-line cell is one row). Blocking issues stop the import;
 * ragged rows (`TooFewFields`/`TooManyFields`) can be skipped by the user.
 */
export interface ParseIssue {
	row: number | null;
	column: string | null;
	code: ParseIssueCode;
	/** In English words (logs, Node, thrown errors); a screen says it from `code` and `params`. */
	message: string;
	/** The figures and names the message is built from (see `src/lib/i18n/problem-text.ts`). */
	params?: ProblemParams;
	blocking: boolean;
}

/** What a problem's sentence is built from: row and column numbers, names, limits, a variant. */
export type ProblemParams = Record<string, string | number>;
