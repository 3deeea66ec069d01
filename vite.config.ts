import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
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

/**
 * Offline after one visit: a Workbox service worker (vite-plugin-pwa, generateSW) precaches the
 * app shell, every worker chunk, the icons and the manifest, and serves them cache-first. The
 * sample portfolio (public/sample/**, several MB) is NOT precached: that would download it to
 * every phone that opens only the calculator (issue 11 item 2). It is cached when the app first
 * reads it (network first, so a changed sample is picked up; the cached copy when offline) — and
 * the app keeps its data in IndexedDB anyway. 'prompt': a new version waits until the user chooses
 * "Reload" (never forced mid-session; src/lib/ui/update.svelte.ts). The app registers sw.js
 * itself (no inline script), so the CSP is unchanged: sw.js is same-origin (`worker-src 'self'`),
 * so is the manifest (`manifest-src 'self'`).
 */
function pwa() {
	return VitePWA({
		registerType: 'prompt',
		injectRegister: false,
		includeAssets: [],
		// The glob below already takes the icons; listing them twice would duplicate precache entries.
		includeManifestIcons: false,
		manifest: {
			name: 'Health Score Workbench',
			short_name: 'Health Score',
			description:
				'Design, score and backtest customer health scores in your browser. Your data never leaves it.',
			start_url: './',
			scope: './',
			display: 'standalone',
			background_color: '#ffffff',
			theme_color: '#1a7f4b',
			icons: [
				{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
				{ src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
				{ src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
				{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }
			]
		},
		workbox: {
			// Every file the build emits (whatever it is called) except the sample's; the plugin adds
			// the manifest itself.
			globPatterns: ['**/*.{html,js,mjs,css,svg,png,ico,json,wasm,txt}'],
			globIgnores: ['sample/**', 'sw.js', 'workbox-*.js'],
			// A large worker chunk must never drop silently out of the precache.
			maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
			runtimeCaching: [
				{
					urlPattern: /\/sample\//,
					handler: 'NetworkFirst',
					options: { cacheName: 'hsw-sample', networkTimeoutSeconds: 10 }
				}
			],
			navigateFallback: 'index.html',
			cleanupOutdatedCaches: true,
			clientsClaim: false,
			skipWaiting: false
		}
	});
}

export default defineConfig({
	// Relative asset URLs: the build works from any sub-path (and from file:// for most screens).
	base: './',
	plugins: [svelte(), cspMeta(), pwa()],
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
		// Worker threads, not child processes: the same 4,032 tests pass, and the model and
		// backtest files took 55-62 s against 80-84 s as forks (same loaded machine, alternated).
		pool: 'threads',
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
