/**
 * Import benchmark (issue 9): generates N orders and M complaints as NDJSON (plus their offers),
 * then on SQLite and PostgreSQL measures, each in its own process so peak memory is its own:
 *
 *   - the import command end to end (`node --max-old-space-size=128 dist/cli.js import`, as the
 *     package's `import` script runs it; BENCH_CLI_NODE_FLAGS replaces the flag): start, streaming read, record rules,
 *     offer/order lookups, upsert in batches, rollup refresh per batch), timed from spawn to exit:
 *     rows/s and peak RSS (VmHWM);
 *   - the database's own bulk path on the same file: SQLite, every row through one prepared
 *     single-row insert in one transaction (with the import's page cache, temp_store and
 *     time-ordered ids: its best case);
 *     PostgreSQL, COPY into a staging table then one `insert ... on conflict do update` (the file
 *     parsed the same way, no record rules, no rollups), into tables shaped like the real ones (same keys,
 *     indexes and foreign keys: the same checks per row as the real table). These run from the TypeScript sources (swc), whose loader alone holds ~180 MB:
 *     their RSS is not comparable, and they are timed after their start-up.
 *
 * Each run also reports its CPU seconds (user + system of its process): on a loaded machine
 * wall time mostly says how busy the others were. On PostgreSQL that is the client's CPU; the
 * server runs on this machine, so the CPU of its backends serving the scratch database is read
 * from /proc too, and client + server CPU gives the share of raw that load disturbs least.
 *
 *   pnpm build           # the import command runs from dist/, as the package's `import` script does
 *   cd packages/server
 *   pnpm bench:import [--orders 1000000] [--complaints 50000] [--db sqlite|postgresql|both] [--keep-files dir]
 *                     [--raw-without-foreign-keys]  # PostgreSQL's raw tables without the real tables' foreign keys (before Dec 1, 04:30)
 *                     [--runs import,raw,import-complaints,raw-complaints,repeat]
 *                     [--analyze]  # refresh the statistics (`analyze`) before each run: PostgreSQL's raw
 *                                  # complaints join is planned from them, so without it its cost depends on
 *                                  # whether autovacuum analysed the new orders in time
 *   BENCH_CPU_PROF=dir  # also writes a CPU profile of every run there (node --cpu-prof)
 *   BENCH_CLI=path      # the import command to run instead of dist/cli.js (another build, for A/B runs)
 *
 * Reported, never asserted. Scratch databases are dropped; the generated files are deleted unless
 * --keep-files names a folder to keep them in.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { DatabaseConfig } from '../src/config.js';
import { createOrm, migrateToLatest, type EntityManager, type Orm } from '../src/db/orm.js';
import { createScratchDatabase } from '../src/db/scratch-database.js';
import { importQualityFile } from '../src/features/quality/import/import-file.js';
import { LocalDates } from '../src/features/quality/import/import-values.js';
import { IMPORT_CACHE_KIB } from '../src/features/quality/import/sqlite-table-writer.js';
import { connectionPool, newRowId } from '../src/features/quality/import/table-writer.js';
import { ReferenceDataSeeder } from '../src/seeders/reference-data.seeder.js';

type Kind = DatabaseConfig['kind'];
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const SELLERS = 100;
const OFFERS_PER_SELLER = 20;
const DAYS = 90;
/** The orders' last day: a week ago, so shipments, deliveries and complaints are all in the past. */
const LAST_DAY = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 7 * 86_400_000;
const GOALS = { sqlite: 200_000, postgresql: 100_000, rawShare: 0.5, rssMb: 300 };

interface Measured {
  readonly rows: number;
  readonly seconds: number;
  readonly maxRssMb: number;
  /** RSS with the code loaded and the database open, before the file is read. */
  readonly startRssMb: number;
  /**
   * CPU seconds (user + system) the run used: on a loaded machine wall time says how busy the
   * other processes were; CPU time says what the run costs. The command's includes its start-up.
   */
  readonly cpuSeconds: number;
  /**
   * PostgreSQL: CPU seconds of the server's backends serving the scratch database during the run
   * (read from /proc: the server runs on this machine), so client + server is the run's whole cost.
   */
  readonly serverCpuSeconds?: number;
}

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    complaints: { type: 'string', default: '50000' },
    db: { type: 'string', default: 'both' },
    runs: { type: 'string', default: 'import,raw,import-complaints,raw-complaints,repeat' },
    'keep-files': { type: 'string' },
    'raw-without-foreign-keys': { type: 'boolean', default: false },
    analyze: { type: 'boolean', default: false },
    child: { type: 'string' },
    database: { type: 'string' },
    file: { type: 'string' },
  },
});

