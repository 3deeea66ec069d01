/** Formatting for the Actions screen (numbers as the worklist shows them). */
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole number, or an en dash when unknown. */
export function fmtWhole(x: number | undefined): string {
	return x === undefined || Number.isNaN(x) ? '–' : whole.format(x);
}

/** Contract value, e.g. `12,500`; en dash when unknown. */
export function fmtMoney(x: number | undefined): string {
	return x === undefined || Number.isNaN(x) ? '–' : money.format(x);
}

/** Days to renewal: `in 12 days`, `today`, `5 days ago`. */
export function fmtDays(x: number | undefined): string {
	if (x === undefined || Number.isNaN(x)) return '–';
	const d = Math.round(x);
	if (d === 0) return 'today';
	return d > 0 ? `in ${whole.format(d)} d` : `${whole.format(-d)} d ago`;
}

/** Today as ISO `YYYY-MM-DD` (local calendar day). */
export function todayIso(): string {
	const d = new Date();
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A file-name slug of a model name. */
export function slug(s: string): string {
	return (
		s
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.toLowerCase()
			.replace(/[\s_-]+/g, '-')
			.slice(0, 60) || 'model'
	);
}
