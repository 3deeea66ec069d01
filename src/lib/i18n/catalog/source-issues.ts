/**
 * Recipe and build messages (`src.iss.*`, `src.at.*`, `src.f.*`): why a recipe is refused
 * (`src/lib/sources/issues.ts` codes; the English keeps the core's own words, a unit test
 * compares them), what the check against the sources' columns and the build report, and where in
 * the recipe a problem is (source, feature… by name). Said by `src/lib/i18n/source-issue-text.ts`.
 * Spread into `en.ts` / `ja.ts`.
 */
import type { RecipeIssueCode, SourceCheckCode } from '$lib/sources/issues';
import type { ColumnPurpose } from '$lib/sources/validate';
import type { EventAgg, FeatureSpec, PeriodMeasure, SourceGrain } from '$lib/sources/types';

/** Codes said by one message (the rest have a `.one` form or variants, listed below). */
type Plain = Exclude<
	RecipeIssueCode | SourceCheckCode,
	| 'min-items'
	| 'columns-changed'
	| 'list-duplicate-ids'
	| 'list-blank-keys'
	| 'no-date'
	| 'period-backwards'
	| 'duplicate-events'
>;

const plainEn = {
	// schema
	'src.iss.string': 'must be a string',
	'src.iss.empty': 'must not be empty',
	'src.iss.too-long': 'must be at most {max} characters',
	'src.iss.date': 'must be a date',
	'src.iss.date-format': 'must be a date written YYYY-MM-DD',
	'src.iss.date-real': 'must be a real calendar date',
	'src.iss.list': 'must be a list',
	'src.iss.max-items': 'must have at most {max} items',
	'src.iss.number': 'must be a number',
	'src.iss.whole-days': 'must be a whole number of days',
	'src.iss.min-days': 'must be at least 1 day',
	'src.iss.max-days': 'must be at most 36,500 days',
	'src.iss.min': 'must be ≥ {min}',
	'src.iss.max': 'must be ≤ {max}',
	'src.iss.grain': 'must be a known grain',
	'src.iss.reactivation': 'must be none or new-life',
	'src.iss.anchor': 'must be month-start or month-end',
	'src.iss.grid-kind': 'must be a known grid kind',
	'src.iss.outcome-kind': 'must be a known outcome kind',
	'src.iss.aggregate': 'must be a known aggregate',
	'src.iss.measure': 'must be a known period measure',
	'src.iss.combine': 'must be latest or sum',
	'src.iss.direction-value': 'must be up or down',
	'src.iss.feature-kind': 'must be a known feature kind',
	'src.iss.feature-id': 'must be a lowercase id: a letter, then letters, digits or _ (≤ 64)',
	'src.iss.version': 'must be {expected}',
	'src.iss.object': 'Invalid type: Expected Object but received {received}',
	'src.iss.invalid': '{detail}',
	// the file as a whole
	'src.iss.newer-version':
		'saved by a newer version ({version}); this app reads recipes up to {max}',
	'src.iss.unreadable': 'unreadable recipe: {detail}',
	// cross-field rules
	'src.iss.duplicate-source': 'two sources are called "{name}"',
	'src.iss.event-time': '"{name}" is an event source: pick its date column',
	'src.iss.snapshot-time': '"{name}" is a snapshot source: pick its snapshot date column',
	'src.iss.period-start': '"{name}" is a period source: pick its start date column',
	'src.iss.time-zone': '"{zone}" is not a known time zone',
	'src.iss.link-unknown': '"{name}" links through "{via}", which is not a source',
	'src.iss.link-two-hops':
		'"{name}" links through "{via}", which itself links through another source (one hop only)',
	'src.iss.link-self': '"{name}" cannot link through itself',
	'src.iss.accounts-unknown': 'the account list "{name}" is not a source',
	'src.iss.accounts-grain':
		'the account list "{name}" must have one row per account (it is {aGrain} source)',
	'src.iss.accounts-linked': 'the account list "{name}" cannot link through another source',
	'src.iss.grid-source': 'the as-of dates come from "{source}", which is not a snapshot source',
	'src.iss.grid-backwards': 'the grid ends ({to}) before it starts ({from})',
	'src.iss.churn-log-source':
		'the churn log "{source}" must be an event source (one row per cancellation)',
	'src.iss.period-end-source':
		'"{source}" must be a period source to read churn from the end of the last period',
	'src.iss.duplicate-feature': 'two features have the id "{id}"',
	'src.iss.reserved-id': '"{id}" is a column the build writes itself: choose another id',
	'src.iss.feature-source-unknown': '"{name}" reads "{source}", which is not a source',
	'src.iss.feature-grain': '"{name}" needs {want} source; "{source}" is {aGrain} source',
	'src.iss.feature-column': '"{name}" ({agg}) needs a column to aggregate',
	'src.iss.feature-measure-column': '"{name}" ({measure}) needs a column',
	'src.iss.feature-direction': '"{name}" needs a direction (up or down)',
	'src.iss.segment-unknown': 'the segment "{id}" is not a feature',
	'src.iss.contract-value-unknown': 'the contract value "{id}" is not a feature',
	// the recipe against the sources as stored now
	'src.iss.not-loaded':
		'Source "{source}" is not loaded: import it again or remove it from the recipe.',
	'src.iss.no-column': 'Source "{source}" has no column "{column}" (its {what}).',
	'src.iss.link-column-gone':
		'"{name}" links through "{via}" by column "{column}", which "{via}" no longer has.',
	'src.iss.feature-column-gone':
		'Feature "{name}" reads column "{column}" from "{source}", which no longer has that column.',
	'src.iss.churn-column-missing': 'The churn date column "{column}" is not in "{source}".',
	'src.iss.zone-mismatch':
		'Source "{source}" was read in {now}, but the recipe counts its dates in {want}: its days would start at another hour and events could move across window edges. Import it again in {want}, or remove it from the recipe and add it again to count it in {now}.',
	// the build
	'src.iss.link-matches-nothing':
		'No value of "{key}" in "{name}" is found in column "{column}" of "{via}": the link matches nothing.',
	'src.iss.key-matches-nothing':
		'No value of "{key}" in "{name}" is an account id of the account list: the key matches nothing.',
	'src.iss.no-grid-dates': 'The as-of grid has no dates.',
	// the workspace
	'src.iss.dataset-gone':
		'Source {source}: its dataset is no longer stored. Import the file again or remove the source.',
	'src.iss.no-rows': 'The recipe gives no rows: check the as-of dates and the account list.'
} as const satisfies Record<`src.iss.${Plain}`, string>;

