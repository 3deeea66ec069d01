// Moves to a screen by its link in the Screens navigation and waits for its heading.
import { expect, type Page } from '@playwright/test';

export async function nav(page: Page, screen: string): Promise<void> {
	await page
		.getByRole('navigation', { name: 'Screens' })
		.getByRole('link', { name: screen })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
}
