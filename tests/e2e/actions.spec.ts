// Actions & export screen through the real UI: worklist order, scored CSV (BOM, one row per
// account, engine-equal full-precision scores, formula-safe), model JSON, SQL per dialect, chart
// SVG/PNG, the one-page printed model card, hostile ids shown as text, axe on screen and print.
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { scoreTable } from '../../src/lib/model/score';
import { validateModel } from '../../src/lib/model/validate';
import { ActionsPage, pdfPageCount } from './pages/actions';
import { ModelPage } from './pages/model';
import { DataPage } from './pages/data';
import { defaultModel, sampleTable } from './pages/portfolio';
import { expectNoViolations } from './pages/axe';

const HOSTILE = new URL('./fixtures/hostile.csv', import.meta.url).pathname;

function parseCsv(text: string): string[][] {
	expect(text.charCodeAt(0), 'starts with a BOM').toBe(0xfeff);
	return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

/** Accounts the portfolio screen says it shows. */
async function portfolioAccounts(page: Page): Promise<number> {
	await page.goto('/#/portfolio');
	const status = page.getByText(/^[\d,]+ accounts, latest snapshot/);
	await expect(status).toBeVisible({ timeout: 45_000 });
	return Number((await status.innerText()).match(/^([\d,]+)/)![1]!.replace(/,/g, ''));
}

test.describe('actions & export screen', () => {
	test('worklist: worst tier first; scored CSV matches the engine and the portfolio', async ({
		page
	}) => {
		const accounts = await portfolioAccounts(page);
		const a = new ActionsPage(page);
		await a.goto();
		const first = a.groups.first();
		await expect(first.getByRole('heading', { level: 3 })).toContainText(
			'Escalation call with the sponsor'
		);
		const row = first.getByRole('row').nth(1);
		await expect(row.getByRole('cell').first()).toHaveText('Red');
		await expect(row.getByRole('cell').last()).toHaveText(/^.+: [\d.]+ of \d+ points lost$/);

		const csv = await a.downloadText('Download scored CSV');
		const rows = parseCsv(csv);
		const header = rows[0]!;
		expect(header.slice(0, 4)).toEqual(['account_id', 'score', 'shown', 'tier']);
		expect(header.slice(-2)).toEqual(['flags', 'top_driver']);
		expect(rows.length - 1).toBe(accounts);
		// The companion legend names every column of that header, in order, in words.
		const legend = parseCsv(await a.downloadText('Download column legend'));
		expect(legend[0]).toEqual(['column', 'name', 'meaning']);
		expect(legend.slice(1).map((r) => r[0])).toEqual(header);
		const dims = defaultModel().dimensions;
		for (const d of dims) {
			const line = legend.find((r) => r[0] === `dim_${d.id}`);
			expect(line?.[1], `legend of dim_${d.id}`).toBe(d.name);
		}
		await page.getByText('Columns of the scored CSV', { exact: true }).click();
		await expect(
			page.getByRole('row', { name: new RegExp(`dim_${dims[0]!.id} Score of the dimension`) })
		).toBeVisible();
		await expectNoViolations(page, 'scored CSV legend open');

		// Full-precision scores equal the engine's on each account's latest snapshot.
		const { table, latest } = sampleTable();
		const r = scoreTable(defaultModel(), table);
		const ids = table.columns.get('account_id');
		if (ids?.kind !== 'category') throw new Error('account_id');
		const expected = new Map(latest.map((i) => [ids.dictionary[ids.codes[i]!]!, i]));
		expect(expected.size).toBe(accounts);
		// One assertion over all rows (thousands of traced expects took this test past its
		// timeout on a loaded machine); same tolerance as toBeCloseTo(s, 9).
		const mismatches: string[] = [];
		for (const line of rows.slice(1)) {
			const i = expected.get(line[0]!)!;
			const s = r.score[i]!;
			const ok = Number.isNaN(s)
				? line[1] === ''
				: line[1] !== '' && Math.abs(Number(line[1]) - s) < 5e-10;
			if (!ok) mismatches.push(`${line[0]}: CSV ${line[1]} vs engine ${s}`);
		}
		expect(mismatches).toEqual([]);
		// Numbers are written bare (no quotes), with their full precision.
		const raw = csv.slice(1).split('\r\n')[1]!;
		expect(raw).toMatch(/^[^,]+,\d+(\.\d+)?,\d+,(Green|Yellow|Red),/);
		expect(rows.slice(1).some((l) => /\.\d{4,}/.test(l[1]!))).toBe(true);

		const wl = parseCsv(await a.downloadText('Download worklist CSV'));
		expect(wl[0]![0]).toBe('action');
		expect(wl[1]![0]).toBe('Escalation call with the sponsor');
	});

	test('playbook edits are undoable; model JSON validates; SQL per dialect', async ({ page }) => {
		const a = new ActionsPage(page);
		await a.goto();
		const owner = a.playbookInput('Owner role', 'Tier: Red');
		await owner.fill('VP Customer Success');
		await owner.blur();
		await expect(a.groups.first().getByRole('heading', { level: 3 })).toContainText(
			'VP Customer Success'
		);
		const json = await a.downloadText('Download model JSON');
		const v = validateModel(JSON.parse(json));
		expect(v.ok, JSON.stringify(!v.ok && v.issues)).toBe(true);
		if (v.ok) {
			expect(v.model.name).toBe('Usage-led SaaS');
			expect(
				v.model.playbooks?.find((p) => 'tier' in p.trigger && p.trigger.tier === 'red')
			).toMatchObject({
				owner: 'VP Customer Success',
				dueDays: 2
			});
		}
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(owner).toHaveValue('CSM + CS manager');

		await a.tableName().fill('warehouse.health_accounts');
		for (const [value, quoted] of [
			['postgres', '"warehouse"."health_accounts"'],
			['duckdb', '"warehouse"."health_accounts"'],
			['bigquery', '`warehouse.health_accounts`'],
			['databricks', '`warehouse`.`health_accounts`'],
			['redshift', '"warehouse"."health_accounts"'],
			['snowflake', '"warehouse"."health_accounts"']
		]) {
			await a.dialect().selectOption(value!);
			const sql = await a.sqlPreview().inputValue();
			expect(sql.length, value).toBeGreaterThan(500);
			expect(sql, value).toContain(quoted!);
			const tick = value === 'bigquery' || value === 'databricks';
			expect(sql, value).toContain('"account_id"'.replace(/"/g, tick ? '`' : '"'));
		}
		const file = await a.download('Download SQL');
		expect(file.name).toBe('usage-led-saas-snowflake.sql');
	});

	test('charts download as SVG and PNG', async ({ page }) => {
		const a = new ActionsPage(page);
		await a.goto();
		const svg = await a.downloadText('Histogram SVG');
		expect(svg.startsWith('<?xml')).toBe(true);
		expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
		expect(svg).toMatch(/<rect[^>]+fill="rgb\(/);
		expect(svg).not.toContain('class=');
		const png = await a.downloadBytes('Histogram PNG');
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.length).toBeGreaterThan(2000);
		const gauge = await a.downloadBytes('Gauge PNG');
		expect([...gauge.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		expect(await a.downloadText('Gauge SVG')).toContain('stroke=');
	});

	test('model card prints on one A4 page; axe on screen and in print', async ({ page }) => {
		const a = new ActionsPage(page);
		await a.goto();
		await expect(a.card).toContainText('0–2 tickets → 100 points, 3–5 → 60, 6+ → 20');
		await expect(a.card).toContainText(/Not yet backtested|Backtest/);
		await expectNoViolations(page, 'actions screen');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation', { name: 'Screens' })).toBeHidden();
		await expect(page.getByRole('button', { name: 'Print model card' })).toBeHidden();
		await expectNoViolations(page, 'print media');
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		expect(pdfPageCount(pdf)).toBe(1);
	});

	test('the card drops the template’s name and description once the model is changed', async ({
		page
	}) => {
		test.setTimeout(240_000);
		const a = new ActionsPage(page);
		await a.goto();
		await expect(a.card.getByRole('heading', { level: 2 })).toHaveText(
			'Model card: Usage-led SaaS'
		);
		await expect(a.card).toContainText('usage 40 %');

		const model = new ModelPage(page);
		await model.goto();
		await model.setDimensionWeight('Product usage', 10);
		await a.goto();
		await expect(a.card.getByRole('heading', { level: 2 })).toHaveText('Model card: Unnamed model');
		await expect(a.card).not.toContainText('Usage-led SaaS');
		await expect(a.card).not.toContainText('usage 40 %');
		await expect(page.getByTestId('card-identity-note')).toContainText(
			'name and description are not shown'
		);
		await expectNoViolations(page, 'card of a changed template');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByTestId('card-identity-note')).toBeHidden();
		await page.emulateMedia({ media: 'screen' });

		// Its own name comes back on the card at once; the template's description stays out.
		await model.goto();
		const name = page.getByRole('textbox', { name: 'Model name' });
		await name.fill('Acme renewals');
		await name.press('Tab');
		await a.goto();
		await expect(a.card.getByRole('heading', { level: 2 })).toHaveText('Model card: Acme renewals');
		await expect(a.card).not.toContainText('usage 40 %');
		await expect(page.getByTestId('card-identity-note')).toContainText('description is not shown');
	});

	test('dark colour scheme: axe clean', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		const a = new ActionsPage(page);
		await a.goto();
		await expectNoViolations(page, 'actions screen, dark');
	});

	test('hostile ids are shown as text and exported formula-safe', async ({ page }) => {
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		await data.chooseFile(HOSTILE);
		await data.review();
		await data.commit();

		const a = new ActionsPage(page);
		await a.goto();
		await expect(a.worklist).toContainText('<img src=x onerror=alert(1)>');
		await expect(a.worklist).toContainText('=HYPERLINK("http://evil.example","click")');
		expect(await page.locator('main img').count()).toBe(0);
		const rows = parseCsv(await a.downloadText('Download scored CSV'));
		expect(rows.length - 1).toBe(5);
		const ids = rows.slice(1).map((r) => r[0]);
		expect(ids).toContain(`'=HYPERLINK("http://evil.example","click")`);
		expect(ids).toContain(`'+SUM(A1:A9)`);
		expect(ids).toContain(`'-2+3`);
		expect(ids).toContain('<img src=x onerror=alert(1)>');
		expect(dialogs).toEqual([]);
	});
});
