/**
 * Japanese messages. Typed against the English catalog: a missing key is a type error, and
 * `messages.test.ts` fails on empty text or different `{placeholders}`.
 */
import type { MessageKey } from './en';

export const ja: Record<MessageKey, string> = {
	'app.name': 'ヘルススコア・ワークベンチ',
	'app.skip': '本文へ移動',
	'app.screens': '画面',
	'app.privacy': 'ブラウザ内で動作します。データが外部に送信されることはありません。',
	'app.language': '言語',
	'app.currency': '通貨',

	'nav.calculator': '計算ツール',
	'nav.data': 'データ',
	'nav.model': 'モデル',
	'nav.portfolio': 'ポートフォリオ',
	'nav.backtest': 'バックテスト',
	'nav.validation': '検証',
	'nav.actions': 'アクションと出力',
	'nav.workshop': 'ワークショップ',

	'calc.title': 'カスタマーヘルススコア計算ツール',
	'calc.lede':
		'1つのアカウントのシグナルを入力すると、ヘルススコア、ティア、スコアを左右している要因がわかります。計算はこのページ内で行われ、どこにも送信されません。',
	'calc.template': 'テンプレート',
	'calc.clear': '入力をすべてクリア',
	'calc.signals': 'アカウントのシグナル',
	'calc.shareOfScore': 'スコアの {share}',
	'calc.score': 'スコア',
	'calc.noTier': 'ティアなし',
	'calc.action': 'アクション：',
	'calc.notScored': 'スコア算出不可',
	'calc.notScoredYet': 'まだスコアはありません',
	'calc.tooLittle':
		'データが少なすぎるため、このアカウントのスコアを算出できません。入力済みの項目はモデルのウェイトの {coverage} で、少なくとも {min} が必要です。上の項目をさらに入力してください。',
	'calc.coverage': 'カバー率：モデルのウェイトの {coverage} に値があります（最低 {min}）。',
	'calc.drivers': 'スコアを左右している要因',
	'calc.fullPoints': 'すべてのディメンションが満点です。スコアを下げている要因はありません。',
	'calc.weakest': '最も弱い点：',
	'calc.driver':
		'{name}：{max} ポイント中 {lost} ポイントを失っています（ディメンションのスコアは100点中 {score} 点）。',
	'calc.whyMatters': '重要な理由：{why}',
	'calc.next': 'ひとつ上のティアに上がるには',
	'calc.morePoints': 'あと {points} ポイントで',
	'calc.morePointsEnd': ' に届きます。',
	'calc.anyOne': '次のいずれか1つの変化で届きます：',
	'calc.noSingle': '1つの変化だけでは足りません。複数のシグナルを同時に改善する必要があります。',
	'calc.bestTier': 'このアカウントはすでに最上位のティアです。',
	'calc.flags': 'フラグ',
	'calc.flagsNote': 'スコアが良くても安心はできません。以下はティアとは別に注意すべき点です。',
	'calc.breakdown': 'ディメンション別の内訳',
	'calc.breakdownCaption': '失ったポイントが多い順のディメンション',
	'calc.dimension': 'ディメンション',
	'calc.earned': '獲得ポイント',
	'calc.lost': '失ったポイント',
	'calc.leftOut': '値なし：計算から除外',
	'calc.of': '{max} 中 {x}',
	'calc.shareNote':
		'各ディメンションが与えられるのは、100ポイントのうち自分の配分までです（{list}）。',
	'calc.noneYet': 'まだありません',
	'calc.linkFailed': '共有リンクを開けませんでした。',
	'calc.opened': '共有された計算を開きました：{name}。',
	'calc.dismiss': '閉じる',
	'calc.blank': '（未入力）',
	'calc.share': '共有',
	'calc.shareNote2':
		'リンクには、モデルと上の入力内容がアドレスの「#」以降に入っています。この部分はブラウザからサーバーに送信されることはありません。',
	'calc.copyLink': '共有リンクをコピー',
	'calc.shareLink': '共有リンク',
	'calc.copied': 'リンクをコピーしました。中身はモデルとこの入力内容だけです。',
	'calc.copyFailed': '自動でコピーできませんでした。下のリンクを選択してコピーしてください。',
	'calc.makeFailed': '共有リンクを作成できませんでした。',
	'calc.above':
		'{x} は尺度の上限（{hi}）を超えています。{hi} として扱い、{points} ポイントになります。',
	'calc.below':
		'{x} は尺度の下限（{lo}）を下回っています。{lo} として扱い、{points} ポイントになります。',
	'calc.blankZero': '未入力の場合：0ポイントとして計算します。',
	'calc.blankNeutral': '未入力の場合：50ポイント（中立）として計算します。',
	'calc.blankExclude': '未入力の場合：スコアの計算から除外します。',
	'calc.scale': '0〜{max} の尺度です。',
	'calc.linearUp': '{best} 以上で満点、{worst} 以下で0ポイントです。',
	'calc.linearDown': '{best} 以下で満点、{worst} 以上で0ポイントです。',
	'calc.yes': 'はい',
	'calc.no': 'いいえ',
	'calc.percentile':
		'ポートフォリオ全体の中での順位で採点するため、ここで1つのアカウントだけのスコアは出せません。',
	'calc.bandAny': 'どの値でも',
	'calc.bandMore': 'それ以上',
	'calc.bandUpTo': '{n} まで',
	'calc.bandFirst': '{range}：{points} ポイント',
	'calc.bandNext': '{range}：{points}',
	'calc.bandJoin': '、',
	'calc.bandEnd': '。',

	'ws.title': 'ワークショップ',
	'ws.intro':
		'サーバーなしで設計ワークショップを進められます。参加者はスコアを見る前に実際のアカウントを赤・黄・緑で評価し、各ディメンションに合計100ポイントを配分します。その判断をデータと突き合わせます。回答は短いコードで戻ってくるので、ここに貼り付けてください。',
	'ws.opening': 'ラウンドを開いています…',
	'ws.account': 'アカウント {ref}',
	'ws.red': '赤',
	'ws.yellow': '黄',
	'ws.green': '緑',
	'ws.split': '割れた',
	'ws.remove': '削除',

	'ws.setup.title': 'ブラインド評価：アカウントを選ぶ',
	'ws.setup.intro':
		'参加者に見えるのは各アカウントの生の値だけです（ID・スコア・ティアは表示されません）。「スコアで層化」はスコアの全範囲から偏りなく選び、「ランダム」は単純な無作為抽出です。同じシードなら同じアカウントが選ばれます。',
	'ws.setup.roundTitle': 'ラウンド名（参加者に表示）',
	'ws.setup.count': '評価するアカウント数',
	'ws.setup.method': '選び方',
	'ws.setup.stratified': 'スコアで層化',
	'ws.setup.random': 'ランダム',
	'ws.setup.seed': 'シード',
	'ws.setup.start': 'ラウンドを開始',
	'ws.setup.restart': '新しいラウンドを開始',
	'ws.setup.restartWarn': '新しいラウンドを始めると、これまでに集めた回答は消去されます。',
	'ws.setup.waitScores':
		'ポートフォリオのスコア計算中です。少し待ってから再度お試しいただくか、ランダムで選んでください。',
	'ws.setup.started': '{n} 件のアカウントでラウンドを開始しました。',
	'ws.setup.linkTitle': '参加者用リンク',
	'ws.setup.linkIntro':
		'このリンクを参加者に送ってください（チャット、メール、またはこのリンクから作ったQRコード）。中身は評価カードだけで、サーバーに送られることのないアドレス部分に入っています。共有画面で行う場合は、ここで開いて一人ずつ回答を追加してください。',
	'ws.setup.link': '参加者用リンク',
	'ws.setup.copyLink': 'リンクをコピー',
	'ws.setup.rateHere': 'この画面で評価する',
	'ws.setup.roundId': 'ラウンド {id}',

	'ws.p.title': 'アカウントを評価してください',
	'ws.p.intro':
		'表示された値だけを見て、各アカウントを赤（リスクあり）、黄（要注意）、緑（健全）のどれと判断するか選んでください。正解はありません。参加者の判断がどこで一致し、どこで分かれるかを見るためのものです。',
	'ws.p.name': 'お名前またはイニシャル',
	'ws.p.rateTitle': 'アカウント',
	'ws.p.weightsTitle': '何を重視しますか？',
	'ws.p.weightsIntro':
		'各ディメンションに合計100ポイントを配分してください。アカウントの健全性をよく表すと思うものほど多く配分します。',
	'ws.p.pointsFor': '{name} のポイント',
	'ws.p.total': '合計：100ポイント中 {total} ポイント',
	'ws.p.needName': 'お名前またはイニシャルを入力してください。',
	'ws.p.needRatings': 'すべてのアカウントを評価してください（残り {left} 件）。',
	'ws.p.needPoints': 'ポイントの合計を100にしてください（現在 {total}）。',
	'ws.p.make': '回答コードを作成',
	'ws.p.made': '回答コードができました。コード（またはリンク）をファシリテーターに送ってください。',
	'ws.p.code': '回答コード',
	'ws.p.link': '回答リンク',
	'ws.p.copy': 'コードをコピー',
	'ws.p.copied': 'コピーしました。',
	'ws.p.copyFailed': '自動でコピーできませんでした。テキストを選択してコピーしてください。',
	'ws.p.addHere': 'このワークショップの結果に追加',

	'ws.answers.title': '回答',
	'ws.answers.paste': '回答コードまたはリンクを貼り付け',
	'ws.answers.add': '回答を追加',
	'ws.answers.list': '参加者',
	'ws.answers.remove': '{name} さんの回答を削除',
	'ws.answers.none': 'まだ回答はありません。',

	'ws.results.title': '参加者の判断とデータ',
	'ws.results.needTwo': '一致度の計算には、2人以上の回答が必要です。',
	'ws.results.kappa':
		'評価者 {n} 人・アカウント {cards} 件の一致度：Fleiss の κ = {kappa}（{words}）',
	'ws.results.kappaParts':
		'観測された一致率 {observed}、偶然による一致率 {expected}。全員の評価が一致すれば κ は1、偶然と同程度の一致なら0になります。',
	'ws.k.undefined': '算出不可',
	'ws.k.poor': '偶然以下の一致',
	'ws.k.slight': 'わずかな一致',
	'ws.k.fair': 'ある程度の一致',
	'ws.k.moderate': '中程度の一致',
	'ws.k.substantial': 'かなりの一致',
	'ws.k.perfect': 'ほぼ完全な一致',
	'ws.results.cardsCaption': 'アカウントごとの評価（意見が割れた順）',
	'ws.results.account': 'アカウント',
	'ws.results.room': '参加者の多数意見',
	'ws.results.agreement': '一致率',
	'ws.results.model': 'モデル',
	'ws.results.vsModelCaption': '評価者ごとのモデルのティアとの比較',
	'ws.results.rater': '評価者',
	'ws.results.same': 'モデルと同じ',
	'ws.results.harsher': 'モデルより厳しい',
	'ws.results.kinder': 'モデルより甘い',
	'ws.results.roomMajority': '参加者全体（多数意見）',
	'ws.results.noScores':
		'ラウンドのデータセットを開き、ポートフォリオ画面でスコアが計算されると、モデルのティアがここに表示されます。',
	'ws.results.weightsCaption': 'ウェイト：参加者の配分とモデルの比較（意見が割れた順）',
	'ws.results.dimension': 'ディメンション',
	'ws.results.mean': '平均',
	'ws.results.median': '中央値',
	'ws.results.sd': 'ばらつき（標準偏差）',
	'ws.results.range': '最小〜最大',
	'ws.results.current': '現在のモデル（%）',
	'ws.results.fitted': 'データからの推定（%）',
	'ws.results.noFit':
		'データからの推定ウェイトは、解約履歴を使ったバックテストをバックテスト画面で実行すると表示されます。',

	'ws.labels.title': 'エキスパートラベル',
	'ws.labels.intro':
		'解約履歴がない場合は、参加者の評価を結果の代わりに使えます。参加者が赤と判断したアカウントを「リスクあり」として扱います。これは参加者の意見にもとづくエキスパートラベルであり、実際に起きた結果ではありません。',
	'ws.labels.auc':
		'モデルのスコアが参加者の「赤」をどれだけうまく上位に並べるか：AUC {auc}（ラベル付き {n} 件、うち赤 {red} 件）。件数が少ないため、目安としてご覧ください。',
	'ws.labels.noAuc':
		'AUC はまだ計算できません。赤と赤以外の両方のラベルが必要です（ラベル付き {n} 件、うち赤 {red} 件）。',
	'ws.labels.download': 'エキスパートラベルをダウンロード（CSV）',
	'ws.labels.howTo':
		'評価したアカウントごとに1行のファイルです（account_id、expert_rating、expert_at_risk）。データ画面で取り込み、expert_at_risk を解約フラグに割り当てると、参加者の判断に対してバックテストできます。',

	'ws.err.roundEmpty': 'ラウンドのリンクが空です。',
	'ws.err.roundLong': 'このラウンドのリンクは長すぎます（{n} 文字）。',
	'ws.err.roundDamaged':
		'このラウンドのリンクは壊れているか、途中で切れています（コピーの際に一部が欠けた可能性があります）。',
	'ws.err.roundLarge': 'このラウンドのリンクは大きすぎるため、安全に開けません。',
	'ws.err.roundVersion':
		'このラウンドのリンクは無効です。このバージョンのワークベンチで作られたものではありません。',
	'ws.err.roundId': 'このラウンドのリンクは無効です。ラウンドIDがありません。',
	'ws.err.roundTitle': 'このラウンドのリンクは無効です。ラウンド名がありません。',
	'ws.err.roundCards':
		'このラウンドのリンクは無効です。アカウントは1〜{max} 件である必要があります。',
	'ws.err.roundCard':
		'このラウンドのリンクは無効です。{n} 番目のアカウントの形式が正しくありません。',
	'ws.err.roundValue':
		'このラウンドのリンクは無効です。アカウント {ref} の値の形式が正しくありません。',
	'ws.err.roundDims': 'このラウンドのリンクは無効です。ディメンションは {max} 個までです。',
	'ws.err.roundDim': 'このラウンドのリンクは無効です。ディメンションの形式が正しくありません。',
	'ws.err.answerEmpty': '回答コードが空です。',
	'ws.err.answerLong': 'この回答コードは長すぎます（{n} 文字）。',
	'ws.err.answerDamaged':
		'この回答コードは壊れているか、途中で切れています（コピーの際に一部が欠けた可能性があります）。',
	'ws.err.answerLarge': 'この回答コードは大きすぎるため、安全に開けません。',
	'ws.err.answerVersion':
		'この回答コードは使えません。このバージョンのワークベンチで作られたものではありません。',
	'ws.err.answerOtherRound':
		'この回答コードは使えません。別のラウンド（{theirs}）のもので、このラウンド（{ours}）のものではありません。',
	'ws.err.answerName': 'この回答コードは使えません。参加者名は1〜{max} 文字である必要があります。',
	'ws.err.answerCount':
		'この回答コードは使えません。評価されたアカウントは {got} 件ですが、このラウンドは {want} 件です。',
	'ws.err.answerRating':
		'この回答コードは使えません。アカウント {ref} に赤・黄・緑の評価がありません。',
	'ws.err.answerPoints': 'この回答コードは使えません。ウェイトのポイントの形式が正しくありません。',
	'ws.err.answerPointsCount':
		'この回答コードは使えません。ポイントは {got} 個のディメンション分ですが、このラウンドは {want} 個です。',
	'ws.err.answerPointsWhole':
		'この回答コードは使えません。ポイントは0〜100の整数である必要があります。',
	'ws.err.answerPointsSum': 'この回答コードは使えません。ポイントの合計が100ではなく {sum} です。',
	'ws.state.noRound': '先にラウンドを開始してください。回答を追加するラウンドがありません。',
	'ws.state.changed': 'その間にラウンドが変わったため、何も追加していません。',
	'ws.state.replaced': '{name} さんの以前の回答を置き換えました。',
	'ws.state.added': '{name} さんの回答を追加しました。',

	'ws.log.title': '決定事項の記録',
	'ws.log.intro':
		'参加者が何を、いつ、誰が決めたかを記録します。記録はモデルカード（アクションと出力）に印刷されます。',
	'ws.log.what': '決定した内容',
	'ws.log.who': '決定した人',
	'ws.log.add': '記録に追加',
	'ws.log.remove': '決定 {n} を削除',
	'ws.log.needWhat': '決定した内容を入力してください。',
	'ws.log.longWhat': '「決定した内容」が500文字を超えています。',
	'ws.log.needWho': '決定した人を入力してください（名前、または「参加者全員」）。',
	'ws.log.longWho': '「決定した人」が200文字を超えています。'
};
