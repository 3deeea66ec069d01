-- Health Score Workbench model "Edges" (id edges), schema version 1
-- Dialect: bigquery. Generated 2025-01-15.
-- Returns one row per account: score (full precision, NULL = not scored), shown (rounded half
-- up), tier (decided on shown), coverage (0-1), and one dim_<id> column per dimension:
--   dim_main = Main
--   dim_a = A
--   dim_b = B
WITH
src AS (
	SELECT
		`id` AS `account_id`,
		`seg` AS `segment`,
		CASE WHEN CAST(`v` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`v` AS FLOAT64)) AND NOT IS_INF(CAST(`v` AS FLOAT64))) THEN CAST(`v` AS FLOAT64) END AS `x_lin`,
		CASE WHEN CAST(`v` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`v` AS FLOAT64)) AND NOT IS_INF(CAST(`v` AS FLOAT64))) THEN CAST(`v` AS FLOAT64) END AS `x_man`,
		CASE WHEN CAST(`p` AS FLOAT64) IS NOT NULL AND (NOT IS_NAN(CAST(`p` AS FLOAT64)) AND NOT IS_INF(CAST(`p` AS FLOAT64))) THEN CAST(`p` AS FLOAT64) END AS `x_pa`,
		`c` AS `x_c`
	FROM `edges`
),
pts AS (
	SELECT
		`account_id`,
		`segment`,
		CASE WHEN `x_lin` IS NOT NULL THEN CASE WHEN ((`x_lin` - CAST(0 AS FLOAT64)) / (CAST(100 AS FLOAT64) - CAST(0 AS FLOAT64))) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN ((`x_lin` - CAST(0 AS FLOAT64)) / (CAST(100 AS FLOAT64) - CAST(0 AS FLOAT64))) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE ((`x_lin` - CAST(0 AS FLOAT64)) / (CAST(100 AS FLOAT64) - CAST(0 AS FLOAT64))) * CAST(100 AS FLOAT64) END END AS `p_lin`,
		CASE WHEN `x_man` IS NOT NULL THEN CASE WHEN (`x_man` / CAST(100 AS FLOAT64)) <= CAST(0 AS FLOAT64) THEN CAST(0 AS FLOAT64) WHEN (`x_man` / CAST(100 AS FLOAT64)) >= CAST(1 AS FLOAT64) THEN CAST(100 AS FLOAT64) ELSE (`x_man` / CAST(100 AS FLOAT64)) * CAST(100 AS FLOAT64) END END AS `p_man`,
		CASE WHEN `x_pa` IS NULL THEN NULL WHEN COUNT(*) OVER (PARTITION BY CASE WHEN `x_pa` IS NULL THEN 1 ELSE 0 END, `segment`) <= 1 THEN CAST(0 AS FLOAT64) ELSE (CAST(100 AS FLOAT64) * CAST(RANK() OVER (PARTITION BY CASE WHEN `x_pa` IS NULL THEN 1 ELSE 0 END, `segment` ORDER BY `x_pa` ASC) - 1 AS FLOAT64)) / CAST(COUNT(*) OVER (PARTITION BY CASE WHEN `x_pa` IS NULL THEN 1 ELSE 0 END, `segment`) - 1 AS FLOAT64) END AS `p_pa`,
		CASE WHEN `x_c` IS NULL THEN NULL WHEN `x_c` = 'x' THEN CAST(100 AS FLOAT64) WHEN `x_c` = 'X' THEN CAST(0 AS FLOAT64) ELSE NULL END AS `p_c`
	FROM src
),
pol AS (
	SELECT
		`account_id`,
		`segment`,
		`p_lin` AS `q_lin`,
		CASE WHEN `p_lin` IS NULL THEN 0 ELSE 1 END AS `h_lin`,
		`p_man` AS `q_man`,
		CASE WHEN `p_man` IS NULL THEN 0 ELSE 1 END AS `h_man`,
		`p_pa` AS `q_pa`,
		CASE WHEN `p_pa` IS NULL THEN 0 ELSE 1 END AS `h_pa`,
		`p_c` AS `q_c`,
		CASE WHEN `p_c` IS NULL THEN 0 ELSE 1 END AS `h_c`
	FROM pts
),
dims AS (
	SELECT
		`account_id`,
		`segment`,
		(CASE WHEN `q_lin` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_lin` END + CASE WHEN `q_man` IS NULL THEN 0 ELSE CAST(0 AS FLOAT64) * `q_man` END) / NULLIF(CASE WHEN `q_lin` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END + CASE WHEN `q_man` IS NULL THEN 0 ELSE CAST(0 AS FLOAT64) END, 0) AS `dim_main`,
		(CASE WHEN `q_pa` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_pa` END) / NULLIF(CASE WHEN `q_pa` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END, 0) AS `dim_a`,
		(CASE WHEN `q_c` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `q_c` END) / NULLIF(CASE WHEN `q_c` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END, 0) AS `dim_b`,
		CASE `segment` WHEN 'B' THEN (CAST('0.125' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_lin` + CAST(0 AS FLOAT64) * `h_man`) + CAST(0 AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_pa`) + CAST('0.875' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_c`)) ELSE (CAST('0.1' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_lin` + CAST(0 AS FLOAT64) * `h_man`) + CAST('0.2' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_pa`) + CAST('0.7' AS FLOAT64) * (CAST(1 AS FLOAT64) * `h_c`)) END AS `coverage`
	FROM pol
),
acct AS (
	SELECT
		`account_id`,
		`segment`,
		CASE WHEN `coverage` > CAST(0 AS FLOAT64) AND `coverage` + CAST('0.000000001' AS FLOAT64) >= CAST('0.1' AS FLOAT64) THEN (CASE WHEN `dim_main` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) * `dim_main` END + CASE WHEN `dim_a` IS NULL THEN 0 ELSE CASE `segment` WHEN 'B' THEN CAST(0 AS FLOAT64) ELSE CAST(2 AS FLOAT64) END * `dim_a` END + CASE WHEN `dim_b` IS NULL THEN 0 ELSE CAST(7 AS FLOAT64) * `dim_b` END) / NULLIF(CASE WHEN `dim_main` IS NULL THEN 0 ELSE CAST(1 AS FLOAT64) END + CASE WHEN `dim_a` IS NULL THEN 0 ELSE CASE `segment` WHEN 'B' THEN CAST(0 AS FLOAT64) ELSE CAST(2 AS FLOAT64) END END + CASE WHEN `dim_b` IS NULL THEN 0 ELSE CAST(7 AS FLOAT64) END, 0) END AS `score`,
		`coverage`,
		`dim_main`,
		`dim_a`,
		`dim_b`
	FROM dims
),
shown_score AS (
	SELECT
		`account_id`,
		`segment`,
		`score`,
		FLOOR((CASE WHEN (`score` * CAST(1000000000 AS FLOAT64)) - FLOOR((`score` * CAST(1000000000 AS FLOAT64))) >= CAST('0.5' AS FLOAT64) THEN FLOOR((`score` * CAST(1000000000 AS FLOAT64))) + CAST(1 AS FLOAT64) ELSE FLOOR((`score` * CAST(1000000000 AS FLOAT64))) END) / CAST(1000000000 AS FLOAT64) + CAST('0.5' AS FLOAT64)) AS `shown`,
		`coverage`,
		`dim_main`,
		`dim_a`,
		`dim_b`
	FROM acct
)
SELECT
	`account_id`,
	`score`,
	`shown`,
	CASE WHEN `shown` >= CAST(80 AS FLOAT64) THEN 'Green' WHEN `shown` >= CAST(50 AS FLOAT64) THEN 'Yellow' WHEN `shown` >= CAST(0 AS FLOAT64) THEN 'Red' END AS `tier`,
	`coverage`,
	`dim_main`,
	`dim_a`,
	`dim_b`
FROM shown_score;
