// dbt package from the Actions screen, through the real UI: the explanation is shown, the
// package downloads as a zip whose files are the expected ones (one model per stage, sources,
// schema with the contract and a unit test per stage carrying rows computed here), and the screen is axe-clean.
import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { ActionsPage } from './pages/actions';
import { expectNoViolations } from './pages/axe';

test('the Actions screen offers the dbt package; the zip lists the expected files', async ({
	page
}) => {
	const a = new ActionsPage(page);
	await a.goto();
	await expect(
		a.exports.getByText(/A dbt package lets your data team run this exact score/)
	).toBeVisible();
	await a.exports.getByRole('combobox', { name: 'Warehouse' }).selectOption('databricks');
	const file = await a.download('Download dbt package', a.exports);
	expect(file.name).toMatch(/-dbt-databricks\.zip$/);
	const { readFileSync } = await import('node:fs');
	const zip = unzipSync(new Uint8Array(readFileSync(file.path)));
	const folder = file.name.replace(/\.zip$/, '');
	expect(Object.keys(zip).sort()).toEqual(
		[
			'README.md',
			'dbt_project.yml',
			'models/hsw_as_of_dates.sql',
			'models/hsw_derived_metrics.sql',
			'models/hsw_dimension_scores.sql',
			'models/hsw_features.sql',
			'models/hsw_metric_points.sql',
			'models/hsw_scores.sql',
			'models/schema.yml',
			'models/sources.yml',
			'tests/hsw_one_row_per_account_and_date.sql',
			'tests/hsw_scores_between_0_and_100.sql'
		].map((p) => `${folder}/${p}`)
	);
	const schema = strFromU8(zip[`${folder}/models/schema.yml`]!);
	expect(schema).toContain('enforced: true');
	expect(schema).toContain('unit_tests:');
	expect(schema.match(/^ {10}- \{"account_id"/gm)?.length ?? 0).toBeGreaterThan(0);
	// One unit test per stage model, each given its input model's rows.
	for (const [model, input] of [
		['hsw_metric_points', 'hsw_derived_metrics'],
		['hsw_dimension_scores', 'hsw_metric_points'],
		['hsw_scores', 'hsw_dimension_scores']
	])
		expect(schema).toContain(`    model: ${model}\n    given:\n      - input: ref('${input}')`);
	expect(strFromU8(zip[`${folder}/models/hsw_features.sql`]!)).toContain(
		"{{ source('hsw_raw', 'accounts') }}"
	);
	await expect(a.exports.getByRole('status').filter({ hasText: 'Package made' })).toBeVisible();
	await expectNoViolations(page, 'actions with the dbt export');
});
