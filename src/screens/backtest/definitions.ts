/**
 * Definitions of every figure on the Backtest report card (shown on hover and focus), in the UI
 * language: each `DEF.x` reads `bt.def.x` from the catalog when it is shown.
 */
import { t } from '$lib/i18n/i18n.svelte';

const KEYS = [
	'auc',
	'aucCi',
	'ks',
	'baseRate',
	'scored',
	'brier',
	'accounts',
	'churners',
	'churnRate',
	'lift',
	'accountShare',
	'churnerShare',
	'orderCheck',
	'caught',
	'falseGreen',
	'confusion',
	'decile',
	'cumChurners',
	'cumLift',
	'calibration',
	'metricAuc',
	'strength',
	'missingShare',
	'agrees',
	'deltaAuc',
	'migration',
	'movedBy',
	'cvAuc',
	'suggestedWeight',
	'redCut',
	'flaggedShare',
	'cost',
	'rolling'
] as const;

export type DefKey = (typeof KEYS)[number];

/** `DEF.auc` etc.: the definition in the current language (a getter, so markup follows a switch). */
export const DEF = Object.defineProperties(
	{},
	Object.fromEntries(KEYS.map((k) => [k, { enumerable: true, get: () => t(`bt.def.${k}`) }]))
) as Readonly<Record<DefKey, string>>;
