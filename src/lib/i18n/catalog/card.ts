/**
 * The model card's own sentences (`card.*`): schemes in words, missing values, direction, the
 * scoring rules, why a template's name is left out, the version line and the backtest setting.
 * `lib/data/export/model-card` words the card in the UI language from these (the printed card
 * is the screen's); spread into `en.ts` / `ja.ts`, `messages.test.ts` checks the Japanese.
 */
export const cardEn = {
	'card.unnamed': 'Unnamed model',
	'card.sep': ', ',
	'card.linear':
		'{lo} or less → {loPts} points, {hi} or more → {hiPts}, in a straight line between',
	'card.item.first': '{what} → {points} points',
	'card.item': '{what} → {points}',
	'card.band.any': 'any value',
	'card.band.above': 'above {x}',
	'card.band.upTo': 'up to {x}',
	'card.band.between': 'above {lo} up to {hi}',
	'card.percentile': 'Rank among {within} → 0–100 points ({end} value scores 100)',
	'card.within.segment': 'the accounts of the same segment',
	'card.within.portfolio': 'all accounts',
	'card.end.highest': 'highest',
	'card.end.lowest': 'lowest',
	'card.boolean': 'Yes → {yes} points, no → {no}',
	'card.other.missing': 'other values count as missing',
	'card.other': 'other values → {points}',
	'card.manual': 'Scored by hand from 0 to {max} ({max} = 100 points)',
	'card.missing.exclude': 'left out; the rest re-weighted',
	'card.missing.points': 'counts as {points} points',
	'card.higher': 'higher is better',
	'card.lower': 'lower is better',
	'card.rule.coverage':
		"An account needs {pct} % of the model's weight backed by data to be scored; below that it is shown as not scored, never as {worst}.",
	'card.rule.worst': 'the worst tier',
	'card.rule.rounding': 'Tiers are decided on the score rounded half up to a whole number.',
	'card.rule.segments': 'Segments by {column}: {values} have their own weights or tiers.',
	'card.identity.both':
		"This model started from a template and has changed since, so the template's name and description are not shown on its card. Give it its own on the Model screen.",
	'card.identity.name':
		"This model started from a template and has changed since, so the template's name is not shown on its card. Give it its own on the Model screen.",
	'card.identity.description':
		"This model started from a template and has changed since, so the template's description is not shown on its card. Give it its own on the Model screen.",
	'card.version.none': 'Working copy (no saved version yet)',
	'card.version': 'Version {n}',
	'card.version.edited': 'Version {n} with unsaved edits',
	'card.setting.pit': 'as of {date}, churn within {days} days',
	'card.setting.cross': 'one row per account, churned or not'
} as const;

export const cardJa: Record<keyof typeof cardEn, string> = {
	'card.unnamed': '名前のないモデル',
	'card.sep': '、',
	'card.linear': '{lo} 以下 → {loPts} 点、{hi} 以上 → {hiPts} 点、その間は直線で',
	'card.item.first': '{what} → {points} 点',
	'card.item': '{what} → {points} 点',
	'card.band.any': 'すべての値',
	'card.band.above': '{x} 超',
	'card.band.upTo': '{x} 以下',
	'card.band.between': '{lo} 超 {hi} 以下',
	'card.percentile': '{within}の中での順位 → 0〜100 点（{end}値が 100 点）',
	'card.within.segment': '同じセグメントのアカウント',
	'card.within.portfolio': 'すべてのアカウント',
	'card.end.highest': '最も高い',
	'card.end.lowest': '最も低い',
	'card.boolean': 'はい → {yes} 点、いいえ → {no} 点',
	'card.other.missing': 'その他の値は欠損として扱う',
	'card.other': 'その他の値 → {points} 点',
	'card.manual': '0〜{max} で手入力（{max} = 100 点）',
	'card.missing.exclude': '除外し、残りの重みで計算',
	'card.missing.points': '{points} 点として数える',
	'card.higher': '高いほど良い',
	'card.lower': '低いほど良い',
	'card.rule.coverage':
		'採点するには、モデルの重みの {pct} % 以上がデータで裏付けられている必要があります。満たないアカウントは「{worst}」ではなく未採点として表示します。',
	'card.rule.worst': '最下位ティア',
	'card.rule.rounding': 'ティアは、スコアを四捨五入した整数で決めます。',
	'card.rule.segments': '{column} によるセグメント：{values} は独自の重みまたはティアを使います。',
	'card.identity.both':
		'このモデルはテンプレートから始めて変更されたため、テンプレートの名前と説明はカードに表示しません。モデル画面で独自の名前と説明を付けてください。',
	'card.identity.name':
		'このモデルはテンプレートから始めて変更されたため、テンプレートの名前はカードに表示しません。モデル画面で独自の名前を付けてください。',
	'card.identity.description':
		'このモデルはテンプレートから始めて変更されたため、テンプレートの説明はカードに表示しません。モデル画面で独自の説明を付けてください。',
	'card.version.none': '作業中のコピー（保存したバージョンはまだありません）',
	'card.version': 'バージョン {n}',
	'card.version.edited': 'バージョン {n}（未保存の編集あり）',
	'card.setting.pit': '基準日 {date}、{days} 日以内の解約',
	'card.setting.cross': '1 アカウント 1 行、解約したかどうか'
};
