/**
 * The CSV import wizard's state: choose a file → read it (worker, progress, cancel, encoding and
 * delimiter choices) → map columns to roles and types → report unreadable rows → store it
 * all-or-nothing and make it the active dataset. The same pipeline runs without the wizard for
 * the sample portfolio (`importAuto`). Components call the methods; nothing here touches the DOM.
 */
import { storageErrorText } from '$lib/i18n/problem-text';
import { ParseClient, type WorkerLike } from '$lib/workers/parse-client';
import type { ColumnMapping } from '$lib/data/csv/build';
import type { Delimiter, Dialect } from '$lib/data/csv/dialect';
import type { EncodingCandidate, EncodingName } from '$lib/data/csv/encoding';
import type { HeaderNote } from '$lib/data/csv/headers';
import type { ColumnProfile } from '$lib/data/csv/infer';
import type { ParseIssue, ParseProgress } from '$lib/data/csv/parse';
import type { DateOrder, DecimalSeparator } from '$lib/data/csv/values';
import type { ColumnRole, ColumnType, Dataset, DatasetMeta, Grain } from '$lib/data/dataset';
import { isTimeZone } from '$lib/data/csv/timezone';
import { ROLE_WORDS } from '$lib/data/remap';
import { applyGrain, detectGrain, timeStatement, type GrainGuess } from './import-grain';
import { grainReasonText, timeReadingText } from '$lib/i18n/data-text';
import { newId } from '$lib/data/db/store';
import { toStorageError } from '$lib/data/db/errors';
import { t } from '$lib/i18n/i18n.svelte';
import { problemText, said, workerFailureText, type Problem } from '$lib/i18n/problem-text';
import { measureSince } from '$lib/data/measure';
import type { ParsedFile } from '$lib/workers/parse-protocol';
import type { WorkerFailureKind } from '$lib/workers/client';
import { datasets as sharedDatasets, type DatasetsState } from './datasets.svelte';
import { sources } from './sources.svelte';
import { backup } from './backup.svelte';
import { workbench, type Workbench } from './workbench.svelte';
import {
	applyRemembered,
	churnShare,
	issueRows,
	rowsFromProfiles,
	SINGLE_ROLES,
	toRemembered,
	type MappingRow,
	churnChoice,
	churnValueForBuild,
	type RememberedMapping,
	type ReportIssue
} from './import-mapping';
import { workerTrouble } from './worker-trouble.svelte';

export type ImportStep =
	| 'choose'
	| 'reading'
	| 'encoding'
	| 'blocked'
	| 'mapping'
	| 'building'
	| 'report'
	| 'duplicate'
	| 'saving'
	| 'done';

/**
 * Ignored columns held (as text) for changing roles later, at most: a very wide file keeps
 * the rest out, and changing one of those needs the file again.
 */
export const HOLD_MAX_COLUMNS = 200;

/** Unreadable cells listed individually in the report; the rest are counted. */
export const REPORT_LIST_CAP = 200;

export interface ReportSummary {
	rows: number;
	columns: number;
	/** Rows left out: unreadable cells, duplicate or blank ids, ragged rows. */
	skippedRows: number;
	/** Every problem found (also those not listed). */
	issueCount: number;
	/** First `REPORT_LIST_CAP` problems, ragged rows first, then cells. */
	issues: ReportIssue[];
	/** Share of churned accounts when a churned flag is mapped (0–1), else null. */
	churnShare: number | null;
	churnedColumn: string | null;
	/** Cells kept but worth checking (dates before 1900 or after 2100): first ones, and all. */
	warnings: ReportIssue[];
	warningCount: number;
}

export interface ImportDeps {
	workbench?: Workbench;
	datasets?: DatasetsState;
	/** Worker factory (tests run the parse session in-process). */
	worker?: () => WorkerLike;
	/** Called after an import replaced a stored dataset (the recipe re-runs on it). */
	onReplaced?: (oldId: string, meta: DatasetMeta) => void | Promise<void>;
	now?: () => number;
}

