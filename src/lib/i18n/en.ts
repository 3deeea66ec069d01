/**
 * English messages: the reference catalog. Every key here must exist in `ja.ts` (the type says
 * so, and `messages.test.ts` checks non-empty text and the same `{placeholders}`).
 * Keys: `app.*` shell, `nav.*` screen names, `ws.*` workshop.
 */
export const en = {
	'app.name': 'Health Score Workbench',
	'app.skip': 'Skip to content',
	'app.screens': 'Screens',
	'app.privacy': 'Runs in your browser. Your data never leaves it.',
	'app.language': 'Language',
	'app.currency': 'Currency',

	'nav.calculator': 'Calculator',
	'nav.data': 'Data',
	'nav.model': 'Model',
	'nav.portfolio': 'Portfolio',
	'nav.backtest': 'Backtest',
	'nav.validation': 'Validation',
	'nav.actions': 'Actions & export',
	'nav.workshop': 'Workshop',

	'ws.title': 'Workshop',
	'ws.intro':
		'Run a design workshop without a server: the room rates real accounts Red/Yellow/Green before seeing any score, allocates 100 points across the dimensions, and compares its judgement with the data. Answers come back as short codes you paste here.',
	'ws.opening': 'Opening the round…',
	'ws.account': 'Account {ref}',
	'ws.red': 'Red',
	'ws.yellow': 'Yellow',
	'ws.green': 'Green',
	'ws.split': 'split',
	'ws.remove': 'Remove',

	'ws.setup.title': 'Blind rating: pick the accounts',
	'ws.setup.intro':
		'Participants see each account’s raw values only: no id, no score, no tier. Stratified picks span the whole score range; random picks are a plain sample. The same seed gives the same accounts.',
	'ws.setup.roundTitle': 'Round title (shown to participants)',
	'ws.setup.count': 'Accounts to rate',
	'ws.setup.method': 'How to pick',
	'ws.setup.stratified': 'Stratified by score',
	'ws.setup.random': 'Random',
	'ws.setup.seed': 'Seed',
	'ws.setup.start': 'Start the round',
	'ws.setup.restart': 'Start a new round',
	'ws.setup.restartWarn': 'Starting a new round clears the answers collected so far.',
	'ws.setup.waitScores':
		'The portfolio is still being scored; try again in a moment, or pick at random.',
	'ws.setup.started': 'Round started with {n} accounts.',
	'ws.setup.linkTitle': 'Participants’ link',
	'ws.setup.linkIntro':
		'Send this link to participants (chat, e-mail or a QR code made from it). It holds the cards only, in the part of the address that is never sent to a server. On a shared screen, open it here and add each person’s answers in turn.',
	'ws.setup.link': 'Link for participants',
	'ws.setup.copyLink': 'Copy link',
	'ws.setup.rateHere': 'Rate on this screen',
	'ws.setup.roundId': 'Round {id}',

	'ws.p.title': 'Rate these accounts',
	'ws.p.intro':
		'Judge each account from its values alone: would you call it Red (at risk), Yellow (watch) or Green (healthy)? There is no right answer; the point is to see where the room agrees.',
	'ws.p.name': 'Your name or initials',
	'ws.p.rateTitle': 'Accounts',
	'ws.p.weightsTitle': 'What matters most?',
	'ws.p.weightsIntro':
		'Share 100 points across the dimensions: more points for what says more about an account’s health.',
	'ws.p.pointsFor': 'Points for {name}',
	'ws.p.total': 'Total: {total} of 100 points',
	'ws.p.needName': 'Write your name or initials.',
	'ws.p.needRatings': 'Rate every account ({left} left).',
	'ws.p.needPoints': 'The points must add up to 100 (now {total}).',
	'ws.p.make': 'Make my answer code',
	'ws.p.made': 'Your answer code is ready: send it (or the link) to the facilitator.',
	'ws.p.code': 'Answer code',
	'ws.p.link': 'Answer link',
	'ws.p.copy': 'Copy code',
	'ws.p.copied': 'Copied.',
	'ws.p.copyFailed': 'Could not copy automatically: select the text and copy it.',
	'ws.p.addHere': 'Add to this workshop’s results',

	'ws.answers.title': 'Answers',
	'ws.answers.paste': 'Paste an answer code or link',
	'ws.answers.add': 'Add answers',
	'ws.answers.list': 'Participants',
	'ws.answers.remove': 'Remove {name}’s answers',
	'ws.answers.none': 'No answers yet.',

	'ws.results.title': 'The room and the data',
	'ws.results.needTwo': 'Agreement needs answers from at least two participants.',
	'ws.results.kappa':
		'Agreement among {n} raters on {cards} accounts: Fleiss’ κ = {kappa} ({words})',
	'ws.results.kappaParts':
		'Observed agreement {observed}, expected by chance {expected}. κ is 1 when everyone agrees and 0 when the room agrees no more than chance.',
	'ws.k.undefined': 'not defined',
	'ws.k.poor': 'worse than chance',
	'ws.k.slight': 'slight',
	'ws.k.fair': 'fair',
	'ws.k.moderate': 'moderate',
	'ws.k.substantial': 'substantial',
	'ws.k.perfect': 'almost perfect',
	'ws.results.cardsCaption': 'Ratings per account, most disagreement first',
	'ws.results.account': 'Account',
	'ws.results.room': 'Room',
	'ws.results.agreement': 'Agreement',
	'ws.results.model': 'Model',
	'ws.results.vsModelCaption': 'Each rater against the model’s tiers',
	'ws.results.rater': 'Rater',
	'ws.results.same': 'Same as the model',
	'ws.results.harsher': 'Worse than the model',
	'ws.results.kinder': 'Better than the model',
	'ws.results.roomMajority': 'Room (majority)',
	'ws.results.noScores':
		'The model’s tiers show here once the round’s dataset is open and scored on the Portfolio screen.',
	'ws.results.weightsCaption': 'Weights: the room’s points beside the model, most disputed first',
	'ws.results.dimension': 'Dimension',
	'ws.results.mean': 'Mean',
	'ws.results.median': 'Median',
	'ws.results.sd': 'Spread (SD)',
	'ws.results.range': 'Lowest–highest',
	'ws.results.current': 'Current model %',
	'ws.results.fitted': 'Fitted from data %',
	'ws.results.noFit':
		'Fitted weights appear once a backtest with churn history has run on the Backtest screen.',

	'ws.labels.title': 'Expert labels',
	'ws.labels.intro':
		'With no churn history, the room’s ratings can stand in for outcomes: an account the room called Red counts as "at risk". These are expert labels, the room’s opinion, not what happened.',
	'ws.labels.auc':
		'How well the model’s score ranks the room’s Red accounts: AUC {auc} over {n} labelled accounts ({red} Red). With so few accounts this is a rough check.',
	'ws.labels.noAuc':
		'No AUC yet: it needs labelled accounts both Red and not Red ({n} labelled, {red} Red).',
	'ws.labels.download': 'Download expert labels (CSV)',
	'ws.labels.howTo':
		'The file has one row per rated account (account_id, expert_rating, expert_at_risk). Import it on the Data screen and map expert_at_risk as the churned flag to backtest against the room’s judgement.',

	'ws.log.title': 'Decision log',
	'ws.log.intro':
		'What the room decided, when and by whom. The log is printed on the model card (Actions & export).',
	'ws.log.what': 'What was decided',
	'ws.log.who': 'Who decided',
	'ws.log.add': 'Add to the log',
	'ws.log.remove': 'Remove decision {n}',
	'ws.log.needWhat': 'Write what was decided.',
	'ws.log.longWhat': '"What was decided" is longer than 500 characters.',
	'ws.log.needWho': 'Write who decided (names, or "the room").',
	'ws.log.longWho': '"Who decided" is longer than 200 characters.'
} as const;

export type MessageKey = keyof typeof en;
