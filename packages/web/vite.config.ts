import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipAsync } from '@gfx/zopfli';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

/**
 * Libraries only some pages load, kept out of the shared vendor chunk: @date-fns/tz (the domain's
 * calendar) and the quality dashboard's charts (visx, the d3 modules it bundles, and what @visx/text
 * pulls in to measure labels).
 */
const PAGE_ONLY_LIBRARIES =
  /[\\/]node_modules[\\/](?:@date-fns|@visx|d3-[a-z-]+|internmap|classnames|reduce-css-calc|reduce-function-call|math-expression-evaluator|balanced-match)[\\/]/;

const apiTarget = process.env['API_URL'] ?? 'http://127.0.0.1:4000';

/**
 * React Router's production build: the package ships it (dist/production) but its `exports` name
 * only the development build, whose developer warnings and their messages stay in a production
 * bundle (remix-run/react-router#12532, #14102: "intended to be temporary"). The two builds differ in
 * one constant, `ENABLE_DEV_WARNINGS`. Used by `vite build` only: development and tests keep the
 * warnings. 0.6 kB gzipped in every page.
 */
const reactRouterProduction = path.join(
  path.dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

/**
 * React Router's production module without the `X.displayName = "…"` statements at its top level,
 * and with its `forwardRef` calls marked pure. Those assignments are writes to the components'
 * objects, which a bundler keeps whether or not anything uses the component: they keep `<Form>`,
 * `<ScrollRestoration>` and the framework-mode code they call in every page, although the app
 * renders neither. Declaring every property write free of effects (Rolldown's
 * `propertyWriteSideEffects: false`) would drop them too but is unsafe for the whole bundle (it
 * drops writes to objects that are used); this drops exactly these statements, in this one file.
 * `displayName` is read by React DevTools and development warnings only: in production, DevTools
 * names `Link` `ForwardRef(LinkWithRef)`, and nothing else changes. 1.3 kB gzipped in every page.
 * A React Router whose module no longer has this shape fails the build here rather than growing
 * unnoticed.
 */
function reactRouterWithoutDisplayNames(): Plugin {
  const routerModule = /[\\/]react-router[\\/]dist[\\/]production[\\/]chunk-\w+\.mjs$/;
  return {
    name: 'recertify:react-router-without-display-names',
    apply: 'build',
    transform(code, id) {
      if (!routerModule.test(id) || !code.includes('var Link = ')) return null;
      let names = 0;
      let pure = 0;
      const rewritten = code
        // Emptied, not removed: the lines stay where they were, so the source map still holds.
        .replace(/^[A-Za-z_$][\w$]*\.displayName = "[^"\n]*";$/gm, () => {
          names += 1;
          return '';
        })
        .replace(/= (React\d*)\.forwardRef\(/g, (_match, react: string) => {
          pure += 1;
          return `= /* @__PURE__ */ ${react}.forwardRef(`;
        });
      if (names === 0 || pure === 0) {
        this.error(`${id}: no displayName statements or forwardRef calls found; React Router's build changed shape.`);
      }
      return { code: rewritten, map: null };
    },
  };
}

/**
 * Zopfli writes standard gzip (every browser and proxy decodes it) 3 to 4 % smaller than zlib's
 * level 9, at the cost of seconds at build time, once: the assets never change after the build.
 */
const zopfliGzip = defineAlgorithm(async (input) => {
  const bytes =
    typeof input === 'string'
      ? Buffer.from(input)
      : ArrayBuffer.isView(input)
        ? Buffer.from(input.buffer, input.byteOffset, input.byteLength)
        : Buffer.from(input);
  return Buffer.from(await gzipAsync(bytes, { numiterations: 15 }));
}, {});

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    reactRouterWithoutDisplayNames(),
    // Writes x.js.gz (gzip by Zopfli) and x.js.br (brotli 11) beside each asset; the server sends the
    // one the browser accepts (express-static-gzip), so no request pays for compressing a file that
    // never changes.
    compression({
      algorithms: [zopfliGzip, 'brotliCompress'],
      filename: (_id, { algorithm }) => (algorithm === 'brotliCompress' ? '[path][base].br' : '[path][base].gz'),
      exclude: [/\.map$/, /^\.vite\//],
    }),
  ],
  // Workspace packages resolve to their TypeScript sources: no build step between them in development.
  // The defaults stay: without `production`, Apollo Client ships its development checks and messages.
  // `es2015` picks rxjs's ES2015 build (no tslib helpers): 2 kB less gzipped in every page.
  resolve: {
    conditions: ['source', 'es2015', ...defaultClientConditions],
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  server: {
    port: 5173,
    proxy: { '/graphql': apiTarget, '/health': apiTarget, '/uploads': apiTarget },
  },
  build: {
    outDir: 'dist',
    // Source maps are written for debugging a production stack trace by hand, but no asset points
    // to them (`hidden`) and the server refuses *.map in production.
    sourcemap: 'hidden',
    // No polyfill for <link rel="modulepreload">: the browsers the build targets without it (Safari
    // before 17) load the same chunks, only without the head start. 0.2 kB gzipped in every page.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: which chunks each page loads (scripts/route-sizes.mjs reads it).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page runs (React, the router, Apollo) in one chunk of their own: a
            // release that changes only the app's code leaves the largest file in every browser's cache.
            // Libraries only some pages use stay with them (PAGE_ONLY_LIBRARIES).
            { name: 'vendor', test: (id) => /[\\/]node_modules[\\/]/.test(id) && !PAGE_ONLY_LIBRARIES.test(id) },
            // The domain's rules (eligibility, money, policies) for the pages that evaluate them.
            { name: 'domain', test: /[\\/]packages[\\/]domain[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./vitest.setup.ts'],
          // CI runs on a loaded 2-core machine, where a form test that types into many fields has
          // taken over 5 s (vitest's default). A limit, not a wait: a passing test takes what it takes.
          testTimeout: 30_000,
          // Two files at a time on a 2-core machine (vitest's default here is one): ~75 s to ~50 s.
          // Files stay isolated: several mock modules (vi.mock) that others import for real.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['e2e/**/*.e2e.ts'],
          // Web-first matchers for locators: await expect(locator).toHaveText(...).
          setupFiles: ['./e2e/support/web-first.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