/** SHA-256 of the file's bytes as lower-case hex (identical files are detected by it). */
export async function hashFile(file: Blob): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "telco-churn.csv" → "telco-churn". */
export function nameFromFile(fileName: string): string {
	return fileName.replace(/\.(csv|tsv|txt)$/i, '').trim() || 'Dataset';
}

/** The chosen file and the choices that outlive a re-read (another encoding or delimiter). */
export interface PickedFile {
	file: File;
	/** Name the dataset is stored under (editable on the mapping step). */
	datasetName: string;
	/** Encoding picked from the previews; null: detected. */
	encodingChoice: EncodingName | null;
}

/** What a successful read found, and the mapping the user edits (roles, types, grain, zone). */
export interface ReadFile {
	encoding: EncodingName;
	dialect: Dialect;
	headerNotes: HeaderNote[];
	rows: number;
	columns: MappingRow[];
	/** What one row is (detected, then the user's choice). */
	grain: Grain;
	/** What detection found and why (shown beside the choice). */
	grainGuess: GrainGuess;
	/** Time zone the timestamps are read in (IANA name). */
	timeZone: string;
	/** Set when a remembered mapping for these headers was applied. */
	usedRememberedMapping: boolean;
	/** A short, polite note: this column had the role just given to another, and is now ignored. */
	notice: { name: string; role: ColumnRole } | null;
	/** Mapping problems that block the review (no account id, duplicate role). */
	mappingErrors: Problem[];
}

/**
 * Where the import stands: each step carries exactly the data it has, so a reset is one
 * assignment and no step can hold another's leftovers (a report without a read file, …).
 */
export type ImportPhase =
	| { step: 'choose' }
	| { step: 'reading'; picked: PickedFile; progress: ParseProgress }
	| { step: 'encoding'; picked: PickedFile; candidates: EncodingCandidate[] }
	/** Problems that stop the import (unbalanced quotes, empty file, caps). */
	| { step: 'blocked'; picked: PickedFile; issues: ParseIssue[]; dialect: Dialect | null }
	| { step: 'mapping' | 'building'; picked: PickedFile; read: ReadFile }
	| {
			step: 'report' | 'saving';
			picked: PickedFile;
			read: ReadFile;
			report: ReportSummary;
			/** Rows written so far while storing, and the total. */
			saveProgress: { rows: number; total: number } | null;
	  }
	/** An earlier import of the same bytes (`duplicateOf`) asks before storing. */
	| {
			step: 'duplicate';
			picked: PickedFile;
			read: ReadFile;
			report: ReportSummary;
			duplicateOf: DatasetMeta;
	  }
	| { step: 'done' };

export class ImportState {
	phase = $state<ImportPhase>({ step: 'choose' });
	/** What stopped the last step (shown above the current one); cleared by a reset. */
	error = $state<string | null>(null);
	/** Re-map: the stored dataset the next import replaces (kept across resets). */
	replaceTarget = $state.raw<DatasetMeta | null>(null);
	/** The dataset the last import stored (kept across resets, shown on step 1). */
	saved = $state.raw<DatasetMeta | null>(null);