async function main(): Promise<void> {
  if (!existsSync(path.join(serverDir, 'dist/cli.js'))) {
    throw new Error('Run `pnpm build` first: the import is measured as production runs it, from dist/.');
  }
  const orderCount = Number(args.orders);
  const complaintCount = Number(args.complaints);
  const kinds: Kind[] = args.db === 'both' ? ['sqlite', 'postgresql'] : [args.db as Kind];
  const dir = args['keep-files'] ?? mkdtempSync(path.join(tmpdir(), 'recertify-import-bench-'));
  mkdirSync(dir, { recursive: true });
  console.log(
    `Generating ${orderCount.toLocaleString('en')} orders and ${complaintCount.toLocaleString('en')} complaints in ${dir}`,
  );
  const sellerIds = Array.from({ length: SELLERS }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const files = {
    offers: path.join(dir, 'offers.ndjson'),
    orders: path.join(dir, 'orders.ndjson'),
    complaints: path.join(dir, 'complaints.ndjson'),
  };
  await writeLines(files.offers, offerLines(sellerIds));
  await writeLines(files.orders, orderLines(orderCount));
  await writeLines(files.complaints, complaintLines(orderCount, complaintCount));
  console.log(
    `orders.ndjson ${(statSync(files.orders).size / 1e6).toFixed(0)} MB, complaints.ndjson ${(statSync(files.complaints).size / 1e6).toFixed(1)} MB`,
  );

  const report: string[] = [];
  for (const kind of kinds) {
    const scratch = await createScratchDatabase(kind, 'importbench');
    try {
      const orm = await createOrm({ database: scratch.database });
      try {
        await migrateToLatest(orm);
        await orm.getSeeder().seed(ReferenceDataSeeder);
        const em = orm.em.fork() as EntityManager;
        for (const id of sellerIds) {
          await em.execute(
            `insert into "organization" ("id", "created_at", "updated_at", "kind", "name") values (?, ?, ?, 'SELLER', ?)`,
            [
              id,
              kind === 'sqlite' ? Date.now() : new Date(),
              kind === 'sqlite' ? Date.now() : new Date(),
              `Bench seller ${id.slice(-4)}`,
            ],
          );
        }
        await importQualityFile(orm, { kind: 'offers', file: files.offers });
        await createRawTables(em, kind, !args['raw-without-foreign-keys']);
      } finally {
        await orm.close();
      }
      const wanted = new Set(args.runs.split(','));
      // 'repeat' is the same orders file again: every row already there and identical.
      const runs: Array<[string, string, string]> = [
        ['import', 'import', files.orders],
        ['raw', 'raw', files.orders],
        ['import-complaints', 'import-complaints', files.complaints],
        ['raw-complaints', 'raw-complaints', files.complaints],
        ['repeat', 'import', files.orders],
      ];
      const results: Record<string, Measured> = {};
      for (const [name, mode, file] of runs) {
        if (!wanted.has(name)) continue;
        if (args.analyze) await analyze(scratch.database);
        console.log(`${kind}: ${name} ...`);
        results[name] = await inChild(mode, scratch.database, file);
        const r = results[name];
        console.log(
          `${kind}: ${name} ${r.rows.toLocaleString('en')} rows in ${r.seconds.toFixed(1)} s = ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s, ${r.cpuSeconds.toFixed(1)} CPU s = ${Math.round(r.rows / r.cpuSeconds).toLocaleString('en')} rows per CPU s${r.serverCpuSeconds === undefined ? '' : `, server ${r.serverCpuSeconds.toFixed(1)} CPU s = ${Math.round(r.rows / (r.cpuSeconds + r.serverCpuSeconds)).toLocaleString('en')} rows per client + server CPU s`}, peak RSS ${r.maxRssMb.toFixed(0)} MB`,
        );
      }
      report.push(...describe(kind, results));
    } finally {
      await scratch.drop();
    }
  }
  if (!args['keep-files']) rmSync(dir, { recursive: true, force: true });
  console.log(`\n${report.join('\n')}`);
}

/** Fresh statistics for every table (--analyze), from a connection of its own, before a run. */
async function analyze(database: DatabaseConfig): Promise<void> {
  const orm = await createOrm({ database });
  try {
    await (orm.em.fork() as EntityManager).execute('analyze');
  } finally {
    await orm.close();
  }
}

function describe(kind: Kind, r: Record<string, Measured>): string[] {
  const rate = (m: Measured) => Math.round(m.rows / m.seconds);
  const cpuRate = (m: Measured) => Math.round(m.rows / m.cpuSeconds);
  // PostgreSQL: the server's CPU, and the share of raw by client + server CPU.
  const allRate = (m: Measured) => m.rows / (m.cpuSeconds + (m.serverCpuSeconds ?? 0));
  const server = (m: Measured, base?: Measured) =>
    m.serverCpuSeconds === undefined
      ? ''
      : ` ${m.serverCpuSeconds.toFixed(1)} | ${Math.round(allRate(m)).toLocaleString('en')} | ${base ? `${Math.round((100 * allRate(m)) / allRate(base))} %` : ''} |`;
  const line = (label: string, m: Measured | undefined, base?: Measured) =>
    m
      ? [
          `| ${kind} | ${label} | ${m.rows.toLocaleString('en')} | ${m.seconds.toFixed(1)} | ${rate(m).toLocaleString('en')} | ${base ? `${Math.round((100 * rate(m)) / rate(base))} %` : ''} | ${m.cpuSeconds.toFixed(1)} | ${cpuRate(m).toLocaleString('en')} | ${base ? `${Math.round((100 * cpuRate(m)) / cpuRate(base))} %` : ''} |${server(m, base)} ${m.maxRssMb.toFixed(0)} |`,
        ]
      : [];
  return [
    ...line('orders: import command', r['import'], r['raw']),
    ...line('orders: raw bulk path', r['raw']),
    ...line('orders: same file again', r['repeat'], r['raw']),
    ...line('complaints: import command', r['import-complaints'], r['raw-complaints']),
    ...line('complaints: raw bulk path', r['raw-complaints']),
    `<!-- goal ${GOALS[kind].toLocaleString('en')} rows/s and >= ${GOALS.rawShare * 100} % of raw, < ${GOALS.rssMb} MB -->`,
  ];
}

/**
 * The import as production runs it: the built command (`node dist/cli.js import`, what the
 * package's `import` script runs) in its own process, timed from spawn to exit; its peak RSS is
 * the kernel's high-water mark (VmHWM), read until it exits.
 */
async function viaCli(kind: 'orders' | 'complaints', database: DatabaseConfig, file: string): Promise<Measured> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' };
  if (database.kind === 'postgresql') env['DATABASE_URL'] = database.url;
  else {
    delete env['DATABASE_URL'];
    env['DATA_DIR'] = path.dirname(database.file);
  }
  delete env['INIT_CWD'];
  const started = performance.now();
  // As the package's `import` script runs it (a bounded heap, so V8 collects instead of growing).
  const flags = [
    ...(process.env['BENCH_CLI_NODE_FLAGS']?.split(' ').filter(Boolean) ?? ['--max-old-space-size=128']),
    ...(process.env['BENCH_CPU_PROF'] ? ['--cpu-prof', '--cpu-prof-dir', process.env['BENCH_CPU_PROF']] : []),
  ];
  const cli = process.env['BENCH_CLI'] ?? 'dist/cli.js';
  const child = spawn(process.execPath, [...flags, cli, 'import', kind, file, '--no-progress'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let peakKb = 0;
  let cpuTicks = 0;
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      // utime and stime, fields 14 and 15 of /proc/<pid>/stat (after the command's parenthesised name).
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]));
    } catch {
      // Gone already.
    }
  }, 20);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  // 2: some rows rejected (the summary says how many); the bench's files should have none.
  if (code !== 0 && code !== 2) throw new Error(`import ${kind} exited with ${code}: ${out}`);
  if (code === 2) console.log(out.trim());
  const imported = /Imported ([\d,]+) of/.exec(out);
  return {
    rows: Number(imported![1]!.replace(/,/g, '')),
    seconds,
    maxRssMb: peakKb / 1024,
    startRssMb: 0,
    // Clock ticks (100 a second on Linux), last seen at most 20 ms before the exit.
    cpuSeconds: cpuTicks / 100,
  };
}

