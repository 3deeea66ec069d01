/** Ready-to-ship lines in words: one place for the Validation screen and the model card. */
import type { ReadyNote } from '$lib/backtest/ready';
import { t } from '$lib/i18n/i18n.svelte';
import * as fmt from '$lib/ui/format';

/** What a ready-to-ship line measured, in the UI language (the Validation screen and the model card). */
export function readyDetail(n: ReadyNote): string {
	const p = fmt.percent;
	switch (n.code) {
		case 'red-lift':
			return t('val.ready.d.redLift', {
				tier: n.tier,
				rate: p(n.rate),
				lo: p(n.lo),
				base: p(n.base)
			});
		case 'no-tiers':
			return t('val.ready.d.noTiers');
		case 'lead':
			return t('val.ready.d.lead', {
				warned: fmt.integer(n.warned),
				churners: fmt.integer(n.churners)
			});
		case 'green-share':
			return t('val.ready.d.greenShare', {
				green: fmt.integer(n.green),
				accounts: fmt.integer(n.accounts),
				tier: n.tier
			});
		case 'too-few-tiers':
			return t('val.ready.d.tooFewTiers');
		case 'in-order':
			return t('val.ready.d.inOrder');
		case 'overlap':
			return t('val.ready.d.overlap', { pairs: fmt.integer(n.pairs) });
		case 'events':
			return t('val.ready.d.events', {
				events: fmt.integer(n.events),
				accounts: fmt.integer(n.accounts)
			});
	}
}
