import 'reflect-metadata';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type DatabaseConfig } from './config.js';
import type { Orm } from './db/orm.js';
import { IMPORT_KINDS } from './features/quality/import/import-kinds.js';

/*
 * Each command loads what it needs when it runs (dynamic imports): `import` must not pay for the
 * GraphQL schema, the HTTP app, the seeders or the outbox worker it never uses.
 */
const IMPORT_SYNOPSIS = `<kind> <file> [--format csv|ndjson] [--rejects <path>] [--batch-size <n>] [--no-progress] (kinds: ${IMPORT_KINDS.join(', ')})`;

const schemaFile = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const DATABASE_KINDS: DatabaseConfig['kind'][] = ['sqlite', 'postgresql'];

const commands: Record<string, { help: string; run: (args: string[]) => Promise<void> }> = {
  migrate: {
    help: 'apply pending migrations to the configured database',
    run: () =>
      withConfiguredOrm(async (orm) => {
        const { migrateToLatest } = await import('./db/orm.js');
        const applied = await migrateToLatest(orm);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database schema is current.');
      }),
  },
  seed: {
    help: 'add missing reference data (marketplaces, policies, holidays, rates); --demo adds demo data',
    run: (args) =>
      withConfiguredOrm(async (orm) => {
        const { DemoDataSeeder } = await import('./seeders/demo-data.seeder.js');
        const { ReferenceDataSeeder } = await import('./seeders/reference-data.seeder.js');
        await orm.getSeeder().seed(args.includes('--demo') ? DemoDataSeeder : ReferenceDataSeeder);
        console.log(args.includes('--demo') ? 'Reference and demo data are in place.' : 'Reference data is in place.');
      }),
  },
  worker: {
    help: 'run the background jobs (send queued emails, sweep orphan uploads, evaluate quality daily, expire returns) until SIGTERM/SIGINT, without serving HTTP (safe on several instances)',
    run: async () => {
      const { runWorkerProcess } = await import('./worker.js');
      await runWorkerProcess(loadConfig());
    },
  },
  import: {
    help: `load quality records in bulk from CSV or NDJSON: ${IMPORT_SYNOPSIS}`,
    run: async (args) => {
      const { runImportCommand } = await import('./features/quality/import/import-command.js');
      process.exitCode = await runImportCommand(args, withSqlOnlyOrm, {
        out: (text) => console.log(text),
        err: (text) => console.error(text),
        progressStream: process.stderr,
        // pnpm runs the script in the package's folder; paths are meant from where it was typed.
        cwd: process.env['INIT_CWD'] ?? process.cwd(),
      });
    },
  },
  'migration:create': {
    help: 'generate a migration for SQLite and PostgreSQL from entity changes [--name Name]',
    run: async (args) => {
      const { withMigratedScratchDatabase } = await import('./db/migration-check.js');
      const { migrationsSourceDir } = await import('./db/orm-config.js');
      const nameIndex = args.indexOf('--name');
      const name = nameIndex >= 0 ? args[nameIndex + 1] : undefined;
      for (const kind of DATABASE_KINDS) {
        await withMigratedScratchDatabase(kind, async (orm) => {
          const result = await orm.getMigrator().createMigration(migrationsSourceDir(kind), false, false, name);
          if (!result.fileName) {
            console.log(`${kind}: no changes, no migration created.`);
            return;
          }
          await writeMigrationIndex(kind);
          console.log(`${kind}: created ${result.fileName}`);
        });
      }
    },
  },
  'migration:check': {
    help: 'fail when entities have changes that no committed migration covers',
    run: async () => {
      const { pendingSchemaChanges } = await import('./db/migration-check.js');
      const stale: string[] = [];
      for (const kind of DATABASE_KINDS) {
        const diff = await pendingSchemaChanges(kind);
        if (diff) stale.push(`${kind}:\n${diff}`);
      }
      if (stale.length) {
        console.error(
          `Entities and migrations differ; run \`pnpm --filter @recertify/server migration:create\`.\n${stale.join('\n')}`,
        );
        process.exitCode = 1;
      } else {
        console.log('Migrations cover every entity on SQLite and PostgreSQL.');
      }
    },
  },
  'schema:emit': {
    help: 'write schema.graphql from the resolvers',
    run: async () => {
      const { printGraphQLSchema } = await import('./graphql/schema.js');
      writeFileSync(schemaFile, await printGraphQLSchema());
      console.log(`Wrote ${path.relative(process.cwd(), schemaFile)}`);
    },
  },
  'schema:check': {
    help: 'fail when schema.graphql is not what the resolvers produce',
    run: async () => {
      const { printGraphQLSchema } = await import('./graphql/schema.js');
      const expected = await printGraphQLSchema();
      let actual = '';
      try {
        actual = readFileSync(schemaFile, 'utf8');
      } catch {
        // A missing file is stale too.
      }
      if (actual !== expected) {
        console.error('schema.graphql is stale: run `pnpm generate` and commit the result.');
        process.exitCode = 1;
      } else {
        console.log('schema.graphql is current.');
      }
    },
  },
};

async function withConfiguredOrm<T>(work: (orm: Orm) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { createOrm } = await import('./db/orm.js');
  const { createLogger } = await import('./logger.js');
  const orm = await createOrm({ database: config.database, logger: createLogger(config), logSql: config.logSql });
  try {
    return await work(orm);
  } finally {
    await orm.close();
  }
}

/**
 * The import's database connection: SQL only, without the entities' start-up (db/sql-only-orm.ts);
 * on SQLite without MikroORM at all (db/sqlite-import-connection.ts).
 */
async function withSqlOnlyOrm<T>(work: (orm: Orm) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { openImportConnection } = await import('./db/sql-only-orm.js');
  const orm = await openImportConnection(config.database);
  try {
    return await work(orm);
  } finally {
    await orm.close();
  }
}

/** Rewrites migrations/<kind>/index.ts to list every migration file in name (time) order. */
async function writeMigrationIndex(kind: DatabaseConfig['kind']): Promise<void> {
  const { migrationsSourceDir } = await import('./db/orm-config.js');
  const dir = migrationsSourceDir(kind);
  const names = readdirSync(dir)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const listName = kind === 'sqlite' ? 'sqliteMigrations' : 'postgresqlMigrations';
  const label = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const source = [
    `// The ${label} migrations, in order. Maintained by \`pnpm --filter @recertify/server migration:create\`.`,
    `import type { MigrationObject } from '@mikro-orm/core';`,
    ...names.map((name) => `import { ${name} } from './${name}.js';`),
    '',
    `export const ${listName}: MigrationObject[] = [`,
    ...names.map((name) => `  { name: '${name}', class: ${name} },`),
    '];',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'index.ts'), source);
}

async function run(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(
      `Usage: cli <command>\n${Object.entries(commands)
        .map(([key, c]) => `  ${key.padEnd(18)} ${c.help}`)
        .join('\n')}`,
    );
    process.exitCode = name ? 2 : 0;
    return;
  }
  await command.run(args);
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
