/**
 * Plain words for features, the grid and the outcome, e.g.
 * "Tickets, last 90 days = count of support-tickets rows with `submitted_at` in (T − 90 d, T]".
 */
import type { AsOfGrid, FeatureSpec, Recipe, SourceSpec } from './types';

function window(days: number | null | undefined): string {
	return days == null ? '≤ T (all history)' : `in (T − ${days} d, T]`;
}

function filterText(f: FeatureSpec): string {
	if (f.kind !== 'event' || !f.filter) return '';
	const vals = f.filter.values.map((v) => `"${v}"`);
	return vals.length === 1
		? ` and \`${f.filter.column}\` = ${vals[0]}`
		: ` and \`${f.filter.column}\` in ${vals.join(', ')}`;
}

/** One feature in plain words (the recipe supplies the source's date column names). */
export function describeFeature(f: FeatureSpec, recipe?: Recipe): string {
	const src: SourceSpec | undefined = recipe?.sources.find((s) => s.name === f.source);
	const dateCol = src ? (src.grain === 'period' ? src.start : src.time) : null;
	const dated = dateCol ? `\`${dateCol}\`` : 'date';
	const head = `${f.name} = `;
	if (f.kind === 'event') {
		const rows = `${f.source} rows with ${dated} ${window(f.days)}${filterText(f)}`;
		const col = f.column ? `\`${f.column}\`` : '';
		switch (f.agg) {
			case 'count':
				return `${head}count of ${rows}`;
			case 'sum':
				return `${head}sum of ${col} over ${rows} (0 when none)`;
			case 'mean':
				return `${head}mean of ${col} over ${rows}`;
			case 'min':
				return `${head}smallest ${col} over ${rows}`;
			case 'max':
				return `${head}largest ${col} over ${rows}`;
			case 'distinct':
				return `${head}number of distinct ${col} values over ${rows}`;
			case 'last':
				return `${head}${col} of the latest of ${rows} (same day: the largest value)`;
			case 'days-since-last':
				return `${head}days from the latest of ${rows} to T`;
			case 'days-since-first':
				return `${head}days from the earliest of ${rows} to T`;
		}
	}
	if (f.kind === 'period') {
		const end = src?.end ? `\`${src.end}\`` : 'end';
		const covers = `${f.source} periods with ${dated} ≤ T and (${end} blank or after T)`;
		switch (f.measure) {
			case 'active':
				return `${head}1 when some of the ${covers}, else 0`;
			case 'value':
				return f.combine === 'sum'
					? `${head}sum of \`${f.column}\` over ${covers} (0 when none)`
					: `${head}\`${f.column}\` of the latest-starting of ${covers}`;
			case 'tenure':
				return `${head}days from the first ${f.source} ${dated} ≤ T to T`;
			case 'days-to-renewal':
				return `${head}days from T to the nearest ${end} of ${covers} (uses ${end} as a scheduled renewal date: right only if it was known at T)`;
			case 'changes':
				return `${head}number of ${f.source} periods with ${dated} ${window(f.days)} whose \`${f.column}\` is ${f.direction === 'down' ? 'below' : 'above'} the account's previous period's`;
		}
	}
	if (f.kind === 'snapshot')
		return `${head}\`${f.column}\` of the latest ${f.source} row with ${dated} ≤ T (same day: the largest value)`;
	return `${head}\`${f.column}\` of the account in ${f.source} (the same at every T)`;
}

/** The grid in plain words. */
export function describeGrid(grid: AsOfGrid): string {
	switch (grid.kind) {
		case 'monthly':
			return `Every month ${grid.anchor === 'month-end' ? 'end' : 'start'} from ${grid.from} to ${grid.to}`;
		case 'weekly':
			return `Every 7 days from ${grid.from} to ${grid.to}`;
		case 'snapshot-dates':
			return `The snapshot dates of ${grid.source}`;
		case 'dates':
			return `${grid.dates.length} chosen date${grid.dates.length === 1 ? '' : 's'}`;
	}
}

/** How churn and reactivation are counted, in plain words (shown beside the outcome). */
export function describeOutcome(recipe: Recipe): string {
	const o = recipe.outcome;
	if (o.kind === 'none') return 'No outcome: the table can be scored but not backtested.';
	const base =
		o.kind === 'churn-log'
			? `An account churns on each \`${o.column}\` date of ${o.source}.`
			: `An account churns when its ${o.source} periods stop: periods are joined when the next starts within ${o.graceDays} day${o.graceDays === 1 ? '' : 's'} of the end of the last, and the end of a run of periods on or before the end of the data is a churn on that day.`;
	const rows =
		' An account is described at each as-of date T from its start (the account list’s start date, or its first dated row) while T is before its churn date; the backtest’s label is “churned in (T, T + horizon]”.';
	const re =
		o.reactivation === 'none'
			? ' The first churn is final: anything the account does afterwards is not counted.'
			: o.kind === 'churn-log'
				? ' An account that comes back after churning (a dated row in any other source after the churn date) starts a new life on that day, shown with its id followed by “#2”, “#3”…: each life is scored, labelled and counted once, and its features still read the account’s whole history.'
				: ' An account whose periods start again after a churn starts a new life on that start date, shown with its id followed by “#2”, “#3”…: each life is scored, labelled and counted once, and its features still read the account’s whole history.';
	return base + rows + re;
}
