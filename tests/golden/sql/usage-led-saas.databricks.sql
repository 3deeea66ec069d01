-- Health Score Workbench model "Usage-led SaaS" (id usage-led-saas), schema version 1
-- Dialect: databricks. Generated 2025-01-15.
-- Returns one row per account: score (full precision, NULL = not scored), shown (rounded half
-- up), tier (decided on shown), coverage (0-1), and one dim_<id> column per dimension:
--   dim_usage = Product usage
--   dim_support = Support experience
--   dim_engagement = Engagement & relationship
--   dim_financial = Financial
WITH
src AS (
	SELECT
		`account_id` AS `account_id`,
		CASE WHEN CAST(`seat_utilisation_pct` AS DOUBLE) IS NOT NULL AND (CAST(`seat_utilisation_pct` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`seat_utilisation_pct` AS DOUBLE) END AS `x_seat_utilisation`,
		CASE WHEN CAST(`login_trend_pct` AS DOUBLE) IS NOT NULL AND (CAST(`login_trend_pct` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`login_trend_pct` AS DOUBLE) END AS `x_login_trend`,
		CASE WHEN CAST(`feature_adoption_pct` AS DOUBLE) IS NOT NULL AND (CAST(`feature_adoption_pct` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`feature_adoption_pct` AS DOUBLE) END AS `x_feature_adoption`,
		CASE WHEN CAST(`tickets_60d` AS DOUBLE) IS NOT NULL AND (CAST(`tickets_60d` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`tickets_60d` AS DOUBLE) END AS `x_tickets`,
		CASE WHEN CAST(`escalations_90d` AS DOUBLE) IS NOT NULL AND (CAST(`escalations_90d` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`escalations_90d` AS DOUBLE) END AS `x_escalations`,
		CASE WHEN CAST(`nps` AS DOUBLE) IS NOT NULL AND (CAST(`nps` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`nps` AS DOUBLE) END AS `x_nps`,
		CASE WHEN CAST(`exec_sponsor_engaged` AS DOUBLE) IS NOT NULL AND (CAST(`exec_sponsor_engaged` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`exec_sponsor_engaged` AS DOUBLE) END AS `x_exec_sponsor`,
		CASE WHEN CAST(`days_late` AS DOUBLE) IS NOT NULL AND (CAST(`days_late` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`days_late` AS DOUBLE) END AS `x_days_late`,
		CASE WHEN CAST(`months_to_renewal` AS DOUBLE) IS NOT NULL AND (CAST(`months_to_renewal` AS DOUBLE) NOT IN (CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE))) THEN CAST(`months_to_renewal` AS DOUBLE) END AS `x_months_to_renewal`
	FROM `crm`.`accounts`
),
pts AS (
	SELECT
		`account_id`,
		CASE WHEN `x_seat_utilisation` IS NOT NULL THEN CASE WHEN ((`x_seat_utilisation` - CAST(20 AS DOUBLE)) / (CAST(90 AS DOUBLE) - CAST(20 AS DOUBLE))) <= CAST(0 AS DOUBLE) THEN CAST(0 AS DOUBLE) WHEN ((`x_seat_utilisation` - CAST(20 AS DOUBLE)) / (CAST(90 AS DOUBLE) - CAST(20 AS DOUBLE))) >= CAST(1 AS DOUBLE) THEN CAST(100 AS DOUBLE) ELSE ((`x_seat_utilisation` - CAST(20 AS DOUBLE)) / (CAST(90 AS DOUBLE) - CAST(20 AS DOUBLE))) * CAST(100 AS DOUBLE) END END AS `p_seat_utilisation`,
		CASE WHEN `x_login_trend` IS NOT NULL THEN CASE WHEN ((`x_login_trend` - CAST(-50 AS DOUBLE)) / (CAST(20 AS DOUBLE) - CAST(-50 AS DOUBLE))) <= CAST(0 AS DOUBLE) THEN CAST(0 AS DOUBLE) WHEN ((`x_login_trend` - CAST(-50 AS DOUBLE)) / (CAST(20 AS DOUBLE) - CAST(-50 AS DOUBLE))) >= CAST(1 AS DOUBLE) THEN CAST(100 AS DOUBLE) ELSE ((`x_login_trend` - CAST(-50 AS DOUBLE)) / (CAST(20 AS DOUBLE) - CAST(-50 AS DOUBLE))) * CAST(100 AS DOUBLE) END END AS `p_login_trend`,
		CASE WHEN `x_feature_adoption` IS NOT NULL THEN CASE WHEN ((`x_feature_adoption` - CAST(10 AS DOUBLE)) / (CAST(80 AS DOUBLE) - CAST(10 AS DOUBLE))) <= CAST(0 AS DOUBLE) THEN CAST(0 AS DOUBLE) WHEN ((`x_feature_adoption` - CAST(10 AS DOUBLE)) / (CAST(80 AS DOUBLE) - CAST(10 AS DOUBLE))) >= CAST(1 AS DOUBLE) THEN CAST(100 AS DOUBLE) ELSE ((`x_feature_adoption` - CAST(10 AS DOUBLE)) / (CAST(80 AS DOUBLE) - CAST(10 AS DOUBLE))) * CAST(100 AS DOUBLE) END END AS `p_feature_adoption`,
		CASE WHEN `x_tickets` IS NULL THEN NULL WHEN `x_tickets` <= CAST(2 AS DOUBLE) THEN CAST(100 AS DOUBLE) WHEN `x_tickets` <= CAST(5 AS DOUBLE) THEN CAST(60 AS DOUBLE) ELSE CAST(20 AS DOUBLE) END AS `p_tickets`,
		CASE WHEN `x_escalations` IS NULL THEN NULL WHEN `x_escalations` <= CAST(0 AS DOUBLE) THEN CAST(100 AS DOUBLE) WHEN `x_escalations` <= CAST(1 AS DOUBLE) THEN CAST(50 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END AS `p_escalations`,
		CASE WHEN `x_nps` IS NOT NULL THEN CASE WHEN ((`x_nps` - CAST(-100 AS DOUBLE)) / (CAST(100 AS DOUBLE) - CAST(-100 AS DOUBLE))) <= CAST(0 AS DOUBLE) THEN CAST(0 AS DOUBLE) WHEN ((`x_nps` - CAST(-100 AS DOUBLE)) / (CAST(100 AS DOUBLE) - CAST(-100 AS DOUBLE))) >= CAST(1 AS DOUBLE) THEN CAST(100 AS DOUBLE) ELSE ((`x_nps` - CAST(-100 AS DOUBLE)) / (CAST(100 AS DOUBLE) - CAST(-100 AS DOUBLE))) * CAST(100 AS DOUBLE) END END AS `p_nps`,
		CASE WHEN `x_exec_sponsor` = CAST(1 AS DOUBLE) THEN CAST(100 AS DOUBLE) WHEN `x_exec_sponsor` = CAST(0 AS DOUBLE) THEN CAST(0 AS DOUBLE) END AS `p_exec_sponsor`,
		CASE WHEN `x_days_late` IS NULL THEN NULL WHEN `x_days_late` <= CAST(0 AS DOUBLE) THEN CAST(100 AS DOUBLE) WHEN `x_days_late` <= CAST(15 AS DOUBLE) THEN CAST(80 AS DOUBLE) WHEN `x_days_late` <= CAST(45 AS DOUBLE) THEN CAST(40 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END AS `p_days_late`,
		CASE WHEN `x_months_to_renewal` IS NOT NULL THEN CASE WHEN ((`x_months_to_renewal` - CAST(0 AS DOUBLE)) / (CAST(12 AS DOUBLE) - CAST(0 AS DOUBLE))) <= CAST(0 AS DOUBLE) THEN CAST(0 AS DOUBLE) WHEN ((`x_months_to_renewal` - CAST(0 AS DOUBLE)) / (CAST(12 AS DOUBLE) - CAST(0 AS DOUBLE))) >= CAST(1 AS DOUBLE) THEN CAST(100 AS DOUBLE) ELSE ((`x_months_to_renewal` - CAST(0 AS DOUBLE)) / (CAST(12 AS DOUBLE) - CAST(0 AS DOUBLE))) * CAST(100 AS DOUBLE) END END AS `p_months_to_renewal`
	FROM src
),
pol AS (
	SELECT
		`account_id`,
		`p_seat_utilisation` AS `q_seat_utilisation`,
		CASE WHEN `p_seat_utilisation` IS NULL THEN 0 ELSE 1 END AS `h_seat_utilisation`,
		`p_login_trend` AS `q_login_trend`,
		CASE WHEN `p_login_trend` IS NULL THEN 0 ELSE 1 END AS `h_login_trend`,
		`p_feature_adoption` AS `q_feature_adoption`,
		CASE WHEN `p_feature_adoption` IS NULL THEN 0 ELSE 1 END AS `h_feature_adoption`,
		COALESCE(`p_tickets`, CAST(50 AS DOUBLE)) AS `q_tickets`,
		CASE WHEN `p_tickets` IS NULL THEN 0 ELSE 1 END AS `h_tickets`,
		COALESCE(`p_escalations`, CAST(50 AS DOUBLE)) AS `q_escalations`,
		CASE WHEN `p_escalations` IS NULL THEN 0 ELSE 1 END AS `h_escalations`,
		COALESCE(`p_nps`, CAST(50 AS DOUBLE)) AS `q_nps`,
		CASE WHEN `p_nps` IS NULL THEN 0 ELSE 1 END AS `h_nps`,
		COALESCE(`p_exec_sponsor`, CAST(0 AS DOUBLE)) AS `q_exec_sponsor`,
		CASE WHEN `p_exec_sponsor` IS NULL THEN 0 ELSE 1 END AS `h_exec_sponsor`,
		`p_days_late` AS `q_days_late`,
		CASE WHEN `p_days_late` IS NULL THEN 0 ELSE 1 END AS `h_days_late`,
		`p_months_to_renewal` AS `q_months_to_renewal`,
		CASE WHEN `p_months_to_renewal` IS NULL THEN 0 ELSE 1 END AS `h_months_to_renewal`
	FROM pts
),
dims AS (
	SELECT
		`account_id`,
		(CASE WHEN `q_seat_utilisation` IS NULL THEN 0 ELSE CAST(40 AS DOUBLE) * `q_seat_utilisation` END + CASE WHEN `q_login_trend` IS NULL THEN 0 ELSE CAST(30 AS DOUBLE) * `q_login_trend` END + CASE WHEN `q_feature_adoption` IS NULL THEN 0 ELSE CAST(30 AS DOUBLE) * `q_feature_adoption` END) / NULLIF(CASE WHEN `q_seat_utilisation` IS NULL THEN 0 ELSE CAST(40 AS DOUBLE) END + CASE WHEN `q_login_trend` IS NULL THEN 0 ELSE CAST(30 AS DOUBLE) END + CASE WHEN `q_feature_adoption` IS NULL THEN 0 ELSE CAST(30 AS DOUBLE) END, 0) AS `dim_usage`,
		(CASE WHEN `q_tickets` IS NULL THEN 0 ELSE CAST(60 AS DOUBLE) * `q_tickets` END + CASE WHEN `q_escalations` IS NULL THEN 0 ELSE CAST(40 AS DOUBLE) * `q_escalations` END) / NULLIF(CASE WHEN `q_tickets` IS NULL THEN 0 ELSE CAST(60 AS DOUBLE) END + CASE WHEN `q_escalations` IS NULL THEN 0 ELSE CAST(40 AS DOUBLE) END, 0) AS `dim_support`,
		(CASE WHEN `q_nps` IS NULL THEN 0 ELSE CAST(50 AS DOUBLE) * `q_nps` END + CASE WHEN `q_exec_sponsor` IS NULL THEN 0 ELSE CAST(50 AS DOUBLE) * `q_exec_sponsor` END) / NULLIF(CASE WHEN `q_nps` IS NULL THEN 0 ELSE CAST(50 AS DOUBLE) END + CASE WHEN `q_exec_sponsor` IS NULL THEN 0 ELSE CAST(50 AS DOUBLE) END, 0) AS `dim_engagement`,
		(CASE WHEN `q_days_late` IS NULL THEN 0 ELSE CAST(60 AS DOUBLE) * `q_days_late` END + CASE WHEN `q_months_to_renewal` IS NULL THEN 0 ELSE CAST(40 AS DOUBLE) * `q_months_to_renewal` END) / NULLIF(CASE WHEN `q_days_late` IS NULL THEN 0 ELSE CAST(60 AS DOUBLE) END + CASE WHEN `q_months_to_renewal` IS NULL THEN 0 ELSE CAST(40 AS DOUBLE) END, 0) AS `dim_financial`,
		(CAST('0.4' AS DOUBLE) * (CAST('0.4' AS DOUBLE) * `h_seat_utilisation` + CAST('0.3' AS DOUBLE) * `h_login_trend` + CAST('0.3' AS DOUBLE) * `h_feature_adoption`) + CAST('0.2' AS DOUBLE) * (CAST('0.6' AS DOUBLE) * `h_tickets` + CAST('0.4' AS DOUBLE) * `h_escalations`) + CAST('0.2' AS DOUBLE) * (CAST('0.5' AS DOUBLE) * `h_nps` + CAST('0.5' AS DOUBLE) * `h_exec_sponsor`) + CAST('0.2' AS DOUBLE) * (CAST('0.6' AS DOUBLE) * `h_days_late` + CAST('0.4' AS DOUBLE) * `h_months_to_renewal`)) AS `coverage`
	FROM pol
),
acct AS (
	SELECT
		`account_id`,
		CASE WHEN `coverage` > CAST(0 AS DOUBLE) AND `coverage` + CAST('0.000000001' AS DOUBLE) >= CAST('0.5' AS DOUBLE) THEN (CASE WHEN `dim_usage` IS NULL THEN 0 ELSE CAST(40 AS DOUBLE) * `dim_usage` END + CASE WHEN `dim_support` IS NULL THEN 0 ELSE CAST(20 AS DOUBLE) * `dim_support` END + CASE WHEN `dim_engagement` IS NULL THEN 0 ELSE CAST(20 AS DOUBLE) * `dim_engagement` END + CASE WHEN `dim_financial` IS NULL THEN 0 ELSE CAST(20 AS DOUBLE) * `dim_financial` END) / NULLIF(CASE WHEN `dim_usage` IS NULL THEN 0 ELSE CAST(40 AS DOUBLE) END + CASE WHEN `dim_support` IS NULL THEN 0 ELSE CAST(20 AS DOUBLE) END + CASE WHEN `dim_engagement` IS NULL THEN 0 ELSE CAST(20 AS DOUBLE) END + CASE WHEN `dim_financial` IS NULL THEN 0 ELSE CAST(20 AS DOUBLE) END, 0) END AS `score`,
		`coverage`,
		`dim_usage`,
		`dim_support`,
		`dim_engagement`,
		`dim_financial`
	FROM dims
),
shown_score AS (
	SELECT
		`account_id`,
		`score`,
		FLOOR((CASE WHEN (`score` * CAST(1000000000 AS DOUBLE)) - FLOOR((`score` * CAST(1000000000 AS DOUBLE))) >= CAST('0.5' AS DOUBLE) THEN FLOOR((`score` * CAST(1000000000 AS DOUBLE))) + CAST(1 AS DOUBLE) ELSE FLOOR((`score` * CAST(1000000000 AS DOUBLE))) END) / CAST(1000000000 AS DOUBLE) + CAST('0.5' AS DOUBLE)) AS `shown`,
		`coverage`,
		`dim_usage`,
		`dim_support`,
		`dim_engagement`,
		`dim_financial`
	FROM acct
)
SELECT
	`account_id`,
	`score`,
	`shown`,
	CASE WHEN `shown` >= CAST(80 AS DOUBLE) THEN 'Green' WHEN `shown` >= CAST(50 AS DOUBLE) THEN 'Yellow' WHEN `shown` >= CAST(0 AS DOUBLE) THEN 'Red' END AS `tier`,
	`coverage`,
	`dim_usage`,
	`dim_support`,
	`dim_engagement`,
	`dim_financial`
FROM shown_score;
