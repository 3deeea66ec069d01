/** A derived-metric definition problem in the UI language, from its code and the column it names. */
import { t } from '$lib/i18n/i18n.svelte';
import type { DeriveIssue } from '$lib/data/derive';

export function issueText(i: DeriveIssue): string {
	const name = i.name ?? '';
	switch (i.code) {
		case 'unknown-column':
			return i.name ? t('mdl.dv.noColumn', { name }) : t('mdl.dv.chooseColumn');
		case 'not-date':
			return t('mdl.dv.notDate', { name });
		case 'not-number':
			return t('mdl.dv.notNumber', { name });
		case 'no-history':
			return t('mdl.dv.noHistory');
		case 'no-reference':
			return t('mdl.dv.noReference');
		case 'bad-days':
			return t('mdl.dv.badDays');
		case 'bad-scale':
			return t('mdl.dv.badScale');
		case 'bad-name':
			return i.name ? t('mdl.dv.nameTaken', { name }) : t('mdl.dv.badName');
	}
}