async function inChild(mode: string, database: DatabaseConfig, file: string): Promise<Measured> {
  const server = serverCpu(database);
  const measured = await runChild(mode, database, file);
  return database.kind === 'postgresql' ? { ...measured, serverCpuSeconds: server.stop() } : measured;
}

/**
 * CPU of the PostgreSQL backends whose process title names the database (`postgres: 15/main: user
 * db host(port) state`), polled from /proc every 50 ms: the last ticks of a backend that exits
 * between two polls are lost. Backends present at the start count from their CPU then.
 */
function serverCpu(database: DatabaseConfig): { stop(): number } {
  if (database.kind !== 'postgresql') return { stop: () => 0 };
  const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  let started = false;
  const poll = () => {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!title.startsWith('postgres: ') || !title.includes(` ${name} `)) continue;
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]);
        if (!first.has(pid)) first.set(pid, started ? 0 : ticks);
        last.set(pid, ticks);
      } catch {
        // Gone already.
      }
    }
    started = true;
  };
  poll();
  const timer = setInterval(poll, 50);
  return {
    stop() {
      poll();
      clearInterval(timer);
      let ticks = 0;
      for (const [pid, value] of last) ticks += value - (first.get(pid) ?? 0);
      return ticks / 100;
    },
  };
}

async function runChild(mode: string, database: DatabaseConfig, file: string): Promise<Measured> {
  if (mode === 'import') return viaCli('orders', database, file);
  if (mode === 'import-complaints') return viaCli('complaints', database, file);
  const child = spawn(
    process.execPath,
    [
      ...(process.env['BENCH_CPU_PROF'] ? ['--cpu-prof', '--cpu-prof-dir', process.env['BENCH_CPU_PROF']] : []),
      '--conditions=source',
      '--import',
      '@swc-node/register/esm-register',
      'bench/import.bench.ts',
      '--child',
      mode,
      '--database',
      JSON.stringify(database),
      '--file',
      file,
    ],
    { cwd: serverDir, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'silent' } },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${mode} exited with ${code}: ${out}`);
  return JSON.parse(out.trim().split('\n').pop()!) as Measured;
}

async function child(mode: string, database: DatabaseConfig, file: string): Promise<Measured> {
  const orm = await createOrm({ database });
  try {
    const startRssMb = process.memoryUsage().rss / 1024 / 1024;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let rows: number;
    if (mode === 'import') {
      rows = (await importQualityFile(orm, { kind: 'orders', file })).imported;
    } else if (mode === 'import-complaints') {
      rows = (await importQualityFile(orm, { kind: 'complaints', file })).imported;
    } else if (mode === 'raw') {
      rows = database.kind === 'sqlite' ? await rawSqliteOrders(orm, file) : await rawPostgresOrders(orm, file);
    } else {
      rows = database.kind === 'sqlite' ? await rawSqliteComplaints(orm, file) : await rawPostgresComplaints(orm, file);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    return {
      rows,
      seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      startRssMb,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    await orm.close();
  }
}

// --- data -----------------------------------------------------------------------------------

function* offerLines(sellerIds: readonly string[]): Generator<string> {
  for (let s = 0; s < sellerIds.length; s++) {
    for (let o = 0; o < OFFERS_PER_SELLER; o++) {
      yield JSON.stringify({
        marketplace: 'US',
        external_id: `OF-${s}-${o}`,
        seller_id: sellerIds[s],
        sku: `SKU-${o}`,
        product_name: `Renewed phone ${o}`,
        brand: 'Acme',
        category: 'Phones',
        condition: 'Renewed Premium',
        price_amount_minor: 19_999 + o,
        price_currency: 'USD',
      });
    }
  }
}

/** Orders in time order over 90 days, as a marketplace's export writes them; a fixed pseudo-random mix of offers. */
function* orderLines(count: number): Generator<string> {
  const first = LAST_DAY - DAYS * 86_400_000;
  const step = (DAYS * 86_400_000) / count;
  let seed = 42;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const offer = seed % (SELLERS * OFFERS_PER_SELLER);
    const orderedAt = first + Math.floor(i * step);
    yield JSON.stringify({
      marketplace: 'US',
      external_id: `OR-${i}`,
      offer_external_id: `OF-${Math.floor(offer / OFFERS_PER_SELLER)}-${offer % OFFERS_PER_SELLER}`,
      buyer_reference: `buyer-${seed % 100_000}`,
      quantity: 1 + (seed % 3),
      ordered_at: new Date(orderedAt).toISOString(),
      shipped_at: new Date(orderedAt + 86_400_000).toISOString(),
      delivered_at: new Date(orderedAt + 3 * 86_400_000).toISOString(),
    });
  }
}

const SOURCES = ['EMAIL', 'PRODUCT_REVIEW', 'SELLER_FEEDBACK', 'CUSTOMER_SERVICE_CALL'];
const CATEGORIES = ['NOT_WORKING', 'COSMETIC_DAMAGE', 'MISSING_ACCESSORIES', 'WRONG_ITEM', 'BATTERY', 'OTHER'];

/** Complaints on orders spread over the file, in the orders' time order. */
function* complaintLines(orders: number, count: number): Generator<string> {
  const first = LAST_DAY - DAYS * 86_400_000;
  const step = (DAYS * 86_400_000) / orders;
  for (let i = 0; i < count; i++) {
    const order = Math.floor((i * orders) / count) + (i % 7);
    const index = Math.min(order, orders - 1);
    yield JSON.stringify({
      marketplace: 'US',
      external_id: `CO-${i}`,
      order_external_id: `OR-${index}`,
      source: SOURCES[i % SOURCES.length],
      category: CATEGORIES[i % CATEGORIES.length],
      filed_at: new Date(first + Math.floor(index * step) + 5 * 86_400_000).toISOString(),
      note: i % 5 === 0 ? 'Stopped charging after two days' : undefined,
    });
  }
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const line of lines) {
      chunk += `${line}\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), createWriteStream(file));
}

