-- Health Score Workbench model "Four dimensions, 25 points each" (id four-dimensions), schema version 1
-- Dialect: bigquery. Generated 2025-01-15.
-- Returns one row per account: score (full precision, NULL = not scored), shown (rounded half
-- up), tier (decided on shown), coverage (0-1), and one dim_<id> column per dimension:
--   dim_usage = Product usage
--   dim_support = Support experience
--   dim_onboarding = Onboarding & adoption
--   dim_engagement = Engagement & relationship
WITH
src AS (
	SELECT
		`account_id` AS `account_id`,
		CASE WHEN CAST(`usage_points` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`usage_points` AS FLOAT64)) AND NOT IS_INF(CAST(`usage_points` AS FLOAT64))) THEN CAST(`usage_points` AS FLOAT64) END AS `x_usage_points`,
		CASE WHEN CAST(`support_points` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`support_points` AS FLOAT64)) AND NOT IS_INF(CAST(`support_points` AS FLOAT64))) THEN CAST(`support_points` AS FLOAT64) END AS `x_support_points`,
		CASE WHEN CAST(`onboarding_points` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`onboarding_points` AS FLOAT64)) AND NOT IS_INF(CAST(`onboarding_points` AS FLOAT64))) THEN CAST(`onboarding_points` AS FLOAT64) END AS `x_onboarding_points`,
		CASE WHEN CAST(`engagement_points` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`engagement_points` AS FLOAT64)) AND NOT IS_INF(CAST(`engagement_points` AS FLOAT64))) THEN CAST(`engagement_points` AS FLOAT64) END AS `x_engagement_points`
	FROM `crm.accounts`
),
pts AS (
	SELECT
		`account_id`,
		CASE WHEN `x_usage_points` IS NOT NULL THEN CASE WHEN (`x_usage_points` / CAST(25 AS FLOAT64)) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN (`x_usage_points` / CAST(25 AS FLOAT64)) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE (`x_usage_points` / CAST(25 AS FLOAT64)) * CAST(100 AS FLOAT64) END END AS `p_usage_points`,
		CASE WHEN `x_support_points` IS NOT NULL THEN CASE WHEN (`x_support_points` / CAST(25 AS FLOAT64)) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN (`x_support_points` / CAST(25 AS FLOAT64)) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE (`x_support_points` / CAST(25 AS FLOAT64)) * CAST(100 AS FLOAT64) END END AS `p_support_points`,
		CASE WHEN `x_onboarding_points` IS NOT NULL THEN CASE WHEN (`x_onboarding_points` / CAST(25 AS FLOAT64)) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN (`x_onboarding_points` / CAST(25 AS FLOAT64)) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE (`x_onboarding_points` / CAST(25 AS FLOAT64)) * CAST(100 AS FLOAT64) END END AS `p_onboarding_points`,
		CASE WHEN `x_engagement_points` IS NOT NULL THEN CASE WHEN (`x_engagement_points` / CAST(25 AS FLOAT64)) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN (`x_engagement_points` / CAST(25 AS FLOAT64)) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE (`x_engagement_points` / CAST(25 AS FLOAT64)) * CAST(100 AS FLOAT64) END END AS `p_engagement_points`
	FROM src
),
pol AS (
	SELECT
		`account_id`,
		`p_usage_points` AS `q_usage_points`,
		CASE WHEN `p_usage_points` IS NULL THEN 0 ELSE 1 END AS `h_usage_points`,
		`p_support_points` AS `q_support_points`,
		CASE WHEN `p_support_points` IS NULL THEN 0 ELSE 1 END AS `h_support_points`,
		`p_onboarding_points` AS `q_onboarding_points`,
		CASE WHEN `p_onboarding_points` IS NULL THEN 0 ELSE 1 END AS `h_onboarding_points`,
		`p_engagement_points` AS `q_engagement_points`,
		CASE WHEN `p_engagement_points` IS NULL THEN 0 ELSE 1 END AS `h_engagement_points`
	FROM pts
),
dims AS (
	SELECT
		`account_id`,
		(CASE WHEN `q_usage_points` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_usage_points` END) / NULLIF(CASE WHEN `q_usage_points` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END, 0) AS `dim_usage`,
		(CASE WHEN `q_support_points` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_support_points` END) / NULLIF(CASE WHEN `q_support_points` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END, 0) AS `dim_support`,
		(CASE WHEN `q_onboarding_points` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_onboarding_points` END) / NULLIF(CASE WHEN `q_onboarding_points` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END, 0) AS `dim_onboarding`,
		(CASE WHEN `q_engagement_points` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_engagement_points` END) / NULLIF(CASE WHEN `q_engagement_points` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END, 0) AS `dim_engagement`,
		(CAST('0.25' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_usage_points`) + CAST('0.25' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_support_points`) + CAST('0.25' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_onboarding_points`) + CAST('0.25' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_engagement_points`)) AS `coverage`
	FROM pol
),
acct AS (
	SELECT
		`account_id`,
		CASE WHEN `coverage` > CAST(0 AS FLOAT64) AND `coverage` + CAST('0.000000001' AS FLOAT64) >= CAST('0.5' AS FLOAT64) THEN (CASE WHEN `dim_usage` IS NULL THEN 0 ELSE CAST(25 AS FLOAT64) * `dim_usage` END + CASE WHEN `dim_support` IS NULL THEN 0 ELSE CAST(25 AS FLOAT64) * `dim_support` END + CASE WHEN `dim_onboarding` IS NULL THEN 0 ELSE CAST(25 AS FLOAT64) * `dim_onboarding` END + CASE WHEN `dim_engagement` IS NULL THEN 0 ELSE CAST(25 AS FLOAT64) * `dim_engagement` END) / NULLIF(CASE WHEN `dim_usage` IS NULL THEN 0 ELSE CAST(25 AS FLOAT64) END + CASE WHEN `dim_support` IS NULL THEN 0 ELSE CAST(25 AS FLOAT64) END + CASE WHEN `dim_onboarding` IS NULL THEN 0 ELSE CAST(25 AS FLOAT64) END + CASE WHEN `dim_engagement` IS NULL THEN 0 ELSE CAST(25 AS FLOAT64) END, 0) END AS `score`,
		`coverage`,
		`dim_usage`,
		`dim_support`,
		`dim_onboarding`,
		`dim_engagement`
	FROM dims
),
shown_score AS (
	SELECT
		`account_id`,
		`score`,
		FLOOR((CASE WHEN (`score` * CAST(1000000000 AS FLOAT64)) - FLOOR((`score` * CAST(1000000000 AS FLOAT64))) >= CAST('0.5' AS FLOAT64) THEN FLOOR((`score` * CAST(1000000000 AS FLOAT64))) + CAST(1 AS FLOAT64) ELSE FLOOR((`score` * CAST(1000000000 AS FLOAT64))) END) / CAST(1000000000 AS FLOAT64) + CAST('0.5' AS FLOAT64)) AS `shown`,
		`coverage`,
		`dim_usage`,
		`dim_support`,
		`dim_onboarding`,
		`dim_engagement`
	FROM acct
)
SELECT
	`account_id`,
	`score`,
	`shown`,
	CASE WHEN `shown` >= CAST(75 AS FLOAT64) THEN 'Green' WHEN `shown` >= CAST(50 AS FLOAT64) THEN 'Yellow' WHEN `shown` >= CAST(0 AS FLOAT64) THEN 'Red' END AS `tier`,
	`coverage`,
	`dim_usage`,
	`dim_support`,
	`dim_onboarding`,
	`dim_engagement`
FROM shown_score;
