/**
 * Problem messages (`prob.*`): what the pure core reports as a code and figures, said in words by
 * `src/lib/i18n/problem-text.ts` — import-file problems (reading, typing the cells, renamed
 * headers, the mapping). The English keeps the core's own English wording word for word (a unit
 * test compares them). Spread into `en.ts` / `ja.ts`; `messages.test.ts` checks both.
 */
export const problemsEn = {
	// --- reading the file (parse issues) ---
	'prob.FileTooLarge': 'The file is {size} MB; the limit is {max} MB.',
	'prob.BinaryFile':
		'This is not a text (CSV) file: it looks like {what}. Export the data as CSV and import that file.',
	'prob.fields': 'Row {row} has {n} fields; the header has {ncols}.',
	'prob.fields.one': 'Row {row} has {n} field; the header has {ncols}.',
	'prob.TooManyRows': 'The file has more than {max} rows, the limit.',
	'prob.MissingQuotes':
		'Row {row}: a quoted cell is never closed (unbalanced quote), so the rest of the file cannot be read reliably.',
	'prob.InvalidQuotes':
		'Row {row}: a quoted cell has text after its closing quote (malformed quotes).',
	'prob.Empty': 'The file has no header row (it is empty).',
	'prob.TooManyColumns':
		'The header row has {n} columns; the limit is {max} (more than a spreadsheet can hold). Check the delimiter, or remove unused columns.',
	'prob.LineTooLong':
		'Row {row} is longer than {max} characters, the limit for one row. This is not a table this app can read (a missing line break or an unclosed quote?).',
	'prob.HeaderTooLong':
		'The header of column {col} is {length} characters long; a column name can have at most {max}. Is the first row really a header row?',
	'prob.CellTooLong':
		'Row {row}, column {col}: the cell is {length} characters long; the limit is {max}.',

	'prob.bin.png': 'a PNG image',
	'prob.bin.jpeg': 'a JPEG image',
	'prob.bin.gif': 'a GIF image',
	'prob.bin.webp': 'a WebP image',
	'prob.bin.pdf': 'a PDF document',
	'prob.bin.zip':
		'a ZIP archive (an Excel .xlsx workbook is one: open it in Excel and save as CSV)',
	'prob.bin.zip-empty': 'an empty ZIP archive',
	'prob.bin.xls': 'an old Excel .xls (or Word .doc) file: open it in Excel and save as CSV',
	'prob.bin.gzip': 'a gzip-compressed file: unpack it first',
	'prob.bin.bzip2': 'a bzip2-compressed file: unpack it first',
	'prob.bin.xz': 'an xz-compressed file: unpack it first',
	'prob.bin.zstd': 'a Zstandard-compressed file: unpack it first',
	'prob.bin.7z': 'a 7-Zip archive: unpack it first',
	'prob.bin.rar': 'a RAR archive: unpack it first',
	'prob.bin.parquet': 'a Parquet file',
	'prob.bin.sqlite': 'an SQLite database',
	'prob.bin.elf': 'a program (ELF executable)',
	'prob.bin.exe': 'a Windows program (.exe)',
	'prob.bin.nul': 'a binary file (it holds a NUL byte at byte {at})',

	// --- renamed headers ---
	'prob.hdr.blank': 'Column {col} has no header; named "{renamed}".',
	'prob.hdr.duplicate':
		'Column {col}: header "{original}" appears more than once; renamed "{renamed}".',
	'prob.hdr.reserved': 'Column {col}: header "{original}" is a reserved name; renamed "{renamed}".',
	'prob.hdr.trimmed': 'Column {col}: spaces around header "{original}" removed.',

	// --- typing the cells (build issues) ---
	'prob.not-a-number': 'row {row}, column "{column}": "{value}" is not a number',
	'prob.not-a-number.tooLarge':
		'row {row}, column "{column}": "{value}" is too large to be stored as a number',
	'prob.not-a-boolean': 'row {row}, column "{column}": "{value}" is not yes/no, true/false or 1/0',
	'prob.not-a-date': 'row {row}, column "{column}": "{value}" is not a date',
	'prob.impossible-date': 'row {row}, column "{column}": "{value}" is not a real calendar date',
	'prob.missing-id': 'row {row}, column "{column}": the account id is blank',
	'prob.missing-time.event': 'row {row}, column "{column}": the event date is blank',
	'prob.missing-time.period': 'row {row}, column "{column}": the period start is blank',
	'prob.period-order':
		'row {row}, column "{column}": the period ends ({end}) before it starts ({start} in "{startColumn}")',
	'prob.implausible-date.before':
		'row {row}, column "{column}": "{value}" is before {year}; kept as written, but check it',
	'prob.implausible-date.after':
		'row {row}, column "{column}": "{value}" is after {year}; kept as written, but check it',
	'prob.duplicate-id': 'row {row}, column "{column}": account id "{id}" repeats row {first}',
	'prob.duplicate-id.snapshot':
		'row {row}, column "{column}": account id "{id}" repeats row {first} for the same snapshot date',
	'prob.no-rows': 'The file has no data rows.',
	'prob.no-rows.none': 'No row could be read.',
	'prob.bad-mapping': 'Column index {index} is not in the file.',
	'prob.duplicate-role': 'Only one column can be the {role}; {columns} are both mapped to it.',
	'prob.listQuoted': '"{name}"',
	'prob.listAnd': ' and ',
	'prob.no-account-id': 'Choose the column that holds the account id.',
	'prob.no-account-id.key':
		'Choose the key column: the id each row belongs to (an account id, or another id such as a subscription id).',
	'prob.no-time-column.event': 'Choose the column that dates each event (role “event time”).',
	'prob.no-time-column.period': 'Choose the column where each period starts (role “period start”).',
	'prob.no-time-column.snapshot': 'Choose the snapshot date column (role “snapshot date”).',

	// --- the mapping step's own checks (state/import) ---
	'prob.map.needId': 'Choose the column that holds the account id (role “account id”).',
	'prob.map.needKey':
		'Choose the key column: the id each row belongs to (role “account id”; another id such as a subscription id is fine).',
	'prob.map.needEventTime':
		'Events need a date: choose the column that dates each row (role “event time”).',
	'prob.map.needPeriodStart':
		'Periods need a start: choose the column where each period starts (role “period start”).',
	'prob.map.needSnapshot':
		'Snapshots need a date: choose the snapshot date column (role “snapshot date”).',
	'prob.map.dateOrder':
		'Column “{name}”: dates like 01/02/2024 can be read two ways. Choose the date order.',
	'prob.imp.unreadable': 'The file could not be read: {error}',
	'prob.imp.untyped': 'The columns could not be typed: {error}',
	'prob.imp.notOpen': 'Saved data is not open yet; try again in a moment.',
	'prob.imp.stopped': 'The import stopped at the {stage} step ({step}).',
	'prob.imp.stage.read': 'read',
	'prob.imp.stage.map': 'map',
	'prob.imp.stage.store': 'store',
	'prob.imp.step.choose': 'choose',
	'prob.imp.step.reading': 'reading',
	'prob.imp.step.encoding': 'encoding',
	'prob.imp.step.blocked': 'blocked',
	'prob.imp.step.mapping': 'mapping',
	'prob.imp.step.building': 'building',
	'prob.imp.step.report': 'report',
	'prob.imp.step.saving': 'saving',
	'prob.imp.step.duplicate': 'duplicate',
	'prob.imp.step.done': 'done',
	'prob.worker.updated': 'The app was updated — reload to continue.',
	'prob.worker.blocked': 'This browser blocked a background task — reload to try again.',
	'prob.worker.crashed': 'A background task stopped unexpectedly — reload to continue.',
	'prob.worker.timeout': 'A background task stopped responding — reload to continue.',
	'prob.storage.quota':
		'Storage is full: export your model and delete a dataset. Everything saved before is still there.',
	'prob.storage.blocked':
		'The app was updated in another tab: close the other tabs of this app to continue.',
	'prob.storage.version':
		'This browser’s saved data was saved by a newer version of the app. Reload to get the newer version; nothing was changed.',
	'prob.storage.unavailable':
		'This browser does not allow saving here (private window or storage disabled). Your work stays in this tab only: export it before closing.',
	'prob.storage.closed':
		'The connection to saved data was closed (the app was updated in another tab). Reload the page.',
	'prob.storage.invalid': 'The data to save is inconsistent; nothing was saved.',
	'prob.storage.conflict': 'Something with this id is already saved.',
	'prob.storage.not-found': 'Not found in saved data.',
	'prob.storage.aborted': 'Saving was interrupted; nothing was changed.',
	'prob.storage.unknown': 'Saving failed; nothing was changed.',
	'prob.storage.modelNotSaved': 'The model could not be saved: {error}',
	'prob.imp.full':
		'Storage is full: the dataset was not saved. Delete a dataset or export your model, then try again. Everything saved before is still there.',
	// --- backup and restore ---
	'prob.bk.backedUp': 'Backed up {datasets} and {models} ({mb} MB).',
	'prob.bk.restored': 'Restored {datasets} and {models}. Reloading…',
	'prob.bk.datasets': '{n} datasets',
	'prob.bk.datasets.one': '{n} dataset',
	'prob.bk.models': '{n} models',
	'prob.bk.models.one': '{n} model',
	'prob.bk.failed': 'The backup failed: {error}',
	'prob.bk.unreadable': 'The backup could not be read: {error}. Nothing was changed.',
	'prob.bk.file': 'This file is not a usable workbench backup: {why}. Nothing was changed.',
	'prob.bk.check': 'This backup cannot be restored: {why}. Nothing was changed.',
	'prob.bk.write': 'The backup could not be written ({error}). Nothing was changed.',
	'prob.bkwhy.too-big': 'it unpacks to more than {mb} MB',
	'prob.bkwhy.no-unpack': 'it is damaged (it does not unpack)',
	'prob.bkwhy.not-backup': 'it was not made by “Back up everything”',
	'prob.bkwhy.cut-short': 'it is cut short',
	'prob.bkwhy.damaged': 'its contents are damaged',
	'prob.bkwhy.column-damaged': 'a column is damaged',
	'prob.bkwhy.column-short': 'a column is cut short or damaged',
	'prob.bkwhy.newer': 'it was made by a newer version of the app',
	'prob.bkwhy.empty': 'it holds no data',
	'prob.bkwhy.part-damaged': 'its part “{name}” is damaged',
	'prob.bkwhy.unknown-part': 'it has a part “{name}” this app does not know',
	'prob.bkwhy.dataset-record': 'a dataset record is damaged',
	'prob.bkwhy.unfinished': 'dataset “{name}” was not finished saving',
	'prob.bkwhy.dataset-damaged': 'dataset “{name}” is damaged',
	'prob.bkwhy.orphan': 'a part of a dataset belongs to no dataset',
	'prob.bkwhy.categories-damaged': 'a category list is damaged',
	'prob.bkwhy.missing-rows': 'dataset “{name}” is missing rows',
	'prob.bkwhy.ids-damaged': 'dataset “{name}”: account ids are damaged',
	'prob.bkwhy.dataset-column': 'dataset “{name}”: column “{column}” is damaged',
	'prob.bkwhy.categories-missing':
		'dataset “{name}”: the categories of column “{column}” are missing',
	'prob.bkwhy.model-record': 'a model record is damaged',
	'prob.bkwhy.model-invalid': 'model “{name}” is not valid ({path}: {detail})',
	'prob.bkwhy.version-invalid': 'a saved version of model “{name}” is not valid',
	'prob.bkwhy.record-damaged': 'a record in “{name}” is damaged',
	'prob.bkwhy.setting-damaged': 'a setting is damaged',
	// --- why a row kind (grain) was detected (state/import-grain) ---
	'prob.grain.no-id': 'No column looks like an id: choose the key column.',
	'prob.grain.snapshot-date':
		'“{date}” looks like a snapshot date: each row is an account on that date.',
	'prob.grain.once': 'Each “{key}” appears once{sampled} ({rows} rows): one row per account.',
	'prob.grain.sampled': ' (in a sample of the rows)',
	'prob.grain.repeats': '“{key}” repeats: {rows} rows, {distinct} distinct ids{sampled}',
	'prob.grain.noted': '{note}. {repeats}',
	'prob.grain.note.row-id-unique':
		'“{named}” is unique: it names each row, not whom the row is about; “{key}” repeats, so it is taken as the key',
	'prob.grain.note.no-id-name':
		'No column is named like an id; “{key}” repeats beside a date, so it is taken as the key',
	'prob.grain.repeats-snapshot': '{repeats}; “{date}” looks like a snapshot date.',
	'prob.grain.repeats-period': '{repeats}; each row runs from “{date}” to “{end}”.',
	'prob.grain.repeats-panel':
		'{repeats}; “{date}” has {dates} dates and {ids} × {dates} = {rows}: one row per id per date (a snapshot).',
	'prob.grain.repeats-event': '{repeats}; each row is dated by “{date}”.',
	'prob.grain.repeats-no-date':
		'{repeats}, and no column reads as a date: choose the column that dates each row.',
	// --- how dates with times are read (state/import-grain) ---
	'prob.name': '“{name}”',
	'prob.time.sep': ', ',
	'prob.time.naive': '{names} has times without a zone: read as {zone} time',
	'prob.time.naive.many': '{names} have times without a zone: read as {zone} time',
	'prob.time.offset': '{names} has times with a zone: converted to {zone}',
	'prob.time.offset.many': '{names} have times with a zone: converted to {zone}',
	'prob.time.and': '; ',
	'prob.time.note': '{parts}. Each row counts on its date in {zone}.',
	'prob.map.roleMoved': '“{name}” was the {role}; it is now ignored.',
	// --- re-mapping a stored dataset (data/remap, state/remap) ---
	'prob.rm.role.keep': 'kept column',
	'prob.rm.role.ignore': 'ignored column',
	'prob.rm.type.number': 'number',
	'prob.rm.type.boolean': 'yes/no',
	'prob.rm.type.date': 'date',
	'prob.rm.type.category': 'category',
	'prob.rm.type.text': 'text',
	'prob.rm.note.stored-dates':
		'Stored as dates: reading it as another type needs the original text, which is not stored. Import the file again to change it.',
	'prob.rm.note.stored-numbers':
		'Stored as numbers: it can be read as dates only from the original text, which is not stored.',
	'prob.rm.row': 'row {row} of the stored data',
	'prob.rm.single-role': 'Only one column can be the {role}: {columns} are both. Choose one.',
	'prob.rm.date-role-type':
		'Column “{column}” is read as {type}, not dates, so it cannot be the {role}.',
	'prob.rm.date-role-type.canDate':
		'Column “{column}” is read as {type}, not dates, so it cannot be the {role}. Choose the type “date”.',
	'prob.rm.churned-type':
		'Column “{column}” must be read as yes/no (1 = churned) to be the churned flag. Its values are not yes/no.',
	'prob.rm.churned-type.canBoolean':
		'Column “{column}” must be read as yes/no (1 = churned) to be the churned flag. Choose the type “yes/no”.',
	'prob.rm.no-time-column.snapshot':
		'One row is one account on a date: a column must be the {role}.',
	'prob.rm.no-time-column.event': 'One row is one event: a column must be the {role}.',
	'prob.rm.no-time-column.period': 'One row is one period: a column must be the {role}.',
	'prob.rm.no-account-id':
		'The same account appears on several rows, so a column must be the account id (role “account id”).',
	'prob.rm.cannot-read-stored': 'Column “{column}” cannot be read as {type} from what is stored.',
	'prob.rm.cannot-read-stored.note':
		'Column “{column}” cannot be read as {type} from what is stored. {note}',
	'prob.rm.churn-words': 'Column “{column}” holds words: choose which value means churned (yes).',
	'prob.rm.cannot-read': 'Column “{column}” cannot be read as {type}.',
	'prob.rm.not-stored': 'Column “{column}” is not stored; import the file again to use it.',
	'prob.rm.blank-id': 'Column “{column}” cannot be the account id: it is blank on {row}.',
	'prob.rm.repeated-id':
		'Column “{column}” cannot be the account id: “{id}” is on {first} and {row}{sameDate}. An account id must name one account{perSnapshot}.',
	'prob.rm.sameDate': ' for the same snapshot date',
	'prob.rm.perSnapshot': ' per snapshot',
	'prob.rm.metric-is-outcome':
		'Column “{column}” holds the same values as the churned flag “{churned}”: as a metric it would give the outcome away. Make it ignored, or make it the churned flag instead.',
	'prob.rm.ch.row-numbers': 'Account ids: the row numbers 1, 2, 3… (no column is the account id).',
	'prob.rm.ch.role': '“{column}”: {from} → {to}.',
	'prob.rm.ch.type': '“{column}”: read as {from} → {to}.',
	'prob.rm.roleMoved': '“{name}” had that role; it is now ignored.',
	'prob.rm.full': 'Storage is full: the new roles were not saved. The dataset is unchanged.',
	'prob.rm.unchanged': '{error} The dataset is unchanged.',
	'prob.preview.unreadable': 'not readable',
	'prob.preview.missing': 'missing',
	// --- storage failures the store words for one case (data/db) ---
	'prob.storage.why.inconsistent': 'The data to save is inconsistent ({what}); nothing was saved.',
	'prob.storage.why.incomplete':
		'Saved dataset "{name}" is incomplete ({covered} of {rows} rows). Import the file again.',
	'prob.storage.why.terminated':
		'The browser closed the connection to saved data; it will be reopened. If saving keeps failing, reload the page.',
	'prob.storage.why.id-taken': 'A dataset with id "{id}" is already saved.',
	'prob.storage.why.import-cancelled': 'The import was cancelled by another tab.',
	'prob.storage.why.dataset-gone': 'This dataset is no longer saved in this browser.',
	'prob.storage.why.model-gone': 'No saved model with id "{id}".',
	'prob.storage.why.failed-because': 'Saving failed; nothing was changed. ({detail})',
	// --- the datasets list (state/datasets) ---
	'prob.ds.replaced': '“{name}” was replaced in another tab; “{shown}” is now shown.',
	'prob.ds.newDataset': 'the new dataset',
	'prob.ds.deleted': '“{name}” was deleted in another tab.',
	'prob.ds.blankName': 'A dataset name cannot be blank.',
	'prob.ds.notOpen': 'Saved data is not open yet.',
	// --- a recipe's grid and outcome (lib/sources/describe; exports keep that English) ---
	'prob.src.grid.monthEnd': 'Every month end from {from} to {to}',
	'prob.src.grid.monthStart': 'Every month start from {from} to {to}',
	'prob.src.grid.weekly': 'Every 7 days from {from} to {to}',
	'prob.src.grid.snapshots': 'The snapshot dates of {source}',
	'prob.src.grid.dates': '{n} chosen dates',
	'prob.src.grid.dates.one': '{n} chosen date',
	'prob.src.out.none': 'No outcome: the table can be scored but not backtested.',
	'prob.src.out.log': 'An account churns on each `{column}` date of {source}.',
	'prob.src.out.periods':
		'An account churns when its {source} periods stop: periods are joined when the next starts within {days} days of the end of the last, and the end of a run of periods on or before the end of the data is a churn on that day.',
	'prob.src.out.periods.one':
		'An account churns when its {source} periods stop: periods are joined when the next starts within {days} day of the end of the last, and the end of a run of periods on or before the end of the data is a churn on that day.',
	'prob.src.out.rows':
		' An account is described at each as-of date T from its start (the account list’s start date, or its first dated row) while T is before its churn date; the backtest’s label is “churned in (T, T + horizon]”.',
	'prob.src.out.final':
		' The first churn is final: anything the account does afterwards is not counted.',
	'prob.src.out.newLife.log':
		' An account that comes back after churning (a dated row in any other source after the churn date) starts a new life on that day, shown with its id followed by “#2”, “#3”…: each life is scored, labelled and counted once, and its features still read the account’s whole history.',
	'prob.src.out.newLife.periods':
		' An account whose periods start again after a churn starts a new life on that start date, shown with its id followed by “#2”, “#3”…: each life is scored, labelled and counted once, and its features still read the account’s whole history.',
	'prob.src.f.date': 'date',
	'prob.src.f.end': 'end',
	'prob.src.f.win.all': '≤ T (all history)',
	'prob.src.f.win.days': 'in (T − {days} d, T]',
	'prob.src.f.filter.one': ' and `{column}` = {value}',
	'prob.src.f.filter.many': ' and `{column}` in {values}',
	'prob.src.f.rows': '{source} rows with {dated} {window}{filter}',
	'prob.src.f.event.count': '{head}count of {rows}',
	'prob.src.f.event.sum': '{head}sum of {col} over {rows} (0 when none)',
	'prob.src.f.event.mean': '{head}mean of {col} over {rows}',
	'prob.src.f.event.min': '{head}smallest {col} over {rows}',
	'prob.src.f.event.max': '{head}largest {col} over {rows}',
	'prob.src.f.event.distinct': '{head}number of distinct {col} values over {rows}',
	'prob.src.f.event.last': '{head}{col} of the latest of {rows} (same day: the largest value)',
	'prob.src.f.event.days-since-last': '{head}days from the latest of {rows} to T',
	'prob.src.f.event.days-since-first': '{head}days from the earliest of {rows} to T',
	'prob.src.f.covers': '{source} periods with {dated} ≤ T and ({end} blank or after T)',
	'prob.src.f.active': '{head}1 when some of the {covers}, else 0',
	'prob.src.f.value.sum': '{head}sum of {col} over {covers} (0 when none)',
	'prob.src.f.value.latest': '{head}{col} of the latest-starting of {covers}',
	'prob.src.f.tenure': '{head}days from the first {source} {dated} ≤ T to T',
	'prob.src.f.renewal':
		'{head}days from T to the nearest {end} of {covers} (uses {end} as a scheduled renewal date: right only if it was known at T)',
	'prob.src.f.changes.down':
		"{head}number of {source} periods with {dated} {window} whose {col} is below the account's previous period's",
	'prob.src.f.changes.up':
		"{head}number of {source} periods with {dated} {window} whose {col} is above the account's previous period's",
	'prob.src.f.snapshot':
		'{head}{col} of the latest {source} row with {dated} ≤ T (same day: the largest value)',
	'prob.src.f.static': '{head}{col} of the account in {source} (the same at every T)'
} as const;