// --- the databases' own bulk paths ----------------------------------------------------------

/** Tables shaped like the real ones (columns, keys, indexes and foreign keys), for the raw paths to fill. */
async function createRawTables(em: EntityManager, kind: Kind, foreignKeys: boolean): Promise<void> {
  for (const table of ['marketplace_order', 'complaint']) {
    if (kind === 'postgresql') {
      await em.execute(`create table "${table}_raw" (like "${table}" including all)`);
      // `like` copies no foreign key: they are added so the raw table checks the same ones as the
      // real table (SQLite's raw table has them always: its DDL is copied whole), unless
      // --raw-without-foreign-keys (the raw path as measured before Dec 1, 04:30).
      if (!foreignKeys) continue;
      const keys = await em.execute<Array<{ definition: string }>>(
        `select pg_get_constraintdef("oid") as "definition" from "pg_constraint" where "conrelid" = ?::regclass and "contype" = 'f'`,
        [table],
      );
      for (const { definition } of keys) await em.execute(`alter table "${table}_raw" add ${definition}`);
      continue;
    }
    const ddl = await em.execute<Array<{ sql: string | null }>>(
      `select "sql" from "sqlite_master" where "tbl_name" = ? and "sql" is not null order by "type" desc`,
      [table],
    );
    for (const { sql } of ddl) {
      await em.execute(
        sql!
          .replace(/^(create table )[`"]?(\w+)[`"]?/i, '$1"$2_raw"')
          .replace(/^(create (unique )?index )[`"]?(\w+)[`"]?( on )[`"]?(\w+)[`"]?/i, '$1"$3_raw"$4"$5_raw"'),
      );
    }
  }
}

interface Parsed {
  [key: string]: unknown;
}

async function* parsedLines(file: string): AsyncGenerator<Parsed> {
  for await (const line of createInterface({
    input: createReadStream(file, { highWaterMark: 256 * 1024 }),
    crlfDelay: Infinity,
  })) {
    if (line) yield JSON.parse(line) as Parsed;
  }
}

async function offerMap(em: EntityManager): Promise<Map<string, { id: string; seller: string }>> {
  const rows = await em.execute<Array<{ id: string; external_id: string; seller_id: string }>>(
    `select "id", "external_id", "seller_id" from "offer"`,
  );
  return new Map(rows.map((r) => [r.external_id, { id: r.id, seller: r.seller_id }]));
}

interface SqliteDb {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  exec(sql: string): void;
}

/** The better-sqlite3 connection, handed back to the pool once `work` is done (orm.close waits for it). */
async function withSqliteDb<T>(orm: Orm, work: (db: SqliteDb) => Promise<T>): Promise<T> {
  const knex = connectionPool((orm.em.fork() as EntityManager).getConnection().getKnex());
  const db = (await knex.acquireConnection()) as SqliteDb;
  // The same page cache, temp_store and id scheme (time-ordered UUIDs) as the import command: the best case, not a handicap.
  db.exec(`pragma cache_size = -${IMPORT_CACHE_KIB}`);
  db.exec('pragma temp_store = memory');
  try {
    return await work(db);
  } finally {
    await knex.releaseConnection(db);
  }
}

async function rawSqliteOrders(orm: Orm, file: string): Promise<number> {
  const offers = await offerMap(orm.em.fork() as EntityManager);
  return withSqliteDb(orm, (db) => rawSqliteOrdersOn(db, offers, file));
}

async function rawSqliteOrdersOn(
  db: SqliteDb,
  offers: Map<string, { id: string; seller: string }>,
  file: string,
): Promise<number> {
  const columns = [
    'id',
    'created_at',
    'updated_at',
    'version',
    'offer_id',
    'seller_id',
    'marketplace',
    'external_id',
    'buyer_reference',
    'quantity',
    'ordered_at',
    'shipped_at',
    'delivered_at',
    'order_date',
  ];
  // One prepared single-row statement run once per row: better-sqlite3's fastest way in (a multi-row
  // VALUES insert needs a statement journal, a single-row one does not).
  const insert = db.prepare(
    `insert into "marketplace_order_raw" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  const dates = new LocalDates();
  let rows = 0;
  const now = Date.now();
  db.exec('begin');
  for await (const o of parsedLines(file)) {
    const offer = offers.get(o['offer_external_id'] as string)!;
    const orderedAt = new Date(o['ordered_at'] as string);
    insert.run(
      newRowId(),
      now,
      now,
      1,
      offer.id,
      offer.seller,
      o['marketplace'],
      o['external_id'],
      o['buyer_reference'],
      o['quantity'],
      orderedAt.getTime(),
      Date.parse(o['shipped_at'] as string),
      Date.parse(o['delivered_at'] as string),
      dates.of(orderedAt, 'America/New_York'),
    );
    rows += 1;
  }
  db.exec('commit');
  return rows;
}

async function rawSqliteComplaints(orm: Orm, file: string): Promise<number> {
  return withSqliteDb(orm, (db) => rawSqliteComplaintsOn(db, file));
}

async function rawSqliteComplaintsOn(db: SqliteDb, file: string): Promise<number> {
  const insert = db.prepare(
    `insert into "complaint_raw" ("id", "created_at", "updated_at", "version", "order_id", "offer_id", "seller_id", "marketplace", "order_date", "external_id", "source", "category", "filed_at", "note") ` +
      `select ?, ?, ?, 1, "o"."id", "o"."offer_id", "o"."seller_id", "o"."marketplace", "o"."order_date", ?, ?, ?, ?, ? ` +
      `from "marketplace_order" "o" where "o"."marketplace" = ? and "o"."external_id" = ?`,
  );
  const now = Date.now();
  let rows = 0;
  db.exec('begin');
  for await (const c of parsedLines(file)) {
    insert.run(
      newRowId(),
      now,
      now,
      c['external_id'],
      c['source'],
      c['category'],
      Date.parse(c['filed_at'] as string),
      c['note'] ?? null,
      c['marketplace'],
      c['order_external_id'],
    );
    rows += 1;
  }
  db.exec('commit');
  return rows;
}

interface PgClient {
  query(stream: CopyStreamQuery): CopyStreamQuery;
}

async function copyInto(orm: Orm, table: string, columns: string[], lines: AsyncIterable<string>): Promise<void> {
  const knex = connectionPool((orm.em.fork() as EntityManager).getConnection().getKnex());
  const client = (await knex.acquireConnection()) as PgClient & { query(sql: string): Promise<unknown> };
  try {
    await client.query(`create temporary table "stage" (like "${table}")`);
    async function* chunks(): AsyncGenerator<string> {
      let chunk = '';
      for await (const line of lines) {
        chunk += line;
        if (chunk.length > 1 << 16) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
    await pipeline(
      Readable.from(chunks()),
      client.query(copyFrom(`copy "stage" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`)),
    );
    const content = columns.filter((c) => !['id', 'created_at', 'marketplace', 'external_id'].includes(c));
    await client.query(
      `insert into "${table}_raw" (${columns.map((c) => `"${c}"`).join(', ')}) select ${columns.map((c) => `"${c}"`).join(', ')} from "stage" ` +
        `on conflict ("marketplace", "external_id") do update set ${content.map((c) => `"${c}" = excluded."${c}"`).join(', ')} ` +
        `where (${content.map((c) => `"${table}_raw"."${c}"`).join(', ')}) is distinct from (${content.map((c) => `excluded."${c}"`).join(', ')})`,
    );
    await client.query('drop table "stage"');
  } finally {
    await knex.releaseConnection(client);
  }
}

async function rawPostgresOrders(orm: Orm, file: string): Promise<number> {
  const offers = await offerMap(orm.em.fork() as EntityManager);
  const dates = new LocalDates();
  const now = new Date().toISOString();
  let rows = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const o of parsedLines(file)) {
      const offer = offers.get(o['offer_external_id'] as string)!;
      rows += 1;
      yield `${newRowId()}\t${now}\t${now}\t1\t${offer.id}\t${offer.seller}\t${o['marketplace'] as string}\t${o['external_id'] as string}\t${o['buyer_reference'] as string}\t${o['quantity'] as number}\t${o['ordered_at'] as string}\t${o['shipped_at'] as string}\t${o['delivered_at'] as string}\t${dates.of(new Date(o['ordered_at'] as string), 'America/New_York')}\n`;
    }
  }
  await copyInto(
    orm,
    'marketplace_order',
    [
      'id',
      'created_at',
      'updated_at',
      'version',
      'offer_id',
      'seller_id',
      'marketplace',
      'external_id',
      'buyer_reference',
      'quantity',
      'ordered_at',
      'shipped_at',
      'delivered_at',
      'order_date',
    ],
    lines(),
  );
  return rows;
}

async function rawPostgresComplaints(orm: Orm, file: string): Promise<number> {
  // COPY the file's fields, then one statement joins the orders and upserts.
  const knex = connectionPool((orm.em.fork() as EntityManager).getConnection().getKnex());
  const client = (await knex.acquireConnection()) as PgClient & { query(sql: string): Promise<unknown> };
  let rows = 0;
  try {
    await client.query(
      `create temporary table "cstage" ("external_id" text, "marketplace" text, "order_external_id" text, "source" text, "category" text, "filed_at" timestamptz, "note" text)`,
    );
    async function* chunks(): AsyncGenerator<string> {
      let chunk = '';
      for await (const c of parsedLines(file)) {
        rows += 1;
        chunk += `${c['external_id'] as string}\t${c['marketplace'] as string}\t${c['order_external_id'] as string}\t${c['source'] as string}\t${c['category'] as string}\t${c['filed_at'] as string}\t${(c['note'] as string | undefined) ?? '\\N'}\n`;
        if (chunk.length > 1 << 16) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
    await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy "cstage" from stdin`)));
    await client.query(
      `insert into "complaint_raw" ("id", "created_at", "updated_at", "version", "order_id", "offer_id", "seller_id", "marketplace", "order_date", "external_id", "source", "category", "filed_at", "note") ` +
        `select gen_random_uuid(), now(), now(), 1, "o"."id", "o"."offer_id", "o"."seller_id", "o"."marketplace", "o"."order_date", "s"."external_id", "s"."source", "s"."category", "s"."filed_at", "s"."note" ` +
        `from "cstage" "s" join "marketplace_order" "o" on "o"."marketplace" = "s"."marketplace" and "o"."external_id" = "s"."order_external_id" ` +
        `on conflict ("marketplace", "external_id") do update set "source" = excluded."source", "category" = excluded."category", "filed_at" = excluded."filed_at", "note" = excluded."note" ` +
        `where ("complaint_raw"."source", "complaint_raw"."category", "complaint_raw"."filed_at", "complaint_raw"."note") is distinct from (excluded."source", excluded."category", excluded."filed_at", excluded."note")`,
    );
  } finally {
    await knex.releaseConnection(client);
  }
  return rows;
}

// Last, so every constant above is initialised.
if (args.child) {
  const result = await child(args.child, JSON.parse(args.database!) as DatabaseConfig, args.file!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await main();
}
