import { describe, expect, it } from 'vitest';
import {
	chartFileName,
	escapeXml,
	inlineComputedStyles,
	rasterSize,
	standaloneSvg,
	type StylableElement
} from './chart-image';

/** A tiny element tree with attributes, for the walker. */
class FakeEl implements StylableElement {
	attrs = new Map<string, string>();
	constructor(
		readonly tagName: string,
		readonly children: FakeEl[] = [],
		readonly computed: Record<string, string> = {},
		attrs: Record<string, string> = {}
	) {
		for (const [k, v] of Object.entries(attrs)) this.attrs.set(k, v);
	}
	setAttribute(n: string, v: string) {
		this.attrs.set(n, v);
	}
	removeAttribute(n: string) {
		this.attrs.delete(n);
	}
}

function tree(): FakeEl {
	return new FakeEl(
		'svg',
		[
			new FakeEl(
				'rect',
				[],
				{ fill: 'rgb(46, 125, 50)', opacity: '0.1', 'font-size': '16px' },
				{
					class: 'band'
				}
			),
			new FakeEl('text', [], {
				fill: 'rgb(90, 90, 90)',
				'font-size': '12px',
				'font-family': 'system-ui, "Segoe UI"',
				'text-anchor': 'middle',
				stroke: 'none'
			})
		],
		{ 'font-family': 'system-ui', 'font-size': '16px', fill: 'rgb(0, 0, 0)' },
		{ class: 'chart', tabindex: '0', role: 'group' }
	);
}

describe('inlineComputedStyles', () => {
	it('copies computed styles onto the clone only, skips initial values and fonts on shapes', () => {
		const source = tree();
		const clone = tree();
		inlineComputedStyles(source, clone, (el) => ({
			getPropertyValue: (p) => (el as FakeEl).computed[p] ?? ''
		}));
		expect(Object.fromEntries(clone.attrs)).toEqual({
			role: 'group',
			'font-family': 'system-ui',
			'font-size': '16px',
			fill: 'rgb(0, 0, 0)'
		});
		expect(Object.fromEntries(clone.children[0]!.attrs)).toEqual({
			fill: 'rgb(46, 125, 50)',
			opacity: '0.1'
		});
		expect(Object.fromEntries(clone.children[1]!.attrs)).toEqual({
			fill: 'rgb(90, 90, 90)',
			'font-size': '12px',
			'font-family': 'system-ui, "Segoe UI"',
			'text-anchor': 'middle'
		});
		// The live chart keeps its classes.
		expect(source.attrs.get('class')).toBe('chart');
		expect(source.children[0]!.attrs.size).toBe(1);
	});
});

describe('standaloneSvg', () => {
	it('adds the declaration, namespace, size, title and background', () => {
		const out = standaloneSvg(
			'<svg viewBox="0 0 640 260" width="640" height="260" role="group"><rect x="1"/></svg>',
			{ width: 640, height: 260, background: 'rgb(255, 255, 255)', title: 'Scores <A & B>' }
		);
		expect(out).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n' +
				'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 260" role="group" width="640" height="260">' +
				'<title>Scores &lt;A &amp; B&gt;</title>' +
				'<rect x="0" y="0" width="100%" height="100%" fill="rgb(255, 255, 255)"/>' +
				'<rect x="1"/></svg>'
		);
	});

	it('keeps an existing namespace and handles a self-closing root', () => {
		expect(
			standaloneSvg('<svg xmlns="http://www.w3.org/2000/svg" width=\'3\'/>', {
				width: 10.4,
				height: 0
			})
		).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="1"></svg>'
		);
		expect(() => standaloneSvg('<div></div>', { width: 1, height: 1 })).toThrow();
	});
});

describe('helpers', () => {
	it('escapes XML', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'
		);
	});
	it('doubles the raster size and caps the long side', () => {
		expect(rasterSize(640, 260)).toEqual({ width: 1280, height: 520 });
		expect(rasterSize(4000, 1000, 2, 4096)).toEqual({ width: 4096, height: 1024 });
	});
	it('makes safe file names', () => {
		expect(chartFileName('Score histogram', 'Usage-led SaaS / v2', 'png')).toBe(
			'score-histogram-usage-led-saas-v2.png'
		);
		expect(chartFileName('', '../../', 'svg')).toBe('chart.svg');
	});
});
