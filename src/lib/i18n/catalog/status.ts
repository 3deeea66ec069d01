/**
 * Messages of the app's state shown on any screen (`st.*`): the boot's loading line (saved data,
 * the sample portfolio and its progress), a stored dataset being opened, and the sample opened
 * as raw exports ("Try the whole flow on the sample"). Set by `lib/state`, read by the screens.
 * Spread into `en.ts` / `ja.ts`; `messages.test.ts` checks every key has Japanese text.
 */
export const statusEn = {
	'st.loading': 'Loading {name}…',
	'st.dataset': 'dataset',
	'st.sample': 'Loading the sample portfolio…',
	'st.mbOf': '{got} of {total} MB',
	'st.mb': '{got} MB',
	'st.reading': 'reading the rows',
	'st.storing': 'storing it',

	'st.sx.notOpen': 'Saved data is not open yet; try again in a moment.',
	'st.sx.recipe': 'Fetching the recipe…',
	'st.sx.recipeStep': 'Fetching the recipe',
	'st.sx.file': '{file} ({n} of {total})',
	'st.sx.fetching': 'Fetching {step}…',
	'st.sx.fetchingStep': 'Fetching {step}',
	'st.sx.progress': '{step}: {size}',
	'st.sx.importing': 'Importing {step}…',
	'st.sx.building': 'Building the table…',
	'st.sx.offline':
		'{file} could not be fetched: are you offline? It is kept for offline use once it has been opened.',
	'st.sx.missing': '{file} is missing from the site (HTTP {status}).',
	'st.sx.notImported': '{file} could not be imported: {reason}',
	'st.sx.notBuilt': 'The table was not built: {reason}',
	'st.sx.notBuiltSee': 'The table was not built: see the Sources section for the reasons.',
	'st.sx.done':
		'The sample’s {n} raw exports are sources of the model’s recipe; the table built from them is the active dataset.',
	'st.sx.doneReused':
		'The sample’s {n} raw exports are sources of the model’s recipe ({reused} already stored, reused); the table built from them is the active dataset.'
} as const;

export const statusJa: Record<keyof typeof statusEn, string> = {
	'st.loading': '{name} を読み込み中…',
	'st.dataset': 'データセット',
	'st.sample': 'サンプルのポートフォリオを読み込み中…',
	'st.mbOf': '{got}／{total} MB',
	'st.mb': '{got} MB 受信',
	'st.reading': '行を読み取り中',
	'st.storing': '保存中',

	'st.sx.notOpen': '保存データがまだ開いていません。少し待ってからもう一度お試しください。',
	'st.sx.recipe': 'レシピを取得中…',
	'st.sx.recipeStep': 'レシピを取得中',
	'st.sx.file': '{file}（{total} 件中 {n} 件目）',
	'st.sx.fetching': '{step} を取得中…',
	'st.sx.fetchingStep': '{step} を取得中',
	'st.sx.progress': '{step}：{size}',
	'st.sx.importing': '{step} を取り込み中…',
	'st.sx.building': '表を作成中…',
	'st.sx.offline':
		'{file} を取得できませんでした。オフラインではありませんか？一度開いたファイルはオフラインでも使えるよう保存されます。',
	'st.sx.missing': '{file} がサイトにありません（HTTP {status}）。',
	'st.sx.notImported': '{file} を取り込めませんでした：{reason}',
	'st.sx.notBuilt': '表を作成できませんでした：{reason}',
	'st.sx.notBuiltSee': '表を作成できませんでした。理由は「ソース」セクションを確認してください。',
	'st.sx.done':
		'サンプルの元のエクスポート {n} 件をモデルのレシピのソースにしました。そこから作成した表が現在のデータセットです。',
	'st.sx.doneReused':
		'サンプルの元のエクスポート {n} 件をモデルのレシピのソースにしました（{reused} 件は保存済みのものを再利用）。そこから作成した表が現在のデータセットです。'
};
