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
				'The pure core (model/, backtest/, sources/, draft/) stays pure: no Svelte, idb, d3 or PapaParse.'
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
		files: ['src/lib/model/**', 'src/lib/backtest/**', 'src/lib/sources/**', 'src/lib/draft/**'],
		rules: {
			'no-restricted-imports': ['error', pureCore],
			'@typescript-eslint/no-explicit-any': 'error'
		}
	}
);
