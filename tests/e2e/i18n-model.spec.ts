// The Model screen in Japanese: its editor, a metric's editor and preview, the derived-metric
// form and a drafted model (notes, why-notes, changes, columns left out) show no English UI word
// (data and proper names aside), axe clean.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { ja } from '../../src/lib/i18n/ja';
import { MODEL_ISSUE_CODES } from '../../src/lib/model/issues';
import { expectNoViolations } from './pages/axe';
import { englishWords, expectNoEnglish, PROPER } from './pages/i18n-check';

const PREFIXES = ['app.', 'nav.', 'nd.', 'mdl.'];

/**
 * The data this screen shows as it is: the model's own text (name, description, dimension,
 * metric and tier names, actions, why-notes — all in inputs or shown beside them) and the
 * dataset's column names (the column pickers' options).
 */
async function dataWords(page: Page): Promise<string[]> {
	return page.evaluate(() => [
		...[...document.querySelectorAll<HTMLInputElement>('main input, main textarea')].map(
			(i) => i.value
		),
		...[...document.querySelectorAll('main option')].map((o) => o.textContent ?? '')
	]);
}

test.use({ locale: 'ja-JP' });

test('Model in Japanese: no English UI word in the editor, a metric, derived metrics, a draft in progress; axe clean', async ({
	page
}) => {
	test.setTimeout(480_000);
	await page.goto('/#/model');
	await expect(page.getByRole('heading', { level: 1, name: /^モデル：/ })).toBeVisible();
	const live = page.getByRole('region', { name: ja['mdl.live'] });
	await expect(
		live.getByRole('group', { name: new RegExp(`^${ja['mdl.histogram']}`) })
	).toBeVisible({
		timeout: 45_000
	});
	await expect(page.getByRole('toolbar', { name: ja['mdl.tb.actions'] })).toBeVisible();
	await expect(page.getByRole('button', { name: ja['mdl.tb.undo'], exact: true })).toBeVisible();

	const check = async (where: string) => {
		await expectNoEnglish(page, where, PREFIXES);
		// Model warnings too: the core gives their kind and figures, the screen says them.
		// The sample dataset's name is data too (a drafted model is named after it).
		const allowed = [...PROPER, 'JSON', 'QBR', 'Sample portfolio', ...(await dataWords(page))];
		expect(await englishWords(page, allowed), `English words on ${where}`).toEqual([]);
	};
	await check('Model');
	await expectNoViolations(page, 'Model in Japanese');

	// A metric's editor with its preview, then a scheme with parameters of its own (bands).
	await page
		.getByRole('button', { name: new RegExp(`^${ja['mdl.m.edit']}`) })
		.first()
		.click();
	const editor = page.getByRole('region', { name: /^指標：/ });
	await expect(editor).toBeVisible();
	await expect(editor.getByText(ja['mdl.pv.caption'])).toBeVisible();
	await editor.getByLabel(ja['mdl.me.scheme']).selectOption({ label: ja['mdl.kind.bands'] });
	await expect(editor.getByRole('button', { name: ja['mdl.b.add'] })).toBeVisible();
	await check('the metric editor');
	await expectNoViolations(page, 'metric editor in Japanese');

	// The derived-metric form, then a drafted model (the scheme edit above is in the change log).
	await page.locator('summary', { hasText: ja['mdl.dv.title'] }).click();
	await expect(page.getByRole('form', { name: ja['mdl.dv.form'] })).toBeVisible();
	await check('the derived-metric form');

	// Drafting runs in a worker (minutes on a loaded machine): its progress is in Japanese.
	await page.getByRole('button', { name: ja['mdl.dr.button'] }).click();
	await expect(page.getByTestId('draft-status')).toContainText(/下書きを作成中|交差検証中/, {
		timeout: 30_000
	});
	await check('a draft in progress');
	await expectNoViolations(page, 'draft in progress in Japanese');

	// The drafted model: its tiers, metrics (dimension names and why-notes), the changes if
	// applied and the columns left out, all said in Japanese (the core gives codes).
	const result = page.getByTestId('draft-result');
	await expect(result).toBeVisible({ timeout: 240_000 });
	await expect(page.getByTestId('draft-diff')).toContainText('指標');
	const skipped = result.locator('summary', { hasText: /^除外した列/ });
	if (await skipped.count()) await skipped.click();
	await check('a drafted model');
	const whys = await result
		.locator('tr[title]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('title') ?? ''));
	expect(whys.length).toBeGreaterThan(0);
	for (const why of whys) expect(why).toMatch(/単独で AUC \d\.\d\d で解約を見分けます。$/);
	await expectNoViolations(page, 'drafted model in Japanese');
	await page.getByRole('button', { name: ja['mdl.dr.apply'] }).click();
	// The applied draft's own text was written in Japanese: it is the user's model now.
	await expect(
		page.getByRole('heading', { level: 1, name: /^モデル：Sample portfolio からの下書き$/ })
	).toBeVisible();
});

test('A draft on a small file in Japanese: too few churners is said in Japanese, with the columns left out; axe clean', async ({
	page
}) => {
	test.setTimeout(300_000);
	// 60 accounts, 3 churned: fewer than 10, so the draft uses the distributions alone.
	const dir = resolve(tmpdir(), 'hsw-e2e-i18n-model');
	mkdirSync(dir, { recursive: true });
	const path = resolve(dir, 'small.csv');
	const rows = Array.from(
		{ length: 60 },
		(_, i) => `a${i},${(i * 7) % 31},${i % 4},${i < 3 ? 1 : 0},plan${i % 3},5`
	);
	writeFileSync(path, ['id,logins,tickets,churned,plan,constant', ...rows].join('\n') + '\n');
	await page.goto('/#/data');
	await expect(page.getByRole('table', { name: ja['dt.list.caption'] })).toBeVisible({
		timeout: 45_000
	});
	await page.getByLabel(ja['dt.choose.drop']).setInputFiles(path);
	const review = page.getByRole('button', { name: ja['dt.map.review'] });
	await expect(review).toBeVisible({ timeout: 30_000 });
	await page.getByRole('radio', { name: ja['dt.grain.account'] }).check();
	await page.getByRole('combobox', { name: 'id の役割' }).selectOption('account-id');
	await page.getByRole('combobox', { name: 'churned の役割' }).selectOption('churned');
	for (const c of ['logins', 'tickets', 'plan', 'constant'])
		await page.getByRole('combobox', { name: `${c} の役割` }).selectOption('metric');
	await review.click();
	await page.getByRole('button', { name: /^60 行を取り込む$/ }).click();
	await expect(page.getByText(/^「small」を保存しました/).first()).toBeVisible({ timeout: 60_000 });

	await page.goto('/#/model');
	await page.getByRole('button', { name: ja['mdl.dr.button'] }).click();
	const result = page.getByTestId('draft-result');
	await expect(result).toBeVisible({ timeout: 120_000 });
	await expect(result.getByText(ja['dr.note.few-outcomes'])).toBeVisible();
	await result.locator('summary', { hasText: /^除外した列/ }).click();
	// A category cannot be ordered without an outcome; the same value everywhere is left out.
	await expect(result.getByText(`plan：${ja['dr.skip.unordered-category']}`)).toBeVisible();
	await expect(result.getByText(`constant：${ja['dr.skip.constant']}`)).toBeVisible();
	// The file's name and columns, and pieces of the current model's column names
	// (exec_sponsor_engaged, seat_utilisation_pct…) that the fit notice and the diff show.
	const names = ['small', 'logins', 'tickets', 'plan', 'constant', 'churned', 'id', 'exec', 'pct'];
	const allowed = [
		...PROPER,
		'JSON',
		'QBR',
		'Sample portfolio',
		...names,
		...(await dataWords(page))
	];
	await expectNoEnglish(page, 'a draft on a small file', PREFIXES);
	expect(await englishWords(page, allowed), 'English words on a small-file draft').toEqual([]);
	await expectNoViolations(page, 'small-file draft in Japanese');
});

test('A refused model file and the template list in Japanese: each problem named by dimension, metric or tier, no English word; axe clean', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/#/model');
	await expect(page.getByRole('heading', { level: 1, name: /^モデル：/ })).toBeVisible({
		timeout: 45_000
	});
	// The sample is in (its columns are the pickers' options, data words below).
	await expect(
		page
			.getByRole('region', { name: ja['mdl.live'] })
			.getByRole('group', { name: new RegExp(`^${ja['mdl.histogram']}`) })
	).toBeVisible({ timeout: 45_000 });
	// The template list names the shipped templates in Japanese.
	const templates = page.getByLabel(ja['mdl.tb.template']);
	await expect(templates.locator('option')).toHaveText([
		ja['mi.tpl.four-dimensions.name'],
		ja['mi.tpl.usage-led-saas.name']
	]);

	// A file with problems of several kinds: a field's type and range, an option, a cross-field rule.
	const bad = JSON.parse(
		readFileSync(resolve('src/lib/model/templates/usage-led-saas.json'), 'utf8')
	) as {
		dimensions: { weight: unknown; metrics: { direction: unknown; column: string }[] }[];
		tiers: unknown[];
	};
	bad.dimensions[0]!.weight = -5;
	bad.dimensions[1]!.metrics[0]!.direction = 'up';
	bad.tiers = [
		{ id: 'g', name: 'Green', min: 'eighty', color: 'green', action: '' },
		{ id: 'r', name: 'Red', min: 10, color: '#c62828', action: '' }
	];
	await page.getByLabel(ja['mdl.tb.import']).setInputFiles({
		name: 'bad-model.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(bad))
	});
	const issues = page.getByTestId('import-issues');
	await expect(issues).toContainText(ja['mdl.notImported']);
	await expect(issues.locator('li')).toContainText([
		'ディメンション 1「Product usage」 ＞ 重み：0 以上である必要があります',
		'ディメンション 2「Support experience」 ＞ 指標 1「Support tickets」 ＞ 方向：「higher」、「lower」のいずれかである必要があります',
		'ティア 1「Green」 ＞ 開始スコア：数値である必要があります',
		'ティア 1「Green」 ＞ 色：6 桁の16進カラーコード（例：#2e7d32）である必要があります'
	]);
	// The JSON path stays beside the words, as code, for whoever edits the file.
	await expect(issues.locator('code').first()).toHaveText('dimensions[0].weight');
	// Every problem's and place's English (the current model keeps its template's English name:
	// it is the user's model, data here).
	const issueKeys = MODEL_ISSUE_CODES.map((c) => `mi.${c}`);
	await expectNoEnglish(page, 'a refused model file', ['mdl.', 'mi.at', 'mi.f.', ...issueKeys]);
	const allowed = [
		...PROPER,
		'JSON',
		'QBR',
		'Sample portfolio',
		'Product usage',
		'Support experience',
		'Support tickets',
		'Green',
		'higher',
		'lower',
		// The model's metrics show their columns: data, whether or not the sample is loaded.
		...bad.dimensions.flatMap((d) => d.metrics.map((m) => m.column)),
		...(await dataWords(page))
	];
	expect(await englishWords(page, allowed), 'English words with a refused file').toEqual([]);
	await expectNoViolations(page, 'refused model file in Japanese');
});
