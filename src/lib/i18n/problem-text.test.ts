// Import-file problems in both languages: every code the core can report is produced here from a
// real bad file (or mapping), and said in English exactly as the core's own `message`, and in
// Japanese with no English words left but the data (column names, cell values) and proper names.
// A new code without a case here fails "every code has a case".
import { raw } from '../data/csv/testing/helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n.svelte';
import {
	BUILD_PROBLEMS,
	PARSE_PROBLEMS,
	STORAGE_FAILURES,
	WORKER_FAILURES,
	storageErrorText,
	STORAGE_WHYS,
	backupCounts,
	backupProblemText,
	backupWhyUi,
	workerFailureText,
	headerNoteText,
	problemText,
	said,
	type Problem
} from './problem-text';
import { parseCsv, type ParseIssue } from '$lib/data/csv/parse';
import { buildTable, type BuildIssue, type ColumnMapping } from '$lib/data/csv/build';
import { cleanHeaders, type HeaderRenameReason } from '$lib/data/csv/headers';
import { BINARY_KINDS } from '$lib/data/csv/encoding';
import { FAILURE_MESSAGES } from '$lib/workers/client';
import {
	STORAGE_MESSAGES,
	STORAGE_WHY,
	StorageError,
	storageFailure,
	toStorageError,
	type StorageErrorCode,
	type StorageWhy
} from '$lib/data/db/errors';
import { BACKUP_WHY, backupWhyText, decodeBackup, type BackupWhyCode } from '$lib/data/db/backup';

afterEach(() => i18n.set('en'));

async function parseIssues(
	source: string | Uint8Array,
	options: Parameters<typeof parseCsv>[1] = {}
): Promise<ParseIssue[]> {
	const r = await parseCsv(source, options);
	if (r.status === 'blocked') return r.issues;
	if (r.status === 'ok') return r.issues;
	throw new Error(`unexpected parse status ${r.status}`);
}

function buildIssues(
	headers: string[],
	rows: string[][],
	mapping: ColumnMapping[],
	options: Parameters<typeof buildTable>[2] = {}
): BuildIssue[] {
	const b = buildTable(raw(headers, rows), mapping, { skipRows: true, ...options });
	return b.ok ? [...b.issues, ...b.warnings] : b.issues;
}

const idCol: ColumnMapping = { index: 0, role: 'account-id', type: 'text' };

