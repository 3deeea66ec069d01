/**
 * Problems the pure core reports as a code and figures (`params`), said in the UI language. The
 * core keeps an English `message` for logs, Node and thrown errors; screens call these instead.
 * Every code has a renderer (the `Record` types fail the type check when a code is added), and
 * `problem-text.test.ts` checks each renders in both languages and that the English matches the
 * core's own words.
 */
import { t, tIn, type MessageKey } from './i18n.svelte';
import type { ParseIssueCode, ProblemParams } from '$lib/data/csv/parse';
import { LIST_SEP, type BuildIssueCode } from '$lib/data/csv/build';
import type { HeaderNote } from '$lib/data/csv/headers';
import type { BackupProblem, BackupWhy } from '$lib/data/db/backup';
import type { WorkerFailure, WorkerFailureKind } from '$lib/workers/client';
import {
	STORAGE_MESSAGES,
	toStorageError,
	type StorageErrorCode,
	type StorageWhy
} from '$lib/data/db/errors';
import * as fmt from '$lib/ui/format';

/** A problem as the core reports it: a code, its figures, and its English words (the fallback). */
export interface Problem {
	code: string;
	params?: ProblemParams;
	message: string;
	/** A problem said by the state layer: the catalog key it is said with. */
	key?: MessageKey;
}

/** A problem the state layer finds itself: said with `key`, in English in `message`. */
export function said(key: MessageKey, params?: ProblemParams): Problem {
	return { code: key, key, ...(params ? { params } : {}), message: tIn('en', key, params) };
}

type Say = (p: ProblemParams) => string;

const num = (x: string | number | undefined) => fmt.integer(Number(x));

/** Every import-file reading problem (`ParseIssue`). */
export const PARSE_PROBLEMS: Record<ParseIssueCode, Say> = {
	FileTooLarge: (p) => t('prob.FileTooLarge', { size: num(p.size), max: num(p.max) }),
	BinaryFile: (p) =>
		t('prob.BinaryFile', {
			what: t(`prob.bin.${String(p.kind)}` as MessageKey, { at: num(p.at) })
		}),
	TooFewFields: (p) => fields(p),
	TooManyFields: (p) => fields(p),
	TooManyRows: (p) => t('prob.TooManyRows', { max: num(p.max) }),
	MissingQuotes: (p) => t('prob.MissingQuotes', { row: p.row! }),
	InvalidQuotes: (p) => t('prob.InvalidQuotes', { row: p.row! }),
	Empty: () => t('prob.Empty'),
	TooManyColumns: (p) => t('prob.TooManyColumns', { n: num(p.n), max: num(p.max) }),
	LineTooLong: (p) => t('prob.LineTooLong', { row: p.row!, max: num(p.max) }),
	CellTooLong: (p) =>
		t('prob.CellTooLong', { row: p.row!, col: p.col!, length: num(p.length), max: num(p.max) }),
	HeaderTooLong: (p) =>
		t('prob.HeaderTooLong', { col: p.col!, length: num(p.length), max: num(p.max) })
};

function fields(p: ProblemParams): string {
	return t(p.n === 1 ? 'prob.fields.one' : 'prob.fields', {
		row: p.row!,
		n: p.n!,
		ncols: p.ncols!
	});
}

/** Every problem found while typing the cells (`BuildIssue`). */
export const BUILD_PROBLEMS: Record<BuildIssueCode, Say> = {
	'not-a-number': (p) => t(p.tooLarge ? 'prob.not-a-number.tooLarge' : 'prob.not-a-number', p),
	'not-a-boolean': (p) => t('prob.not-a-boolean', p),
	'not-a-date': (p) => t('prob.not-a-date', p),
	'impossible-date': (p) => t('prob.impossible-date', p),
	'missing-id': (p) => t('prob.missing-id', p),
	'duplicate-id': (p) => t(p.snapshot ? 'prob.duplicate-id.snapshot' : 'prob.duplicate-id', p),
	'no-account-id': (p) =>
		t(
			p.grain === 'account' || p.grain === 'snapshot'
				? 'prob.no-account-id'
				: 'prob.no-account-id.key'
		),
	'duplicate-role': (p) =>
		t('prob.duplicate-role', {
			role: t(`dt.role.${String(p.role)}` as MessageKey),
			columns: String(p.columns ?? '')
				.split(LIST_SEP)
				.map((name) => t('prob.listQuoted', { name }))
				.join(t('prob.listAnd'))
		}),
	'bad-mapping': (p) => t('prob.bad-mapping', p),
	'no-rows': (p) => t(p.none ? 'prob.no-rows.none' : 'prob.no-rows'),
	'no-time-column': (p) =>
		t(
			p.grain === 'event'
				? 'prob.no-time-column.event'
				: p.grain === 'period'
					? 'prob.no-time-column.period'
					: 'prob.no-time-column.snapshot'
		),
	'missing-time': (p) =>
		t(p.grain === 'event' ? 'prob.missing-time.event' : 'prob.missing-time.period', p),
	'period-order': (p) => t('prob.period-order', p),
	'implausible-date': (p) =>
		t(p.after ? 'prob.implausible-date.after' : 'prob.implausible-date.before', p)
};

