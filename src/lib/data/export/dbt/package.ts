/**
 * The model and its recipe as a dbt package (files by path; `zip.ts` packs them): one model per
 * stage, the same SQL as the pipeline export split where its stages meet, with `{{ source() }}`
 * for the raw tables and `{{ ref() }}` between stages:
 *
 *   hsw_as_of_dates        the as-of dates (replace by a date spine to backfill)
 *   hsw_features           features from the raw sources at each as-of date (the recipe)
 *   hsw_derived_metrics    the features plus the derived metrics (ratio, change, days since,
 *                          rolling window), computed over each account's own as-of rows
 *   hsw_metric_points      each metric's points after its missing-value policy
 *   hsw_dimension_scores   dimension scores and coverage
 *   hsw_scores             the output contract: score, shown score, tier, dimension scores,
 *                          top driver, model name and version, generated at (incremental)
 *
 * schema.yml carries the contract (column types, enforced), data tests and a dbt unit test whose
 * rows the browser computed on a sample of the user's accounts. Pure: no DOM, no clock.
 */
import type { Model } from '$lib/model/types';
import type { Recipe } from '$lib/sources/types';
import { gridDays, dayIso } from '$lib/sources/grid';
import { dialectFor, type DialectName } from '../sql/dialect';
import { dayNum, featureStages, type PipelineColumnType } from '../sql/pipeline';
import { derivedStages, lastDigitRisk, type DerivedColumnSql } from '../sql/derived';
import { scoreStages, segmentLiteral } from '../sql/to-sql';
import {
	contractColumns,
	contractTierSql,
	contractType,
	modelVersion,
	topDriverSql,
	CONTRACT_COLUMNS
} from './contract';
import type { UnitSample } from './sample';
import { describeDerived } from '$lib/data/derive';

export interface DbtPackageInput {
	model: Model;
	recipe: Recipe;
	dialect: DialectName;
	/** Source name → warehouse table (`schema.table` or `table`); default `raw.<source>`. */
	tables?: Record<string, string>;
	/** Source name → column → warehouse type (as for the pipeline export). */
	columnTypes?: Record<string, Record<string, PipelineColumnType>>;
	/** Derived metrics on the feature table, in order (the dataset's `ColumnInfo.derived`). */
	derived?: readonly DerivedColumnSql[];
	/** As-of dates (ISO) for `hsw_as_of_dates`; default the recipe's grid. */
	asOfDates?: string[];
	/** The unit test's rows, computed by the browser (`unitSample`); none = no unit test. */
	sample?: UnitSample | null;
	/** When the package was made (ISO), for the README; never read from the clock here. */
	generatedAt: string;
}

/** The models in dependency order. */
export const DBT_MODELS = [
	'hsw_as_of_dates',
	'hsw_features',
	'hsw_derived_metrics',
	'hsw_metric_points',
	'hsw_dimension_scores',
	'hsw_scores'
] as const;

/** The dbt source name the raw tables are declared under. */
export const DBT_SOURCE = 'hsw_raw';

/** A source's name as a dbt identifier (letters, digits, underscores). */
export function dbtName(s: string): string {
	return s.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(\d)/, '_$1') || 'source';
}

/** A project name for dbt_project.yml: lower-case letters, digits and underscores. */
function projectName(model: Model): string {
	const s = model.name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40);
	return `hsw_${s || 'model'}`;
}

/** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
function yq(s: string): string {
	return JSON.stringify(s);
}

function splitTable(table: string): { schema: string | null; identifier: string } {
	const k = table.lastIndexOf('.');
	return k < 0
		? { schema: null, identifier: table }
		: { schema: table.slice(0, k), identifier: table.slice(k + 1) };
}

/** The package's files: path → text. Throws (naming the problem) on a recipe SQL cannot express. */
export function buildDbtPackage(input: DbtPackageInput): Map<string, string> {
	const { model, recipe, dialect } = input;
	const d = dialectFor(dialect);
	const q = d.ident;
	const tableOf = (name: string) => input.tables?.[name]?.trim() || `raw.${dbtName(name)}`;
	const sourceRef = (name: string) => `{{ source('${DBT_SOURCE}', '${dbtName(name)}') }}`;
	const cfg = (m: string) => `{{ config(materialized='${m}') }}`;
	const head = (what: string) =>
		`-- ${what}\n-- Made by Health Score Workbench from model "${model.name.replace(/[\r\n]+/g, ' ')}" (${modelVersion(model)}), ${dialect}.`;

	// Features: the pipeline's stages up to `features`, reading sources and the as-of dates model.
	const features = featureStages(recipe, {
		dialect,
		tables: Object.fromEntries(recipe.sources.map((s) => [s.name, sourceRef(s.name)])),
		relations: 'verbatim',
		columnTypes: input.columnTypes,
		asOfTable: "{{ ref('hsw_as_of_dates') }}"
	});
	const derived = derivedStages(
		d,
		input.derived ?? [],
		'features',
		'derived',
		features.columnTypes,
		(e) => dayNum(d, e)
	);
	const score = scoreStages(model, {
		dialect,
		table: 'features',
		fromCte: 'features',
		idColumn: 'account_id',
		groupColumn: 'as_of_date',
		columnTypes: derived.columnTypes
	});
	const [src, pts, pol, dims, acct, shown] = score.ctes;
	const from = (name: string, model: string) =>
		`${name} AS (\n\tSELECT * FROM {{ ref('${model}') }}\n)`;
	const withAll = (ctes: string[], last: string) =>
		`WITH\n${ctes.join(',\n')}\nSELECT * FROM ${last}\n`;

	const dates = input.asOfDates ?? null;
	const asOfSql = (() => {
		// The as-of dates: the recipe's grid (or the given list) as literal dates.
		const list =
			dates ??
			(() => {
				const probe = featureStagesDates(recipe);
				if (!probe)
					throw new Error('The as-of dates must be given for a grid read from a snapshot source.');
				return probe;
			})();
		return list.map((s) => `SELECT CAST(${d.str(s)} AS DATE) AS as_of_date`).join('\nUNION ALL\n');
	})();

	const risk = lastDigitNote(input);
	const files = new Map<string, string>();
	files.set(
		'models/hsw_as_of_dates.sql',
		`${cfg('table')}\n${head('The as-of dates: one row per date to score. Replace this list by a date spine (e.g. month ends) to backfill history.')}\n${asOfSql}\n`
	);
	files.set(
		'models/hsw_features.sql',
		`${cfg('view')}\n${head('Features from the raw sources at each as-of date: only rows dated on or before the date reach it.')}\n${withAll(features.ctes, 'features')}`
	);
	files.set(
		'models/hsw_derived_metrics.sql',
		`${cfg('view')}\n${head(
			input.derived?.length
				? `The features plus the derived metrics: ${input.derived.map((x) => `${x.name} = ${describeDerived(x.spec)}`).join('; ')}.`.replace(
						/[\r\n]+/g,
						' '
					)
				: 'The features (no derived metrics in this model).'
		)}\n${risk ? `-- ${risk}\n` : ''}${withAll([from('features', 'hsw_features'), ...derived.ctes], derived.ctes.length ? 'derived' : 'features')}`
	);
	files.set(
		'models/hsw_metric_points.sql',
		`${cfg('view')}\n${head('Each metric’s points (0–100) by its scheme, after its missing-value policy; h_<id> = 1 when it had a real value.')}\n${withAll([from('features', 'hsw_derived_metrics'), src!, pts!, pol!], 'pol')}`
	);
	files.set(
		'models/hsw_dimension_scores.sql',
		`${cfg('view')}\n${head('Dimension scores (weighted mean of their metrics’ points) and coverage.')}\n${withAll([from('pol', 'hsw_metric_points'), dims!], 'dims')}`
	);

	// Scores: the output contract.
	const segCol = model.segments?.column ?? null;
	const segType = segCol === null ? 'text' : (features.columnTypes[segCol] ?? 'text');
	const seg = segCol === null ? null : { expr: q('segment'), literal: segmentLiteral(d, segType) };
	const drv = topDriverSql(d, model, seg);
	const intType = dialect === 'bigquery' ? 'INT64' : 'INTEGER';
	const contract = [
		q('account_id'),
		q('as_of_date'),
		q('score'),
		`CAST(${q('shown')} AS ${intType}) AS ${q('shown_score')}`,
		`${contractTierSql(d, model, seg)} AS ${q('tier')}`,
		q('coverage'),
		...model.dimensions.map((dim) => q(`dim_${dim.id}`)),
		`${drv.pick} AS ${q('top_driver')}`,
		`${d.str(model.name)} AS ${q('model_name')}`,
		`${d.str(modelVersion(model))} AS ${q('model_version')}`,
		`CAST('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' AS TIMESTAMP) AS ${q('generated_at')}`
	];
	const scoresSql = [
		`{{ config(materialized='incremental', unique_key=['account_id', 'as_of_date'], on_schema_change='fail') }}`,
		head(
			'The output contract for reverse ETL: one row per account per as-of date (see README.md).'
		),
		'WITH',
		[
			from('dims', 'hsw_dimension_scores'),
			acct!,
			shown!,
			`drv_total AS (\n\tSELECT shown_score.*, ${drv.total} AS ${q('hsw_total')}\n\tFROM shown_score\n)`,
			`drv AS (\n\tSELECT drv_total.*${drv.lost.map((l, k) => `,\n\t\t${l} AS ${q(`hsw_lost_${k}`)}`).join('')}\n\tFROM drv_total\n)`
		].join(',\n'),
		`SELECT\n\t${contract.join(',\n\t')}\nFROM drv`,
		`{% if is_incremental() %}\nWHERE ${q('as_of_date')} > (SELECT MAX(${q('as_of_date')}) FROM {{ this }})\n{% endif %}`
	].join('\n');
	files.set('models/hsw_scores.sql', `${scoresSql}\n`);

	files.set('models/sources.yml', sourcesYml(input, tableOf));
	files.set('models/schema.yml', schemaYml(input));
	files.set(
		'tests/hsw_one_row_per_account_and_date.sql',
		`-- Fails on any account with two rows for one as-of date.\nSELECT ${q('account_id')}, ${q('as_of_date')}, COUNT(*) AS n\nFROM {{ ref('hsw_scores') }}\nGROUP BY ${q('account_id')}, ${q('as_of_date')}\nHAVING COUNT(*) > 1\n`
	);
	files.set(
		'tests/hsw_scores_between_0_and_100.sql',
		`-- Fails on any score, shown score or dimension score outside 0–100.\nSELECT *\nFROM {{ ref('hsw_scores') }}\nWHERE ${['score', 'shown_score', ...model.dimensions.map((x) => `dim_${x.id}`)].map((c) => `${q(c)} < 0 OR ${q(c)} > 100`).join('\n\tOR ')}\n`
	);
	files.set(
		'dbt_project.yml',
		[
			`name: ${yq(projectName(model))}`,
			`version: "1.0.0"`,
			`config-version: 2`,
			`require-dbt-version: ">=1.8.0"`,
			`profile: "health_score"`,
			`model-paths: ["models"]`,
			`test-paths: ["tests"]`,
			``,
			`models:`,
			`  ${projectName(model)}:`,
			`    +tags: ["health_score"]`,
			``
		].join('\n')
	);
	files.set('README.md', readme(input, tableOf));
	return files;
}

