// axe WCAG 2.2 AA on the calculator (empty, filled, bad link, dark, phone) and every nav screen.
import { expect, test, type Page } from '@playwright/test';
import { CalculatorPage } from './pages/calculator';
import { expectNoViolations } from './pages/axe';

/** The calculator in the states a visitor sees. */
async function calculatorStates(page: Page, label: string): Promise<void> {
	const calc = new CalculatorPage(page);
	await calc.goto();
	await calc.clearButton.click();
	await expectNoViolations(page, `${label}: empty calculator`);
	await calc.exampleButton.click();
	await calc.expectScore(79, 'Green');
	await calc.copyShareLink();
	await expectNoViolations(page, `${label}: worked example, share link`);
	await page.goto('#/calculator?s=not-a-link');
	await expect(calc.alert).toBeVisible();
	await expectNoViolations(page, `${label}: bad-link error`);
	await calc.chooseTemplate(/Usage-led/i);
	await expectNoViolations(page, `${label}: usage-led template`);
}

test('the axe check itself fails on an unlabelled field and low contrast', async ({ page }) => {
	await page.setContent(
		'<main><h1>Check</h1><input type="text"><p style="color:#bbb;background:#fff">faint</p></main>'
	);
	const failure = await expectNoViolations(page, 'a page made to fail').then(
		() => null,
		(e: Error) => e.message
	);
	expect(failure).toContain('label');
	expect(failure).toContain('color-contrast');
});

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
	// Four axe passes per calculator test: about a minute on a loaded 2-core machine.
	test.describe.configure({ timeout: 180_000 });

	test('calculator, light', async ({ page }) => {
		await calculatorStates(page, 'light');
	});

	test('calculator, dark colour scheme', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await calculatorStates(page, 'dark');
	});

	test('calculator, 375-px phone', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 800 });
		await calculatorStates(page, 'phone');
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`every nav screen, ${scheme}`, async ({ page }) => {
			// One axe pass per screen, and screens grow as helpers add content: allow for it.
			test.setTimeout(300_000);
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('#/calculator');
			const links = page.getByRole('navigation', { name: 'Screens' }).getByRole('link');
			const names = await links.allTextContents();
			expect(names.length).toBeGreaterThan(1);
			for (const name of names) {
				const link = links.nth(names.indexOf(name));
				await link.click();
				await expect(link).toHaveAttribute('aria-current', 'page');
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				await expectNoViolations(page, `${name} (${scheme})`);
			}
		});
	}
});
