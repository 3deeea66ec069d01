import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '$lib/model';
import { encodeShare } from '$lib/data/export/share/codec';
import { CalculatorState, CURRENT_ID, SHARED_ID } from './calculator.svelte';

const WORKED = {
	usage_points: 18,
	support_points: 22,
	onboarding_points: 23,
	engagement_points: 16
};

function worked(): CalculatorState {
	const calc = new CalculatorState();
	calc.chooseTemplate('four-dimensions');
	for (const [k, v] of Object.entries(WORKED)) calc.setValue(k, v);
	return calc;
}

describe('CalculatorState', () => {
	it('scores the worked example live: 79, Green, engagement the weakest (9 of 25 lost)', () => {
		const calc = worked();
		expect(calc.result.shown).toBe(79);
		expect(calc.result.tier?.name).toBe('Green');
		const weakest = calc.result.explanation.drivers[0];
		expect(weakest?.id).toBe('engagement');
		expect(weakest?.pointsLost).toBeCloseTo(9, 9);
		expect(weakest?.pointsMax).toBeCloseTo(25, 9);
	});

	it('opens on DESIGN.md’s worked example: four dimensions, 18/22/23/16 → 79, Green', () => {
		const calc = new CalculatorState();
		expect(calc.templateId).toBe('four-dimensions');
		expect({ ...calc.values }).toEqual(WORKED);
		expect(calc.isExample).toBe(true);
		expect(calc.result.shown).toBe(79);
		expect(calc.result.tier?.name).toBe('Green');
	});

	it('clear empties the form; "start from the worked example" brings it back from any template', () => {
		const calc = new CalculatorState();
		calc.clear();
		expect(calc.isExample).toBe(false);
		expect(calc.result.isScored).toBe(false);
		calc.chooseTemplate('usage-led-saas');
		calc.startFromExample();
		expect(calc.templateId).toBe('four-dimensions');
		expect({ ...calc.values }).toEqual(WORKED);
		expect(calc.result.shown).toBe(79);
		calc.setValue('engagement_points', 25);
		expect(calc.isExample).toBe(false);
	});

	it('an empty form is not scored; blank text and NaN count as missing', () => {
		const calc = new CalculatorState();
		calc.chooseTemplate('four-dimensions');
		calc.clear();
		calc.setValue('usage_points', Number.NaN);
		calc.setValue('support_points', '');
		expect(calc.result.isScored).toBe(false);
		expect(calc.values).toEqual({ usage_points: null, support_points: null });
	});

	it('a good link replaces model and inputs; the template is recognised', async () => {
		const code = await encodeShare({ v: 1, model: TEMPLATES[0]!.model, values: { ...WORKED } });
		const calc = new CalculatorState();
		calc.chooseTemplate('usage-led-saas');
		expect(await calc.openShare(code)).toBe(true);
		expect(calc.templateId).toBe(TEMPLATES[0]!.id);
		expect(calc.result.shown).toBe(79);
		expect(calc.linkError).toBeNull();
	});

	it('a link with an edited model opens as "shared" and is offered in the picker', async () => {
		const model = { ...TEMPLATES[0]!.model, name: 'Our tweak' };
		const calc = new CalculatorState();
		expect(await calc.openShare(await encodeShare({ v: 1, model, values: {} }))).toBe(true);
		expect(calc.templateId).toBe(SHARED_ID);
		expect(calc.templateOptions.at(-1)).toEqual({ id: SHARED_ID, name: 'Shared: Our tweak' });
	});

	it.each([
		['damaged', 'not-a-link'],
		['oversized', 'A'.repeat(9000)]
	])('a %s link changes nothing but the message', async (_name, code) => {
		const calc = worked();
		const before = { id: calc.templateId, model: calc.model, values: { ...calc.values } };
		expect(await calc.openShare(code)).toBe(false);
		expect(calc.linkError).toMatch(/Nothing was changed\.$/);
		expect({ id: calc.templateId, model: calc.model, values: { ...calc.values } }).toEqual(before);
		expect(calc.result.shown).toBe(79);
	});

	it('makeShareLink round-trips through openShare, dropping blank inputs', async () => {
		const calc = worked();
		calc.setValue('extra', null);
		const link = await calc.makeShareLink('http://localhost/tools/health/#/calculator');
		const code = link.split('?s=')[1]!;
		const other = new CalculatorState();
		expect(await other.openShare(code)).toBe(true);
		expect({ ...other.values }).toEqual(WORKED);
	});
});

describe('the current model in the calculator', () => {
	it('is offered as "Your model", scores with it, and its share link carries it', async () => {
		const mine = { ...structuredClone(TEMPLATES[1]!.model), id: 'draft_bank', name: 'Bank draft' };
		const calc = new CalculatorState(() => mine);
		expect(calc.templateOptions[0]).toEqual({ id: CURRENT_ID, name: 'Your model: Bank draft' });
		calc.chooseTemplate(CURRENT_ID);
		expect(calc.model.name).toBe('Bank draft');
		const link = await calc.makeShareLink('https://example.test/#/calculator');
		const other = new CalculatorState();
		expect(await other.openShare(link.split('s=')[1]!)).toBe(true);
		expect(other.model.name).toBe('Bank draft');
		expect(new CalculatorState().templateOptions.some((t) => t.id === CURRENT_ID)).toBe(false);
	});
});