const ALL: Record<string, Say> = { ...PARSE_PROBLEMS, ...BUILD_PROBLEMS };

/**
 * A reading or typing problem in the UI language; the core's English when it carries no figures
 * (an issue made before codes had them) or the code is unknown.
 */
export function problemText(p: Problem): string {
	if (p.key) return t(p.key, p.params);
	const say = Object.hasOwn(ALL, p.code) ? ALL[p.code] : undefined;
	return say && p.params ? say(p.params) : p.message;
}

/** A renamed header (mapping step), in the UI language. */
export function headerNoteText(n: HeaderNote): string {
	return t(`prob.hdr.${n.reason}`, {
		col: n.index + 1,
		original: n.original,
		renamed: n.renamed
	});
}

/** Every way a background task (worker) can fail to serve, in words. */
export const WORKER_FAILURES: Record<WorkerFailureKind, MessageKey> = {
	updated: 'prob.worker.updated',
	blocked: 'prob.worker.blocked',
	crashed: 'prob.worker.crashed',
	timeout: 'prob.worker.timeout'
};

/** A background task that could not serve, in the UI language. */
export function workerFailureText(f: Pick<WorkerFailure, 'kind'>): string {
	return t(WORKER_FAILURES[f.kind]);
}

/** Every storage failure, in words (the English is `STORAGE_MESSAGES`, checked by a test). */
export const STORAGE_FAILURES: Record<StorageErrorCode, MessageKey> = {
	quota: 'prob.storage.quota',
	blocked: 'prob.storage.blocked',
	version: 'prob.storage.version',
	unavailable: 'prob.storage.unavailable',
	closed: 'prob.storage.closed',
	invalid: 'prob.storage.invalid',
	conflict: 'prob.storage.conflict',
	'not-found': 'prob.storage.not-found',
	aborted: 'prob.storage.aborted',
	unknown: 'prob.storage.unknown'
};

/** Every case the store words for itself (naming a dataset, an id or a detail), in words. */
export const STORAGE_WHYS: Record<StorageWhy, MessageKey> = {
	inconsistent: 'prob.storage.why.inconsistent',
	incomplete: 'prob.storage.why.incomplete',
	terminated: 'prob.storage.why.terminated',
	'id-taken': 'prob.storage.why.id-taken',
	'import-cancelled': 'prob.storage.why.import-cancelled',
	'dataset-gone': 'prob.storage.why.dataset-gone',
	'model-gone': 'prob.storage.why.model-gone',
	'failed-because': 'prob.storage.why.failed-because'
};

/**
 * A storage failure (any thrown value, as `toStorageError` reads it) in the UI language: a case
 * the store worded (naming a dataset or an id) from its figures, else by its code. A message
 * written elsewhere for one case stays as written.
 */
export function storageErrorText(e: unknown): string {
	const err = toStorageError(e);
	if (err.why) return t(STORAGE_WHYS[err.why.code], err.why.params);
	return err.message === STORAGE_MESSAGES[err.code] ? t(STORAGE_FAILURES[err.code]) : err.message;
}

/** Why a backup is not used (`BACKUP_WHY`), in the UI language. */
export function backupWhyUi(why: BackupWhy): string {
	return t(`prob.bkwhy.${why.code}`, why.params);
}

/** A failed restore in the UI language: the file, a record's check, or the write. */
export function backupProblemText(p: BackupProblem): string {
	return p.stage === 'write'
		? t('prob.bk.write', { error: p.error })
		: t(p.stage === 'file' ? 'prob.bk.file' : 'prob.bk.check', { why: backupWhyUi(p.why) });
}

/** "3 datasets and 1 model", in the UI language. */
export function backupCounts(counts: { datasets: number; models: number }): {
	datasets: string;
	models: string;
} {
	const n = (x: number, one: MessageKey, many: MessageKey) =>
		t(x === 1 ? one : many, { n: num(x) });
	return {
		datasets: n(counts.datasets, 'prob.bk.datasets.one', 'prob.bk.datasets'),
		models: n(counts.models, 'prob.bk.models.one', 'prob.bk.models')
	};
}
