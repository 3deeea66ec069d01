/** Definitions of every figure on the Validation screen (shown on hover and focus). */
export const VDEF = {
	asOf: 'As-of date T: accounts are scored on their latest snapshot on or before T; nothing dated after T reaches a score.',
	km: 'Kaplan–Meier retention: the share of the tier’s accounts still customers t days after the as-of date. An account that has not churned counts until it leaves the data (it is “censored”), never as a churn.',
	kmCi: '95 % interval of the retention share: Greenwood’s standard error on the log scale, S·exp(±1.96·SE/S).',
	atRisk: 'Accounts still customers (and still in the data) just before that day.',
	median:
		'Median time to churn: the first day the tier’s retention falls to 50 % or below; “not reached” when it never does.',
	logRank:
		'Log-rank test: do the tiers’ retention curves differ by more than chance? χ² compares observed churns per tier with those expected if every tier churned alike; p is the chance of a χ² this large if they did. Small p (below 0.05) = the tiers really separate.',
	observed: 'Churns observed in the tier after the as-of date.',
	expected: 'Churns the tier would have had if every tier churned at the same pace (log-rank).',
	cIndex:
		'Harrell’s c-index: of all pairs of accounts where one churned before the other left or churned, the share where the earlier churner had the lower score (ties count half). 0.5 = chance, 1 = perfect.',
	leadShare:
		'Share of churners not in the best tier L days before they churned (the score in force then: from their latest snapshot on or before that day), with its Wilson 95 % interval. Churners with no score that early are left out.',
	redShare: 'Share of the same churners who were in the worst tier L days before churn.',
	window:
		'Share of churners not in the best tier at some point 60–90 days before churn (the score in force 90 days before, and any newer score up to 60 days before).',
	firstRed:
		'Days from the first snapshot date an account was in the worst tier to its churn date, over churners who were ever in it; median and quartiles.',
	firstNonGreen:
		'Days from the first snapshot date an account left the best tier to its churn date, over churners who ever did; median and quartiles.',
	trajectory:
		'Mean score of churned accounts L days before their churn date, beside retained accounts L days before the latest snapshot date.',
	signalAuc:
		'Univariate AUC: how well this metric alone ranks churners as riskier, in its declared direction. Below 0.5 means the data say the direction is backwards.',
	worstBand:
		'Worst band: the fifth of accounts with a value that this metric ranks riskiest (lowest when higher is better, highest when lower is better; ties at the cut join).',
	bandLift: 'Lift = churn rate in the worst band ÷ base churn rate.',
	flaggedChurners: 'Share of all churners (with a value) who sit in the metric’s worst band.',
	metricLead:
		'Median lead time: over churners whose value (from their latest snapshot at each snapshot date) ever entered this metric’s worst band before they churned, the median days from the first such date to the churn date. “—” without a snapshot history or for a metric read as points.',
	missing: 'Share of accounts with no value for this metric.',
	flipRate:
		'Tier flip rate: share of accounts whose tier changes when every weight is multiplied by a random factor within ±spread. Mean and worst over the draws.',
	spearman:
		'Spearman’s rank correlation between the scores as set and the perturbed scores (1 = same order). Lowest and median over the draws.',
	aucSpread: 'AUC of each perturbed model; the lowest and highest over the draws.',
	psi: 'Population stability index: Σ (now − then) · ln(now ÷ then) over ten bins (deciles of the earlier date). Below 0.1 stable, 0.1–0.25 some shift, above 0.25 a major shift.',
	policy:
		'Missing-value policy applied to every metric: exclude (re-weight over what is present), zero (a missing value scores 0) or neutral (scores 50).',
	coverage: 'Share of accounts with at least one real value in this dimension.',
	segmentEvents:
		'Churn events: accounts in the segment that churned within the horizon (the backtest’s outcome). Below 30 the segment’s churn rate and AUC move a lot from one sample to the next, so the row carries a warning.',
	segmentAuc:
		'AUC of this model within the segment (with its segment overrides, if any): the chance that a churner in the segment scored below a retained account in it (ties count half).',
	pooledAuc:
		'AUC of the pooled model within the segment: the base model without segment overrides, fitted on every account. For a small segment it is the figure to lean on.',
	churnProb:
		'Churn probability over the horizon, calibrated on the backtest: the share of the tier’s accounts at the as-of date that churned within the horizon, with its Wilson 95 % interval.',
	arrNow:
		'Contract value (ARR) of the accounts on the books at the latest snapshot date, by their tier then.',
	expectedArr:
		'Expected churned ARR over the horizon: Σ over tiers of the tier’s churn probability × its ARR now. The range takes every tier at its lower (upper) 95 % bound at once, so it is wider than a joint interval.',
	arrCheck:
		'The same expectation at the as-of date beside the ARR that did churn within the horizon: a check that the probabilities hold in money, not just in counts.',
	capacity:
		'Capacity: the team works at most CSMs × accounts per CSM at-risk accounts. The cut is the highest whole score such that no more accounts than that show a score below it.',
	precision:
		'Precision at capacity: share of the flagged accounts that churned within the horizon.',
	recall:
		'Recall at capacity: share of the churners that were flagged (by count; by ARR beside it).',
	customerChanged:
		'Points the dimension gained or lost because the account’s data changed: the earlier model scored on the later data minus the earlier model on the earlier data. A dimension’s points are its weight share × its score, so they add up to the account score.',
	formulaChanged:
		'Points the dimension gained or lost because the model changed: the later model minus the earlier model, both on the later data. Customer + formula = the whole change.',
	ready:
		'A model is ready to ship when every line passes. Thresholds are editable; the figures come from the backtest at the as-of date and horizon above.'
} as const;

export type VDefKey = keyof typeof VDEF;
