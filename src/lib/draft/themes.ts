/**
 * Dimension themes from column names: a drafted model groups its metrics the way a CS team
 * talks about health (support, billing, products, usage, relationship, profile). The user can
 * rename or regroup afterwards; this only gives a sensible first grouping. Pure.
 */

/** The themes' codes; their dimension names are `dr.theme.<code>` in the draft catalog. */
export type ThemeCode =
	'support' | 'billing' | 'products' | 'usage' | 'relationship' | 'profile' | 'other';

/** A theme: its code and the name pattern that puts a column in it. */
export interface Theme {
	code: Exclude<ThemeCode, 'other'>;
	pattern: RegExp;
}

/** Themes in the order they are tried: the first match wins (TechSupport is support). */
export const THEMES: readonly Theme[] = [
	{
		code: 'support',
		pattern: /ticket|support|case|escalat|satisf|csat|nps|complain|incident|response|resolution/i
	},
	{
		code: 'billing',
		pattern:
			/charge|bill|pay|invoice|mrr|arr|revenue|price|balance|salary|amount|spend|credit|discount|cost|refund/i
	},
	{
		code: 'products',
		pattern:
			/product|service|plan|internet|phone|line|backup|security|protection|tv|movie|device|card|module|addon|add[\s_-]on/i
	},
	{
		code: 'usage',
		pattern:
			/usage|use|login|session|active|feature|seat|user|visit|click|minute|adoption|stream|event/i
	},
	{
		code: 'relationship',
		pattern: /tenure|contract|member|engag|meeting|exec|champion|since|year|month|renew|loyal/i
	},
	{
		code: 'profile',
		pattern: /age|gender|sex|geo|country|region|city|state|senior|partner|dependent|industry|size/i
	}
];

/** The theme a column belongs to, or `other`. */
export function themeOf(column: string): ThemeCode {
	return THEMES.find((t) => t.pattern.test(column))?.code ?? 'other';
}
