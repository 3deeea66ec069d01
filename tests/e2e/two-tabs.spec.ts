// Issue 16: two tabs on one model. Tab A sets Product usage to 5; tab B, still showing 40 (it
// missed A's notice: it hears no BroadcastChannel messages), sets Financial to 35. Nothing is lost, B is
// told, and tab A follows B's save.
import { expect, test } from '@playwright/test';
import { ModelPage } from './pages/model';

test('two tabs: both edits survive, the user is told, the other tab follows', async ({
	context
}) => {
	const a = await context.newPage();
	const modelA = new ModelPage(a);
	await modelA.goto();
	await expect(modelA.dimensionWeight('Product usage')).toHaveValue('40');

	const b = await context.newPage();
	await b.addInitScript(() => {
		// This tab hears nothing from the others (as if the notice were lost); it still posts.
		const Base = window.BroadcastChannel;
		window.BroadcastChannel = class extends Base {
			override set onmessage(_listener: unknown) {}
			override get onmessage(): null {
				return null;
			}
		} as typeof BroadcastChannel;
	});
	const modelB = new ModelPage(b);
	await modelB.goto();
	await expect(modelB.dimensionWeight('Product usage')).toHaveValue('40');

	await modelA.setDimensionWeight('Product usage', 5);
	// A's autosave lands (the stored model has usage 5) before B edits.
	await expect
		.poll(() =>
			a.evaluate(
				() =>
					new Promise<number | null>((done) => {
						const open = indexedDB.open('health-score-workbench');
						open.onsuccess = () => {
							const get = open.result
								.transaction('models')
								.objectStore('models')
								.get('usage-led-saas');
							get.onsuccess = () => {
								const rec = get.result as
									{ current: { dimensions: { id: string; weight: number }[] } } | undefined;
								open.result.close();
								done(rec?.current.dimensions.find((d) => d.id === 'usage')?.weight ?? null);
							};
						};
					})
			)
		)
		.toBe(5);
	await expect(modelB.dimensionWeight('Product usage')).toHaveValue('40'); // B missed it

	await modelB.setDimensionWeight('Financial', 35);
	await expect(b.getByText(/This model was also changed in another tab/)).toBeVisible({
		timeout: 15_000
	});
	await expect(modelB.dimensionWeight('Product usage')).toHaveValue('5');
	await expect(modelB.dimensionWeight('Financial')).toHaveValue('35');

	// Tab A heard B's save and follows it.
	await expect(modelA.dimensionWeight('Financial')).toHaveValue('35', { timeout: 15_000 });
	await expect(a.getByText(/This model was changed in another tab/)).toBeVisible();

	// A fresh tab shows both edits.
	const c = await context.newPage();
	const modelC = new ModelPage(c);
	await modelC.goto();
	await expect(modelC.dimensionWeight('Product usage')).toHaveValue('5');
	await expect(modelC.dimensionWeight('Financial')).toHaveValue('35');
});
