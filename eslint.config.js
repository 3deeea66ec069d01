import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** The pure core may not import the app: it runs in workers, in Node and in the page alike. */
const pureCore = {
	patterns: [
		{
			group: ['svelte', 'svelte/*', 'idb', 'idb/*', 'd3', 'd3-*', 'papaparse'],
			message:
				'The pure core (model/, backtest/, sources/, draft/, portfolio/) stays pure: no Svelte, idb, d3 or PapaParse.'
		},
		{
			group: [
				'**/data/**',
				'**/state/**',
				'**/screens/**',
				'**/charts/**',
				'**/ui/**',
				'**/workers/**',
				'$lib/data/*',
				'$lib/state/*',
				'$lib/ui/*',
				'$lib/charts/*',
				'$lib/workers/*'
			],
			message: 'Imports point down only: the pure core imports nothing from the app.'
		}
	]
};

/** Layering beyond the pure core: each layer imports only the layers below it. */
const layer = (names, message) => ({
	patterns: [
		{
			group: names.flatMap((n) => [`**/${n}/**`, `**/${n}`, `$lib/${n}/*`, `$lib/${n}`]),
			message
		}
	]
});

export default ts.config(
	{
		ignores: [
			'dist/',
			'dist-*/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'public/',
			'bench-results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'svelte/no-at-html-tags': 'error'
		}
	},
	{
		files: [
			'src/lib/model/**',
			'src/lib/backtest/**',
			'src/lib/sources/**',
			'src/lib/draft/**',
			'src/lib/portfolio/**'
		],
		rules: {
			'no-restricted-imports': ['error', pureCore],
			'@typescript-eslint/no-explicit-any': 'error'
		}
	},
	{
		files: ['src/lib/data/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				layer(
					['workers', 'state', 'screens', 'charts'],
					'data/ is read by workers and state, it imports neither (nor screens or charts).'
				)
			]
		}
	},
	{
		files: ['src/lib/workers/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				layer(
					['state', 'charts', 'screens'],
					'workers/ run off the page: no state, charts or screens (report to the state by messages).'
				)
			]
		}
	},
	{
		files: ['src/lib/state/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				layer(['screens'], 'state/ holds no views: screens import state, not the reverse.')
			]
		}
	}
);