const GRAIN_EN = {
	'src.iss.a.account': 'an account',
	'src.iss.a.snapshot': 'a snapshot',
	'src.iss.a.event': 'an event',
	'src.iss.a.period': 'a period'
} as const satisfies Record<`src.iss.a.${SourceGrain}`, string>;

const WANT_EN = {
	'src.iss.want.event': 'an event (or period)',
	'src.iss.want.period': 'a period',
	'src.iss.want.snapshot': 'a snapshot',
	'src.iss.want.account': 'an account'
} as const satisfies Record<`src.iss.want.${FeatureSpec['kind']}`, string>;

/** Aggregates and measures as the recipe names them (the English messages quote the names). */
const AGG_EN = {
	'src.iss.agg.count': 'count',
	'src.iss.agg.sum': 'sum',
	'src.iss.agg.mean': 'mean',
	'src.iss.agg.min': 'min',
	'src.iss.agg.max': 'max',
	'src.iss.agg.distinct': 'distinct',
	'src.iss.agg.last': 'last',
	'src.iss.agg.days-since-last': 'days-since-last',
	'src.iss.agg.days-since-first': 'days-since-first',
	'src.iss.measure.active': 'active',
	'src.iss.measure.value': 'value',
	'src.iss.measure.tenure': 'tenure',
	'src.iss.measure.days-to-renewal': 'days-to-renewal',
	'src.iss.measure.changes': 'changes'
} as const satisfies Record<`src.iss.agg.${EventAgg}` | `src.iss.measure.${PeriodMeasure}`, string>;

const WHAT_EN = {
	'src.iss.what.key': 'key',
	'src.iss.what.snapshot-date': 'snapshot date',
	'src.iss.what.start-date': 'start date',
	'src.iss.what.event-date': 'event date',
	'src.iss.what.end-date': 'end date'
} as const satisfies Record<`src.iss.what.${ColumnPurpose}`, string>;