	// Read-only views of the phase, for the step components.
	get step(): ImportStep {
		return this.phase.step;
	}
	get #picked(): PickedFile | null {
		return 'picked' in this.phase ? this.phase.picked : null;
	}
	get #read(): ReadFile | null {
		return 'read' in this.phase ? this.phase.read : null;
	}
	get file(): File | null {
		return this.#picked?.file ?? null;
	}
	get datasetName(): string {
		return this.#picked?.datasetName ?? '';
	}
	set datasetName(name: string) {
		const picked = this.#picked;
		if (picked) picked.datasetName = name;
	}
	get encodingChoice(): EncodingName | null {
		return this.#picked?.encodingChoice ?? null;
	}
	get progress(): ParseProgress | null {
		return this.phase.step === 'reading' ? this.phase.progress : null;
	}
	get encodingCandidates(): EncodingCandidate[] {
		return this.phase.step === 'encoding' ? this.phase.candidates : [];
	}
	get blockingIssues(): ParseIssue[] {
		return this.phase.step === 'blocked' ? this.phase.issues : [];
	}
	get dialect(): Dialect | null {
		return this.phase.step === 'blocked' ? this.phase.dialect : (this.#read?.dialect ?? null);
	}
	get encoding(): EncodingName | null {
		return this.#read?.encoding ?? null;
	}
	get headerNotes(): HeaderNote[] {
		return this.#read?.headerNotes ?? [];
	}
	get rows(): number {
		return this.#read?.rows ?? 0;
	}
	get columns(): MappingRow[] {
		return this.#read?.columns ?? [];
	}
	get grain(): Grain {
		return this.#read?.grain ?? 'account';
	}
	/** What detection found and why, in the UI language (a reactive read of the language). */
	get grainGuess(): { grain: Grain; reason: string } | null {
		const g = this.#read?.grainGuess;
		return g ? { grain: g.grain, reason: grainReasonText(g.why) } : null;
	}
	get timeZone(): string {
		return this.#read?.timeZone ?? 'UTC';
	}
	/** How dates with times are read, in the UI language; null when no date column has times. */
	get timeNote(): string | null {
		const r = this.#timeReading;
		return r ? timeReadingText(r) : null;
	}
	#timeReading = $derived(timeStatement(this.columns, this.timeZone));
	get usedRememberedMapping(): boolean {
		return this.#read?.usedRememberedMapping ?? false;
	}
	/** The note on a role moved from one column to another, in the UI language. */
	get notice(): string | null {
		const n = this.#read?.notice;
		return n ? t('prob.map.roleMoved', { name: n.name, role: t(`dt.role.${n.role}`) }) : null;
	}
	/** The mapping problems in the UI language (a reactive read of the language). */
	get mappingErrors(): string[] {
		return (this.#read?.mappingErrors ?? []).map(problemText);
	}
	get report(): ReportSummary | null {
		return 'report' in this.phase ? this.phase.report : null;
	}
	get saveProgress(): { rows: number; total: number } | null {
		return 'saveProgress' in this.phase ? this.phase.saveProgress : null;
	}
	get duplicateOf(): DatasetMeta | null {
		return this.phase.step === 'duplicate' ? this.phase.duplicateOf : null;
	}

	#wb: Workbench;
	#ds: DatasetsState;
	#client: ParseClient | null = null;
	#workerFactory: (() => WorkerLike) | undefined;
	#onReplaced: ImportDeps['onReplaced'];
	#parsed: (ParsedFile & { parseId: number }) | null = null;
	#hash: Promise<string> | null = null;
	#built: Dataset | null = null;
	#raggedIssues: ParseIssue[] = [];
	#persistAsked = false;
	#now: () => number;

	constructor(deps: ImportDeps = {}) {
		this.#wb = deps.workbench ?? workbench;
		this.#ds = deps.datasets ?? sharedDatasets;
		this.#workerFactory = deps.worker;
		this.#onReplaced = deps.onReplaced;
		this.#now = deps.now ?? Date.now;
	}

	get delimiter(): Delimiter | null {
		return this.dialect?.delimiter ?? null;
	}

	get raggedRows(): number {
		return this.#parsed?.raggedRows ?? 0;
	}

	#clientOrNew(): ParseClient {
		this.#client ??= new ParseClient(this.#workerFactory, {
			onFailure: (f) => workerTrouble.report(f)
		});
		return this.#client;
	}

	/** Back to step 1; forgets the file (the worker's copy is released). */
	reset(): void {
		this.#client?.cancel();
		if (this.#parsed) this.#client?.release(this.#parsed.parseId);
		this.#parsed = null;
		this.#built = null;
		this.#hash = null;
		this.#raggedIssues = [];
		this.phase = { step: 'choose' };
		this.error = null;
	}

	/** Re-map a stored dataset: the next import uses its mapping and replaces it. */
	startRemap(meta: DatasetMeta): void {
		this.reset();
		this.saved = null;
		this.replaceTarget = meta;
	}

	cancelRemap(): void {
		this.replaceTarget = null;
	}

	/** Step 1 → 2: read the file in the worker. */
	async chooseFile(file: File): Promise<void> {
		const target = this.replaceTarget;
		this.reset();
		this.replaceTarget = target;
		this.saved = null;
		const picked = { file, datasetName: target?.name ?? nameFromFile(file.name) };
		await this.#parse({ ...picked, encodingChoice: null });
	}

	/** Cancel reading: back to step 1, nothing kept. */
	cancelReading(): void {
		this.#client?.cancel();
		this.reset();
	}

	/** Re-read with the encoding the user picked from the previews. */
	async chooseEncoding(encoding: EncodingName): Promise<void> {
		const picked = this.#picked;
		if (!picked) return;
		picked.encodingChoice = encoding;
		await this.#parse(picked);
	}

	/** Re-read with a delimiter override (`, ; \t |`). */
	async chooseDelimiter(delimiter: Delimiter): Promise<void> {
		const picked = this.#picked;
		if (!picked || delimiter === this.dialect?.delimiter) return;
		await this.#parse(picked, delimiter);
	}

	async #parse(from: PickedFile, delimiter?: Delimiter): Promise<void> {
		const { file, encodingChoice } = from;
		// A re-read keeps the time zone chosen for the previous read.
		const zone = this.#read?.timeZone;
		this.error = null;
		this.phase = {
			step: 'reading',
			picked: from,
			progress: { rows: 0, bytes: 0, totalBytes: file.size, elapsedMs: 0 }
		};
		const picked = (this.phase as Extract<ImportPhase, { step: 'reading' }>).picked;
		const client = this.#clientOrNew();
		if (this.#parsed) client.release(this.#parsed.parseId);
		this.#parsed = null;
		const t0 = performance.now();
		const outcome = await client.parse(
			file,
			{
				returnColumns: false,
				...(encodingChoice ? { encoding: encodingChoice } : {}),
				...(delimiter ? { delimiter } : {})
			},
			(p) => {
				if (this.phase.step === 'reading' && this.phase.picked === picked) this.phase.progress = p;
			}
		);
		if (this.phase.step !== 'reading' || this.phase.picked !== picked) return; // superseded
		measureSince('import:parse', t0);
		switch (outcome.status) {
			case 'cancelled':
				return;
			case 'error':
				this.error = t('prob.imp.unreadable', { error: errorText(outcome) });
				this.phase = { step: 'choose' };
				return;
			case 'needs-encoding':
				picked.encodingChoice = outcome.guess;
				this.phase = { step: 'encoding', picked, candidates: outcome.candidates };
				return;
			case 'blocked':
				this.phase = { step: 'blocked', picked, issues: outcome.issues, dialect: outcome.dialect };
				return;
			case 'ok':
				await this.#parsedOk(picked, { ...outcome.file, parseId: outcome.parseId }, zone);
		}
	}

	async #parsedOk(
		picked: PickedFile,
		parsed: ParsedFile & { parseId: number },
		zone: string | undefined
	): Promise<void> {
		this.#parsed = parsed;
		// The worker hashed the bytes while parsing; hash here only if it could not.
		if (parsed.fileHash) this.#hash = Promise.resolve(parsed.fileHash);
		this.#raggedIssues = parsed.issues;
		let timeZone = zone ?? 'UTC';
		let usedRememberedMapping = false;
		let rows = rowsFromProfiles(parsed.profiles, parsed.originalHeaders);
		const target = this.replaceTarget;
		const remembered: RememberedMapping | null = target
			? { columns: target.columns.map((c) => ({ ...c })) }
			: await this.#findMapping(parsed.originalHeaders);
		const guess = detectGrain(rows);
		let grain = guess.grain;
		if (this.#parsed !== parsed) return; // superseded while the mapping was looked up
		if (remembered) {
			rows = applyRemembered(rows, remembered);
			usedRememberedMapping = true;
			const r = remembered as RememberedMapping & { grain?: Grain; timeZone?: string };
			grain =
				target?.grain ??
				r.grain ??
				(rows.some((c) => c.role === 'snapshot-date') ? 'snapshot' : 'account');
			const savedZone = target?.timeZone ?? r.timeZone;
			if (savedZone && isTimeZone(savedZone)) timeZone = savedZone;
		} else applyGrain(rows, grain);
		this.phase = {
			step: 'mapping',
			picked,
			read: {
				encoding: parsed.encoding,
				dialect: parsed.dialect,
				headerNotes: parsed.headerNotes,
				rows: parsed.rows,
				columns: rows,
				grain,
				grainGuess: guess,
				timeZone,
				usedRememberedMapping,
				notice: null,
				mappingErrors: []
			}
		};
	}

	async #findMapping(headers: string[]): Promise<RememberedMapping | null> {
		const store = this.#ds.store;
		if (!store) return null;
		try {
			return await store.findMapping<RememberedMapping>(headers);
		} catch {
			return null; // a remembered mapping is a convenience, never a blocker
		}
	}

	// ----- mapping edits ------------------------------------------------------------------------

	setRole(index: number, role: ColumnRole): void {
		const read = this.#read;
		const row = read?.columns.find((c) => c.index === index);
		if (!read || !row) return;
		read.notice = null;
		if (SINGLE_ROLES.includes(role)) {
			for (const other of read.columns) {
				if (other !== row && other.role === role) {
					other.role = 'ignore';
					read.notice = { name: other.name, role };
				}
			}
		}
		row.role = role;
		if (role === 'churned' && row.type !== 'boolean') {
			row.type = 'boolean';
			// A column of words (Churned / Active): start from the likeliest churn value.
			if (row.churnValue === null && row.profile.type !== 'boolean') {
				const choice = churnChoice(row);
				if (choice) row.churnValue = choice.chosen;
			}
		}
		if (
			(role.endsWith('-date') || role.startsWith('period-') || role === 'event-time') &&
			row.type !== 'date'
		)
			row.type = 'date';
		read.mappingErrors = [];
	}

	/** What one row is: sets the roles that grain needs (key, event time, period start/end). */
	setGrain(grain: Grain): void {
		const read = this.#read;
		if (!read) return;
		read.grain = grain;
		applyGrain(read.columns, grain);
		read.notice = null;
		read.mappingErrors = [];
	}

	setTimeZone(zone: string): void {
		const read = this.#read;
		if (read && isTimeZone(zone)) read.timeZone = zone;
	}

	setType(index: number, type: ColumnType): void {
		const read = this.#read;
		const row = read?.columns.find((c) => c.index === index);
		if (row) row.type = type;
		if (read) read.mappingErrors = [];
	}

	/** Which value of a yes/no or worded outcome column means churned. */
	setChurnValue(index: number, value: string): void {
		const read = this.#read;
		const row = read?.columns.find((c) => c.index === index);
		if (row) row.churnValue = value;
		if (read) read.mappingErrors = [];
	}

	setDecimal(index: number, decimal: DecimalSeparator): void {
		const row = this.columns.find((c) => c.index === index);
		if (row) row.decimal = decimal;
	}

	setDateOrder(index: number, order: DateOrder): void {
		const row = this.columns.find((c) => c.index === index);
		if (row) {
			row.dateOrder = order;
			row.dateOrderConfirmed = true;
		}
	}

	/**
	 * One row per account and no column is the account id: the rows are numbered 1…n and the
	 * number is the account id (said in the wizard, on the report and on the Data screen).
	 */
	get rowNumberIds(): boolean {
		return this.grain === 'account' && !this.columns.some((c) => c.role === 'account-id');
	}

	/** Problems the user must fix before the review (also computed by the build). */
	checkMapping(): Problem[] {
		const errors: Problem[] = [];
		const has = (role: ColumnRole) => this.columns.some((c) => c.role === role);
		const g = this.grain;
		if (!has('account-id') && !this.rowNumberIds)
			errors.push(
				said(g === 'account' || g === 'snapshot' ? 'prob.map.needId' : 'prob.map.needKey')
			);
		if (g === 'event' && !has('event-time')) errors.push(said('prob.map.needEventTime'));
		if (g === 'period' && !has('period-start')) errors.push(said('prob.map.needPeriodStart'));
		if (g === 'snapshot' && !has('snapshot-date')) errors.push(said('prob.map.needSnapshot'));
		for (const c of this.columns)
			if (c.type === 'date' && c.dateOrderAmbiguous && !c.dateOrderConfirmed && c.role !== 'ignore')
				errors.push(said('prob.map.dateOrder', { name: c.name }));
		return errors;
	}

	// ----- review and commit --------------------------------------------------------------------

	/** Step 3 → 4: type the cells in the worker; list what cannot be read. */
	async review(): Promise<void> {
		const parsed = this.#parsed;
		const phase = this.phase;
		if (!parsed || phase.step !== 'mapping') return;
		const { picked, read } = phase;
		const errors = this.checkMapping();
		read.mappingErrors = errors;
		if (errors.length > 0) return;
		this.phase = { step: 'building', picked, read };
		this.error = null;
		let held = 0;
		const mapping: ColumnMapping[] = this.columns.map((c) => ({
			index: c.index,
			role: c.role,
			type: c.type,
			decimal: c.decimal,
			dateOrder: c.dateOrder,
			excelSerial: c.excelSerial,
			churnValue: churnValueForBuild(c),
			// Ignored columns with values are held as text: their role can change later
			// without choosing the file again (Data screen, "Change column roles").
			...(c.role === 'ignore' && c.profile.missingShare < 1 && held++ < HOLD_MAX_COLUMNS
				? {
						hold: {
							type: c.profile.type,
							decimal: c.decimal,
							dateOrder: c.dateOrder,
							excelSerial: c.excelSerial
						}
					}
				: {})
		}));
		const t0 = performance.now();
		const outcome = await this.#clientOrNew().build(parsed.parseId, mapping, {
			skipRows: true,
			grain: this.grain,
			timeZone: this.timeZone,
			rowNumberIds: this.rowNumberIds
		});
		if (this.#parsed !== parsed) return;
		measureSince('import:build', t0);
		if (outcome.status !== 'built') {
			this.error =
				outcome.status === 'error' ? t('prob.imp.untyped', { error: errorText(outcome) }) : null;
			this.phase = { step: 'mapping', picked, read };
			return;
		}
		const result = outcome.result;
		if (!result.ok) {
			read.mappingErrors = result.issues;
			this.phase = { step: 'mapping', picked, read };
			return;
		}
		const file = picked.file;
		const meta: DatasetMeta = {
			id: newId('ds'),
			name: this.datasetName.trim() || nameFromFile(file.name),
			fileName: file.name,
			fileHash: '',
			createdAt: this.#now(),
			rows: result.table.n,
			columns: result.columns,
			dateRange: result.dateRange,
			bytes: 0,
			grain: this.grain,
			timeZone: this.timeZone
		};
		this.#built = { meta, ids: result.ids, table: result.table };
		const skipped = result.skippedRows + parsed.raggedRows;
		const churned = result.columns.find((c) => c.role === 'churned')?.name ?? null;
		const report: ReportSummary = {
			rows: result.table.n,
			columns: result.columns.filter((c) => c.role !== 'ignore').length,
			skippedRows: skipped,
			issueCount: result.issueCount + parsed.raggedRows,
			issues: issueRows(this.#raggedIssues, result.issues, REPORT_LIST_CAP),
			churnShare: churned ? churnShare(result.table, churned) : null,
			churnedColumn: churned,
			warnings: (result.warnings ?? []).slice(0, REPORT_LIST_CAP).map((w) => ({
				row: w.row,
				column: w.column,
				code: w.code,
				message: w.message,
				...(w.params ? { params: w.params } : {})
			})),
			warningCount: result.warningCount ?? 0
		};
		this.phase = { step: 'report', picked, read, report, saveProgress: null };
	}

	/** Back from the report to the mapping. */
	backToMapping(): void {
		const phase = this.phase;
		if (!('read' in phase)) return;
		this.#built = null;
		this.phase = { step: 'mapping', picked: phase.picked, read: phase.read };
	}

	/**
	 * Step 4 → 5: store the reviewed dataset (rows with problems left out, as the report said).
	 * An identical earlier import asks first (replace / keep both / cancel).
	 */
	async commit(): Promise<void> {
		const built = this.#built;
		const store = this.#ds.store;
		if (!built) return;
		if (!store) {
			this.error = t('prob.imp.notOpen');
			return;
		}
		this.#askPersistence();
		const file = this.file;
		this.#hash ??= file ? hashFile(file).catch(() => '') : null;
		const hash = (await this.#hash) ?? '';
		built.meta.fileHash = hash;
		if (!this.replaceTarget && hash) {
			try {
				const existing = await store.findDatasetByHash(hash);
				const phase = this.phase;
				if (existing && phase.step === 'report') {
					this.phase = { ...phase, step: 'duplicate', duplicateOf: existing };
					return;
				}
			} catch {
				// Lookup failure: store as a new dataset.
			}
		}
		await this.#save(this.replaceTarget?.id);
	}

	/** The answer to "This file is already imported as X". */
	async resolveDuplicate(choice: 'replace' | 'keep-both' | 'cancel'): Promise<void> {
		const existing = this.duplicateOf;
		if (!existing || !this.#built) return;
		if (choice === 'cancel') {
			this.reset();
			return;
		}
		if (choice === 'keep-both') {
			// A throwaway lookup, not reactive state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const names = new Set(this.#ds.list.map((d) => d.name));
			let name = this.#built.meta.name;
			for (let k = 2; names.has(name); k++) name = `${this.#built.meta.name} (${k})`;
			this.#built.meta.name = name;
		}
		await this.#save(choice === 'replace' ? existing.id : undefined);
	}

	async #save(replaces: string | undefined): Promise<void> {
		const built = this.#built;
		const store = this.#ds.store;
		const phase = this.phase;
		if (!built || !store || !('report' in phase)) return;
		const { picked, read, report } = phase;
		this.phase = {
			step: 'saving',
			picked,
			read,
			report,
			saveProgress: { rows: 0, total: built.meta.rows }
		};
		const saving = this.phase;
		this.error = null;
		const t0 = performance.now();
		try {
			const meta = await store.saveDataset(
				built,
				(rows, total) => {
					if (this.phase === saving) this.phase.saveProgress = { rows, total };
				},
				{ activate: true, ...(replaces ? { replaces } : {}) }
			);
			measureSince('import:save', t0);
			this.#wb.setDataset({ ...built, meta });
			this.saved = meta;
			await this.#rememberMapping(store, read);
			if (this.#parsed) this.#client?.release(this.#parsed.parseId);
			this.#parsed = null;
			this.#built = null;
			this.replaceTarget = null;
			this.phase = { step: 'done' };
			const tr = performance.now();
			await this.#ds.refresh();
			measureSince('import:refresh', tr);
			if (replaces) await this.#onReplaced?.(replaces, meta);
		} catch (e) {
			const err = toStorageError(e);
			this.error = err.code === 'quota' ? t('prob.imp.full') : storageErrorText(err);
			if (err.code === 'closed' || err.code === 'version') this.#ds.markBlocking();
			this.phase = { step: 'report', picked, read, report, saveProgress: null };
		}
	}

	async #rememberMapping(
		store: NonNullable<DatasetsState['store']>,
		read: ReadFile
	): Promise<void> {
		const parsed = this.#parsed;
		if (!parsed) return;
		try {
			await store.saveMapping(parsed.originalHeaders, {
				...toRemembered(read.columns),
				grain: read.grain,
				timeZone: read.timeZone
			});
		} catch {
			// Remembering is a convenience: the dataset is stored either way.
		}
	}

	#askPersistence(): void {
		if (this.#persistAsked || !this.#ds.store?.isPersistent) return;
		this.#persistAsked = true;
		// The answer goes into the "had data" marker and the Backup panel's storage line.
		void backup.askPersistence();
	}

	// ----- without the wizard -------------------------------------------------------------------

	/**
	 * The whole pipeline with the automatic (or remembered) mapping and no questions: used for
	 * the sample portfolio and its raw exports. When the caller knows them, the answers a user
	 * gives the wizard: `grain`, what one row is (a churn log with one row per churned account
	 * reads as an account list otherwise), and `keep`, columns to keep that the automatic mapping
	 * leaves out (an account list's signup date, which a recipe reads). Rows with problems are
	 * skipped. Returns the stored meta, or throws an Error whose message says what stopped it.
	 */
	async importAuto(
		file: File,
		name: string,
		answers: { grain?: Grain; keep?: readonly string[] } = {}
	): Promise<DatasetMeta> {
		const t0 = performance.now();
		await this.chooseFile(file);
		if (this.step !== 'mapping') throw new Error(this.#stopReason('read'));
		this.datasetName = name;
		if (answers.grain && answers.grain !== this.grain) this.setGrain(answers.grain);
		for (const c of this.columns)
			if (c.role === 'ignore' && answers.keep?.includes(c.name)) c.role = 'keep';
		for (const c of this.columns) if (c.dateOrderAmbiguous) c.dateOrderConfirmed = true;
		await this.review();
		if ((this.step as ImportStep) !== 'report') throw new Error(this.#stopReason('map'));
		await this.#save(undefined);
		if ((this.step as ImportStep) !== 'done' || !this.saved)
			throw new Error(this.#stopReason('store'));
		measureSince('import:total', t0);
		return this.saved;
	}

	#stopReason(stage: 'read' | 'map' | 'store'): string {
		return (
			this.error ??
			this.mappingErrors[0] ??
			(this.blockingIssues[0] ? problemText(this.blockingIssues[0]) : undefined) ??
			t('prob.imp.stopped', {
				stage: t(`prob.imp.stage.${stage}`),
				step: t(`prob.imp.step.${this.step}`)
			})
		);
	}

	dispose(): void {
		this.#client?.dispose();
		this.#client = null;
	}
}

/** A worker's error: a failure to serve in the UI language, else the worker's own words. */
function errorText(e: { message: string; failure?: WorkerFailureKind }): string {
	return e.failure ? workerFailureText({ kind: e.failure }) : e.message;
}

/** Every role a column can be given, in the order the mapping's role lists show them. */
export const COLUMN_ROLES = Object.keys(ROLE_WORDS) as ColumnRole[];

export type { MappingRow, ReportIssue, ColumnProfile };

/** The wizard the Data screen shows (one per page); a replaced source re-runs the recipe. */
export const importer = new ImportState({
	onReplaced: (oldId, meta) => sources.reimported(oldId, meta)
});
