-- Health Score Workbench model "Telco proof (every scheme) — O'Brien \ test" (id telco-proof), schema version 1
-- Dialect: bigquery. Generated 2025-01-15.
-- Returns one row per account: score (full precision, NULL = not scored), shown (rounded half
-- up), tier (decided on shown), coverage (0-1), and one dim_<id> column per dimension:
--   dim_tenure_value = Tenure & value
--   dim_spend = Spend
--   dim_profile = Profile
--   dim_csm = CSM view
WITH
src AS (
	SELECT
		`customerID` AS `account_id`,
		`contract_type` AS `segment`,
		CASE WHEN CAST(`tenure` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`tenure` AS FLOAT64)) AND NOT IS_INF(CAST(`tenure` AS FLOAT64))) THEN CAST(`tenure` AS FLOAT64) END AS `x_tenure`,
		CASE WHEN CAST(`MonthlyCharges` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`MonthlyCharges` AS FLOAT64)) AND NOT IS_INF(CAST(`MonthlyCharges` AS FLOAT64))) THEN CAST(`MonthlyCharges` AS FLOAT64) END AS `x_monthly_band`,
		CASE WHEN CAST(`MonthlyCharges` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`MonthlyCharges` AS FLOAT64)) AND NOT IS_INF(CAST(`MonthlyCharges` AS FLOAT64))) THEN CAST(`MonthlyCharges` AS FLOAT64) END AS `x_monthly_cost`,
		CASE WHEN SAFE_CAST(TRIM(`TotalCharges`) AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(SAFE_CAST(TRIM(`TotalCharges`) AS FLOAT64)) AND NOT IS_INF(SAFE_CAST(TRIM(`TotalCharges`) AS FLOAT64))) THEN SAFE_CAST(TRIM(`TotalCharges`) AS FLOAT64) END AS `x_total_pct`,
		CASE WHEN SAFE_CAST(TRIM(`TotalCharges`) AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(SAFE_CAST(TRIM(`TotalCharges`) AS FLOAT64)) AND NOT IS_INF(SAFE_CAST(TRIM(`TotalCharges`) AS FLOAT64))) THEN SAFE_CAST(TRIM(`TotalCharges`) AS FLOAT64) END AS `x_total_seg_pct`,
		CASE WHEN CAST(`MonthlyCharges` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`MonthlyCharges` AS FLOAT64)) AND NOT IS_INF(CAST(`MonthlyCharges` AS FLOAT64))) THEN CAST(`MonthlyCharges` AS FLOAT64) END AS `x_monthly_seg_pct`,
		CASE WHEN `SeniorCitizen` THEN CAST(1 AS FLOAT64) WHEN NOT `SeniorCitizen` THEN CAST(0 AS FLOAT64) END AS `x_senior`,
		CASE WHEN LOWER(TRIM(`Active`)) IN ('1', 'true', 'yes', 'y') THEN CAST(1 AS FLOAT64) WHEN LOWER(TRIM(`Active`)) IN ('0', 'false', 'no', 'n') THEN CAST(0 AS FLOAT64) END AS `x_active`,
		`contract_type` AS `x_contract`,
		`PaymentMethod` AS `x_payment`,
		CASE WHEN CAST(`csm_rating_score` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`csm_rating_score` AS FLOAT64)) AND NOT IS_INF(CAST(`csm_rating_score` AS FLOAT64))) THEN CAST(`csm_rating_score` AS FLOAT64) END AS `x_csm_rating`
	FROM `analytics.telco_accounts`
),
pts AS (
	SELECT
		`account_id`,
		`segment`,
		CASE WHEN `x_tenure` IS NOT NULL THEN CASE WHEN ((`x_tenure` - CAST(0 AS FLOAT64)) / (CAST(60 AS FLOAT64) - CAST(0 AS FLOAT64))) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN ((`x_tenure` - CAST(0 AS FLOAT64)) / (CAST(60 AS FLOAT64) - CAST(0 AS FLOAT64))) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE ((`x_tenure` - CAST(0 AS FLOAT64)) / (CAST(60 AS FLOAT64) - CAST(0 AS FLOAT64))) * CAST(100 AS FLOAT64) END END AS `p_tenure`,
		CASE WHEN `x_monthly_band` IS NULL THEN NULL WHEN `x_monthly_band` <= CAST(30 AS FLOAT64) THEN CAST(90 AS FLOAT64) WHEN `x_monthly_band` <= CAST('70.35' AS FLOAT64) THEN CAST(60 AS FLOAT64) WHEN `x_monthly_band` <= CAST(100 AS FLOAT64) THEN CAST(40 AS FLOAT64) ELSE CAST(20 AS FLOAT64) END AS `p_monthly_band`,
		CASE WHEN `x_monthly_cost` IS NOT NULL THEN CASE WHEN ((`x_monthly_cost` - CAST('118.75' AS FLOAT64)) / (CAST('18.25' AS FLOAT64) - CAST('118.75' AS FLOAT64))) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN ((`x_monthly_cost` - CAST('118.75' AS FLOAT64)) / (CAST('18.25' AS FLOAT64) - CAST('118.75' AS FLOAT64))) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE ((`x_monthly_cost` - CAST('118.75' AS FLOAT64)) / (CAST('18.25' AS FLOAT64) - CAST('118.75' AS FLOAT64))) * CAST(100 AS FLOAT64) END END AS `p_monthly_cost`,
		CASE WHEN `x_total_pct` IS NULL THEN NULL WHEN COUNT(*) OVER (PARTITION BY CASE WHEN `x_total_pct` IS NULL THEN 1 ELSE 0 END) <= 1 THEN CAST(0 AS FLOAT64) ELSE (CAST(100 AS FLOAT64) * CAST(RANK() OVER (PARTITION BY CASE WHEN `x_total_pct` IS NULL THEN 1 ELSE 0 END ORDER BY `x_total_pct` ASC) - 1 AS FLOAT64)) / CAST(COUNT(*) OVER (PARTITION BY CASE WHEN `x_total_pct` IS NULL THEN 1 ELSE 0 END) - 1 AS FLOAT64) END AS `p_total_pct`,
		CASE WHEN `x_total_seg_pct` IS NULL THEN NULL WHEN COUNT(*) OVER (PARTITION BY CASE WHEN `x_total_seg_pct` IS NULL THEN 1 ELSE 0 END, `segment`) <= 1 THEN CAST(0 AS FLOAT64) ELSE (CAST(100 AS FLOAT64) * CAST(RANK() OVER (PARTITION BY CASE WHEN `x_total_seg_pct` IS NULL THEN 1 ELSE 0 END, `segment` ORDER BY `x_total_seg_pct` DESC) - 1 AS FLOAT64)) / CAST(COUNT(*) OVER (PARTITION BY CASE WHEN `x_total_seg_pct` IS NULL THEN 1 ELSE 0 END, `segment`) - 1 AS FLOAT64) END AS `p_total_seg_pct`,
		CASE WHEN `x_monthly_seg_pct` IS NULL THEN NULL WHEN COUNT(*) OVER (PARTITION BY CASE WHEN `x_monthly_seg_pct` IS NULL THEN 1 ELSE 0 END, `segment`) <= 1 THEN CAST(0 AS FLOAT64) ELSE (CAST(100 AS FLOAT64) * CAST(RANK() OVER (PARTITION BY CASE WHEN `x_monthly_seg_pct` IS NULL THEN 1 ELSE 0 END, `segment` ORDER BY `x_monthly_seg_pct` ASC) - 1 AS FLOAT64)) / CAST(COUNT(*) OVER (PARTITION BY CASE WHEN `x_monthly_seg_pct` IS NULL THEN 1 ELSE 0 END, `segment`) - 1 AS FLOAT64) END AS `p_monthly_seg_pct`,
		CASE WHEN `x_senior` = CAST(1 AS FLOAT64) THEN CAST(30 AS FLOAT64) WHEN `x_senior` = CAST(0 AS FLOAT64) THEN CAST(80 AS FLOAT64) END AS `p_senior`,
		CASE WHEN `x_active` = CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) WHEN `x_active` = CAST(0 AS FLOAT64) THEN CAST(10 AS FLOAT64) END AS `p_active`,
		CASE WHEN `x_contract` IS NULL THEN NULL WHEN `x_contract` = 'Month-to-month' THEN CAST(20 AS FLOAT64) WHEN `x_contract` = 'One year' THEN CAST(70 AS FLOAT64) ELSE NULL END AS `p_contract`,
		CASE WHEN `x_payment` IS NULL THEN NULL WHEN `x_payment` = 'Electronic check' THEN CAST(30 AS FLOAT64) WHEN `x_payment` = 'Mailed check' THEN CAST(60 AS FLOAT64) ELSE CAST(80 AS FLOAT64) END AS `p_payment`,
		CASE WHEN `x_csm_rating` IS NOT NULL THEN CASE WHEN (`x_csm_rating` / CAST(25 AS FLOAT64)) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN (`x_csm_rating` / CAST(25 AS FLOAT64)) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE (`x_csm_rating` / CAST(25 AS FLOAT64)) * CAST(100 AS FLOAT64) END END AS `p_csm_rating`
	FROM src
),
pol AS (
	SELECT
		`account_id`,
		`segment`,
		`p_tenure` AS `q_tenure`,
		CASE WHEN `p_tenure` IS NULL THEN 0 ELSE 1 END AS `h_tenure`,
		COALESCE(`p_monthly_band`, CAST(0 AS FLOAT64)) AS `q_monthly_band`,
		CASE WHEN `p_monthly_band` IS NULL THEN 0 ELSE 1 END AS `h_monthly_band`,
		`p_monthly_cost` AS `q_monthly_cost`,
		CASE WHEN `p_monthly_cost` IS NULL THEN 0 ELSE 1 END AS `h_monthly_cost`,
		COALESCE(`p_total_pct`, CAST(50 AS FLOAT64)) AS `q_total_pct`,
		CASE WHEN `p_total_pct` IS NULL THEN 0 ELSE 1 END AS `h_total_pct`,
		`p_total_seg_pct` AS `q_total_seg_pct`,
		CASE WHEN `p_total_seg_pct` IS NULL THEN 0 ELSE 1 END AS `h_total_seg_pct`,
		`p_monthly_seg_pct` AS `q_monthly_seg_pct`,
		CASE WHEN `p_monthly_seg_pct` IS NULL THEN 0 ELSE 1 END AS `h_monthly_seg_pct`,
		`p_senior` AS `q_senior`,
		CASE WHEN `p_senior` IS NULL THEN 0 ELSE 1 END AS `h_senior`,
		COALESCE(`p_active`, CAST(0 AS FLOAT64)) AS `q_active`,
		CASE WHEN `p_active` IS NULL THEN 0 ELSE 1 END AS `h_active`,
		`p_contract` AS `q_contract`,
		CASE WHEN `p_contract` IS NULL THEN 0 ELSE 1 END AS `h_contract`,
		`p_payment` AS `q_payment`,
		CASE WHEN `p_payment` IS NULL THEN 0 ELSE 1 END AS `h_payment`,
		`p_csm_rating` AS `q_csm_rating`,
		CASE WHEN `p_csm_rating` IS NULL THEN 0 ELSE 1 END AS `h_csm_rating`
	FROM pts
),
dims AS (
	SELECT
		`account_id`,
		`segment`,
		(CASE WHEN `q_tenure` IS NULL THEN 0 ELSE CASE `segment` WHEN 'Two year' THEN CAST(5 AS FLOAT64) ELSE CAST(2 AS FLOAT64) END * `q_tenure` END + CASE WHEN `q_monthly_band` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_monthly_band` END + CASE WHEN `q_monthly_cost` IS NULL THEN 0 ELSE CAST('0.7' AS FLOAT64) * `q_monthly_cost` END) / NULLIF(CASE WHEN `q_tenure` IS NULL THEN 0 ELSE CASE `segment` WHEN 'Two year' THEN CAST(5 AS FLOAT64) ELSE CAST(2 AS FLOAT64) END END + CASE WHEN `q_monthly_band` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END + CASE WHEN `q_monthly_cost` IS NULL THEN 0 ELSE CAST('0.7' AS FLOAT64) END, 0) AS `dim_tenure_value`,
		(CASE WHEN `q_total_pct` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_total_pct` END + CASE WHEN `q_total_seg_pct` IS NULL THEN 0 ELSE CAST('1.5' AS FLOAT64) * `q_total_seg_pct` END + CASE WHEN `q_monthly_seg_pct` IS NULL THEN 0 ELSE CAST('0.3' AS FLOAT64) * `q_monthly_seg_pct` END) / NULLIF(CASE WHEN `q_total_pct` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END + CASE WHEN `q_total_seg_pct` IS NULL THEN 0 ELSE CAST('1.5' AS FLOAT64) END + CASE WHEN `q_monthly_seg_pct` IS NULL THEN 0 ELSE CAST('0.3' AS FLOAT64) END, 0) AS `dim_spend`,
		(CASE WHEN `q_senior` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_senior` END + CASE WHEN `q_active` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_active` END + CASE WHEN `q_contract` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_contract` END + CASE WHEN `q_payment` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_payment` END) / NULLIF(CASE WHEN `q_senior` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END + CASE WHEN `q_active` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END + CASE WHEN `q_contract` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END + CASE WHEN `q_payment` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END, 0) AS `dim_profile`,
		(CASE WHEN `q_csm_rating` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_csm_rating` END) / NULLIF(CASE WHEN `q_csm_rating` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END, 0) AS `dim_csm`,
		CASE `segment` WHEN 'Two year' THEN (CAST('0.125' AS FLOAT64) * (CAST('0.7462686567164178' AS FLOAT64) * `h_tenure` + CAST('0.14925373134328357' AS FLOAT64) * `h_monthly_band` + CAST('0.1044776119402985' AS FLOAT64) * `h_monthly_cost`) + CAST('0.25' AS FLOAT64) * (CAST('0.35714285714285715' AS FLOAT64) * `h_total_pct` + CAST('0.5357142857142857' AS FLOAT64) * `h_total_seg_pct` + CAST('0.10714285714285715' AS FLOAT64) * `h_monthly_seg_pct`) + CAST('0.125' AS FLOAT64) * (CAST('0.25' AS FLOAT64) * `h_senior` + CAST('0.25' AS FLOAT64) * `h_active` + CAST('0.25' AS FLOAT64) * `h_contract` + CAST('0.25' AS FLOAT64) * `h_payment`) + CAST('0.5' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_csm_rating`)) ELSE (CAST('0.35294117647058826' AS FLOAT64) * (CAST('0.5405405405405405' AS FLOAT64) * `h_tenure` + CAST('0.27027027027027023' AS FLOAT64) * `h_monthly_band` + CAST('0.18918918918918917' AS FLOAT64) * `h_monthly_cost`) + CAST('0.23529411764705882' AS FLOAT64) * (CAST('0.35714285714285715' AS FLOAT64) * `h_total_pct` + CAST('0.5357142857142857' AS FLOAT64) * `h_total_seg_pct` + CAST('0.10714285714285715' AS FLOAT64) * `h_monthly_seg_pct`) + CAST('0.11764705882352941' AS FLOAT64) * (CAST('0.25' AS FLOAT64) * `h_senior` + CAST('0.25' AS FLOAT64) * `h_active` + CAST('0.25' AS FLOAT64) * `h_contract` + CAST('0.25' AS FLOAT64) * `h_payment`) + CAST('0.29411764705882354' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_csm_rating`)) END AS `coverage`
	FROM pol
),
acct AS (
	SELECT
		`account_id`,
		`segment`,
		CASE WHEN `coverage` > CAST(0 AS FLOAT64) AND `coverage` + CAST('0.000000001' AS FLOAT64) >= CAST('0.75' AS FLOAT64) THEN (CASE WHEN `dim_tenure_value` IS NULL THEN 0 ELSE CASE `segment` WHEN 'Two year' THEN CAST(1 AS FLOAT64) ELSE CAST(3 AS FLOAT64) END * `dim_tenure_value` END + CASE WHEN `dim_spend` IS NULL THEN 0 ELSE CAST(2 AS FLOAT64) * `dim_spend` END + CASE WHEN `dim_profile` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `dim_profile` END + CASE WHEN `dim_csm` IS NULL THEN 0 ELSE CASE `segment` WHEN 'Two year' THEN CAST(4 AS FLOAT64) ELSE CAST('2.5' AS FLOAT64) END * `dim_csm` END) / NULLIF(CASE WHEN `dim_tenure_value` IS NULL THEN 0 ELSE CASE `segment` WHEN 'Two year' THEN CAST(1 AS FLOAT64) ELSE CAST(3 AS FLOAT64) END END + CASE WHEN `dim_spend` IS NULL THEN 0 ELSE CAST(2 AS FLOAT64) END + CASE WHEN `dim_profile` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END + CASE WHEN `dim_csm` IS NULL THEN 0 ELSE CASE `segment` WHEN 'Two year' THEN CAST(4 AS FLOAT64) ELSE CAST('2.5' AS FLOAT64) END END, 0) END AS `score`,
		`coverage`,
		`dim_tenure_value`,
		`dim_spend`,
		`dim_profile`,
		`dim_csm`
	FROM dims
),
shown_score AS (
	SELECT
		`account_id`,
		`segment`,
		`score`,
		FLOOR((CASE WHEN (`score` * CAST(1000000000 AS FLOAT64)) - FLOOR((`score` * CAST(1000000000 AS FLOAT64))) >= CAST('0.5' AS FLOAT64) THEN FLOOR((`score` * CAST(1000000000 AS FLOAT64))) + CAST(1 AS FLOAT64) ELSE FLOOR((`score` * CAST(1000000000 AS FLOAT64))) END) / CAST(1000000000 AS FLOAT64) + CAST('0.5' AS FLOAT64)) AS `shown`,
		`coverage`,
		`dim_tenure_value`,
		`dim_spend`,
		`dim_profile`,
		`dim_csm`
	FROM acct
)
SELECT
	`account_id`,
	`score`,
	`shown`,
	CASE `segment` WHEN 'Two year' THEN CASE WHEN `shown` >= CAST(70 AS FLOAT64) THEN 'Gold' WHEN `shown` >= CAST(40 AS FLOAT64) THEN 'Silver' WHEN `shown` >= CAST(0 AS FLOAT64) THEN 'Bronze \'at risk\'' END WHEN 'One year' THEN CASE WHEN `shown` >= CAST(75 AS FLOAT64) THEN 'Green' WHEN `shown` >= CAST(45 AS FLOAT64) THEN 'Yellow' WHEN `shown` >= CAST(0 AS FLOAT64) THEN 'Red' END ELSE CASE WHEN `shown` >= CAST(80 AS FLOAT64) THEN 'Green' WHEN `shown` >= CAST(50 AS FLOAT64) THEN 'Yellow' WHEN `shown` >= CAST(0 AS FLOAT64) THEN 'Red' END END AS `tier`,
	`coverage`,
	`dim_tenure_value`,
	`dim_spend`,
	`dim_profile`,
	`dim_csm`
FROM shown_score;