/** The grid's dates (null for a grid read from a snapshot source). */
function featureStagesDates(recipe: Recipe): string[] | null {
	return recipe.grid.kind === 'snapshot-dates' ? null : gridDays(recipe.grid).map(dayIso);
}

function sourcesYml(input: DbtPackageInput, tableOf: (name: string) => string): string {
	const lines = ['version: 2', '', 'sources:', `  - name: ${DBT_SOURCE}`];
	lines.push('    description: "The raw exports the recipe reads (one table per source)."');
	lines.push('    tables:');
	for (const s of input.recipe.sources) {
		const t = splitTable(tableOf(s.name));
		lines.push(`      - name: ${dbtName(s.name)}`);
		lines.push(`        identifier: ${yq(t.identifier)}`);
		if (t.schema) lines.push(`        schema: ${yq(t.schema)}`);
		lines.push(
			`        description: ${yq(`Source "${s.name}" (${s.grain} grain), keyed by ${s.key}.`)}`
		);
	}
	return lines.join('\n') + '\n';
}

function schemaYml(input: DbtPackageInput): string {
	const { model, dialect } = input;
	const tierNames = [
		...new Set([
			...model.tiers.map((t) => t.name),
			...(model.segments?.overrides ?? []).flatMap((o) => (o.tiers ?? []).map((t) => t.name))
		])
	];
	const L: string[] = ['version: 2', '', 'models:'];
	const stage = (name: string, doc: string) => {
		L.push(`  - name: ${name}`, `    description: ${yq(doc)}`);
	};
	stage('hsw_as_of_dates', 'The as-of dates to score (replace by a date spine to backfill).');
	stage(
		'hsw_features',
		'Features from the raw sources, one row per account (life) per as-of date.'
	);
	L.push(
		'    columns:',
		'      - name: account_id',
		'        data_tests: [not_null]',
		'      - name: as_of_date',
		'        data_tests: [not_null]'
	);
	stage('hsw_derived_metrics', 'The features plus the derived metrics.');
	stage('hsw_metric_points', 'Metric points after the missing-value policy.');
	stage('hsw_dimension_scores', 'Dimension scores and coverage.');
	stage('hsw_scores', 'The output contract for reverse ETL (see README.md).');
	L.push('    config:', '      contract:', '        enforced: true', '    columns:');
	for (const c of contractColumns(model)) {
		L.push(`      - name: ${c.name}`);
		L.push(`        data_type: ${contractType(dialect, c.type)}`);
		L.push(`        description: ${yq(c.doc)}`);
		const tests: string[] = [];
		if (c.name === 'account_id' || c.name === 'as_of_date' || c.name === 'model_version')
			tests.push('          - not_null');
		if (c.name === 'tier')
			tests.push(
				`          - accepted_values:`,
				`              values: [${tierNames.map(yq).join(', ')}]`
			);
		if (tests.length) L.push('        data_tests:', ...tests);
	}
	const s = input.sample;
	if (s && s.given.length) {
		L.push('', 'unit_tests:');
		const risky = new Set(lastDigitRisk(dialect, input.derived ?? []));
		for (const t of s.stages) {
			const left = t.model === 'hsw_derived_metrics' ? [...risky] : [];
			unitTest(
				L,
				`${t.model}_match_the_workbench`,
				`${t.model} computed by Health Score Workbench on ${t.given.length} rows of your accounts: ${t.about}. The warehouse must give the same values, to the last digit${left.length ? ` (${left.join(', ')} left out: see the header of ${t.model}.sql)` : ''}.`,
				t.model,
				t.input,
				t.given,
				t.expect.map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => !risky.has(c))))
			);
		}
		unitTest(
			L,
			'hsw_scores_match_the_workbench',
			`Rows scored by Health Score Workbench on ${s.given.length} of your accounts: ${[...new Set(s.why)].join('; ')}. The warehouse must give the same score (to the last digit), shown score, tier and top driver.`,
			'hsw_scores',
			'hsw_dimension_scores',
			s.given,
			s.expect
		);
	}
	return L.join('\n') + '\n';
}

