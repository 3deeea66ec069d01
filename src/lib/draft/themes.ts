/**
 * Dimension themes from column names: a drafted model groups its metrics the way a CS team
 * talks about health (support, billing, products, usage, relationship, profile). The user can
 * rename or regroup afterwards; this only gives a sensible first grouping. Pure.
 */

/** A theme: its dimension name and the name pattern that puts a column in it. */
export interface Theme {
	name: string;
	pattern: RegExp;
}

/** Themes in the order they are tried: the first match wins (TechSupport is support). */
export const THEMES: readonly Theme[] = [
	{
		name: 'Support',
		pattern: /ticket|support|case|escalat|satisf|csat|nps|complain|incident|response|resolution/i
	},
	{
		name: 'Billing',
		pattern:
			/charge|bill|pay|invoice|mrr|arr|revenue|price|balance|salary|amount|spend|credit|discount|cost|refund/i
	},
	{
		name: 'Products and services',
		pattern:
			/product|service|plan|internet|phone|line|backup|security|protection|tv|movie|device|card|module|addon|add[\s_-]on/i
	},
	{
		name: 'Usage',
		pattern:
			/usage|use|login|session|active|feature|seat|user|visit|click|minute|adoption|stream|event/i
	},
	{
		name: 'Relationship',
		pattern: /tenure|contract|member|engag|meeting|exec|champion|since|year|month|renew|loyal/i
	},
	{
		name: 'Profile',
		pattern: /age|gender|sex|geo|country|region|city|state|senior|partner|dependent|industry|size/i
	}
];

/** The theme a column belongs to, or `Other signals`. */
export function themeOf(column: string): string {
	return THEMES.find((t) => t.pattern.test(column))?.name ?? 'Other signals';
}
