import react from '@vitejs/plugin-react';
import { defaultClientConditions } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

/**
 * Libraries only some pages load, kept out of the shared vendor chunk: @date-fns/tz (the domain's
 * calendar) and the quality dashboard's charts (visx, the d3 modules it bundles, and what @visx/text
 * pulls in to measure labels).
 */
const PAGE_ONLY_LIBRARIES =
  /[\\/]node_modules[\\/](?:@date-fns|@visx|d3-[a-z-]+|internmap|classnames|reduce-css-calc|reduce-function-call|math-expression-evaluator|balanced-match)[\\/]/;

const apiTarget = process.env['API_URL'] ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [
    react(),
    // Writes x.js.gz (gzip 9) and x.js.br (brotli 11) beside each asset; the server sends the one the
    // browser accepts (express-static-gzip), so no request pays for compressing a file that never changes.
    compression({ algorithms: ['gzip', 'brotliCompress'], exclude: [/\.map$/, /^\.vite\//] }),
  ],
  // Workspace packages resolve to their TypeScript sources: no build step between them in development.
  // The defaults stay: without `production`, Apollo Client ships its development checks and messages.
  // `es2015` picks rxjs's ES2015 build (no tslib helpers): 2 kB less gzipped in every page.
  resolve: { conditions: ['source', 'es2015', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { '/graphql': apiTarget, '/health': apiTarget, '/uploads': apiTarget },
  },
  build: {
    outDir: 'dist',
    // Source maps are written for debugging a production stack trace by hand, but no asset points
    // to them (`hidden`) and the server refuses *.map in production.
    sourcemap: 'hidden',
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
});