/**
 * The plain warning for a warehouse that adds a rolling window's values in its own order, naming
 * the derived metrics concerned; null when there are none (PostgreSQL and DuckDB add by date).
 */
function lastDigitNote(input: DbtPackageInput): string | null {
	const risky = lastDigitRisk(input.dialect, input.derived ?? []);
	if (!risky.length) return null;
	return `${input.dialect} adds the values of a rolling window in its own order, not by date as the workbench does, so ${risky.join(', ')} may differ from the workbench in the last digit (about one part in 10^16) when the values added have decimals, and rarely the scores computed from them too; whole numbers are exact. The unit test hsw_derived_metrics_match_the_workbench leaves these columns out. PostgreSQL and DuckDB add by date and match exactly.`;
}

/**
 * A unit test row as one line of YAML (JSON is valid YAML). Whole numbers stay numbers; other
 * numbers are written as quoted text with all their digits, which dbt casts to the column's
 * type: DuckDB reads a bare literal such as 0.00010294633015765149 as a DECIMAL and converts
 * that to a double one unit in the last place away (9 of 3,000 random scores in our test),
 * while text cast to a double is correctly rounded.
 */
function fixtureRow(r: Record<string, string | number | null>): string {
	const out: Record<string, string | number | null> = {};
	for (const [k, v] of Object.entries(r))
		out[k] = typeof v === 'number' && !Number.isSafeInteger(v) ? String(v) : v;
	return JSON.stringify(out);
}

function unitTest(
	L: string[],
	name: string,
	description: string,
	model: string,
	input: string,
	given: readonly Record<string, string | number | null>[],
	expect: readonly Record<string, string | number | null>[]
): void {
	L.push(`  - name: ${name}`, `    description: ${yq(description)}`, `    model: ${model}`);
	L.push('    given:', `      - input: ref('${input}')`, '        rows:');
	for (const r of given) L.push(`          - ${fixtureRow(r)}`);
	L.push('    expect:', '      rows:');
	for (const r of expect) L.push(`        - ${fixtureRow(r)}`);
}

