-- Health Score Workbench model "Edges" (id edges), schema version 1
-- Dialect: snowflake. Generated 2025-01-15.
-- Returns one row per account: score (full precision, NULL = not scored), shown (rounded half
-- up), tier (decided on shown), coverage (0-1), and one dim_<id> column per dimension:
--   dim_main = Main
--   dim_a = A
--   dim_b = B
WITH
src AS (
	SELECT
		"id" AS "account_id",
		"seg" AS "segment",
		CASE WHEN CAST("v" AS FLOAT) IS NOT NULL AND (CAST("v" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("v" AS FLOAT) END AS "x_lin",
		CASE WHEN CAST("v" AS FLOAT) IS NOT NULL AND (CAST("v" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("v" AS FLOAT) END AS "x_man",
		CASE WHEN CAST("p" AS FLOAT) IS NOT NULL AND (CAST("p" AS FLOAT) NOT IN (CAST('NaN' AS FLOAT), CAST('inf' AS FLOAT), CAST('-inf' AS FLOAT))) THEN CAST("p" AS FLOAT) END AS "x_pa",
		"c" AS "x_c"
	FROM "edges"
),
pts AS (
	SELECT
		"account_id",
		"segment",
		CASE WHEN "x_lin" IS NOT NULL THEN CASE WHEN (("x_lin" - CAST(0 AS FLOAT)) / (CAST(100 AS FLOAT) - CAST(0 AS FLOAT))) <= CAST(0 AS FLOAT) THEN CAST(0 AS FLOAT) WHEN (("x_lin" - CAST(0 AS FLOAT)) / (CAST(100 AS FLOAT) - CAST(0 AS FLOAT))) >= CAST(1 AS FLOAT) THEN CAST(100 AS FLOAT) ELSE (("x_lin" - CAST(0 AS FLOAT)) / (CAST(100 AS FLOAT) - CAST(0 AS FLOAT))) * CAST(100 AS FLOAT) END END AS "p_lin",
		CASE WHEN "x_man" IS NOT NULL THEN CASE WHEN ("x_man" / CAST(100 AS FLOAT)) <= CAST(0 AS FLOAT) THEN CAST(0 AS FLOAT) WHEN ("x_man" / CAST(100 AS FLOAT)) >= CAST(1 AS FLOAT) THEN CAST(100 AS FLOAT) ELSE ("x_man" / CAST(100 AS FLOAT)) * CAST(100 AS FLOAT) END END AS "p_man",
		CASE WHEN "x_pa" IS NULL THEN NULL WHEN COUNT(*) OVER (PARTITION BY CASE WHEN "x_pa" IS NULL THEN 1 ELSE 0 END, "segment") <= 1 THEN CAST(0 AS FLOAT) ELSE (CAST(100 AS FLOAT) * CAST(RANK() OVER (PARTITION BY CASE WHEN "x_pa" IS NULL THEN 1 ELSE 0 END, "segment" ORDER BY "x_pa" ASC) - 1 AS FLOAT)) / CAST(COUNT(*) OVER (PARTITION BY CASE WHEN "x_pa" IS NULL THEN 1 ELSE 0 END, "segment") - 1 AS FLOAT) END AS "p_pa",
		CASE WHEN "x_c" IS NULL THEN NULL WHEN "x_c" = 'x' THEN CAST(100 AS FLOAT) WHEN "x_c" = 'X' THEN CAST(0 AS FLOAT) ELSE NULL END AS "p_c"
	FROM src
),
pol AS (
	SELECT
		"account_id",
		"segment",
		"p_lin" AS "q_lin",
		CASE WHEN "p_lin" IS NULL THEN 0 ELSE 1 END AS "h_lin",
		"p_man" AS "q_man",
		CASE WHEN "p_man" IS NULL THEN 0 ELSE 1 END AS "h_man",
		"p_pa" AS "q_pa",
		CASE WHEN "p_pa" IS NULL THEN 0 ELSE 1 END AS "h_pa",
		"p_c" AS "q_c",
		CASE WHEN "p_c" IS NULL THEN 0 ELSE 1 END AS "h_c"
	FROM pts
),
dims AS (
	SELECT
		"account_id",
		"segment",
		(CASE WHEN "q_lin" IS NULL THEN 0 ELSE CAST(1 AS FLOAT) * "q_lin" END + CASE WHEN "q_man" IS NULL THEN 0 ELSE CAST(0 AS FLOAT) * "q_man" END) / NULLIF(CASE WHEN "q_lin" IS NULL THEN 0 ELSE CAST(1 AS FLOAT) END + CASE WHEN "q_man" IS NULL THEN 0 ELSE CAST(0 AS FLOAT) END, 0) AS "dim_main",
		(CASE WHEN "q_pa" IS NULL THEN 0 ELSE CAST(1 AS FLOAT) * "q_pa" END) / NULLIF(CASE WHEN "q_pa" IS NULL THEN 0 ELSE CAST(1 AS FLOAT) END, 0) AS "dim_a",
		(CASE WHEN "q_c" IS NULL THEN 0 ELSE CAST(1 AS FLOAT) * "q_c" END) / NULLIF(CASE WHEN "q_c" IS NULL THEN 0 ELSE CAST(1 AS FLOAT) END, 0) AS "dim_b",
		CASE "segment" WHEN 'B' THEN (CAST('0.125' AS FLOAT) * (CAST(1 AS FLOAT) * "h_lin" + CAST(0 AS FLOAT) * "h_man") + CAST(0 AS FLOAT) * (CAST(1 AS FLOAT) * "h_pa") + CAST('0.875' AS FLOAT) * (CAST(1 AS FLOAT) * "h_c")) ELSE (CAST('0.1' AS FLOAT) * (CAST(1 AS FLOAT) * "h_lin" + CAST(0 AS FLOAT) * "h_man") + CAST('0.2' AS FLOAT) * (CAST(1 AS FLOAT) * "h_pa") + CAST('0.7' AS FLOAT) * (CAST(1 AS FLOAT) * "h_c")) END AS "coverage"
	FROM pol
),
acct AS (
	SELECT
		"account_id",
		"segment",
		CASE WHEN "coverage" > CAST(0 AS FLOAT) AND "coverage" + CAST('0.000000001' AS FLOAT) >= CAST('0.1' AS FLOAT) THEN (CASE WHEN "dim_main" IS NULL THEN 0 ELSE CAST(1 AS FLOAT) * "dim_main" END + CASE WHEN "dim_a" IS NULL THEN 0 ELSE CASE "segment" WHEN 'B' THEN CAST(0 AS FLOAT) ELSE CAST(2 AS FLOAT) END * "dim_a" END + CASE WHEN "dim_b" IS NULL THEN 0 ELSE CAST(7 AS FLOAT) * "dim_b" END) / NULLIF(CASE WHEN "dim_main" IS NULL THEN 0 ELSE CAST(1 AS FLOAT) END + CASE WHEN "dim_a" IS NULL THEN 0 ELSE CASE "segment" WHEN 'B' THEN CAST(0 AS FLOAT) ELSE CAST(2 AS FLOAT) END END + CASE WHEN "dim_b" IS NULL THEN 0 ELSE CAST(7 AS FLOAT) END, 0) END AS "score",
		"coverage",
		"dim_main",
		"dim_a",
		"dim_b"
	FROM dims
),
shown_score AS (
	SELECT
		"account_id",
		"segment",
		"score",
		FLOOR((CASE WHEN ("score" * CAST(1000000000 AS FLOAT)) - FLOOR(("score" * CAST(1000000000 AS FLOAT))) >= CAST('0.5' AS FLOAT) THEN FLOOR(("score" * CAST(1000000000 AS FLOAT))) + CAST(1 AS FLOAT) ELSE FLOOR(("score" * CAST(1000000000 AS FLOAT))) END) / CAST(1000000000 AS FLOAT) + CAST('0.5' AS FLOAT)) AS "shown",
		"coverage",
		"dim_main",
		"dim_a",
		"dim_b"
	FROM acct
)
SELECT
	"account_id",
	"score",
	"shown",
	CASE WHEN "shown" >= CAST(80 AS FLOAT) THEN 'Green' WHEN "shown" >= CAST(50 AS FLOAT) THEN 'Yellow' WHEN "shown" >= CAST(0 AS FLOAT) THEN 'Red' END AS "tier",
	"coverage",
	"dim_main",
	"dim_a",
	"dim_b"
FROM shown_score;
