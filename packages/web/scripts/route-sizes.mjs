#!/usr/bin/env node
// What each page of the built web app downloads: the entry chunk and its static imports, then the
// page's lazy chunk and its static imports, read from Vite's manifest (dist/.vite/manifest.json);
// for a page behind sign-in, and for the not-found page, the signed-in route table's chunk too (the
// router loads it before it can tell those pages apart: src/app/router.tsx).
// Sizes are of the JavaScript only, as the server sends it: the x.js.gz (Zopfli) and x.js.br
// (brotli 11) files the build writes beside each chunk. A column gives zlib's level 9 too, the
// figure before the build used Zopfli, for comparison with older measurements. Prints a Markdown
// table; `--check` fails when a page is over its budget (BUDGETS below). Run
// `pnpm --filter @recertify/web build` first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(webDir, 'dist');
const routerFile = path.join(webDir, 'src/app/router.tsx');
const signedInRoutesFile = path.join(webDir, 'src/app/signed-in-routes.tsx');
const SIGNED_IN_ROUTES_KEY = 'src/app/signed-in-routes.tsx';

/**
 * Gzipped kB a page may load, as served; `pnpm verify` fails past it. /sign-in is the first page
 * most visitors open: at most 150 kB (issue 7). The libraries every page runs (React DOM, Apollo
 * Client, React Router's data router, rxjs, graphql's printer) are 139 kB of it on their own
 * (BENCHMARKS.md, "Web app sizes").
 */
const BUDGETS = { '/sign-in': 150 };

/**
 * Gzipped kB of a page's own chunks (beyond the entry). The quality dashboard is its own lazy chunk
 * of at most 100 kB, its charts included (issue 9).
 */
const PAGE_BUDGETS = { '/quality': 100, '/review/sellers/:id/quality': 100 };

const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('The manifest has no entry: is dist/ a Vite build with `build.manifest`?');
if (!manifest[SIGNED_IN_ROUTES_KEY]?.isDynamicEntry) {
  throw new Error(`${SIGNED_IN_ROUTES_KEY} is not a chunk of its own: the router is expected to import it lazily.`);
}

// The route tables name each page's module next to its path: `path: 'sign-in', lazy: page(() => import('../routes/…'))`.
function routesIn(file) {
  return [
    ...readFileSync(file, 'utf8').matchAll(/path: '([^']+)',\s*lazy: page\(\s*\(\) => import\('\.\.\/([^']+)'\)/g),
  ].map(([, urlPath, module]) => ({
    urlPath: urlPath === '*' ? '(not found)' : `/${urlPath}`,
    key: `src/${module}.tsx`,
    // Paths the public routes answer only with "not found" make the router load the signed-in table first.
    withSignedInRoutes: file === signedInRoutesFile || urlPath === '*',
  }));
}
const routes = [...routesIn(routerFile), ...routesIn(signedInRoutesFile)].sort(
  (a, b) => Number(a.urlPath === '(not found)') - Number(b.urlPath === '(not found)'),
);
const lazyPages = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry && key.startsWith('src/routes/'));
const unnamed = lazyPages.filter((key) => !routes.some((route) => route.key === key));
if (unnamed.length > 0 || routes.length === 0) {
  throw new Error(`Pages in the manifest the router file does not name: ${unnamed.join(', ') || '(no routes read)'}`);
}

const sizes = new Map();
/** The size of the file the server sends for `file` with this encoding, as the build wrote it. */
function servedSize(file, extension) {
  const served = path.join(distDir, `${file}.${extension}`);
  if (!existsSync(served)) throw new Error(`${file}.${extension} is missing: is dist/ a production build?`);
  return readFileSync(served).length;
}

function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(path.join(distDir, file));
    sizes.set(file, {
      raw: bytes.length,
      gzip: servedSize(file, 'gz'),
      zlib9: gzipSync(bytes, { level: 9 }).length,
      brotli: servedSize(file, 'br'),
    });
  }
  return sizes.get(file);
}

/** The JS files a chunk needs before it runs: itself and its static imports, transitively. */
function closure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, into);
  return into;
}

const entryFiles = closure(entryKey);
const kB = (bytes) => (bytes / 1000).toFixed(1);
const total = (files, kind) => [...files].reduce((sum, file) => sum + sizeOf(file)[kind], 0);

const rows = routes.map(({ urlPath, key, withSignedInRoutes }) => {
  const files = closure(key, new Set(entryFiles));
  if (withSignedInRoutes) closure(SIGNED_IN_ROUTES_KEY, files);
  const pageOnly = [...files].filter((file) => !entryFiles.has(file));
  return {
    urlPath,
    chunks: files.size,
    pageGzip: total(pageOnly, 'gzip'),
    gzip: total(files, 'gzip'),
    zlib9: total(files, 'zlib9'),
    brotli: total(files, 'brotli'),
    raw: total(files, 'raw'),
  };
});

console.log(
  `Entry (every page): ${entryFiles.size} chunks, ${kB(total(entryFiles, 'gzip'))} kB gzip, ` +
    `${kB(total(entryFiles, 'brotli'))} kB brotli, ${kB(total(entryFiles, 'raw'))} kB minified.\n`,
);
console.log(
  '| page | JS chunks | page chunks, gzip kB | total gzip kB | (zlib 9) | total brotli kB | total minified kB |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| \`${row.urlPath}\` | ${row.chunks} | ${kB(row.pageGzip)} | ${kB(row.gzip)} | ${kB(row.zlib9)} | ${kB(row.brotli)} | ${kB(row.raw)} |`,
  );
}

if (process.argv.includes('--check')) {
  const over = rows.filter((row) => BUDGETS[row.urlPath] !== undefined && row.gzip / 1000 > BUDGETS[row.urlPath]);
  for (const row of over) {
    console.error(`${row.urlPath} loads ${kB(row.gzip)} kB of gzipped JS; its budget is ${BUDGETS[row.urlPath]} kB.`);
  }
  const pageOver = rows.filter(
    (row) => PAGE_BUDGETS[row.urlPath] !== undefined && row.pageGzip / 1000 > PAGE_BUDGETS[row.urlPath],
  );
  for (const row of pageOver) {
    console.error(
      `${row.urlPath} adds ${kB(row.pageGzip)} kB of gzipped JS to the entry; its page budget is ${PAGE_BUDGETS[row.urlPath]} kB.`,
    );
  }
  const missing = Object.keys(PAGE_BUDGETS).filter((urlPath) => !rows.some((row) => row.urlPath === urlPath));
  if (missing.length > 0) console.error(`Pages with a budget the router does not name: ${missing.join(', ')}`);
  if (over.length > 0 || pageOver.length > 0 || missing.length > 0) process.exit(1);
}
