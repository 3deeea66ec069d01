/** Words for a metric's scheme kind, direction and timing in the UI language (one place for the Model screen). */
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';
import type { Metric, SchemeKind } from '$lib/model/types';

const KIND_KEYS: Record<SchemeKind, MessageKey> = {
	linear: 'mdl.kind.linear',
	bands: 'mdl.kind.bands',
	percentile: 'mdl.kind.percentile',
	boolean: 'mdl.kind.boolean',
	category: 'mdl.kind.category',
	manual: 'mdl.kind.manual'
};

/** The scheme kinds in the order the editor offers them. */
export const SCHEME_KINDS = Object.keys(KIND_KEYS) as SchemeKind[];

/** "Linear (worst → best)", "Bands"… */
export const kindLabel = (kind: SchemeKind): string => t(KIND_KEYS[kind]);

/** "linear", "bands"… (a short word, for lines and table cells). */
export const kindShort = (kind: SchemeKind): string => t(`mdl.short.${kind}`);

/** "higher" / "lower" (a table cell under "Better"). */
export const directionShort = (d: Metric['direction']): string =>
	t(d === 'higher' ? 'mdl.short.higher' : 'mdl.short.lower');

/** "higher is better" / "lower is better". */
export const directionLabel = (d: Metric['direction']): string =>
	t(d === 'higher' ? 'mdl.m.higherBetter' : 'mdl.m.lowerBetter');

/** "leading" / "lagging". */
export const timingLabel = (x: Metric['timing']): string =>
	t(x === 'leading' ? 'mdl.m.leadingLower' : 'mdl.m.laggingLower');
