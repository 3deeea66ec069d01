// Validation screen on the sample portfolio (first open): every panel shows, its figures match a
// Node recomputation from the sample CSV, definitions on focus, thresholds re-judge, CSV/JSON
// downloads, axe-clean in both colour schemes. Checks that only read a run share one page.
import { expect, test } from '@playwright/test';
import { expectNoViolations } from './pages/axe';
import { defaultModel } from './pages/portfolio';
import { PANELS, ValidationPage, recompute } from './pages/validation';

const expected = recompute(defaultModel());

test.describe('Validation screen', () => {
	// One page, one run for the checks that only read the result (or change an input on the
	// screen and put it back): each run of the sample is ~20 s of a CI worker. Steps name what
	// failed. The definition-on-focus step comes before any mouse click (a tooltip shows on
	// keyboard focus).
	test('one run: every panel as recomputed, ready-to-ship, axe, downloads, money, then the model card', async ({
		page
	}) => {
		test.setTimeout(150_000);
		const v = new ValidationPage(page);
		await v.goto();
		await v.waitForResult();
		await test.step('every panel shows, with the figures of a Node recomputation', async () => {
			for (const name of PANELS)
				await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
			const s = expected.survival!;
			expect(await v.num('logrank-chi2')).toBeCloseTo(s.logRank.chi2, 9);
			expect(await v.num('logrank-p')).toBeCloseTo(s.logRank.p, 12);
			expect(await v.num('c-index')).toBeCloseTo(s.concordance.c, 12);
			await expect(page.getByTestId('survival-n')).toHaveText(
				s.tiers.map((t) => t.km.n.toLocaleString('en-US'))
			);
			await expect(page.getByTestId('survival-events')).toHaveText(
				s.tiers.map((t) => t.km.events.toLocaleString('en-US'))
			);
			const lead = expected.lead!;
			const rows = page.getByTestId('lead-row');
			await expect(rows).toHaveCount(3);
			for (const [k, x] of lead.leads.entries()) {
				await expect(rows.nth(k)).toHaveAttribute('data-churners', String(x.churners));
				await expect(rows.nth(k)).toHaveAttribute('data-non-green', String(x.nonGreen));
			}
			expect(await v.num('lead-window')).toBeCloseTo(lead.window.share.rate, 12);
			expect(await v.num('first-red', 'data-median')).toBe(lead.firstRed.medianDays);
			expect(await v.num('psi-score')).toBeCloseTo(expected.drift!.score.psi, 9);
			expect(await v.num('flip-mean')).toBeCloseTo(expected.robustness.flipMean, 12);
			expect(await v.num('spearman-min')).toBeCloseTo(expected.robustness.spearmanMin, 9);
			const aucs = await page
				.getByTestId('signal-row')
				.evaluateAll((els) =>
					els.map((e) => [e.getAttribute('data-id'), Number(e.getAttribute('data-auc'))])
				);
			expect(aucs).toHaveLength(expected.signals.length);
			for (const [id, auc] of aucs)
				expect(auc).toBeCloseTo(expected.signals.find((x) => x.id === id)!.auc, 12);
			await expect(page.getByTestId('missing-row')).toHaveCount(3);
			// Sanity beyond agreement: the tiers separate and the model ranks better than chance.
			expect(s.logRank.p).toBeLessThan(0.001);
			expect(s.concordance.c).toBeGreaterThan(0.6);
		});
		await test.step('ready-to-ship lines re-judge when a threshold changes; definitions on focus', async () => {
			const events = page.getByTestId('ready-events');
			const count = Number(await events.getAttribute('data-value'));
			expect(count).toBe(expected.events);
			await expect(events).toHaveAttribute('data-status', count >= 50 ? 'pass' : 'fail');
			const input = page.getByRole('spinbutton', { name: 'Minimum churn events' });
			await input.fill(String(count + 1));
			await expect(events).toHaveAttribute('data-status', 'fail');
			await input.fill(String(count));
			await expect(events).toHaveAttribute('data-status', 'pass');
			const term = page.getByRole('button', { name: 'c-index', exact: true });
			await term.focus();
			await expect(term).toHaveAccessibleDescription(/Harrell/);
			await expect(page.getByRole('tooltip').filter({ hasText: /Harrell/ })).toBeVisible();
		});
		await test.step('axe-clean in the light scheme, the trajectory table open', async () => {
			await page.getByText('Trajectory table').click();
			await expectNoViolations(page, 'Validation (light)');
		});
		await test.step('tables download as CSV and everything as JSON', async () => {
			const csv = await v.download(
				page.getByRole('button', { name: 'Download the retention curves as CSV' })
			);
			expect(csv.download.suggestedFilename()).toBe('validation-survival.csv');
			const lines = csv.text
				.replace(/^\uFEFF/, '')
				.trim()
				.split(/\r\n/);
			expect(lines[0]).toBe('tier,day,at_risk,churns,censored,retention,se,lo95,hi95');
			const steps = expected.survival!.tiers.reduce((n, t) => n + t.km.steps.length, 0);
			expect(lines.length - 1).toBe(steps);
			const sig = await v.download(
				page.getByRole('button', { name: 'Download the signal register as CSV' })
			);
			expect(
				sig.text
					.replace(/^\uFEFF/, '')
					.trim()
					.split(/\r\n/)
			).toHaveLength(expected.signals.length + 1);
			const json = await v.download(
				page.getByRole('button', { name: 'Download everything (JSON)' })
			);
			const doc = JSON.parse(json.text) as {
				kind: string;
				ready: unknown[];
				survival: { logRank: { chi2: number } };
			};
			expect(doc.kind).toBe('health-score-validation');
			expect(doc.ready).toHaveLength(5);
			expect(doc.survival.logRank.chi2).toBeCloseTo(expected.survival!.logRank.chi2, 9);
		});
		await test.step('money: expected churned ARR as recomputed; the capacity cut follows the inputs', async () => {
			const m = expected.money!;
			await expect(
				page.getByRole('heading', { level: 2, name: 'Money: ARR at risk' })
			).toBeVisible();
			expect(await v.num('arr-expected')).toBeCloseTo(m.expected, 6);
			expect(await v.num('arr-check')).toBeCloseTo(m.churnedAtT, 6);
			const probs = await page
				.getByTestId('money-row')
				.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-probability'))));
			expect(probs).toHaveLength(m.tiers.length);
			probs.forEach((p, k) => expect(p).toBeCloseTo(m.tiers[k]!.probability.rate, 12));
			// Capacity 5 × 20 = 100 by default; 1 × 10 flags at most 10 accounts, no re-run.
			const cap = page.getByTestId('capacity');
			await expect(cap).toHaveAttribute('data-capacity', '100');
			await page.getByRole('spinbutton', { name: 'CSMs' }).fill('1');
			await page.getByRole('spinbutton', { name: 'At-risk accounts per CSM' }).fill('10');
			await expect(cap).toHaveAttribute('data-capacity', '10');
			expect(Number(await cap.getAttribute('data-flagged'))).toBeLessThanOrEqual(10);
			// Independent count: accounts at T showing a score below the cut.
			const cut = Number(await cap.getAttribute('data-cut'));
			const below = m.byShown.accounts.slice(0, cut).reduce((a, b) => a + b, 0);
			await expect(cap).toHaveAttribute('data-flagged', String(below));
			const next = m.byShown.accounts[cut] ?? 0;
			expect(below + next).toBeGreaterThan(10);
			await expect(v.status).toContainText('done');
		});
		await test.step('the model card shows the ready-to-ship lines of the same model', async () => {
			const verdict = await page.getByTestId('ready-verdict').textContent();
			await page.getByRole('link', { name: 'Actions & export' }).click();
			const lines = page.getByTestId('card-ready').getByRole('listitem');
			await expect(lines).toHaveCount(5);
			const passes = Number(/(\d+) of 5/.exec(verdict ?? '')?.[1]);
			await expect(lines.filter({ hasText: /^Pass/ })).toHaveCount(passes);
			await expect(lines.first()).toContainText('base rate');
		});
	});

	test('drift: the customers vs the formula, as recomputed; they add up to the change', async ({
		page
	}) => {
		const v = new ValidationPage(page);
		await v.goto();
		await v.waitForResult();
		const same = expected.drift!.change.portfolio;
		expect(await v.num('change-formula')).toBe(0);
		expect(await v.num('change-customer')).toBeCloseTo(same.customer, 9);
		expect(same.customer).toBeCloseTo(same.toScore - same.fromScore, 9);
		// The earlier model picked from the list (here the template the sample model came from,
		// so the formula part stays 0 while the run repeats with it).
		const tpl = { id: 'usage-led-saas', name: defaultModel().name };
		await page.getByLabel('Model at the earlier date').selectOption(`template:${tpl.id}`);
		await page.getByRole('button', { name: 'Run again' }).click();
		await v.waitForResult();
		await expect(page.getByTestId('change-split').locator('../..')).toContainText(
			`Earlier model: Template: ${tpl.name}`
		);
		expect(await v.num('change-formula')).toBeCloseTo(0, 9);
		expect(await v.num('change-customer')).toBeCloseTo(same.customer, 9);
		await expect(page.getByTestId('change-split')).toContainText('Formula changed');
	});

	test('per segment: events and AUCs as recomputed, warned below 30 churn events, axe-clean', async ({
		page
	}) => {
		const want = recompute(defaultModel(), { segmentColumn: 'segment' }).segments!;
		const v = new ValidationPage(page);
		await v.goto();
		await v.waitForResult();
		await expect(page.getByRole('heading', { name: /results per segment/i })).toHaveCount(0);
		await page.getByLabel('Results per segment of').selectOption('segment');
		await page.getByRole('button', { name: 'Run again' }).click();
		const section = page.getByRole('region', { name: 'Small samples: results per segment' });
		await expect(section).toBeVisible({ timeout: 90_000 });
		await v.waitForResult();
		const rows = section.getByTestId('segment-row');
		await expect(rows).toHaveCount(want.rows.length + 1);
		for (const [k, x] of [...want.rows, want.all].entries()) {
			await expect(rows.nth(k).getByRole('rowheader')).toHaveText(x.value);
			await expect(rows.nth(k)).toHaveAttribute('data-events', String(x.events));
			expect(Number(await rows.nth(k).getAttribute('data-auc'))).toBeCloseTo(x.auc, 12);
			expect(Number(await rows.nth(k).getAttribute('data-pooled-auc'))).toBeCloseTo(
				x.pooledAuc,
				12
			);
		}
		// The sample at the default date: Mid-market and Enterprise have fewer than 30 churns.
		const small = want.rows.filter((x) => x.events < 30);
		expect(small.length).toBeGreaterThan(0);
		expect(want.rows.some((x) => x.events >= 30)).toBe(true);
		const warning = section.getByTestId('segment-warning');
		await expect(warning).toContainText('fewer than 30 churn events');
		for (const x of small) {
			await expect(warning).toContainText(`${x.value}: ${x.events}`);
			await expect(rows.filter({ hasText: x.value }).first()).toContainText(
				`Only ${x.events} churn event`
			);
		}
		for (const x of want.rows.filter((r) => r.events >= 30))
			await expect(rows.filter({ hasText: x.value }).first()).not.toContainText('Only');
		await expectNoViolations(page, 'Validation with per-segment results');
	});

	test('axe-clean in the dark scheme (light: in the one-run test)', async ({ page }) => {
		test.setTimeout(120_000); // a full run on a shared machine
		const v = new ValidationPage(page);
		await page.emulateMedia({ colorScheme: 'dark' });
		await v.goto();
		await v.waitForResult();
		await page.getByText('Trajectory table').click();
		await expectNoViolations(page, 'Validation (dark)');
	});
});

test('a backtest worker that cannot load ends "Running…" on Validation with a message', async ({
	page
}) => {
	// The worker file 404s (a blocked file, or a stale tab after a redeploy).
	await page.route('**/assets/backtest.worker-*.js', (route) =>
		route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' })
	);
	const v = new ValidationPage(page);
	await v.goto();
	const trouble = page.getByTestId('worker-trouble');
	await expect(trouble).toContainText(
		'This browser blocked a background task — reload to try again.',
		{ timeout: 30_000 }
	);
	await expect(trouble.getByRole('button', { name: 'Reload' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Validation' }).getByRole('alert')).toContainText(
		'blocked a background task'
	);
	await expect(v.status).not.toContainText('Running');
	await expectNoViolations(page, 'Validation with a failed worker');
});
