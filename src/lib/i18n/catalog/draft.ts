/**
 * What the draft core says (`dr.*`, one key per code of `lib/draft/messages`): notes under a
 * draft, why a column was left out, why a drafted metric is there, a drafted model's name,
 * description and dimension names, the lines of a model diff, and why a suggested threshold is
 * refused. Spread into `en.ts` / `ja.ts`; `messages.test.ts` checks every key has Japanese text,
 * the type below that every code has English.
 */
import type { DraftCode } from '$lib/draft/messages';

export const draftEn = {
	'dr.note.few-outcomes':
		'Fewer than 10 churned (or retained) accounts: drafted from the distributions alone, with equal weights.',
	'dr.note.no-outcome':
		'No outcome column: drafted from the distributions alone, with equal weights. Map a churned column to draft from what happened.',
	'dr.note.no-signal': 'No column carries a usable signal: nothing to draft.',
	'dr.note.out-of-order':
		'The tiers do not come out in order on this data (a better tier churns more): check before applying.',

	'dr.skip.many-categories': 'a category with more than 50 values',
	'dr.skip.no-steady-link': '{column} shows no steady link with churn',
	'dr.skip.not-in-dataset': 'not in the dataset',
	'dr.skip.missing-share': 'missing for {share} % of accounts',
	'dr.skip.little-link': 'too little link with churn to help',
	'dr.skip.disguise':
		'separates churners almost perfectly (AUC {auc}): it may be the outcome in disguise',
	'dr.skip.unordered-category': 'a category: without an outcome its values cannot be ordered',
	'dr.skip.mostly-missing': 'mostly missing',
	'dr.skip.constant': 'the same value everywhere',
	'dr.skip.below-top': 'ranked below the top {max} (more metrics add noise)',
	'dr.skip.adds-nothing': 'adds nothing once the stronger metrics are in',
	'dr.skip.line': '{column}: {reason}',

	'dr.why.plain-higher': 'Drafted without an outcome: higher values are read as healthier.',
	'dr.why.plain-lower': 'Drafted without an outcome: lower values are read as healthier.',
	'dr.why.linear-higher':
		'Drafted without an outcome: higher values are read as healthier, scored between the 5th and 95th percentiles.',
	'dr.why.linear-lower':
		'Drafted without an outcome: lower values are read as healthier, scored between the 5th and 95th percentiles.',
	'dr.why.category': 'Churn differs by value ({ends}); ranks churners with AUC {auc} on its own.',
	'dr.why.category-end': '{value} {points} pts',
	'dr.why.higher': 'Higher values churn less; ranks churners with AUC {auc} on its own.',
	'dr.why.lower': 'Lower values churn less; ranks churners with AUC {auc} on its own.',

	'dr.name': 'Draft from {dataset}',
	'dr.desc': 'Drafted from “{dataset}”: {how}; tiers placed so that {rule}.',
	'dr.desc.outcome':
		'{n} metrics ranked by how well each predicts churn, points from churn rates, weights from a regularised logistic regression rounded to 5 %',
	'dr.desc.no-outcome':
		'{n} metrics scored from their spread (no outcome column: weights are equal)',
	'dr.desc.share': 'Red = the riskiest {pct} % of accounts',
	'dr.desc.catch': 'Red catches {pct} % of churners',

	'dr.theme.support': 'Support',
	'dr.theme.billing': 'Billing',
	'dr.theme.products': 'Products and services',
	'dr.theme.usage': 'Usage',
	'dr.theme.relationship': 'Relationship',
	'dr.theme.profile': 'Profile',
	'dr.theme.other': 'Other signals',

	'dr.diff.name': 'Name: “{before}” → “{after}”',
	'dr.diff.metric-removed': 'Metric {name} ({column}), {share} %',
	'dr.diff.metric-added': 'Metric {name}: {kind}, {direction} is better, {share} %',
	'dr.diff.metric-changed': 'Metric {name}: {from} % → {to} %',
	'dr.diff.metric-changed-kind': 'Metric {name}: {from} % → {to} %, scheme {before} → {after}',
	'dr.diff.metric-changed-breaks': 'Metric {name}: {from} % → {to} %, new breakpoints',
	'dr.diff.dimension-removed': 'Dimension {name}',
	'dr.diff.dimension-added': 'Dimension {name} ({n} metrics)',
	'dr.diff.tiers': 'Tiers: {before} → {after}',
	'dr.diff.tier': '{name} ≥ {min}',
	'dr.kind.linear': 'linear',
	'dr.kind.bands': 'bands',
	'dr.kind.percentile': 'percentile',
	'dr.kind.boolean': 'boolean',
	'dr.kind.category': 'category',
	'dr.kind.manual': 'manual',
	'dr.dir.higher': 'higher',
	'dr.dir.lower': 'lower',

	'dr.refuse.order':
		'{better} accounts would churn more often ({betterRate} %) than {worse} accounts ({worseRate} %), so the tiers would be out of order.',
	'dr.refuse.cut-empty-red': 'A cut at {cut} puts no account in {red}.',
	'dr.refuse.cut-no-room':
		'{red} below {cut} would leave no room for {above}, whose range ends at {end}.',
	'dr.refuse.cut-no-account': 'No account scores below {cut}, so {red} would be empty.',
	'dr.refuse.cut-order':
		'{red} would churn less often ({redRate} %) than {above} ({aboveRate} %), so the tiers would be out of order.',
	'dr.refuse.no-cut': 'No cut keeps {red} churning at least as often as {above}.',
	'dr.refuse.no-cut-capacity':
		'No cut keeps {red} churning at least as often as {above} with at most {capacity} accounts in {red}.',

	'dr.sep': ', '
} as const satisfies Record<`dr.${DraftCode}`, string>;