/** Recipe fields, named in "where" (`src.f.*`); a unit test checks every schema field has one. */
const FIELDS_EN = {
	'src.f.schemaVersion': 'schema version',
	'src.f.sources': 'sources',
	'src.f.name': 'name',
	'src.f.datasetId': 'dataset id',
	'src.f.grain': 'one row per',
	'src.f.key': 'key',
	'src.f.link': 'link',
	'src.f.via': 'through source',
	'src.f.column': 'column',
	'src.f.time': 'date column',
	'src.f.start': 'start column',
	'src.f.end': 'end column',
	'src.f.timeZone': 'time zone',
	'src.f.columns': 'columns',
	'src.f.accounts': 'account list',
	'src.f.grid': 'as-of dates',
	'src.f.kind': 'kind',
	'src.f.from': 'from',
	'src.f.to': 'to',
	'src.f.anchor': 'anchor',
	'src.f.source': 'source',
	'src.f.dates': 'dates',
	'src.f.outcome': 'outcome',
	'src.f.reactivation': 'returning accounts',
	'src.f.graceDays': 'grace days',
	'src.f.features': 'features',
	'src.f.id': 'id',
	'src.f.agg': 'compute',
	'src.f.days': 'window (days)',
	'src.f.filter': 'only rows where',
	'src.f.values': 'values',
	'src.f.measure': 'measure',
	'src.f.combine': 'several periods',
	'src.f.direction': 'direction',
	'src.f.segment': 'segment',
	'src.f.contractValue': 'contract value',
	'src.f.dataEnd': 'data end'
} as const;

export const sourceIssuesEn = {
	...plainEn,
	'src.iss.min-items': 'must have at least {min} items',
	'src.iss.min-items.one': 'must have at least {min} item',
	'src.iss.columns-changed.gone':
		'Source "{source}" changed columns since the recipe was made: gone {gone}.',
	'src.iss.columns-changed.new':
		'Source "{source}" changed columns since the recipe was made: new {added}.',
	'src.iss.columns-changed.both':
		'Source "{source}" changed columns since the recipe was made: gone {gone}; new {added}.',
	'src.iss.q': '"{name}"',
	'src.iss.q.sep': ', ',
	'src.iss.list-duplicate-ids':
		'The account list "{name}" repeats {n} ids in column "{key}" (first on row {row}): the first row of each account is used.',
	'src.iss.list-duplicate-ids.one':
		'The account list "{name}" repeats {n} id in column "{key}" (first on row {row}): the first row of each account is used.',
	'src.iss.list-blank-keys':
		'The account list "{name}" has {n} rows with a blank "{key}": they are not accounts.',
	'src.iss.list-blank-keys.one':
		'The account list "{name}" has {n} row with a blank "{key}": they are not accounts.',
	'src.iss.no-date':
		'{n} rows of "{name}" have no readable date in "{column}" (first: row {row}): left out of every feature.',
	'src.iss.no-date.one':
		'{n} row of "{name}" has no readable date in "{column}" (first: row {row}): left out of every feature.',
	'src.iss.period-backwards':
		'{n} periods of "{name}" end ("{end}") before they start ("{start}") (first: row {row}): left out.',
	'src.iss.period-backwards.one':
		'{n} period of "{name}" ends ("{end}") before it starts ("{start}") (first: row {row}): left out.',
	'src.iss.duplicate-events':
		'{n} rows of "{name}" repeat an earlier row exactly (same account, date and values; first: row {row}): each is counted as its own event. Remove them from the export if they are double entries.',
	'src.iss.duplicate-events.one':
		'{n} row of "{name}" repeats an earlier row exactly (same account, date and values; first: row {row}): each is counted as its own event. Remove them from the export if they are double entries.',
	...GRAIN_EN,
	...WANT_EN,
	...AGG_EN,
	...WHAT_EN,

	// --- where in the recipe ---
	'src.at.source': 'source “{name}”',
	'src.at.source.n': 'source {n}',
	'src.at.feature': 'feature “{name}”',
	'src.at.feature.n': 'feature {n}',
	'src.at.date': 'date {n}',
	'src.at.value': 'value {n}',
	'src.at.column': 'column {n}',
	...FIELDS_EN
} as const;

