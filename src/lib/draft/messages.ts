/**
 * What the draft core says, as a code and its figures — never a sentence. The screen turns a
 * message into words in the UI language (`dr.<code>` in `lib/i18n/catalog/draft.ts`); a drafted
 * model's own text (its name, description, dimension names and why-notes) is worded in the
 * language the draft was asked in (`DraftInput.locale`), since it becomes the user's model.
 * Pure.
 */

/** Every message code the draft core can give; the catalog has `dr.<code>` for each. */
export const DRAFT_CODES = [
	// Notes under a draft.
	'note.few-outcomes',
	'note.no-outcome',
	'note.no-signal',
	'note.out-of-order',
	// Why a column was left out of a draft.
	'skip.many-categories',
	'skip.no-steady-link',
	'skip.not-in-dataset',
	'skip.missing-share',
	'skip.little-link',
	'skip.disguise',
	'skip.unordered-category',
	'skip.mostly-missing',
	'skip.constant',
	'skip.below-top',
	'skip.adds-nothing',
	'skip.line',
	// Why a drafted metric is there (its why-note).
	'why.plain-higher',
	'why.plain-lower',
	'why.linear-higher',
	'why.linear-lower',
	'why.category',
	'why.category-end',
	'why.higher',
	'why.lower',
	// A drafted model's name and description.
	'name',
	'desc',
	'desc.outcome',
	'desc.no-outcome',
	'desc.share',
	'desc.catch',
	// Dimension themes.
	'theme.support',
	'theme.billing',
	'theme.products',
	'theme.usage',
	'theme.relationship',
	'theme.profile',
	'theme.other',
	// Lines of a model diff.
	'diff.name',
	'diff.metric-removed',
	'diff.metric-added',
	'diff.metric-changed',
	'diff.metric-changed-kind',
	'diff.metric-changed-breaks',
	'diff.dimension-removed',
	'diff.dimension-added',
	'diff.tiers',
	'diff.tier',
	'kind.linear',
	'kind.bands',
	'kind.percentile',
	'kind.boolean',
	'kind.category',
	'kind.manual',
	'dir.higher',
	'dir.lower',
	// Why a suggested threshold or re-placement is refused.
	'refuse.order',
	'refuse.cut-empty-red',
	'refuse.cut-no-room',
	'refuse.cut-no-account',
	'refuse.cut-order',
	'refuse.no-cut',
	'refuse.no-cut-capacity',
	// A list separator (", " in English).
	'sep'
] as const;

export type DraftCode = (typeof DRAFT_CODES)[number];

/** A figure or name, a message inside a message, or a list of them (joined by `sep`). */
export type DraftParam = string | number | DraftMessage | readonly DraftMessage[];

/** A message of the draft core: its code and the names and figures the sentence is built from. */
export interface DraftMessage {
	code: DraftCode;
	params?: Record<string, DraftParam>;
}

export const msg = (code: DraftCode, params?: Record<string, DraftParam>): DraftMessage =>
	params ? { code, params } : { code };

/**
 * A message in words: `word(code, params)` says one code with plain params (a catalog lookup);
 * messages inside params are said first, lists joined by the `sep` message.
 */
export function sayWith(
	m: DraftMessage,
	word: (code: DraftCode, params?: Record<string, string | number>) => string
): string {
	if (!m.params) return word(m.code);
	const plain: Record<string, string | number> = {};
	for (const [k, v] of Object.entries(m.params))
		plain[k] =
			typeof v === 'string' || typeof v === 'number'
				? v
				: Array.isArray(v)
					? (v as readonly DraftMessage[]).map((x) => sayWith(x, word)).join(word('sep'))
					: sayWith(v as DraftMessage, word);
	return word(m.code, plain);
}