/** One or more real problems per case: name → issues the core reported. */
async function cases(): Promise<[string, Problem[]][]> {
	const big = new Uint8Array(2_600_000).fill(0x61);
	return [
		['FileTooLarge', await parseIssues(big, { maxBytes: 1_000_000 })],
		['BinaryFile (zip)', await parseIssues(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))],
		['BinaryFile (nul)', await parseIssues(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0]))],
		['TooFewFields', await parseIssues('a,b,c\n1,2\n1,2,3\n')],
		['TooManyFields', await parseIssues('a,b\n1,2,3\n1,2\n')],
		['one field', await parseIssues('a,b,c\n1\n1,2,3\n')],
		['TooManyRows', await parseIssues('a,b\n1,2\n3,4\n5,6\n', { maxRows: 2 })],
		['MissingQuotes', await parseIssues('a,b\n1,"2\n3,4\n', { fastPath: false })],
		['InvalidQuotes', await parseIssues('a,b\n1,"2"x\n3,4\n', { fastPath: false })],
		['Empty', await parseIssues('')],
		['TooManyColumns', await parseIssues('a,b,c,d\n1,2,3,4\n', { limits: { maxColumns: 3 } })],
		[
			'LineTooLong',
			await parseIssues(`a,b\n1,${'x'.repeat(50)}\n`, { limits: { maxLineChars: 20 } })
		],
		[
			'CellTooLong',
			await parseIssues(`a,b\n1,${'x'.repeat(50)}\n`, { limits: { maxCellChars: 20 } })
		],
		[
			'HeaderTooLong',
			await parseIssues(`a,${'h'.repeat(50)}\n1,2\n`, { limits: { maxHeaderChars: 20 } })
		],
		[
			'cells',
			buildIssues(
				['id', 'mrr', 'big', 'paid', 'start', 'end'],
				[
					['A', 'lots', '1' + '0'.repeat(400), 'maybe', '2024-02-30', '2024-01-01'],
					['', '1', '1', 'yes', 'soon', '2024-01-01'],
					['A', '1', '1', 'yes', '2024-01-01', '0001-01-01']
				],
				[
					idCol,
					{ index: 1, role: 'metric', type: 'number' },
					{ index: 2, role: 'metric', type: 'number' },
					{ index: 3, role: 'metric', type: 'boolean' },
					{ index: 4, role: 'metric', type: 'date' },
					{ index: 5, role: 'renewal-date', type: 'date' }
				]
			)
		],
		[
			'duplicate snapshot',
			buildIssues(
				['id', 'day'],
				[
					['A', '2024-01-01'],
					['A', '2024-01-01']
				],
				[idCol, { index: 1, role: 'snapshot-date', type: 'date' }]
			)
		],
		[
			'periods',
			buildIssues(
				['sub', 'from', 'to'],
				[
					['S1', '', '2024-01-01'],
					['S2', '2024-03-01', '2024-02-01'],
					['S3', '2024-01-01', '2024-02-01']
				],
				[
					idCol,
					{ index: 1, role: 'period-start', type: 'date' },
					{ index: 2, role: 'period-end', type: 'date' }
				],
				{ grain: 'period' }
			)
		],
		[
			'events',
			buildIssues(
				['user', 'at'],
				[
					['U', ''],
					['U', '2024-01-01']
				],
				[idCol, { index: 1, role: 'event-time', type: 'date' }],
				{ grain: 'event' }
			)
		],
		[
			'after 2100',
			buildIssues(
				['id', 'd'],
				[['A', '2999-01-01']],
				[idCol, { index: 1, role: 'renewal-date', type: 'date' }]
			)
		],
		[
			'mapping',
			buildIssues(
				['id', 'x', 'y'],
				[['A', '1', '2']],
				[
					{ index: 1, role: 'segment', type: 'category' },
					{ index: 2, role: 'segment', type: 'category' },
					{ index: 7, role: 'metric', type: 'number' }
				]
			)
		],
		['no key (events)', buildIssues(['at'], [['2024-01-01']], [], { grain: 'event' })],
		['no time (events)', buildIssues(['u'], [['U']], [idCol], { grain: 'event' })],
		['no time (periods)', buildIssues(['u'], [['U']], [idCol], { grain: 'period' })],
		['no time (snapshots)', buildIssues(['u'], [['U']], [idCol], { grain: 'snapshot' })],
		['no rows', buildIssues(['id'], [], [idCol])],
		[
			'no readable row',
			buildIssues(['id', 'n'], [['A', 'x']], [idCol, { index: 1, role: 'metric', type: 'number' }])
		]
	];
}

/** Proper names and data tokens a Japanese message may show as they are. */
const KEPT = new Set(
	'CSV MB ZIP Excel xlsx xls Word doc NUL PNG JPEG GIF WebP PDF gzip bzip Zstandard Zip RAR Parquet SQLite ELF Windows exe yes true false'
		.toLowerCase()
		.split(' ')
);

/** English words (3+ letters) in `text`, once the problem's own data (names, values) is taken out. */
function englishWords(text: string, p: Problem): string[] {
	let rest = text;
	for (const v of Object.values(p.params ?? {}))
		if (typeof v === 'string') rest = rest.split(v).join(' ');
	return (rest.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !KEPT.has(w.toLowerCase()));
}