const plainJa: Record<keyof typeof plainEn, string> = {
	'src.iss.string': '文字列である必要があります',
	'src.iss.empty': '空にはできません',
	'src.iss.too-long': '{max} 文字以内である必要があります',
	'src.iss.date': '日付である必要があります',
	'src.iss.date-format': '「2024-01-31」のように年-月-日で書いた日付である必要があります',
	'src.iss.date-real': '実在する日付である必要があります',
	'src.iss.list': 'リスト（配列）である必要があります',
	'src.iss.max-items': '{max} 件以内である必要があります',
	'src.iss.number': '数値である必要があります',
	'src.iss.whole-days': '日数（整数）である必要があります',
	'src.iss.min-days': '1 日以上である必要があります',
	'src.iss.max-days': '36,500 日以下である必要があります',
	'src.iss.min': '{min} 以上である必要があります',
	'src.iss.max': '{max} 以下である必要があります',
	'src.iss.grain':
		'既知の行の単位（アカウント、スナップショット、イベント、期間）である必要があります',
	'src.iss.reactivation': '「none」か「new-life」である必要があります',
	'src.iss.anchor': '「month-start」か「month-end」である必要があります',
	'src.iss.grid-kind': '既知の基準日の種類である必要があります',
	'src.iss.outcome-kind': '既知の結果の種類である必要があります',
	'src.iss.aggregate': '既知の集計方法である必要があります',
	'src.iss.measure': '既知の期間の測り方である必要があります',
	'src.iss.combine': '「latest」か「sum」である必要があります',
	'src.iss.direction-value': '「up」か「down」である必要があります',
	'src.iss.feature-kind': '既知の特徴量の種類である必要があります',
	'src.iss.feature-id':
		'小文字の ID である必要があります（英字で始まり、英小文字・数字・_ だけで 64 文字以内）',
	'src.iss.version': '{expected} である必要があります',
	'src.iss.object': '項目の集まり（オブジェクト）である必要があります（実際の値：{received}）',
	'src.iss.invalid': '値が正しくありません（{detail}）',
	'src.iss.newer-version':
		'新しいバージョン（{version}）で保存されたレシピです。このアプリが読めるのは {max} までです',
	'src.iss.unreadable': 'レシピを読み取れません（{detail}）',
	'src.iss.duplicate-source': 'ソース「{name}」が 2 つあります',
	'src.iss.event-time': 'ソース「{name}」はイベントのソースです。日付の列を選んでください',
	'src.iss.snapshot-time':
		'ソース「{name}」はスナップショットのソースです。スナップショット日の列を選んでください',
	'src.iss.period-start': 'ソース「{name}」は期間のソースです。開始日の列を選んでください',
	'src.iss.time-zone': '「{zone}」は既知のタイムゾーンではありません',
	'src.iss.link-unknown':
		'ソース「{name}」は「{via}」経由でつながりますが、そのようなソースはありません',
	'src.iss.link-two-hops':
		'ソース「{name}」は「{via}」経由でつながりますが、そのソース自体も別のソース経由でつながっています（経由できるのは 1 段階だけです）',
	'src.iss.link-self': 'ソース「{name}」は自分自身を経由してつながることはできません',
	'src.iss.accounts-unknown': 'アカウント一覧「{name}」というソースはありません',
	'src.iss.accounts-grain':
		'アカウント一覧「{name}」は 1 アカウント 1 行である必要があります（これは{aGrain}のソースです）',
	'src.iss.accounts-linked': 'アカウント一覧「{name}」は別のソースを経由してつなぐことはできません',
	'src.iss.grid-source': '基準日の出どころ「{source}」がスナップショットのソースではありません',
	'src.iss.grid-backwards': '基準日の終了（{to}）が開始（{from}）より前です',
	'src.iss.churn-log-source':
		'解約ログ「{source}」はイベントのソース（解約 1 件につき 1 行）である必要があります',
	'src.iss.period-end-source':
		'最後の期間の終了日から解約を読むには、「{source}」が期間のソースである必要があります',
	'src.iss.duplicate-feature': 'ID「{id}」の特徴量が 2 つあります',
	'src.iss.reserved-id':
		'「{id}」はテーブルの作成時に自動で書き込まれる列です。別の ID を選んでください',
	'src.iss.feature-source-unknown': '特徴量「{name}」が読む「{source}」というソースはありません',
	'src.iss.feature-grain':
		'特徴量「{name}」には{want}のソースが必要ですが、「{source}」は{aGrain}のソースです',
	'src.iss.feature-column': '特徴量「{name}」（{agg}）には集計する列が必要です',
	'src.iss.feature-measure-column': '特徴量「{name}」（{measure}）には列が必要です',
	'src.iss.feature-direction': '特徴量「{name}」には方向（増加か減少）が必要です',
	'src.iss.segment-unknown': 'セグメント「{id}」という特徴量はありません',
	'src.iss.contract-value-unknown': '契約金額「{id}」という特徴量はありません',
	'src.iss.not-loaded':
		'ソース「{source}」が読み込まれていません。取り込み直すか、レシピから外してください。',
	'src.iss.no-column': 'ソース「{source}」に列「{column}」（{what}）がありません。',
	'src.iss.link-column-gone':
		'ソース「{name}」は「{via}」の列「{column}」経由でつながりますが、「{via}」にはもうその列がありません。',
	'src.iss.feature-column-gone':
		'特徴量「{name}」はソース「{source}」の列「{column}」を読みますが、その列はもうありません。',
	'src.iss.churn-column-missing': '解約日の列「{column}」がソース「{source}」にありません。',
	'src.iss.zone-mismatch':
		'ソース「{source}」は {now} で読み込まれていますが、レシピはその日付を {want} で数えます。1 日の始まる時刻がずれて、イベントが集計期間の境目をまたぐおそれがあります。{want} で取り込み直すか、レシピから外して追加し直し、{now} で数えるようにしてください。',
	'src.iss.link-matches-nothing':
		'ソース「{name}」の「{key}」の値が、「{via}」の列「{column}」に 1 つも見つかりません。つながりが何にも一致しません。',
	'src.iss.key-matches-nothing':
		'ソース「{name}」の「{key}」の値が、アカウント一覧のアカウント ID に 1 つも一致しません。キーが何にも一致しません。',
	'src.iss.no-grid-dates': '基準日が 1 日もありません。',
	'src.iss.dataset-gone':
		'ソース「{source}」：データセットがもう保存されていません。ファイルを取り込み直すか、このソースを削除してください。',
	'src.iss.no-rows': 'レシピから行が 1 つもできません。基準日とアカウント一覧を確認してください。'
};

