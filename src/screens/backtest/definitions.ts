/** Definitions of every figure on the Backtest report card (shown on hover and focus). */
export const DEF = {
	auc: 'ROC AUC: the chance that a random churner has a higher risk (100 − score) than a random account that stayed. 0.5 = coin toss, 1 = perfect ranking. Ties count half.',
	aucCi:
		'95 % bootstrap interval: the AUC recomputed on resampled accounts (seeded, so the same seed gives the same interval); the middle 95 % of those values.',
	ks: 'Kolmogorov–Smirnov statistic: the largest gap between the share of churners and the share of retained accounts flagged at any score cut (0–1; higher separates better).',
	baseRate:
		'Base churn rate: churners ÷ accounts scored and labelled, with its Wilson 95 % interval.',
	scored:
		'Accounts the model scored among those selected and labelled. Accounts with too little data are not scored and are left out of every figure.',
	brier:
		'Brier score: mean of (predicted churn probability − outcome)² over accounts; 0 is perfect. The probability comes from a logistic fit of churn on the score (Platt scaling). Skill = 1 − Brier ÷ Brier of always predicting the base rate.',
	accounts: 'Accounts in this group (scored and labelled).',
	churners: 'Accounts that churned (in the outcome window, for a point-in-time backtest).',
	churnRate:
		'Churn rate = churners ÷ accounts, with the Wilson 95 % interval (reliable for small groups and rates near 0 or 1).',
	lift: 'Lift = this group’s churn rate ÷ the base churn rate. 2.0 means twice as likely to churn as the average account.',
	accountShare: 'Share of all scored accounts that fall in this group.',
	churnerShare: 'Share of all churners that fall in this group.',
	orderCheck:
		'A worse tier should churn more than every better tier. If not, the thresholds or weights do not rank risk as the tier names promise.',
	caught:
		'Share of all churners that sat in an at-risk tier (every tier but the best) at the as-of date: the recall of the at-risk tiers.',
	falseGreen:
		'False greens: churners who sat in the best tier. Shown as a share of all churners, and as the best tier’s own churn rate.',
	confusion:
		'Counts of predicted (in the at-risk tiers) vs actual churn. Precision = churners ÷ flagged; recall = flagged churners ÷ all churners; false-positive rate = retained accounts flagged ÷ all retained.',
	decile:
		'Accounts ranked riskiest first (lowest score first) and cut into ten equal groups; decile 1 is the riskiest 10 %.',
	cumChurners: 'Gains: share of all churners caught by contacting deciles 1 to this one.',
	cumLift: 'Cumulative lift = share of churners caught ÷ share of accounts contacted.',
	calibration:
		'Accounts grouped by score band. Observed = churn rate in the band (Wilson 95 %); predicted = the mean Platt-scaled churn probability. Close values mean the score reads as a probability.',
	metricAuc:
		'Univariate AUC: how well this metric alone ranks churners as riskier, read in its declared direction (higher or lower is better). Below 0.5 means the data say the direction is backwards.',
	strength: 'Strength = max(AUC, 1 − AUC): predictive power whichever way the metric points.',
	missingShare: 'Share of the accounts with no value for this metric.',
	agrees: 'Does the declared direction agree with the data (AUC ≥ 0.5)?',
	deltaAuc:
		'ΔAUC = challenger AUC − current AUC on the same accounts, with a paired bootstrap 95 % interval (each resample reuses the same accounts for both models). An interval that excludes 0 is a real difference.',
	migration:
		'Accounts by tier under the current model (rows) and the challenger (columns). Off-diagonal cells changed tier.',
	movedBy:
		'The metric whose weighted points (share of the score × points) changed most between the two models for this account.',
	cvAuc:
		'Cross-validated AUC: the model is fitted on part of the data and its AUC measured on the rest (k-fold, or a time split: trained on earlier as-of dates, tested on the chosen one). The hand-set model is measured on the same test accounts.',
	suggestedWeight:
		'Suggested weight: a regularised logistic regression of churn on the metric points; metrics whose points lower churn risk get weight in proportion, normalised to 100. A metric that does not lower risk gets 0.',
	redCut: 'Red cut: accounts whose shown score is below it are in the worst tier.',
	flaggedShare: 'Share of scored accounts the cut puts in the worst tier.',
	cost: 'Expected cost = missed churners × cost per missed churner + false alarms × cost per false alarm.',
	rolling:
		'The same backtest repeated at several as-of dates (each scores accounts on their latest snapshot at that date, outcome in the following horizon). A stable AUC over time means the model keeps working.'
} as const;

export type DefKey = keyof typeof DEF;
