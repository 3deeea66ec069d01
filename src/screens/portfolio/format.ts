/** Number formatting for the portfolio screens. */
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function fmtCount(n: number): string {
	return whole.format(n);
}

export function fmtShare(part: number, total: number): string {
	return total > 0 ? `${((part / total) * 100).toFixed(1)} %` : '–';
}

export function fmtMoney(n: number): string {
	return money.format(n);
}

export function fmtScore(s: number): string {
	return Number.isNaN(s) ? 'not scored' : String(s);
}
