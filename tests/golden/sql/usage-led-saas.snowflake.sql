-- Health Score Workbench model "Usage-led SaaS" (id usage-led-saas), schema version 1
-- Dialect: snowflake. Generated 2025-01-15.
-- Returns one row per account: score (full precision, NULL = not scored), shown (rounded half
-- up), tier (decided on shown), coverage (0-1), and one dim_<id> column per dimension:
--   dim_usage = Product usage
--   dim_support = Support experience
--   dim_engagement = Engagement & relationship
--   dim_financial = Financial
WITH
src AS (
	SELECT
		"account_id" AS "account_id",
		CASE WHEN CAST("seat_utilisation_pct" AS FLOAT) IS NOT NULL AND (CAST("seat_utilisation_pct" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("seat_utilisation_pct" AS FLOAT) END AS "x_seat_utilisation",
		CASE WHEN CAST("login_trend_pct" AS FLOAT) IS NOT NULL AND (CAST("login_trend_pct" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("login_trend_pct" AS FLOAT) END AS "x_login_trend",
		CASE WHEN CAST("feature_adoption_pct" AS FLOAT) IS NOT NULL AND (CAST("feature_adoption_pct" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("feature_adoption_pct" AS FLOAT) END AS "x_feature_adoption",
		CASE WHEN CAST("tickets_60d" AS FLOAT) IS NOT NULL AND (CAST("tickets_60d" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("tickets_60d" AS FLOAT) END AS "x_tickets",
		CASE WHEN CAST("escalations_90d" AS FLOAT) IS NOT NULL AND (CAST("escalations_90d" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("escalations_90d" AS FLOAT) END AS "x_escalations",
		CASE WHEN CAST("nps" AS FLOAT) IS NOT NULL AND (CAST("nps" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("nps" AS FLOAT) END AS "x_nps",
		CASE WHEN CAST("exec_sponsor_engaged" AS FLOAT) IS NOT NULL AND (CAST("exec_sponsor_engaged" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("exec_sponsor_engaged" AS FLOAT) END AS "x_exec_sponsor",
		CASE WHEN CAST("days_late" AS FLOAT) IS NOT NULL AND (CAST("days_late" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("days_late" AS FLOAT) END AS "x_days_late",
		CASE WHEN CAST("months_to_renewal" AS FLOAT) IS NOT NULL AND (CAST("months_to_renewal" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("months_to_renewal" AS FLOAT) END AS "x_months_to_renewal"
	FROM "crm"."accounts"
),
pts AS (
	SELECT
		"account_id",
		CASE WHEN "x_seat_utilisation" IS NOT NULL THEN CASE WHEN (("x_seat_utilisation" - CAST(20 AS FLOAT)) / (CAST(90 AS FLOAT) - CAST(20 AS FLOAT))) <= CAST(0 AS FLOAT) THEN CAST(0 AS FLOAT) WHEN (("x_seat_utilisation" - CAST(20 AS FLOAT)) / (CAST(90 AS FLOAT) - CAST(20 AS FLOAT))) >= CAST(1 AS FLOAT) THEN CAST(100 AS FLOAT) ELSE (("x_seat_utilisation" - CAST(20 AS FLOAT)) / (CAST(90 AS FLOAT) - CAST(20 AS FLOAT))) * CAST(100 AS FLOAT) END END AS "p_seat_utilisation",
		CASE WHEN "x_login_trend" IS NOT NULL THEN CASE WHEN (("x_login_trend" - CAST(-50 AS FLOAT)) / (CAST(20 AS FLOAT) - CAST(-50 AS FLOAT))) <= CAST(0 AS FLOAT) THEN CAST(0 AS FLOAT) WHEN (("x_login_trend" - CAST(-50 AS FLOAT)) / (CAST(20 AS FLOAT) - CAST(-50 AS FLOAT))) >= CAST(1 AS FLOAT) THEN CAST(100 AS FLOAT) ELSE (("x_login_trend" - CAST(-50 AS FLOAT)) / (CAST(20 AS FLOAT) - CAST(-50 AS FLOAT))) * CAST(100 AS FLOAT) END END AS "p_login_trend",
		CASE WHEN "x_feature_adoption" IS NOT NULL THEN CASE WHEN (("x_feature_adoption" - CAST(10 AS FLOAT)) / (CAST(80 AS FLOAT) - CAST(10 AS FLOAT))) <= CAST(0 AS FLOAT) THEN CAST(0 AS FLOAT) WHEN (("x_feature_adoption" - CAST(10 AS FLOAT)) / (CAST(80 AS FLOAT) - CAST(10 AS FLOAT))) >= CAST(1 AS FLOAT) THEN CAST(100 AS FLOAT) ELSE (("x_feature_adoption" - CAST(10 AS FLOAT)) / (CAST(80 AS FLOAT) - CAST(10 AS FLOAT))) * CAST(100 AS FLOAT) END END AS "p_feature_adoption",
		CASE WHEN "x_tickets" IS NULL THEN NULL WHEN "x_tickets" <= CAST(2 AS FLOAT) THEN CAST(100 AS FLOAT) WHEN "x_tickets" <= CAST(5 AS FLOAT) THEN CAST(60 AS FLOAT) ELSE CAST(20 AS FLOAT) END AS "p_tickets",
		CASE WHEN "x_escalations" IS NULL THEN NULL WHEN "x_escalations" <= CAST(0 AS FLOAT) THEN CAST(100 AS FLOAT) WHEN "x_escalations" <= CAST(1 AS FLOAT) THEN CAST(50 AS FLOAT) ELSE CAST(0 AS FLOAT) END AS "p_escalations",
		CASE WHEN "x_nps" IS NOT NULL THEN CASE WHEN (("x_nps" - CAST(-100 AS FLOAT)) / (CAST(100 AS FLOAT) - CAST(-100 AS FLOAT))) <= CAST(0 AS FLOAT) THEN CAST(0 AS FLOAT) WHEN (("x_nps" - CAST(-100 AS FLOAT)) / (CAST(100 AS FLOAT) - CAST(-100 AS FLOAT))) >= CAST(1 AS FLOAT) THEN CAST(100 AS FLOAT) ELSE (("x_nps" - CAST(-100 AS FLOAT)) / (CAST(100 AS FLOAT) - CAST(-100 AS FLOAT))) * CAST(100 AS FLOAT) END END AS "p_nps",
		CASE WHEN "x_exec_sponsor" = CAST(1 AS FLOAT) THEN CAST(100 AS FLOAT) WHEN "x_exec_sponsor" = CAST(0 AS FLOAT) THEN CAST(0 AS FLOAT) END AS "p_exec_sponsor",
		CASE WHEN "x_days_late" IS NULL THEN NULL WHEN "x_days_late" <= CAST(0 AS FLOAT) THEN CAST(100 AS FLOAT) WHEN "x_days_late" <= CAST(15 AS FLOAT) THEN CAST(80 AS FLOAT) WHEN "x_days_late" <= CAST(45 AS FLOAT) THEN CAST(40 AS FLOAT) ELSE CAST(0 AS FLOAT) END AS "p_days_late",
		CASE WHEN "x_months_to_renewal" IS NOT NULL THEN CASE WHEN (("x_months_to_renewal" - CAST(0 AS FLOAT)) / (CAST(12 AS FLOAT) - CAST(0 AS FLOAT))) <= CAST(0 AS FLOAT) THEN CAST(0 AS FLOAT) WHEN (("x_months_to_renewal" - CAST(0 AS FLOAT)) / (CAST(12 AS FLOAT) - CAST(0 AS FLOAT))) >= CAST(1 AS FLOAT) THEN CAST(100 AS FLOAT) ELSE (("x_months_to_renewal" - CAST(0 AS FLOAT)) / (CAST(12 AS FLOAT) - CAST(0 AS FLOAT))) * CAST(100 AS FLOAT) END END AS "p_months_to_renewal"
	FROM src
),
pol AS (
	SELECT
		"account_id",
		"p_seat_utilisation" AS "q_seat_utilisation",
		CASE WHEN "p_seat_utilisation" IS NULL THEN 0 ELSE 1 END AS "h_seat_utilisation",
		"p_login_trend" AS "q_login_trend",
		CASE WHEN "p_login_trend" IS NULL THEN 0 ELSE 1 END AS "h_login_trend",
		"p_feature_adoption" AS "q_feature_adoption",
		CASE WHEN "p_feature_adoption" IS NULL THEN 0 ELSE 1 END AS "h_feature_adoption",
		COALESCE("p_tickets", CAST(50 AS FLOAT)) AS "q_tickets",
		CASE WHEN "p_tickets" IS NULL THEN 0 ELSE 1 END AS "h_tickets",
		COALESCE("p_escalations", CAST(50 AS FLOAT)) AS "q_escalations",
		CASE WHEN "p_escalations" IS NULL THEN 0 ELSE 1 END AS "h_escalations",
		COALESCE("p_nps", CAST(50 AS FLOAT)) AS "q_nps",
		CASE WHEN "p_nps" IS NULL THEN 0 ELSE 1 END AS "h_nps",
		COALESCE("p_exec_sponsor", CAST(0 AS FLOAT)) AS "q_exec_sponsor",
		CASE WHEN "p_exec_sponsor" IS NULL THEN 0 ELSE 1 END AS "h_exec_sponsor",
		"p_days_late" AS "q_days_late",
		CASE WHEN "p_days_late" IS NULL THEN 0 ELSE 1 END AS "h_days_late",
		"p_months_to_renewal" AS "q_months_to_renewal",
		CASE WHEN "p_months_to_renewal" IS NULL THEN 0 ELSE 1 END AS "h_months_to_renewal"
	FROM pts
),
dims AS (
	SELECT
		"account_id",
		(CASE WHEN "q_seat_utilisation" IS NULL THEN 0 ELSE CAST(40 AS FLOAT) * "q_seat_utilisation" END + CASE WHEN "q_login_trend" IS NULL THEN 0 ELSE CAST(30 AS FLOAT) * "q_login_trend" END + CASE WHEN "q_feature_adoption" IS NULL THEN 0 ELSE CAST(30 AS FLOAT) * "q_feature_adoption" END) / NULLIF(CASE WHEN "q_seat_utilisation" IS NULL THEN 0 ELSE CAST(40 AS FLOAT) END + CASE WHEN "q_login_trend" IS NULL THEN 0 ELSE CAST(30 AS FLOAT) END + CASE WHEN "q_feature_adoption" IS NULL THEN 0 ELSE CAST(30 AS FLOAT) END, 0) AS "dim_usage",
		(CASE WHEN "q_tickets" IS NULL THEN 0 ELSE CAST(60 AS FLOAT) * "q_tickets" END + CASE WHEN "q_escalations" IS NULL THEN 0 ELSE CAST(40 AS FLOAT) * "q_escalations" END) / NULLIF(CASE WHEN "q_tickets" IS NULL THEN 0 ELSE CAST(60 AS FLOAT) END + CASE WHEN "q_escalations" IS NULL THEN 0 ELSE CAST(40 AS FLOAT) END, 0) AS "dim_support",
		(CASE WHEN "q_nps" IS NULL THEN 0 ELSE CAST(50 AS FLOAT) * "q_nps" END + CASE WHEN "q_exec_sponsor" IS NULL THEN 0 ELSE CAST(50 AS FLOAT) * "q_exec_sponsor" END) / NULLIF(CASE WHEN "q_nps" IS NULL THEN 0 ELSE CAST(50 AS FLOAT) END + CASE WHEN "q_exec_sponsor" IS NULL THEN 0 ELSE CAST(50 AS FLOAT) END, 0) AS "dim_engagement",
		(CASE WHEN "q_days_late" IS NULL THEN 0 ELSE CAST(60 AS FLOAT) * "q_days_late" END + CASE WHEN "q_months_to_renewal" IS NULL THEN 0 ELSE CAST(40 AS FLOAT) * "q_months_to_renewal" END) / NULLIF(CASE WHEN "q_days_late" IS NULL THEN 0 ELSE CAST(60 AS FLOAT) END + CASE WHEN "q_months_to_renewal" IS NULL THEN 0 ELSE CAST(40 AS FLOAT) END, 0) AS "dim_financial",
		(CAST('0.4' AS FLOAT) * (CAST('0.4' AS FLOAT) * "h_seat_utilisation" + CAST('0.3' AS FLOAT) * "h_login_trend" + CAST('0.3' AS FLOAT) * "h_feature_adoption") + CAST('0.2' AS FLOAT) * (CAST('0.6' AS FLOAT) * "h_tickets" + CAST('0.4' AS FLOAT) * "h_escalations") + CAST('0.2' AS FLOAT) * (CAST('0.5' AS FLOAT) * "h_nps" + CAST('0.5' AS FLOAT) * "h_exec_sponsor") + CAST('0.2' AS FLOAT) * (CAST('0.6' AS FLOAT) * "h_days_late" + CAST('0.4' AS FLOAT) * "h_months_to_renewal")) AS "coverage"
	FROM pol
),
acct AS (
	SELECT
		"account_id",
		CASE WHEN "coverage" > CAST(0 AS FLOAT) AND "coverage" + CAST('0.000000001' AS FLOAT) >= CAST('0.5' AS FLOAT) THEN (CASE WHEN "dim_usage" IS NULL THEN 0 ELSE CAST(40 AS FLOAT) * "dim_usage" END + CASE WHEN "dim_support" IS NULL THEN 0 ELSE CAST(20 AS FLOAT) * "dim_support" END + CASE WHEN "dim_engagement" IS NULL THEN 0 ELSE CAST(20 AS FLOAT) * "dim_engagement" END + CASE WHEN "dim_financial" IS NULL THEN 0 ELSE CAST(20 AS FLOAT) * "dim_financial" END) / NULLIF(CASE WHEN "dim_usage" IS NULL THEN 0 ELSE CAST(40 AS FLOAT) END + CASE WHEN "dim_support" IS NULL THEN 0 ELSE CAST(20 AS FLOAT) END + CASE WHEN "dim_engagement" IS NULL THEN 0 ELSE CAST(20 AS FLOAT) END + CASE WHEN "dim_financial" IS NULL THEN 0 ELSE CAST(20 AS FLOAT) END, 0) END AS "score",
		"coverage",
		"dim_usage",
		"dim_support",
		"dim_engagement",
		"dim_financial"
	FROM dims
),
shown_score AS (
	SELECT
		"account_id",
		"score",
		FLOOR((CASE WHEN ("score" * CAST(1000000000 AS FLOAT)) - FLOOR(("score" * CAST(1000000000 AS FLOAT))) >= CAST('0.5' AS FLOAT) THEN FLOOR(("score" * CAST(1000000000 AS FLOAT))) + CAST(1 AS FLOAT) ELSE FLOOR(("score" * CAST(1000000000 AS FLOAT))) END) / CAST(1000000000 AS FLOAT) + CAST('0.5' AS FLOAT)) AS "shown",
		"coverage",
		"dim_usage",
		"dim_support",
		"dim_engagement",
		"dim_financial"
	FROM acct
)
SELECT
	"account_id",
	"score",
	"shown",
	CASE WHEN "shown" >= CAST(80 AS FLOAT) THEN 'Green' WHEN "shown" >= CAST(50 AS FLOAT) THEN 'Yellow' WHEN "shown" >= CAST(0 AS FLOAT) THEN 'Red' END AS "tier",
	"coverage",
	"dim_usage",
	"dim_support",
	"dim_engagement",
	"dim_financial"
FROM shown_score;
