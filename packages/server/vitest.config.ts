import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// One graphql-js for everyone, as under Node: Vite would give our sources the ESM build (the
// "module" field) while type-graphql and graphql-scalars load the CommonJS one, and a scalar made
// here would then not be an `instanceof GraphQLScalarType` to type-graphql (src/graphql/id.ts).
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

// SWC emits the decorator metadata that type-graphql and MikroORM read.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { decoratorMetadata: true, legacyDecorator: true },
      },
    }),
  ],
  // Workspace packages resolve to their TypeScript sources, so tests need no prior build.
  resolve: { conditions: ['source'], alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    projects: [
      {
        extends: true,
        // Pure code, but a first call may load a library cold (the label PDF's fonts and barcode
        // writer took over 5 s at a load average of 26): a hung test still fails, after 20 s.
        test: { name: 'unit', include: ['src/**/*.test.ts'], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          // Each file starts its own app on its own fresh database, so files share nothing but the
          // module cache: reusing it (no isolation) saves importing the app afresh for each of the
          // ~40 files, and two files at a time keep both cores busy while one waits on its
          // database. Together they cut this suite from ~300 s to ~120 s on a 2-core machine.
          isolate: false,
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
