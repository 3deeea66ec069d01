import { describe, expect, it } from 'vitest';
import { migrateModel, readSchemaVersion } from './migrate';
import { dimension, metric, model } from './testing/models';
import type { Model, ValidationIssue } from './types';
import { validateModel } from './validate';

const base = (): Model =>
	model([
		dimension('usage', [metric('seats'), metric('logins')]),
		dimension('support', [
			metric('tickets', { direction: 'lower', scheme: { kind: 'linear', worst: 10, best: 0 } })
		])
	]);

/** Deep-cloned base model with a mutation applied, as untrusted JSON. */
function mutated(f: (m: Model) => void): unknown {
	const m = structuredClone(base());
	f(m);
	return JSON.parse(JSON.stringify(m)) as unknown;
}

function issues(json: unknown): ValidationIssue[] {
	const r = validateModel(json);
	// The English words and the path (the codes are checked in i18n/model-issue-text.test.ts).
	return r.ok ? [] : r.issues.map(({ path, message }) => ({ path, message }));
}

const m0 = (m: Model) => m.dimensions[0]!.metrics[0]!;

describe('validateModel', () => {
	it('accepts a valid model and returns an equal copy', () => {
		const r = validateModel(JSON.parse(JSON.stringify(base())));
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.model).toEqual(base());
	});

	it.each<[string, (m: Model) => void, string, string]>([
		[
			'linear best = worst',
			(m) => (m0(m).scheme = { kind: 'linear', worst: 5, best: 5 }),
			'dimensions[0].metrics[0].scheme.best',
			'must differ from worst'
		],
		[
			'linear higher with best < worst',
			(m) => (m0(m).scheme = { kind: 'linear', worst: 5, best: 1 }),
			'dimensions[0].metrics[0].scheme.best',
			'must be above worst when higher is better'
		],
		[
			'linear lower with best > worst',
			(m) => (m.dimensions[1]!.metrics[0]!.scheme = { kind: 'linear', worst: 0, best: 10 }),
			'dimensions[1].metrics[0].scheme.best',
			'must be below worst when lower is better'
		],
		[
			'negative metric weight',
			(m) => (m0(m).weight = -1),
			'dimensions[0].metrics[0].weight',
			'must be ≥ 0'
		],
		[
			'negative dimension weight',
			(m) => (m.dimensions[1]!.weight = -2),
			'dimensions[1].weight',
			'must be ≥ 0'
		],
		[
			'all dimension weights zero',
			(m) => m.dimensions.forEach((d) => (d.weight = 0)),
			'dimensions',
			'at least one dimension needs a weight above 0'
		],
		[
			'weighted dimension with zero metric weights',
			(m) => (m.dimensions[1]!.metrics[0]!.weight = 0),
			'dimensions[1].metrics',
			'a dimension with weight above 0 needs a metric with weight above 0'
		],
		[
			'duplicate metric id',
			(m) => (m.dimensions[1]!.metrics[0]!.id = 'seats'),
			'dimensions[1].metrics[0].id',
			'duplicate id "seats"'
		],
		[
			'duplicate dimension id',
			(m) => (m.dimensions[1]!.id = 'usage'),
			'dimensions[1].id',
			'duplicate id "usage"'
		],
		[
			'metric id equal to a dimension id',
			(m) => (m0(m).id = 'support'),
			'dimensions[1].id',
			'duplicate id "support"'
		],
		[
			'bad id',
			(m) => (m0(m).id = 'Seats'),
			'dimensions[0].metrics[0].id',
			'must be a lowercase id: a letter, then letters, digits or _ (≤ 64)'
		],
		[
			'bands not increasing',
			(m) =>
				(m0(m).scheme = {
					kind: 'bands',
					bands: [
						{ upTo: 5, points: 0 },
						{ upTo: 5, points: 50 },
						{ upTo: null, points: 100 }
					]
				}),
			'dimensions[0].metrics[0].scheme.bands[1].upTo',
			'must be above the previous band'
		],
		[
			'bands last not open',
			(m) =>
				(m0(m).scheme = {
					kind: 'bands',
					bands: [
						{ upTo: 5, points: 0 },
						{ upTo: 9, points: 50 }
					]
				}),
			'dimensions[0].metrics[0].scheme.bands[1].upTo',
			'the last band must be open (null)'
		],
		[
			'bands null before last',
			(m) =>
				(m0(m).scheme = {
					kind: 'bands',
					bands: [
						{ upTo: null, points: 0 },
						{ upTo: null, points: 50 }
					]
				}),
			'dimensions[0].metrics[0].scheme.bands[0].upTo',
			'only the last band may be open (null)'
		],
		[
			'band points > 100',
			(m) => (m0(m).scheme = { kind: 'bands', bands: [{ upTo: null, points: 101 }] }),
			'dimensions[0].metrics[0].scheme.bands[0].points',
			'must be ≤ 100'
		],
		[
			'boolean points < 0',
			(m) => (m0(m).scheme = { kind: 'boolean', truePoints: 100, falsePoints: -1 }),
			'dimensions[0].metrics[0].scheme.falsePoints',
			'must be ≥ 0'
		],
		[
			'category points > 100',
			(m) =>
				(m0(m).scheme = {
					kind: 'category',
					map: [{ value: 'a', points: 120 }],
					otherPoints: null
				}),
			'dimensions[0].metrics[0].scheme.map[0].points',
			'must be ≤ 100'
		],
		[
			'category other points > 100',
			(m) => (m0(m).scheme = { kind: 'category', map: [], otherPoints: 101 }),
			'dimensions[0].metrics[0].scheme.otherPoints',
			'must be ≤ 100'
		],
		[
			'duplicate category',
			(m) =>
				(m0(m).scheme = {
					kind: 'category',
					map: [
						{ value: 'a', points: 1 },
						{ value: 'a', points: 2 }
					],
					otherPoints: null
				}),
			'dimensions[0].metrics[0].scheme.map[1].value',
			'duplicate category "a"'
		],
		[
			'manual max 0',
			(m) => (m0(m).scheme = { kind: 'manual', max: 0 }),
			'dimensions[0].metrics[0].scheme.max',
			'must be above 0'
		],
		[
			'unknown scheme',
			(m) => ((m0(m).scheme as unknown as { kind: string }).kind = 'magic'),
			'dimensions[0].metrics[0].scheme.kind',
			'must be a known scheme kind'
		],
		[
			'tiers not decreasing',
			(m) => (m.tiers[1]!.min = 80),
			'tiers[1].min',
			'must be below the previous tier'
		],
		[
			'last tier not 0',
			(m) => (m.tiers[2]!.min = 10),
			'tiers[2].min',
			'the last tier must start at 0'
		],
		['tier min > 100', (m) => (m.tiers[0]!.min = 101), 'tiers[0].min', 'must be ≤ 100'],
		['tier colour', (m) => (m.tiers[0]!.color = 'green'), 'tiers[0].color', 'must be #rrggbb'],
		['duplicate tier id', (m) => (m.tiers[1]!.id = 'green'), 'tiers[1].id', 'duplicate id "green"'],
		['minCoverage > 1', (m) => (m.minCoverage = 1.5), 'minCoverage', 'must be ≤ 1'],
		['minCoverage < 0', (m) => (m.minCoverage = -0.1), 'minCoverage', 'must be ≥ 0'],
		['no dimensions', (m) => (m.dimensions = []), 'dimensions', 'must have at least 1 item'],
		['no tiers', (m) => (m.tiers = []), 'tiers', 'must have at least 1 item'],
		['name too long', (m) => (m.name = 'x'.repeat(201)), 'name', 'must be at most 200 characters'],
		['empty name', (m) => (m.name = ''), 'name', 'must not be empty'],
		[
			'string weight',
			(m) => ((m0(m) as unknown as { weight: string }).weight = '1'),
			'dimensions[0].metrics[0].weight',
			'must be a number'
		],
		[
			'bad direction',
			(m) => ((m0(m) as unknown as { direction: string }).direction = 'up'),
			'dimensions[0].metrics[0].direction',
			'must be higher or lower'
		],
		['floor > 100', (m) => (m.dimensions[0]!.floor = 120), 'dimensions[0].floor', 'must be ≤ 100'],
		[
			'override unknown id',
			(m) =>
				(m.segments = {
					column: 'seg',
					overrides: [{ value: 'smb', weights: [{ id: 'nope', weight: 1 }] }]
				}),
			'segments.overrides[0].weights[0].id',
			'no dimension or metric "nope"'
		],
		[
			'override all-zero',
			(m) =>
				(m.segments = {
					column: 'seg',
					overrides: [
						{
							value: 'smb',
							weights: [
								{ id: 'usage', weight: 0 },
								{ id: 'support', weight: 0 }
							]
						}
					]
				}),
			'segments.overrides[0].weights',
			'in this segment, at least one dimension needs a weight above 0'
		],
		[
			'override duplicate value',
			(m) => (m.segments = { column: 'seg', overrides: [{ value: 'a' }, { value: 'a' }] }),
			'segments.overrides[1].value',
			'duplicate segment value'
		],
		[
			'override tiers',
			(m) =>
				(m.segments = {
					column: 'seg',
					overrides: [
						{ value: 'a', tiers: [{ id: 'x', name: 'X', min: 5, color: '#000000', action: '' }] }
					]
				}),
			'segments.overrides[0].tiers[0].min',
			'the last tier must start at 0'
		],
		[
			'playbook unknown tier',
			(m) =>
				(m.playbooks = [
					{ id: 'p', trigger: { tier: 'blue' }, action: 'a', owner: 'o', dueDays: 3 }
				]),
			'playbooks[0].trigger.tier',
			'no tier "blue"'
		],
		[
			'too many dimensions',
			(m) =>
				(m.dimensions = Array.from({ length: 51 }, (_, i) =>
					dimension(`d${i}`, [metric(`m${i}`)])
				)),
			'dimensions',
			'must have at most 50 items'
		],
		[
			'too many category entries',
			(m) =>
				(m0(m).scheme = {
					kind: 'category',
					map: Array.from({ length: 501 }, (_, i) => ({ value: `v${i}`, points: 1 })),
					otherPoints: null
				}),
			'dimensions[0].metrics[0].scheme.map',
			'must have at most 500 items'
		],
		[
			'too many tiers',
			(m) =>
				(m.tiers = Array.from({ length: 21 }, (_, i) => ({
					id: `t${i}`,
					name: 't',
					min: 20 - i,
					color: '#000000',
					action: ''
				}))),
			'tiers',
			'must have at most 20 items'
		]
	])('rejects %s', (_name, f, path, message) => {
		expect(issues(mutated(f))).toContainEqual({ path, message });
	});

	it.each([
		['NaN', NaN, 'must be a number'],
		['Infinity', Infinity, 'must be a finite number'],
		['-Infinity', -Infinity, 'must be a finite number']
	])('rejects a non-finite number (%s) in a JS object', (_n, x, message) => {
		const m = base();
		m0(m).weight = x;
		expect(issues(m)).toContainEqual({
			path: 'dimensions[0].metrics[0].weight',
			message
		});
	});

	it('accepts segments, override tiers and playbooks on tiers (also override tiers) and flags', () => {
		const m = base();
		m.description = 'd';
		m.dimensions[0]!.floor = 40;
		m.segments = {
			column: 'segment',
			overrides: [
				{
					value: 'Enterprise',
					weights: [
						{ id: 'usage', weight: 2 },
						{ id: 'tickets', weight: 0.5 }
					],
					tiers: [
						{ id: 'fine', name: 'Fine', min: 60, color: '#112233', action: '' },
						{ id: 'poor', name: 'Poor', min: 0, color: '#445566', action: '' }
					]
				}
			]
		};
		m.playbooks = [
			{ id: 'p1', trigger: { tier: 'poor' }, action: 'call', owner: 'CSM', dueDays: 7 },
			{ id: 'p2', trigger: { tier: 'red' }, action: 'escalate', owner: 'VP', dueDays: 2 },
			{
				id: 'p3',
				trigger: { flag: 'dimension-below-floor' },
				action: 'fix',
				owner: 'CSM',
				dueDays: 14
			}
		];
		const r = validateModel(JSON.parse(JSON.stringify(m)));
		expect(r).toEqual({ ok: true, model: m });
	});

	it.each([null, 42, 'model', [], undefined])(
		'rejects non-object input %j without throwing',
		(json) => {
			expect(validateModel(json).ok).toBe(false);
		}
	);

	it('reports a newer schemaVersion as a single issue', () => {
		expect(issues({ ...base(), schemaVersion: 7 })).toEqual([
			{ path: 'schemaVersion', message: 'saved by a newer version (7); this app reads up to 1' }
		]);
	});

	it('rejects an older version with no migration path', () => {
		expect(issues({ ...base(), schemaVersion: 0 })).toContainEqual({
			path: 'schemaVersion',
			message: 'must be 1'
		});
	});

	it('drops unknown keys and is prototype-pollution safe', () => {
		const text = JSON.stringify(base()).replace(/^\{/, '{"__proto__":{"polluted":1},"extra":1,');
		const r = validateModel(JSON.parse(text));
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(Object.hasOwn(r.model, '__proto__')).toBe(false);
		expect(Object.keys(r.model)).not.toContain('extra');
		expect(Object.getPrototypeOf(r.model)).toBe(Object.prototype);
		expect((r.model as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
	});

	it('never throws on a hostile getter', () => {
		const hostile = { ...base() };
		Object.defineProperty(hostile, 'name', {
			enumerable: true,
			get() {
				throw new Error('boom');
			}
		});
		const r = validateModel(hostile);
		expect(r.ok).toBe(false);
	});
});

describe('migrateModel', () => {
	it('is the identity at the current version and does not copy', () => {
		const m = base();
		expect(migrateModel(m)).toBe(m);
	});
	it.each([null, 3, { schemaVersion: 'x' }, { schemaVersion: 0 }, { schemaVersion: 2 }])(
		'returns %j unchanged when it cannot migrate',
		(json) => expect(migrateModel(json)).toBe(json)
	);
	it.each<[unknown, number | null]>([
		[{ schemaVersion: 1 }, 1],
		[{ schemaVersion: 1.5 }, null],
		[[1], null],
		[null, null]
	])('reads the schema version of %j', (json, v) => expect(readSchemaVersion(json)).toBe(v));
});
