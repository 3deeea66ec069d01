// Reads what the app saved in IndexedDB (database `health-score-workbench`), so a test can wait
// for the model autosave to land instead of sleeping past its debounce.
import type { Page } from '@playwright/test';

/** The autosaved active model as JSON text, or null while none is saved. */
export function savedActiveModel(page: Page): Promise<string | null> {
	return page.evaluate(
		() =>
			new Promise<string | null>((resolve) => {
				const open = indexedDB.open('health-score-workbench');
				open.onerror = () => resolve(null);
				open.onsuccess = () => {
					const db = open.result;
					const done = (v: string | null) => {
						db.close();
						resolve(v);
					};
					if (!db.objectStoreNames.contains('kv') || !db.objectStoreNames.contains('models'))
						return done(null);
					const tx = db.transaction(['kv', 'models'], 'readonly');
					const id = tx.objectStore('kv').get('activeModelId');
					id.onsuccess = () => {
						if (typeof id.result !== 'string') return done(null);
						const rec = tx.objectStore('models').get(id.result);
						rec.onsuccess = () =>
							done(
								rec.result ? JSON.stringify((rec.result as { current: unknown }).current) : null
							);
						rec.onerror = () => done(null);
					};
					id.onerror = () => done(null);
				};
			})
	);
}
