/** The model as SQL for the warehouse (PostgreSQL, DuckDB, BigQuery, Snowflake, Databricks, Redshift). */
export { toSql, columnTypesOf, OUTPUT_COLUMNS, type ToSqlOptions } from './to-sql';
export { DIALECTS, DIALECT_NAMES, type DialectName, plainDecimal } from './dialect';
export type { SqlColumnType } from './schemes';
export { toPipelineSql, type PipelineSqlOptions, type PipelineColumnType } from './pipeline';
