import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

/**
 * Strict CSP for the built page only: the dev server injects inline styles and HMR scripts.
 * A meta tag, because static hosts such as GitHub Pages cannot set headers. frame-ancestors,
 * report-uri and sandbox are ignored in a meta tag, so they are left out.
 */
const CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data: blob:",
	"font-src 'self'",
	"connect-src 'self'",
	"worker-src 'self'",
	"manifest-src 'self'",
	"base-uri 'none'",
	"form-action 'none'",
	"object-src 'none'"
].join('; ');

function cspMeta(): Plugin {
	return {
		name: 'csp-meta',
		apply: 'build',
		transformIndexHtml: {
			order: 'post',
			handler(html) {
				return html.replace(
					/<head>/i,
					`<head>\n\t\t<meta http-equiv="Content-Security-Policy" content="${CSP}" />`
				);
			}
		}
	};
}

export default defineConfig({
	// Relative asset URLs: the build works from any sub-path (and from file:// for most screens).
	base: './',
	plugins: [svelte(), cspMeta()],
	resolve: {
		alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) }
	},
	worker: { format: 'es' },
	build: {
		target: 'es2022',
		// OUT_DIR lets parallel test runs build side by side without clobbering dist/.
		outDir: process.env.OUT_DIR ?? 'dist',
		// Inline assets would need data: in more directives; keep every asset a file.
		assetsInlineLimit: 0
	},
	preview: { port: 4173, strictPort: true },
	test: {
		environment: 'node',
		setupFiles: ['fake-indexeddb/auto'],
		testTimeout: 30_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['**/node_modules/**', 'src/**/*.wiring.test.ts']
				}
			},
			{
				// Rune wiring (`$effect.root`, `$effect`): Node globals, but Svelte's client runtime,
				// so effects really run (the server runtime the other tests get never runs them).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'wiring',
					include: ['src/**/*.wiring.test.ts'],
					environment: './tests/svelte-client-env.ts',
					server: { deps: { inline: [/[\\/]node_modules[\\/]svelte[\\/]/] } }
				}
			}
		]
	}
});
