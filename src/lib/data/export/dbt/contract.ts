/**
 * The output contract: the fixed columns of the scores table the data team pushes into a CS
 * platform by reverse ETL (one row per account per as-of date), their warehouse types per
 * dialect, and the SQL of the columns the scoring stages do not already give (shown score as
 * an integer, tier, top driver, model name and version, generated at).
 */
import type { Model } from '$lib/model/types';
import { variantsOf, tierSql, weightSql, type SegmentSql } from '../sql/combine';
import { num, type Dialect, type DialectName } from '../sql/dialect';

/** What each contract column holds (documented in the package README and schema.yml). */
export const CONTRACT_COLUMNS = [
	['account_id', 'text', 'The account id as in the account source (a later life: `<id> #2`).'],
	['as_of_date', 'date', 'The date the score describes: only data dated on or before it is used.'],
	['score', 'double', 'The score at full precision, 0–100; NULL = not scored (too little data).'],
	['shown_score', 'integer', 'The score as shown: rounded half up to a whole number.'],
	['tier', 'text', 'The tier name, decided on the shown score; NULL when not scored.'],
	['coverage', 'double', 'Share (0–1) of the model’s weight that had real values.'],
	['dim_<id>', 'double', 'One column per dimension: its score 0–100, NULL when it has no data.'],
	[
		'top_driver',
		'text',
		'The dimension that cost the most points (the first to act on); NULL when none has a score.'
	],
	['model_name', 'text', 'The model’s name in the workbench.'],
	[
		'model_version',
		'text',
		'Schema version and a fingerprint of the model: changes with any edit.'
	],
	['generated_at', 'timestamp', 'When dbt ran the model (UTC).']
] as const;

export type ContractType = (typeof CONTRACT_COLUMNS)[number][1];

/** Warehouse type names for the contract's column types. */
export function contractType(dialect: DialectName, type: ContractType): string {
	const t: Record<DialectName, Record<ContractType, string>> = {
		postgres: {
			text: 'text',
			date: 'date',
			double: 'double precision',
			integer: 'integer',
			timestamp: 'timestamp'
		},
		duckdb: {
			text: 'varchar',
			date: 'date',
			double: 'double',
			integer: 'integer',
			timestamp: 'timestamp'
		},
		bigquery: {
			text: 'string',
			date: 'date',
			double: 'float64',
			integer: 'int64',
			timestamp: 'timestamp'
		},
		snowflake: {
			text: 'varchar',
			date: 'date',
			double: 'float',
			integer: 'integer',
			timestamp: 'timestamp_ntz'
		},
		databricks: {
			text: 'string',
			date: 'date',
			double: 'double',
			integer: 'int',
			timestamp: 'timestamp'
		},
		redshift: {
			text: 'varchar(65535)',
			date: 'date',
			double: 'double precision',
			integer: 'integer',
			timestamp: 'timestamp'
		}
	};
	return t[dialect][type];
}

/** One column of the contract. */
export interface ContractColumn {
	name: string;
	type: ContractType;
	doc: string;
}

/** The contract's columns for a model, in order, with their types. */
export function contractColumns(model: Model): ContractColumn[] {
	return CONTRACT_COLUMNS.flatMap(([name, type, doc]): ContractColumn[] =>
		name === 'dim_<id>'
			? model.dimensions.map((dim) => ({
					name: `dim_${dim.id}`,
					type,
					doc: `Dimension score: ${dim.name} (0–100).`
				}))
			: [{ name, type, doc }]
	);
}

/** 32-bit FNV-1a of a string, as 8 hex digits. */
export function fingerprint(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}

/** The model's version as written in the contract: `<schema version>.<fingerprint>`. */
export function modelVersion(model: Model): string {
	return `${model.schemaVersion}.${fingerprint(JSON.stringify(model))}`;
}

/**
 * The top driver, as the browser's `driverFinder`: among dimensions with a score and a positive
 * weight in force, the one losing the most points, share × 100 − share × score with share =
 * weight / Σ weights of those dimensions; the first in model order on ties. Three steps, each a
 * select list over the previous: `total` (column `hsw_total`), `lost` (columns `hsw_lost_<k>`),
 * and `pick` (the dimension name).
 */
export function topDriverSql(
	d: Dialect,
	model: Model,
	seg: SegmentSql | null
): { total: string; lost: string[]; pick: string } {
	const q = d.ident;
	const variants = variantsOf(model);
	const dims = model.dimensions.map((dim) => {
		const w = weightSql(d, variants, dim.id, dim.weight, seg);
		return { dim, w, has: `${q(`dim_${dim.id}`)} IS NOT NULL AND ${w} > ${num(d, 0)}` };
	});
	const total = dims.length
		? dims.map((x) => `CASE WHEN ${x.has} THEN ${x.w} ELSE ${num(d, 0)} END`).join(' + ')
		: num(d, 0);
	const lost = dims.map((x) => {
		const share = `(${x.w} / ${q('hsw_total')})`;
		return `CASE WHEN ${x.has} THEN ${share} * ${num(d, 100)} - ${share} * ${q(`dim_${x.dim.id}`)} END`;
	});
	const l = (k: number) => q(`hsw_lost_${k}`);
	// The first dimension whose loss is at least every later one's is the earliest maximum.
	const arms = dims.map((x, j) => {
		const later = dims
			.slice(j + 1)
			.map((_, i) => `(${l(j + 1 + i)} IS NULL OR ${l(j)} >= ${l(j + 1 + i)})`);
		return `WHEN ${[`${l(j)} IS NOT NULL`, ...later].join(' AND ')} THEN ${d.str(x.dim.name)}`;
	});
	const pick = arms.length ? `CASE ${arms.join(' ')} END` : `CAST(NULL AS ${d.textType})`;
	return { total, lost, pick };
}

/** The tier in force for the row, on its shown score (column `shown`). */
export function contractTierSql(d: Dialect, model: Model, seg: SegmentSql | null): string {
	return tierSql(d, variantsOf(model), seg, d.ident('shown'));
}
