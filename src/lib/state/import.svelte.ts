/**
 * The CSV import wizard's state: choose a file → read it (worker, progress, cancel, encoding and
 * delimiter choices) → map columns to roles and types → report unreadable rows → store it
 * all-or-nothing and make it the active dataset. The same pipeline runs without the wizard for
 * the sample portfolio (`importAuto`). Components call the methods; nothing here touches the DOM.
 */
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
import { applyGrain, detectGrain, timeStatement } from './import-grain';
import { newId } from '$lib/data/db/store';
import { toStorageError } from '$lib/data/db/errors';
import { measureSince } from '$lib/data/measure';
import type { ParsedFile } from '$lib/workers/protocol';
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

export class ImportState {
	step = $state<ImportStep>('choose');
	file = $state.raw<File | null>(null);
	progress = $state.raw<ParseProgress | null>(null);
	/** Rows written so far while storing, and the total. */
	saveProgress = $state.raw<{ rows: number; total: number } | null>(null);
	encoding = $state<EncodingName | null>(null);
	encodingCandidates = $state.raw<EncodingCandidate[]>([]);
	encodingChoice = $state<EncodingName | null>(null);
	dialect = $state.raw<Dialect | null>(null);
	headerNotes = $state.raw<HeaderNote[]>([]);
	/** Problems that stop the import (unbalanced quotes, empty file, caps). */
	blockingIssues = $state.raw<ParseIssue[]>([]);
	columns = $state<MappingRow[]>([]);
	rows = $state(0);
	/** What one row is (detected, then the user's choice). */
	grain = $state<Grain>('account');
	/** What detection found and why (shown beside the choice). */
	grainGuess = $state.raw<{ grain: Grain; reason: string } | null>(null);
	/** Time zone the timestamps are read in (IANA name). */
	timeZone = $state('UTC');
	/** How dates with times are read, in words; null when no kept date column has times. */
	timeNote = $derived(timeStatement(this.columns, this.timeZone));
	/** Set when a remembered mapping for these headers was applied. */
	usedRememberedMapping = $state(false);
	/** Short, polite notes (role moved from one column to another). */
	notice = $state<string | null>(null);
	/** Mapping problems that block the review (no account id, duplicate role). */
	mappingErrors = $state.raw<string[]>([]);
	report = $state.raw<ReportSummary | null>(null);
	/** An earlier import of the same bytes. */
	duplicateOf = $state.raw<DatasetMeta | null>(null);
	/** Re-map: the stored dataset the next import replaces. */
	replaceTarget = $state.raw<DatasetMeta | null>(null);
	datasetName = $state('');
	error = $state<string | null>(null);
	saved = $state.raw<DatasetMeta | null>(null);
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
		this.step = 'choose';
		this.file = null;
		this.progress = null;
		this.saveProgress = null;
		this.encoding = null;
		this.encodingCandidates = [];
		this.encodingChoice = null;
		this.dialect = null;
		this.headerNotes = [];
		this.blockingIssues = [];
		this.columns = [];
		this.rows = 0;
		this.grain = 'account';
		this.grainGuess = null;
		this.timeZone = 'UTC';
		this.usedRememberedMapping = false;
		this.notice = null;
		this.mappingErrors = [];
		this.report = null;
		this.duplicateOf = null;
		this.error = null;
		this.datasetName = '';
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
		this.file = file;
		this.datasetName = target?.name ?? nameFromFile(file.name);
		await this.#parse();
	}

	/** Cancel reading: back to step 1, nothing kept. */
	cancelReading(): void {
		this.#client?.cancel();
		this.reset();
	}

	/** Re-read with the encoding the user picked from the previews. */
	async chooseEncoding(encoding: EncodingName): Promise<void> {
		this.encodingChoice = encoding;
		await this.#parse();
	}

	/** Re-read with a delimiter override (`, ; \t |`). */
	async chooseDelimiter(delimiter: Delimiter): Promise<void> {
		if (delimiter === this.dialect?.delimiter) return;
		await this.#parse(delimiter);
	}

	async #parse(delimiter?: Delimiter): Promise<void> {
		const file = this.file;
		if (!file) return;
		this.step = 'reading';
		this.error = null;
		this.progress = { rows: 0, bytes: 0, totalBytes: file.size, elapsedMs: 0 };
		const client = this.#clientOrNew();
		if (this.#parsed) client.release(this.#parsed.parseId);
		this.#parsed = null;
		const t0 = performance.now();
		const outcome = await client.parse(
			file,
			{
				returnColumns: false,
				...(this.encodingChoice ? { encoding: this.encodingChoice } : {}),
				...(delimiter ? { delimiter } : {})
			},
			(p) => (this.progress = p)
		);
		if (this.file !== file) return; // superseded by another file or a reset
		measureSince('import:parse', t0);
		switch (outcome.status) {
			case 'cancelled':
				return;
			case 'error':
				this.error = `The file could not be read: ${outcome.message}`;
				this.step = 'choose';
				return;
			case 'needs-encoding':
				this.encodingCandidates = outcome.candidates;
				this.encodingChoice = outcome.guess;
				this.step = 'encoding';
				return;
			case 'blocked':
				this.blockingIssues = outcome.issues;
				this.dialect = outcome.dialect;
				this.step = 'blocked';
				return;
			case 'ok':
				await this.#parsedOk({ ...outcome.file, parseId: outcome.parseId });
		}
	}

	async #parsedOk(parsed: ParsedFile & { parseId: number }): Promise<void> {
		this.#parsed = parsed;
		// The worker hashed the bytes while parsing; hash here only if it could not.
		if (parsed.fileHash) this.#hash = Promise.resolve(parsed.fileHash);
		this.encoding = parsed.encoding;
		this.dialect = parsed.dialect;
		this.headerNotes = parsed.headerNotes;
		this.rows = parsed.rows;
		this.#raggedIssues = parsed.issues;
		let rows = rowsFromProfiles(parsed.profiles, parsed.originalHeaders);
		const target = this.replaceTarget;
		const remembered: RememberedMapping | null = target
			? { columns: target.columns.map((c) => ({ ...c })) }
			: await this.#findMapping(parsed.originalHeaders);
		const guess = detectGrain(rows);
		let grain = guess.grain;
		if (remembered) {
			rows = applyRemembered(rows, remembered);
			this.usedRememberedMapping = true;
			const r = remembered as RememberedMapping & { grain?: Grain; timeZone?: string };
			grain =
				target?.grain ??
				r.grain ??
				(rows.some((c) => c.role === 'snapshot-date') ? 'snapshot' : 'account');
			const zone = target?.timeZone ?? r.timeZone;
			if (zone && isTimeZone(zone)) this.timeZone = zone;
		} else applyGrain(rows, grain);
		this.grainGuess = guess;
		this.grain = grain;
		this.columns = rows;
		this.mappingErrors = [];
		this.step = 'mapping';
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
		const row = this.columns.find((c) => c.index === index);
		if (!row) return;
		this.notice = null;
		if (SINGLE_ROLES.includes(role)) {
			for (const other of this.columns) {
				if (other !== row && other.role === role) {
					other.role = 'ignore';
					this.notice = `“${other.name}” was the ${roleLabel(role)}; it is now ignored.`;
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
		this.mappingErrors = [];
	}

	/** What one row is: sets the roles that grain needs (key, event time, period start/end). */
	setGrain(grain: Grain): void {
		this.grain = grain;
		applyGrain(this.columns, grain);
		this.notice = null;
		this.mappingErrors = [];
	}

	setTimeZone(zone: string): void {
		if (isTimeZone(zone)) this.timeZone = zone;
	}

	setType(index: number, type: ColumnType): void {
		const row = this.columns.find((c) => c.index === index);
		if (row) row.type = type;
		this.mappingErrors = [];
	}

	/** Which value of a yes/no or worded outcome column means churned. */
	setChurnValue(index: number, value: string): void {
		const row = this.columns.find((c) => c.index === index);
		if (row) row.churnValue = value;
		this.mappingErrors = [];
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
	checkMapping(): string[] {
		const errors: string[] = [];
		const has = (role: ColumnRole) => this.columns.some((c) => c.role === role);
		const g = this.grain;
		if (!has('account-id') && !this.rowNumberIds)
			errors.push(
				g === 'account' || g === 'snapshot'
					? 'Choose the column that holds the account id (role “account id”).'
					: 'Choose the key column: the id each row belongs to (role “account id”; another id such as a subscription id is fine).'
			);
		if (g === 'event' && !has('event-time'))
			errors.push('Events need a date: choose the column that dates each row (role “event time”).');
		if (g === 'period' && !has('period-start'))
			errors.push(
				'Periods need a start: choose the column where each period starts (role “period start”).'
			);
		if (g === 'snapshot' && !has('snapshot-date'))
			errors.push('Snapshots need a date: choose the snapshot date column (role “snapshot date”).');
		for (const c of this.columns)
			if (c.type === 'date' && c.dateOrderAmbiguous && !c.dateOrderConfirmed && c.role !== 'ignore')
				errors.push(
					`Column “${c.name}”: dates like 01/02/2024 can be read two ways. Choose the date order.`
				);
		return errors;
	}

	// ----- review and commit --------------------------------------------------------------------

	/** Step 3 → 4: type the cells in the worker; list what cannot be read. */
	async review(): Promise<void> {
		const parsed = this.#parsed;
		if (!parsed) return;
		const errors = this.checkMapping();
		this.mappingErrors = errors;
		if (errors.length > 0) return;
		this.step = 'building';
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
				outcome.status === 'error' ? `The columns could not be typed: ${outcome.message}` : null;
			this.step = 'mapping';
			return;
		}
		const result = outcome.result;
		if (!result.ok) {
			this.mappingErrors = result.issues.map((i) => i.message);
			this.step = 'mapping';
			return;
		}
		const file = this.file!;
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
		this.report = {
			rows: result.table.n,
			columns: result.columns.filter((c) => c.role !== 'ignore').length,
			skippedRows: skipped,
			issueCount: result.issueCount + parsed.raggedRows,
			issues: issueRows(this.#raggedIssues, result.issues, REPORT_LIST_CAP),
			churnShare: churned ? churnShare(result.table, churned) : null,
			churnedColumn: churned,
			warnings: (result.warnings ?? [])
				.slice(0, REPORT_LIST_CAP)
				.map((w) => ({ row: w.row, column: w.column, code: w.code, message: w.message })),
			warningCount: result.warningCount ?? 0
		};
		this.step = 'report';
	}

	/** Back from the report to the mapping. */
	backToMapping(): void {
		this.#built = null;
		this.report = null;
		this.step = 'mapping';
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
			this.error = 'Saved data is not open yet; try again in a moment.';
			return;
		}
		this.#askPersistence();
		this.#hash ??= this.file ? hashFile(this.file).catch(() => '') : null;
		const hash = (await this.#hash) ?? '';
		built.meta.fileHash = hash;
		if (!this.replaceTarget && hash) {
			try {
				const existing = await store.findDatasetByHash(hash);
				if (existing) {
					this.duplicateOf = existing;
					this.step = 'duplicate';
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
		this.duplicateOf = null;
		await this.#save(choice === 'replace' ? existing.id : undefined);
	}

	async #save(replaces: string | undefined): Promise<void> {
		const built = this.#built;
		const store = this.#ds.store;
		if (!built || !store) return;
		this.step = 'saving';
		this.error = null;
		this.saveProgress = { rows: 0, total: built.meta.rows };
		const t0 = performance.now();
		try {
			const meta = await store.saveDataset(
				built,
				(rows, total) => (this.saveProgress = { rows, total }),
				{ activate: true, ...(replaces ? { replaces } : {}) }
			);
			measureSince('import:save', t0);
			this.#wb.setDataset({ ...built, meta });
			this.saved = meta;
			await this.#rememberMapping(store);
			if (this.#parsed) this.#client?.release(this.#parsed.parseId);
			this.#parsed = null;
			this.#built = null;
			this.replaceTarget = null;
			this.step = 'done';
			const tr = performance.now();
			await this.#ds.refresh();
			measureSince('import:refresh', tr);
			if (replaces) await this.#onReplaced?.(replaces, meta);
		} catch (e) {
			const err = toStorageError(e);
			this.error =
				err.code === 'quota'
					? `Storage is full: the dataset was not saved. Delete a dataset or export your model, then try again. Everything saved before is still there.`
					: err.message;
			if (err.code === 'closed' || err.code === 'version') this.#ds.markBlocking();
			this.step = 'report';
		}
	}

	async #rememberMapping(store: NonNullable<DatasetsState['store']>): Promise<void> {
		const parsed = this.#parsed;
		if (!parsed) return;
		try {
			await store.saveMapping(parsed.originalHeaders, {
				...toRemembered(this.columns),
				grain: this.grain,
				timeZone: this.timeZone
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

	#stopReason(stage: string): string {
		return (
			this.error ??
			this.mappingErrors[0] ??
			this.blockingIssues[0]?.message ??
			`The import stopped at the ${stage} step (${this.step}).`
		);
	}

	dispose(): void {
		this.#client?.dispose();
		this.#client = null;
	}
}

/** Human name of a role, as the role select shows it. */
export function roleLabel(role: ColumnRole): string {
	return ROLE_LABELS[role];
}

export const ROLE_LABELS: Record<ColumnRole, string> = {
	'account-id': 'account id',
	'snapshot-date': 'snapshot date',
	segment: 'segment',
	metric: 'metric',
	churned: 'churned flag',
	'churn-date': 'churn date',
	'renewal-date': 'renewal date',
	expansion: 'expansion',
	'contract-value': 'contract value',
	'event-time': 'event time',
	'period-start': 'period start',
	'period-end': 'period end',
	keep: 'keep (for links and filters)',
	ignore: 'ignore'
};

export type { MappingRow, ReportIssue, ColumnProfile };

/** The wizard the Data screen shows (one per page); a replaced source re-runs the recipe. */
export const importer = new ImportState({
	onReplaced: (oldId, meta) => sources.reimported(oldId, meta)
});