export const sourceIssuesJa: Record<keyof typeof sourceIssuesEn, string> = {
	...plainJa,
	'src.iss.min-items': '{min} 件以上必要です',
	'src.iss.min-items.one': '{min} 件以上必要です',
	'src.iss.columns-changed.gone':
		'ソース「{source}」の列がレシピの作成時から変わりました（なくなった列：{gone}）。',
	'src.iss.columns-changed.new':
		'ソース「{source}」の列がレシピの作成時から変わりました（新しい列：{added}）。',
	'src.iss.columns-changed.both':
		'ソース「{source}」の列がレシピの作成時から変わりました（なくなった列：{gone}／新しい列：{added}）。',
	'src.iss.q': '「{name}」',
	'src.iss.q.sep': '、',
	'src.iss.list-duplicate-ids':
		'アカウント一覧「{name}」の列「{key}」で ID が {n} 件重複しています（最初は {row} 行目）。各アカウントの最初の行を使います。',
	'src.iss.list-duplicate-ids.one':
		'アカウント一覧「{name}」の列「{key}」で ID が {n} 件重複しています（{row} 行目）。各アカウントの最初の行を使います。',
	'src.iss.list-blank-keys':
		'アカウント一覧「{name}」に「{key}」が空の行が {n} 行あります。これらはアカウントとして扱いません。',
	'src.iss.list-blank-keys.one':
		'アカウント一覧「{name}」に「{key}」が空の行が {n} 行あります。この行はアカウントとして扱いません。',
	'src.iss.no-date':
		'ソース「{name}」の {n} 行で、「{column}」に読める日付がありません（最初は {row} 行目）。どの特徴量にも使いません。',
	'src.iss.no-date.one':
		'ソース「{name}」の {n} 行で、「{column}」に読める日付がありません（{row} 行目）。どの特徴量にも使いません。',
	'src.iss.period-backwards':
		'ソース「{name}」の {n} 件の期間で、終了（「{end}」）が開始（「{start}」）より前です（最初は {row} 行目）。除外します。',
	'src.iss.period-backwards.one':
		'ソース「{name}」の {n} 件の期間で、終了（「{end}」）が開始（「{start}」）より前です（{row} 行目）。除外します。',
	'src.iss.duplicate-events':
		'ソース「{name}」の {n} 行が、前の行とまったく同じです（アカウント、日付、値がすべて同じ。最初は {row} 行目）。それぞれを別のイベントとして数えます。二重登録であれば、エクスポートから削除してください。',
	'src.iss.duplicate-events.one':
		'ソース「{name}」の {n} 行が、前の行とまったく同じです（アカウント、日付、値がすべて同じ。{row} 行目）。別のイベントとして数えます。二重登録であれば、エクスポートから削除してください。',
	'src.iss.a.account': 'アカウント',
	'src.iss.a.snapshot': 'スナップショット',
	'src.iss.a.event': 'イベント',
	'src.iss.a.period': '期間',
	'src.iss.want.event': 'イベント（または期間）',
	'src.iss.want.period': '期間',
	'src.iss.want.snapshot': 'スナップショット',
	'src.iss.want.account': 'アカウント',
	'src.iss.agg.count': '行数',
	'src.iss.agg.sum': '合計',
	'src.iss.agg.mean': '平均',
	'src.iss.agg.min': '最小値',
	'src.iss.agg.max': '最大値',
	'src.iss.agg.distinct': '異なる値の数',
	'src.iss.agg.last': '最新の値',
	'src.iss.agg.days-since-last': '最新の行からの日数',
	'src.iss.agg.days-since-first': '最初の行からの日数',
	'src.iss.measure.active': '基準日に有効か',
	'src.iss.measure.value': '基準日の値',
	'src.iss.measure.tenure': '継続日数',
	'src.iss.measure.days-to-renewal': '次の更新までの日数',
	'src.iss.measure.changes': '変更回数',
	'src.iss.what.key': 'キー',
	'src.iss.what.snapshot-date': 'スナップショット日',
	'src.iss.what.start-date': '開始日',
	'src.iss.what.event-date': 'イベントの日付',
	'src.iss.what.end-date': '終了日',

	'src.at.source': 'ソース「{name}」',
	'src.at.source.n': 'ソース {n}',
	'src.at.feature': '特徴量「{name}」',
	'src.at.feature.n': '特徴量 {n}',
	'src.at.date': '日付 {n}',
	'src.at.value': '値 {n}',
	'src.at.column': '列 {n}',
	'src.f.schemaVersion': 'スキーマのバージョン',
	'src.f.sources': 'ソース',
	'src.f.name': '名前',
	'src.f.datasetId': 'データセットの ID',
	'src.f.grain': '1行の単位',
	'src.f.key': 'キー',
	'src.f.link': 'アカウントへのつながり',
	'src.f.via': '経由するソース',
	'src.f.column': '列',
	'src.f.time': '日付の列',
	'src.f.start': '開始日の列',
	'src.f.end': '終了日の列',
	'src.f.timeZone': 'タイムゾーン',
	'src.f.columns': '列の一覧',
	'src.f.accounts': 'アカウント一覧',
	'src.f.grid': '基準日',
	'src.f.kind': '種類',
	'src.f.from': '開始',
	'src.f.to': '終了',
	'src.f.anchor': '月のどの日か',
	'src.f.source': 'ソース',
	'src.f.dates': '日付',
	'src.f.outcome': '結果（解約日）',
	'src.f.reactivation': '戻ってきたアカウント',
	'src.f.graceDays': '猶予日数',
	'src.f.features': '特徴量',
	'src.f.id': 'ID（識別子）',
	'src.f.agg': '計算',
	'src.f.days': '期間（日）',
	'src.f.filter': '対象の行の条件',
	'src.f.values': '値',
	'src.f.measure': '測り方',
	'src.f.combine': '期間が複数あるとき',
	'src.f.direction': '方向',
	'src.f.segment': 'セグメント',
	'src.f.contractValue': '契約金額',
	'src.f.dataEnd': 'データの終わり'
};