describe('import-file problems in English and Japanese', () => {
	it('every code has a case, and every case is a real problem with figures', async () => {
		const all = (await cases()).flatMap(([, ps]) => ps);
		const seen = new Set(all.map((p) => p.code));
		expect(
			[...Object.keys(PARSE_PROBLEMS), ...Object.keys(BUILD_PROBLEMS)].filter((c) => !seen.has(c))
		).toEqual([]);
		for (const p of all) expect(p.params, `${p.code}: ${p.message}`).toBeDefined();
	});

	it('English says exactly what the core says', async () => {
		i18n.set('en');
		for (const [name, ps] of await cases()) {
			expect(ps.length, name).toBeGreaterThan(0);
			for (const p of ps) expect(problemText(p), name).toBe(p.message);
		}
	});

	it('Japanese says it in Japanese, keeping the row, the column and the value', async () => {
		i18n.set('ja');
		for (const [name, ps] of await cases())
			for (const p of ps) {
				const ja = problemText(p);
				expect(ja, name).not.toBe(p.message);
				expect(ja, name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
				expect(ja, name).not.toMatch(/\{\w+\}/);
				expect(englishWords(ja, p), `${name}: ${ja}`).toEqual([]);
				if (typeof p.params?.row === 'number') expect(ja).toContain(`${p.params.row} 行目`);
				if (p.params?.column) expect(ja).toContain(`「${p.params.column}」`);
			}
	});

	it('a duplicate id in Japanese names both rows and the id in 「」', async () => {
		i18n.set('ja');
		const dup = (await cases())
			.flatMap(([, ps]) => ps)
			.find((p) => p.code === 'duplicate-id' && !p.params?.snapshot)!;
		expect(problemText(dup)).toBe('4 行目・列「id」：アカウント ID「A」が 2 行目と重複しています');
	});

	it('every binary kind has words in both languages', () => {
		for (const locale of ['en', 'ja'] as const) {
			i18n.set(locale);
			for (const kind of BINARY_KINDS) {
				const text = problemText({ code: 'BinaryFile', params: { kind, at: 5 }, message: '' });
				expect(text, kind).not.toMatch(/prob\.bin|\{\w+\}/);
			}
		}
	});

	it('renamed headers: English as the core, Japanese with 「」', () => {
		const { notes } = cleanHeaders(['id', '', 'id', '__proto__', ' mrr ']);
		const reasons: HeaderRenameReason[] = ['blank', 'duplicate', 'reserved', 'trimmed'];
		expect(notes.map((n) => n.reason)).toEqual(reasons);
		i18n.set('en');
		for (const n of notes) expect(headerNoteText(n)).toBe(n.message);
		i18n.set('ja');
		expect(notes.map(headerNoteText)).toEqual([
			'2 列目に見出しがないため「column_2」と名付けました。',
			'3 列目：見出し「id」が重複しているため「id_2」に変えました。',
			'4 列目：見出し「__proto__」は予約語のため「__proto___col」に変えました。',
			'5 列目：見出し「 mrr 」の前後の空白を取り除きました。'
		]);
	});

	it('a problem the state layer finds keeps its English and follows the UI language', () => {
		const p = said('prob.map.dateOrder', { name: 'Signed up' });
		expect(p.message).toBe(
			'Column “Signed up”: dates like 01/02/2024 can be read two ways. Choose the date order.'
		);
		i18n.set('ja');
		expect(problemText(p)).toBe(
			'列「Signed up」：01/02/2024 のような日付は 2 通りに読めます。日付の順序を選んでください。'
		);
		expect(p.message).toMatch(/^Column/);
	});

	it('an issue without figures falls back to the core’s English', () => {
		i18n.set('ja');
		expect(problemText({ code: 'Empty', message: 'Old words.' })).toBe('Old words.');
	});
});

describe('storage failures in English and Japanese', () => {
	it('every storage code: English as the store says it, Japanese otherwise', () => {
		for (const code of Object.keys(STORAGE_MESSAGES) as StorageErrorCode[]) {
			expect(STORAGE_FAILURES[code], code).toBeDefined();
			const err = new StorageError(code);
			i18n.set('en');
			expect(storageErrorText(err)).toBe(STORAGE_MESSAGES[code]);
			i18n.set('ja');
			const ja = storageErrorText(err);
			expect(ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(ja, code).not.toMatch(/[A-Za-z]{3,}/);
		}
	});

	it('a browser quota error is said as "storage is full"; a message naming a dataset stays', () => {
		i18n.set('ja');
		const quota = Object.assign(new Error('x'), { name: 'QuotaExceededError' });
		expect(storageErrorText(quota)).toContain('保存領域がいっぱい');
		const named = new StorageError('unknown', 'Saved dataset "Q3" is incomplete (1 of 2 rows).');
		expect(storageErrorText(named)).toBe(named.message);
	});
});

describe('storage failures the store words for one case, in English and Japanese', () => {
	const params: Record<StorageWhy, Record<string, string | number>> = {
		inconsistent: { what: 'meta.id is empty' },
		incomplete: { name: 'Q3 accounts', covered: 1, rows: 2 },
		terminated: {},
		'id-taken': { id: 'ds-123' },
		'import-cancelled': {},
		'dataset-gone': {},
		'model-gone': { id: 'm-9' },
		'failed-because': { detail: 'UnknownError: disk I/O' }
	};

	it('every case: English as the store words it, Japanese keeping the name, id or detail', () => {
		for (const why of Object.keys(STORAGE_WHY) as StorageWhy[]) {
			expect(STORAGE_WHYS[why], why).toBeDefined();
			const err = storageFailure('unknown', why, params[why]);
			i18n.set('en');
			expect(storageErrorText(err), why).toBe(err.message);
			i18n.set('ja');
			const ja = storageErrorText(err);
			expect(ja, why).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(ja, why).not.toMatch(/\{\w+\}/);
			let rest = ja;
			for (const v of Object.values(params[why])) {
				expect(ja, why).toContain(String(v));
				rest = rest.split(String(v)).join(' ');
			}
			expect(rest.match(/[A-Za-z]{3,}/g) ?? [], `${why}: ${ja}`).toEqual([]);
		}
	});

	it('an unknown browser failure keeps its detail after the Japanese lead sentence', () => {
		const err = toStorageError(new Error('transaction failed'));
		expect(err.message).toBe('Saving failed; nothing was changed. (transaction failed)');
		i18n.set('ja');
		expect(storageErrorText(err)).toBe(
			'保存に失敗しました。何も変更されていません。（transaction failed）'
		);
	});
});

describe('worker failures and backups in English and Japanese', () => {
	it('every worker failure: English as the core, Japanese otherwise', () => {
		for (const kind of Object.keys(FAILURE_MESSAGES) as (keyof typeof FAILURE_MESSAGES)[]) {
			expect(WORKER_FAILURES[kind], kind).toBeDefined();
			i18n.set('en');
			expect(workerFailureText({ kind })).toBe(FAILURE_MESSAGES[kind]);
			i18n.set('ja');
			expect(workerFailureText({ kind })).toMatch(/再読み込み/);
		}
	});

	it('every backup reason: English as the core, Japanese with the names in 「」', () => {
		const params = { mb: 600, name: 'Q3 accounts', column: 'mrr', path: 'tiers', detail: 'x' };
		for (const code of Object.keys(BACKUP_WHY) as BackupWhyCode[]) {
			const why = { code, params };
			i18n.set('en');
			expect(backupWhyUi(why), code).toBe(backupWhyText(why));
			i18n.set('ja');
			const ja = backupWhyUi(why);
			expect(ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(ja, code).not.toMatch(/\{\w+\}|“/);
			if (BACKUP_WHY[code].includes('{name}')) expect(ja, code).toContain('「Q3 accounts」');
		}
	});

	it('a file that is not a backup: the whole sentence in both languages', async () => {
		const r = await decodeBackup(new TextEncoder().encode('id,mrr\nA,10\n'));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problem).toEqual({ stage: 'file', why: { code: 'not-backup' } });
		i18n.set('en');
		expect(backupProblemText(r.problem)).toBe(r.message);
		i18n.set('ja');
		expect(backupProblemText(r.problem)).toBe(
			'このファイルはワークベンチのバックアップとして使えません：「すべてをバックアップ」で作られたファイルではありません。何も変更していません。'
		);
	});

	it('backup counts: one and many in English, 件 in Japanese', () => {
		i18n.set('en');
		expect(backupCounts({ datasets: 1, models: 2 })).toEqual({
			datasets: '1 dataset',
			models: '2 models'
		});
		i18n.set('ja');
		expect(backupCounts({ datasets: 1, models: 2 })).toEqual({
			datasets: 'データセット 1 件',
			models: 'モデル 2 件'
		});
	});
});