export const problemsJa: Record<keyof typeof problemsEn, string> = {
	'prob.FileTooLarge': 'ファイルは {size} MB で、上限の {max} MB を超えています。',
	'prob.BinaryFile':
		'テキスト（CSV）ファイルではありません。{what}のようです。データを CSV で書き出し、そのファイルを取り込んでください。',
	'prob.fields': '{row} 行目のフィールドは {n} 個ですが、見出しは {ncols} 列です。',
	'prob.fields.one': '{row} 行目のフィールドは {n} 個ですが、見出しは {ncols} 列です。',
	'prob.TooManyRows': 'ファイルの行数が上限の {max} 行を超えています。',
	'prob.MissingQuotes':
		'{row} 行目：引用符で始まるセルが閉じられていない（引用符の対応が取れていない）ため、以降を正しく読み込めません。',
	'prob.InvalidQuotes':
		'{row} 行目：引用符で囲まれたセルの閉じ引用符の後に文字があります（引用符の形式の誤り）。',
	'prob.Empty': '見出し行がありません（ファイルが空です）。',
	'prob.TooManyColumns':
		'見出し行は {n} 列あり、上限の {max} 列（表計算ソフトで扱える列数以上）を超えています。区切り文字を確認するか、使わない列を削除してください。',
	'prob.LineTooLong':
		'{row} 行目が 1 行の上限の {max} 文字を超えています。このアプリで読める表ではありません（改行の抜けや、閉じていない引用符はありませんか？）。',
	'prob.HeaderTooLong':
		'{col} 列目の見出しは {length} 文字ありますが、列名は {max} 文字までです。1 行目は本当に見出し行ですか？',
	'prob.CellTooLong':
		'{row} 行目・{col} 列目：セルが {length} 文字あり、上限の {max} 文字を超えています。',

	'prob.bin.png': 'PNG 画像',
	'prob.bin.jpeg': 'JPEG 画像',
	'prob.bin.gif': 'GIF 画像',
	'prob.bin.webp': 'WebP 画像',
	'prob.bin.pdf': 'PDF 文書',
	'prob.bin.zip':
		'ZIP アーカイブ（Excel の .xlsx ブックもこの形式です。Excel で開いて CSV で保存してください）',
	'prob.bin.zip-empty': '空の ZIP アーカイブ',
	'prob.bin.xls':
		'旧形式の Excel .xls（または Word .doc）ファイル（Excel で開いて CSV で保存してください）',
	'prob.bin.gzip': 'gzip 圧縮ファイル（先に展開してください）',
	'prob.bin.bzip2': 'bzip2 圧縮ファイル（先に展開してください）',
	'prob.bin.xz': 'xz 圧縮ファイル（先に展開してください）',
	'prob.bin.zstd': 'Zstandard 圧縮ファイル（先に展開してください）',
	'prob.bin.7z': '7-Zip アーカイブ（先に展開してください）',
	'prob.bin.rar': 'RAR アーカイブ（先に展開してください）',
	'prob.bin.parquet': 'Parquet ファイル',
	'prob.bin.sqlite': 'SQLite データベース',
	'prob.bin.elf': 'プログラム（ELF 実行ファイル）',
	'prob.bin.exe': 'Windows のプログラム（.exe）',
	'prob.bin.nul': 'バイナリファイル（{at} バイト目に NUL バイトがあります）',

	'prob.hdr.blank': '{col} 列目に見出しがないため「{renamed}」と名付けました。',
	'prob.hdr.duplicate':
		'{col} 列目：見出し「{original}」が重複しているため「{renamed}」に変えました。',
	'prob.hdr.reserved': '{col} 列目：見出し「{original}」は予約語のため「{renamed}」に変えました。',
	'prob.hdr.trimmed': '{col} 列目：見出し「{original}」の前後の空白を取り除きました。',

	'prob.not-a-number': '{row} 行目・列「{column}」：「{value}」は数値ではありません',
	'prob.not-a-number.tooLarge':
		'{row} 行目・列「{column}」：「{value}」は大きすぎて数値として保存できません',
	'prob.not-a-boolean':
		'{row} 行目・列「{column}」：「{value}」は yes/no、true/false、1/0 のいずれでもありません',
	'prob.not-a-date': '{row} 行目・列「{column}」：「{value}」は日付ではありません',
	'prob.impossible-date': '{row} 行目・列「{column}」：「{value}」は実在しない日付です',
	'prob.missing-id': '{row} 行目・列「{column}」：アカウント ID が空欄です',
	'prob.missing-time.event': '{row} 行目・列「{column}」：イベントの日付が空欄です',
	'prob.missing-time.period': '{row} 行目・列「{column}」：期間の開始日が空欄です',
	'prob.period-order':
		'{row} 行目・列「{column}」：期間の終了日（{end}）が開始日（列「{startColumn}」の {start}）より前です',
	'prob.implausible-date.before':
		'{row} 行目・列「{column}」：「{value}」は {year} 年より前の日付です。そのまま残しましたが、確認してください',
	'prob.implausible-date.after':
		'{row} 行目・列「{column}」：「{value}」は {year} 年より後の日付です。そのまま残しましたが、確認してください',
	'prob.duplicate-id':
		'{row} 行目・列「{column}」：アカウント ID「{id}」が {first} 行目と重複しています',
	'prob.duplicate-id.snapshot':
		'{row} 行目・列「{column}」：アカウント ID「{id}」が同じスナップショット日の {first} 行目と重複しています',
	'prob.no-rows': 'ファイルにデータ行がありません。',
	'prob.no-rows.none': '読み込める行がありませんでした。',
	'prob.bad-mapping': '列番号 {index} はファイルにありません。',
	'prob.duplicate-role':
		'「{role}」にできる列は 1 つだけですが、{columns}の両方が割り当てられています。',
	'prob.listQuoted': '「{name}」',
	'prob.listAnd': 'と',
	'prob.no-account-id': 'アカウント ID の列を選んでください。',
	'prob.no-account-id.key':
		'キー列（各行が属する ID。アカウント ID、またはサブスクリプション ID など別の ID）を選んでください。',
	'prob.no-time-column.event': '各イベントの日付の列（役割「イベント日時」）を選んでください。',
	'prob.no-time-column.period': '各期間の開始日の列（役割「期間の開始」）を選んでください。',
	'prob.no-time-column.snapshot':
		'スナップショット日の列（役割「スナップショット日」）を選んでください。',

	'prob.map.needId': 'アカウント ID の列（役割「アカウント ID」）を選んでください。',
	'prob.map.needKey':
		'キー列（各行が属する ID。役割「アカウント ID」。サブスクリプション ID など別の ID でも構いません）を選んでください。',
	'prob.map.needEventTime':
		'イベントには日付が必要です。各行の日付の列（役割「イベント日時」）を選んでください。',
	'prob.map.needPeriodStart':
		'期間には開始日が必要です。各期間の開始日の列（役割「期間の開始」）を選んでください。',
	'prob.map.needSnapshot':
		'スナップショットには日付が必要です。スナップショット日の列（役割「スナップショット日」）を選んでください。',
	'prob.map.dateOrder':
		'列「{name}」：01/02/2024 のような日付は 2 通りに読めます。日付の順序を選んでください。',
	'prob.imp.unreadable': 'ファイルを読み込めませんでした：{error}',
	'prob.imp.untyped': '列の型を決められませんでした：{error}',
	'prob.imp.notOpen': '保存済みデータをまだ開いています。少し待ってからもう一度お試しください。',
	'prob.imp.stopped': '取り込みが「{stage}」の段階で止まりました（状態：{step}）。',
	'prob.imp.stage.read': '読み込み',
	'prob.imp.stage.map': '列の対応付け',
	'prob.imp.stage.store': '保存',
	'prob.imp.step.choose': 'ファイル選択',
	'prob.imp.step.reading': '読み込み中',
	'prob.imp.step.encoding': '文字コードの確認',
	'prob.imp.step.blocked': '読み込み不可',
	'prob.imp.step.mapping': '列の対応付け',
	'prob.imp.step.building': 'データ作成中',
	'prob.imp.step.report': '確認',
	'prob.imp.step.saving': '保存中',
	'prob.imp.step.duplicate': '重複の確認',
	'prob.imp.step.done': '完了',
	'prob.worker.updated': 'アプリが更新されました。再読み込みして続けてください。',
	'prob.worker.blocked':
		'このブラウザがバックグラウンド処理をブロックしました。再読み込みしてもう一度お試しください。',
	'prob.worker.crashed':
		'バックグラウンド処理が予期せず停止しました。再読み込みして続けてください。',
	'prob.worker.timeout':
		'バックグラウンド処理が応答しなくなりました。再読み込みして続けてください。',
	'prob.storage.quota':
		'保存領域がいっぱいです。モデルを書き出し、データセットを削除してください。これまでに保存したものはそのまま残っています。',
	'prob.storage.blocked':
		'別のタブでアプリが更新されました。続けるには、このアプリのほかのタブを閉じてください。',
	'prob.storage.version':
		'このブラウザの保存データは、より新しいバージョンのアプリで保存されています。再読み込みして新しいバージョンを使ってください。何も変更されていません。',
	'prob.storage.unavailable':
		'このブラウザではここに保存できません（プライベートウィンドウか、保存が無効です）。作業はこのタブにだけ残るので、閉じる前に書き出してください。',
	'prob.storage.closed':
		'保存データへの接続が閉じられました（別のタブでアプリが更新されました）。ページを再読み込みしてください。',
	'prob.storage.invalid': '保存するデータに矛盾があります。何も保存されていません。',
	'prob.storage.conflict': 'この ID のものはすでに保存されています。',
	'prob.storage.not-found': '保存データに見つかりません。',
	'prob.storage.aborted': '保存が中断されました。何も変更されていません。',
	'prob.storage.unknown': '保存に失敗しました。何も変更されていません。',
	'prob.storage.modelNotSaved': 'モデルを保存できませんでした：{error}',
	'prob.imp.full':
		'保存領域がいっぱいのため、データセットを保存できませんでした。データセットを削除するかモデルを書き出してから、もう一度お試しください。これまでに保存したものはそのまま残っています。',
	'prob.bk.backedUp': '{datasets}と{models}をバックアップしました（{mb} MB）。',
	'prob.bk.restored': '{datasets}と{models}を復元しました。再読み込みしています…',
	'prob.bk.datasets': 'データセット {n} 件',
	'prob.bk.datasets.one': 'データセット {n} 件',
	'prob.bk.models': 'モデル {n} 件',
	'prob.bk.models.one': 'モデル {n} 件',
	'prob.bk.failed': 'バックアップに失敗しました：{error}',
	'prob.bk.unreadable': 'バックアップを読み込めませんでした：{error}。何も変更していません。',
	'prob.bk.file':
		'このファイルはワークベンチのバックアップとして使えません：{why}。何も変更していません。',
	'prob.bk.check': 'このバックアップは復元できません：{why}。何も変更していません。',
	'prob.bk.write': 'バックアップを書き込めませんでした（{error}）。何も変更していません。',
	'prob.bkwhy.too-big': '展開すると {mb} MB を超えます',
	'prob.bkwhy.no-unpack': '壊れています（展開できません）',
	'prob.bkwhy.not-backup': '「すべてをバックアップ」で作られたファイルではありません',
	'prob.bkwhy.cut-short': '途中で切れています',
	'prob.bkwhy.damaged': '中身が壊れています',
	'prob.bkwhy.column-damaged': '列が壊れています',
	'prob.bkwhy.column-short': '列が途中で切れているか壊れています',
	'prob.bkwhy.newer': '新しいバージョンのアプリで作られています',
	'prob.bkwhy.empty': 'データが入っていません',
	'prob.bkwhy.part-damaged': '部分「{name}」が壊れています',
	'prob.bkwhy.unknown-part': 'このアプリが知らない部分「{name}」があります',
	'prob.bkwhy.dataset-record': 'データセットの記録が壊れています',
	'prob.bkwhy.unfinished': 'データセット「{name}」は保存が完了していません',
	'prob.bkwhy.dataset-damaged': 'データセット「{name}」が壊れています',
	'prob.bkwhy.orphan': 'どのデータセットにも属さないデータがあります',
	'prob.bkwhy.categories-damaged': 'カテゴリの一覧が壊れています',
	'prob.bkwhy.missing-rows': 'データセット「{name}」の行が欠けています',
	'prob.bkwhy.ids-damaged': 'データセット「{name}」のアカウント ID が壊れています',
	'prob.bkwhy.dataset-column': 'データセット「{name}」の列「{column}」が壊れています',
	'prob.bkwhy.categories-missing':
		'データセット「{name}」の列「{column}」のカテゴリ一覧がありません',
	'prob.bkwhy.model-record': 'モデルの記録が壊れています',
	'prob.bkwhy.model-invalid': 'モデル「{name}」が正しくありません（{path}：{detail}）',
	'prob.bkwhy.version-invalid': 'モデル「{name}」の保存済みバージョンが正しくありません',
	'prob.bkwhy.record-damaged': '「{name}」の記録が壊れています',
	'prob.bkwhy.setting-damaged': '設定が壊れています',
	'prob.grain.no-id': 'ID らしい列がありません。キー列を選んでください。',
	'prob.grain.snapshot-date':
		'「{date}」はスナップショットの日付のようです。各行はその日付時点のアカウントです。',
	'prob.grain.once':
		'「{key}」の値はどれも 1 回だけ現れます（{rows} 行{sampled}）。1アカウント1行です。',
	'prob.grain.sampled': '、一部の行の標本で確認',
	'prob.grain.repeats':
		'「{key}」の値が繰り返し現れます（{rows} 行に ID {distinct} 種類{sampled}）',
	'prob.grain.noted': '{note}。{repeats}',
	'prob.grain.note.row-id-unique':
		'「{named}」は値が重複せず、行そのものを指しています（行が誰についてのものかではありません）。「{key}」の値は繰り返し現れるため、これをキーとします',
	'prob.grain.note.no-id-name':
		'ID らしい名前の列がありません。「{key}」の値が日付と並んで繰り返し現れるため、これをキーとします',
	'prob.grain.repeats-snapshot': '{repeats}。「{date}」はスナップショットの日付のようです。',
	'prob.grain.repeats-period': '{repeats}。各行は「{date}」から「{end}」までの期間です。',
	'prob.grain.repeats-panel':
		'{repeats}。「{date}」には日付が {dates} 種類あり、{ids} × {dates} = {rows} なので、ID と日付ごとに 1 行です（スナップショット）。',
	'prob.grain.repeats-event': '{repeats}。各行の日付は「{date}」です。',
	'prob.grain.repeats-no-date':
		'{repeats}。日付として読める列がありません。各行の日付を表す列を選んでください。',
	'prob.name': '「{name}」',
	'prob.time.sep': '、',
	'prob.time.naive': '{names}の時刻にはタイムゾーンがないため、{zone} の時刻として読み取ります',
	'prob.time.naive.many':
		'{names}の時刻にはタイムゾーンがないため、{zone} の時刻として読み取ります',
	'prob.time.offset': '{names}の時刻にはタイムゾーンがあるため、{zone} に変換します',
	'prob.time.offset.many': '{names}の時刻にはタイムゾーンがあるため、{zone} に変換します',
	'prob.time.and': '。',
	'prob.time.note': '{parts}。各行は {zone} での日付で数えます。',
	'prob.map.roleMoved': '「{name}」は{role}でしたが、「無視」に変えました。',
	'prob.rm.role.keep': '保持する列',
	'prob.rm.role.ignore': '無視する列',
	'prob.rm.type.number': '数値',
	'prob.rm.type.boolean': 'はい/いいえ',
	'prob.rm.type.date': '日付',
	'prob.rm.type.category': 'カテゴリ',
	'prob.rm.type.text': 'テキスト',
	'prob.rm.note.stored-dates':
		'日付として保存されています。別の型で読むには元のテキストが必要ですが、保存されていません。変更するにはファイルを取り込み直してください。',
	'prob.rm.note.stored-numbers':
		'数値として保存されています。日付として読めるのは元のテキストからだけですが、保存されていません。',
	'prob.rm.row': '{row} 行目',
	'prob.rm.single-role':
		'{role}にできる列は 1 つだけですが、{columns}の両方になっています。1 つを選んでください。',
	'prob.rm.date-role-type':
		'列「{column}」は日付ではなく{type}として読み取られるため、{role}にできません。',
	'prob.rm.date-role-type.canDate':
		'列「{column}」は日付ではなく{type}として読み取られるため、{role}にできません。型「日付」を選んでください。',
	'prob.rm.churned-type':
		'解約フラグにするには、列「{column}」をはい/いいえ（1 = 解約）として読む必要があります。この列の値ははい/いいえではありません。',
	'prob.rm.churned-type.canBoolean':
		'解約フラグにするには、列「{column}」をはい/いいえ（1 = 解約）として読む必要があります。型「はい/いいえ」を選んでください。',
	'prob.rm.no-time-column.snapshot':
		'1 行はある日付時点の 1 アカウントです。{role}にする列が必要です。',
	'prob.rm.no-time-column.event': '1 行は 1 件のイベントです。{role}にする列が必要です。',
	'prob.rm.no-time-column.period': '1 行は 1 つの期間です。{role}にする列が必要です。',
	'prob.rm.no-account-id':
		'同じアカウントが複数の行に現れるため、アカウント ID にする列（役割「アカウント ID」）が必要です。',
	'prob.rm.cannot-read-stored': '列「{column}」は保存済みの内容から{type}として読めません。',
	'prob.rm.cannot-read-stored.note':
		'列「{column}」は保存済みの内容から{type}として読めません。{note}',
	'prob.rm.churn-words':
		'列「{column}」には言葉が入っています。どの値が解約（はい）を表すかを選んでください。',
	'prob.rm.cannot-read': '列「{column}」は{type}として読めません。',
	'prob.rm.not-stored':
		'列「{column}」は保存されていません。使うにはファイルを取り込み直してください。',
	'prob.rm.blank-id':
		'列「{column}」はアカウント ID にできません：保存済みデータの {row}が空欄です。',
	'prob.rm.repeated-id':
		'列「{column}」はアカウント ID にできません：保存済みデータの {first}と {row}{sameDate}に「{id}」があります。アカウント ID は 1 つのアカウント{perSnapshot}を指す必要があります。',
	'prob.rm.sameDate': '（同じスナップショット日）',
	'prob.rm.perSnapshot': '（スナップショットごと）',
	'prob.rm.metric-is-outcome':
		'列「{column}」は解約フラグ「{churned}」と同じ値です。指標にすると結果を先取りしてしまいます。無視するか、代わりに解約フラグにしてください。',
	'prob.rm.ch.row-numbers': 'アカウント ID：行番号 1, 2, 3…（アカウント ID の列がありません）。',
	'prob.rm.ch.role': '「{column}」：{from} → {to}。',
	'prob.rm.ch.type': '「{column}」：読み取り方 {from} → {to}。',
	'prob.rm.roleMoved': '「{name}」がその役割でしたが、「無視」に変えました。',
	'prob.rm.full':
		'保存領域がいっぱいのため、新しい役割は保存されませんでした。データセットは変わっていません。',
	'prob.rm.unchanged': '{error} データセットは変わっていません。',
	'prob.preview.unreadable': '読み取れません',
	'prob.preview.missing': '空欄',
	'prob.storage.why.inconsistent':
		'保存するデータに矛盾があります（{what}）。何も保存していません。',
	'prob.storage.why.incomplete':
		'保存済みのデータセット「{name}」が不完全です（{rows} 行中 {covered} 行）。ファイルを取り込み直してください。',
	'prob.storage.why.terminated':
		'ブラウザが保存済みデータへの接続を閉じました。接続は開き直します。保存の失敗が続く場合は、ページを再読み込みしてください。',
	'prob.storage.why.id-taken': 'ID「{id}」のデータセットはすでに保存されています。',
	'prob.storage.why.import-cancelled': '別のタブで取り込みが取り消されました。',
	'prob.storage.why.dataset-gone': 'このデータセットは、このブラウザにもう保存されていません。',
	'prob.storage.why.model-gone': 'ID「{id}」の保存済みモデルはありません。',
	'prob.storage.why.failed-because': '保存に失敗しました。何も変更されていません。（{detail}）',
	'prob.ds.replaced':
		'「{name}」は別のタブで置き換えられました。いまは「{shown}」を表示しています。',
	'prob.ds.newDataset': '新しいデータセット',
	'prob.ds.deleted': '「{name}」は別のタブで削除されました。',
	'prob.ds.blankName': 'データセット名は空欄にできません。',
	'prob.ds.notOpen': '保存済みデータをまだ開いています。',
	'prob.src.grid.monthEnd': '{from} から {to} までの毎月末',
	'prob.src.grid.monthStart': '{from} から {to} までの毎月初',
	'prob.src.grid.weekly': '{from} から {to} まで 7 日ごと',
	'prob.src.grid.snapshots': '「{source}」のスナップショット日',
	'prob.src.grid.dates': '選んだ日付 {n} 件',
	'prob.src.grid.dates.one': '選んだ日付 {n} 件',
	'prob.src.out.none':
		'結果の定義がありません。表はスコア付けできますが、バックテストはできません。',
	'prob.src.out.log': 'アカウントは「{source}」の列「{column}」の各日付に解約します。',
	'prob.src.out.periods':
		'アカウントは「{source}」の期間が途切れたときに解約します。次の期間が前の期間の終了から {days} 日以内に始まればつなげて数え、データの終わり以前に途切れた一続きの期間は、その終了日に解約したものとします。',
	'prob.src.out.periods.one':
		'アカウントは「{source}」の期間が途切れたときに解約します。次の期間が前の期間の終了から {days} 日以内に始まればつなげて数え、データの終わり以前に途切れた一続きの期間は、その終了日に解約したものとします。',
	'prob.src.out.rows':
		'各アカウントは、開始日（アカウント一覧の開始日、または最初の日付のある行）から解約日より前の各基準日 T で記述されます。バックテストのラベルは「(T, T + 観測期間] に解約」です。',
	'prob.src.out.final': '最初の解約で確定します。その後のアカウントの動きは数えません。',
	'prob.src.out.newLife.log':
		'解約後に戻ってきたアカウント（解約日より後に他のソースに日付のある行がある）は、その日から新しいライフを始め、ID の後に「#2」「#3」…を付けて表示します。各ライフは 1 回ずつスコア付け・ラベル付け・集計され、特徴量はアカウントの全履歴を読みます。',
	'prob.src.out.newLife.periods':
		'解約後に期間が再び始まったアカウントは、その開始日から新しいライフを始め、ID の後に「#2」「#3」…を付けて表示します。各ライフは 1 回ずつスコア付け・ラベル付け・集計され、特徴量はアカウントの全履歴を読みます。',
	'prob.src.f.date': '日付',
	'prob.src.f.end': '終了日',
	'prob.src.f.win.all': '≤ T（全履歴）',
	'prob.src.f.win.days': '∈ (T − {days} 日, T]',
	'prob.src.f.filter.one': '、かつ `{column}` = {value}',
	'prob.src.f.filter.many': '、かつ `{column}` が {values} のいずれか',
	'prob.src.f.rows': '{dated} {window}{filter}である {source} の行',
	'prob.src.f.event.count': '{head}{rows}の数',
	'prob.src.f.event.sum': '{head}{rows}の {col} の合計（なければ 0）',
	'prob.src.f.event.mean': '{head}{rows}の {col} の平均',
	'prob.src.f.event.min': '{head}{rows}の {col} の最小値',
	'prob.src.f.event.max': '{head}{rows}の {col} の最大値',
	'prob.src.f.event.distinct': '{head}{rows}の {col} の異なる値の数',
	'prob.src.f.event.last': '{head}{rows}のうち最新の行の {col}（同じ日なら最大値）',
	'prob.src.f.event.days-since-last': '{head}{rows}のうち最新の行から T までの日数',
	'prob.src.f.event.days-since-first': '{head}{rows}のうち最初の行から T までの日数',
	'prob.src.f.covers': '{dated} ≤ T かつ（{end} が空欄か T より後）である {source} の期間',
	'prob.src.f.active': '{head}{covers}があれば 1、なければ 0',
	'prob.src.f.value.sum': '{head}{covers}の {col} の合計（なければ 0）',
	'prob.src.f.value.latest': '{head}{covers}のうち開始が最も遅いものの {col}',
	'prob.src.f.tenure': '{head}{dated} ≤ T である最初の {source} から T までの日数',
	'prob.src.f.renewal':
		'{head}T から{covers}の最も近い {end} までの日数（{end} を予定された更新日として使います。T の時点で分かっていた場合にだけ正しい値です）',
	'prob.src.f.changes.down':
		'{head}{dated} {window}である {source} の期間のうち、{col} がそのアカウントの前の期間より低いものの数',
	'prob.src.f.changes.up':
		'{head}{dated} {window}である {source} の期間のうち、{col} がそのアカウントの前の期間より高いものの数',
	'prob.src.f.snapshot': '{head}{dated} ≤ T である最新の {source} の行の {col}（同じ日なら最大値）',
	'prob.src.f.static': '{head}{source} にあるアカウントの {col}（どの T でも同じ）'
};