export const draftJa: Record<keyof typeof draftEn, string> = {
	'dr.note.few-outcomes':
		'解約した（または継続した）アカウントが 10 件未満のため、分布だけから重みを均等にして下書きしました。',
	'dr.note.no-outcome':
		'結果の列がないため、分布だけから重みを均等にして下書きしました。実際に起きたことから下書きするには、解約フラグの列を割り当ててください。',
	'dr.note.no-signal': '使えるシグナルのある列がありません。下書きできるものがありません。',
	'dr.note.out-of-order':
		'このデータではティアの順序が逆転します（良いティアのほうが解約が多い）。適用する前に確認してください。',

	'dr.skip.many-categories': '値が 50 種類を超えるカテゴリです',
	'dr.skip.no-steady-link': '{column} と解約の間に安定した関係が見られません',
	'dr.skip.not-in-dataset': 'データセットにありません',
	'dr.skip.missing-share': 'アカウントの {share} % で欠損しています',
	'dr.skip.little-link': '解約との関係が弱く、役に立ちません',
	'dr.skip.disguise':
		'解約したアカウントをほぼ完全に分けています（AUC {auc}）。結果そのものが形を変えたものかもしれません',
	'dr.skip.unordered-category': 'カテゴリです。結果がないと値の順序を決められません',
	'dr.skip.mostly-missing': 'ほとんどが欠損しています',
	'dr.skip.constant': 'すべて同じ値です',
	'dr.skip.below-top': '上位 {max} 件に入りませんでした（指標が多すぎるとノイズになります）',
	'dr.skip.adds-nothing': 'より強い指標を入れると、加える情報がありません',
	'dr.skip.line': '{column}：{reason}',

	'dr.why.plain-higher': '結果なしで下書き：値が高いほど健全とみなします。',
	'dr.why.plain-lower': '結果なしで下書き：値が低いほど健全とみなします。',
	'dr.why.linear-higher':
		'結果なしで下書き：値が高いほど健全とみなし、5 パーセンタイルから 95 パーセンタイルの間で採点します。',
	'dr.why.linear-lower':
		'結果なしで下書き：値が低いほど健全とみなし、5 パーセンタイルから 95 パーセンタイルの間で採点します。',
	'dr.why.category':
		'値によって解約率が異なります（{ends}）。単独で AUC {auc} で解約を見分けます。',
	'dr.why.category-end': '{value} は {points} 点',
	'dr.why.higher': '値が高いほど解約が少なくなります。単独で AUC {auc} で解約を見分けます。',
	'dr.why.lower': '値が低いほど解約が少なくなります。単独で AUC {auc} で解約を見分けます。',

	'dr.name': '{dataset} からの下書き',
	'dr.desc': '「{dataset}」から下書き：{how}。ティアは{rule}ように配置。',
	'dr.desc.outcome':
		'解約の予測力の順に並べた指標 {n} 個、ポイントは解約率から、重みは正則化ロジスティック回帰から 5 % 単位に丸めて',
	'dr.desc.no-outcome': '値の散らばりから採点した指標 {n} 個（結果の列がないため重みは均等）',
	'dr.desc.share': '最もリスクの高いアカウント {pct} % が赤になる',
	'dr.desc.catch': '解約したアカウントの {pct} % を赤でとらえる',

	'dr.theme.support': 'サポート',
	'dr.theme.billing': '請求',
	'dr.theme.products': '製品とサービス',
	'dr.theme.usage': '利用状況',
	'dr.theme.relationship': '関係性',
	'dr.theme.profile': 'プロフィール',
	'dr.theme.other': 'その他のシグナル',

	'dr.diff.name': '名前：「{before}」→「{after}」',
	'dr.diff.metric-removed': '指標 {name}（{column}）、{share} %',
	'dr.diff.metric-added': '指標 {name}：{kind}、{direction}ほど良い、{share} %',
	'dr.diff.metric-changed': '指標 {name}：{from} % → {to} %',
	'dr.diff.metric-changed-kind': '指標 {name}：{from} % → {to} %、採点方式 {before} → {after}',
	'dr.diff.metric-changed-breaks': '指標 {name}：{from} % → {to} %、区切りを変更',
	'dr.diff.dimension-removed': 'ディメンション {name}',
	'dr.diff.dimension-added': 'ディメンション {name}（指標 {n} 個）',
	'dr.diff.tiers': 'ティア：{before} → {after}',
	'dr.diff.tier': '{name} は {min} 以上',
	'dr.kind.linear': '線形',
	'dr.kind.bands': '区間',
	'dr.kind.percentile': 'パーセンタイル',
	'dr.kind.boolean': 'はい/いいえ',
	'dr.kind.category': 'カテゴリ',
	'dr.kind.manual': '手入力',
	'dr.dir.higher': '高い',
	'dr.dir.lower': '低い',

	'dr.refuse.order':
		'{better} のアカウントが {worse} のアカウント（{worseRate} %）より多く解約する（{betterRate} %）ことになり、ティアの順序が逆転します。',
	'dr.refuse.cut-empty-red': '境界 {cut} では {red} に入るアカウントがありません。',
	'dr.refuse.cut-no-room':
		'{red} を {cut} 未満にすると、範囲が {end} までの {above} の入る余地がなくなります。',
	'dr.refuse.cut-no-account': '{cut} 未満のアカウントがないため、{red} が空になります。',
	'dr.refuse.cut-order':
		'{red} の解約（{redRate} %）が {above}（{aboveRate} %）より少なくなり、ティアの順序が逆転します。',
	'dr.refuse.no-cut': '{red} の解約を {above} 以上に保てる境界がありません。',
	'dr.refuse.no-cut-capacity':
		'{red} を {capacity} 件以内にして、{red} の解約を {above} 以上に保てる境界がありません。',

	'dr.sep': '、'
};
