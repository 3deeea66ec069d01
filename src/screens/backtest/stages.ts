/**
 * The backtest worker's progress stages (English words from `workers/backtest-core`) in the UI
 * language. An unknown stage shows as it came.
 */
import { t } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/en';

const FIXED: Record<string, MessageKey> = {
	Queued: 'bt.stage.queued',
	'Selecting accounts': 'bt.stage.selecting',
	Scoring: 'bt.stage.scoring',
	'Rolling backtest': 'bt.stage.rolling'
};

export function stageText(stage: string): string {
	const key = FIXED[stage];
	if (key) return t(key);
	const boot = /^Bootstrap \(([\d,]+) resamples\)$/.exec(stage);
	return boot ? t('bt.stage.bootstrap', { n: boot[1] ?? '' }) : stage;
}