function readme(input: DbtPackageInput, tableOf: (name: string) => string): string {
	const { model, recipe, dialect } = input;
	const cols = contractColumns(model);
	return `# ${model.name}: health score dbt package

Made by Health Score Workbench on ${input.generatedAt} for **${dialect}** (model version
\`${modelVersion(model)}\`). It computes, in your warehouse, the same score, shown score and tier
as the workbench, to the last digit${lastDigitNote(input) ? ' (but see **Last digit** below)' : ''}, from the raw exports the model was designed on.

## Set up

1. Put this folder in your dbt project (or use it as one), with a profile named \`health_score\`
   (or change \`profile\` in \`dbt_project.yml\`). dbt 1.8 or later (for the unit tests).
2. Point \`models/sources.yml\` at your raw tables (now: ${recipe.sources.map((s) => `\`${s.name}\` → \`${tableOf(s.name)}\``).join(', ')}).
   Key columns are compared as text; date and timestamp columns are read as dates.
3. \`dbt build\` runs the models, the contract, the data tests and the unit tests.

## Models (one per stage)

| model | what it holds |
| --- | --- |
| \`hsw_as_of_dates\` | the dates to score; replace the list by a date spine to backfill history |
| \`hsw_features\` | the recipe's features per account per as-of date, from rows dated on or before it |
| \`hsw_derived_metrics\` | the features plus the derived metrics (ratios, changes, days since, rolling windows over the account's as-of dates) |
| \`hsw_metric_points\` | each metric's points 0–100 after its missing-value policy |
| \`hsw_dimension_scores\` | dimension scores and coverage |
| \`hsw_scores\` | the output contract below; incremental: each run adds the as-of dates after the last one it holds |
${lastDigitNote(input) ? `\n**Last digit.** ${lastDigitNote(input)}\n` : ''}
**Backfill** (after a formula change): put every past date in \`hsw_as_of_dates\` and run
\`dbt build --full-refresh --select hsw_scores+\`. Each date only sees data dated on or before it,
so history is rebuilt as it would have been scored then.

## Tests

- Contract on \`hsw_scores\` (column names and types enforced).
- \`not_null\` on account and date; \`accepted_values\` on tier (${model.tiers.map((t) => t.name).join(', ')}${model.segments?.overrides.some((o) => o.tiers) ? ' and the segment tiers' : ''}); one row per
  account and date; scores between 0 and 100 (\`tests/\`).
- Unit tests, one per stage model (\`<model>_match_the_workbench\`): rows computed in the browser on
  a sample of your own accounts (not scored, exact tier boundaries, missing values) must come out
  identical: the derived metrics from the features, each metric's points from the derived metrics
  (percentiles rank within the rows given), dimension scores from the points, and score, shown
  score, tier and top driver from the dimension scores. Fractional numbers are written as quoted
  text so that every warehouse reads them to the last digit.

## Output contract (\`hsw_scores\`)

| column | type | meaning |
| --- | --- | --- |
${cols.map((c) => `| \`${c.name}\` | ${contractType(dialect, c.type)} | ${c.doc} |`).join('\n')}

## Reverse ETL: mapping into CS platforms

Sync the latest as-of date per account (\`WHERE as_of_date = (SELECT MAX(as_of_date) FROM hsw_scores)\`),
matching on \`account_id\` to the platform's company or account external id.

| contract column | Gainsight | HubSpot | Vitally | Planhat |
| --- | --- | --- | --- | --- |
| \`account_id\` | Company External ID (lookup) | Company property used as unique id | Account \`externalId\` | Company \`externalId\` |
| \`shown_score\` | Scorecard measure / Company custom number field "Health score" | Company number property "Health score" | Account trait \`healthScore\` (number) | Company custom field, or a Health metric |
| \`tier\` | Scorecard grade / picklist field | Dropdown property "Health tier" | Account trait \`healthTier\` (string) | Company custom field "Health tier" |
| \`dim_*\` | One scorecard measure per dimension | One number property per dimension | One trait per dimension | One custom field / metric per dimension |
| \`top_driver\` | Text field shown on the C360 / CTA reason | Text property "Health driver" | Trait \`healthDriver\` | Custom field "Health driver" |
| \`as_of_date\`, \`generated_at\` | Date fields (score date, sync time) | Date property | Traits (date) | Custom fields (date) |
| \`model_name\`, \`model_version\` | Text fields (audit) | Text properties | Traits | Custom fields |

Keep \`score\` (full precision) for ranking and analysis in the warehouse; show \`shown_score\` and
\`tier\` to people: the tier is decided on the shown score, so what a CSM reads is what decides.
Columns \`${CONTRACT_COLUMNS.map((c) => c[0]).join('`, `')}\` keep their names and types across model
changes; a new dimension adds a \`dim_<id>\` column.
`;
}
