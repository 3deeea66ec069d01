// Static server for the built site: serves dist/ at `/` and again under a sub-path
// (`/tools/health/`), so browser tests prove the build works from any sub-path.
// Loopback only. Usage: node scripts/serve.mjs [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(process.env.OUT_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)));
const SUB_PATH = '/tools/health/';
const PORT = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8'
};

createServer(async (req, res) => {
	let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
	if (path.startsWith(SUB_PATH)) path = '/' + path.slice(SUB_PATH.length);
	else if (path === SUB_PATH.slice(0, -1)) {
		res.writeHead(301, { location: SUB_PATH }).end();
		return;
	}
	if (path.endsWith('/')) path += 'index.html';
	const file = normalize(join(ROOT, path));
	if (!file.startsWith(ROOT)) {
		res.writeHead(403).end();
		return;
	}
	try {
		if (!(await stat(file)).isFile()) throw new Error('not a file');
		const body = await readFile(file);
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
			// Lets benchmarks use SharedArrayBuffer / threaded wasm; harmless for the app.
			'cross-origin-opener-policy': 'same-origin',
			'cross-origin-embedder-policy': 'require-corp'
		});
		res.end(body);
	} catch {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
	}
}).listen(PORT, '127.0.0.1', () => {
	console.log(`Health Score Workbench: http://localhost:${PORT}/  (also ${SUB_PATH})`);
});
