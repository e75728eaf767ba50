#!/usr/bin/env node
// Runs every check the project has, in order, and stops at the first failure:
// formatting, lint, types, generated-code freshness, unit, integration (SQLite, then PostgreSQL),
// production build, the web pages' size budget, browser. Prints one summary line at the end,
// counting every test that ran, the browser tests (Playwright driven by Vitest) included.
//
// What may be missing: PostgreSQL (nothing answers) and Chromium (no executable). Each is skipped
// loudly, or fails verify when required: REQUIRE_POSTGRES=1 for PostgreSQL; CI or REQUIRE_BROWSER=1
// for Chromium (the browser tests then run and fail, so they are counted as failed).
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import net from 'node:net';

const pnpm = process.env.npm_execpath
  ? [process.execPath, process.env.npm_execpath]
  : [process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm'];
const postgresUrl = process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const requirePostgres = ['1', 'true'].includes(process.env.REQUIRE_POSTGRES ?? '');
// The same rule as packages/web/e2e/support/browser.ts, which makes the tests fail rather than skip.
const flag = (name) => !['', '0', 'false'].includes((process.env[name] ?? '').trim().toLowerCase());
const requireBrowser = flag('CI') || flag('REQUIRE_BROWSER');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];

function run(label, args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    console.log(`\n━━ ${label} ━━ pnpm ${args.join(' ')}`);
    const [command, ...prefix] = pnpm;
    const child = spawn(command, [...prefix, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
    });
    let output = '';
    const forward = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      timings.push(`${label.padEnd(40)} ${seconds.padStart(6)} s`);
      countTests(output);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (exit ${code})`));
    });
  });
}

/** Adds up vitest's "Tests  N passed | M skipped" lines (unit, integration and browser runs alike). */
function countTests(output) {
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  for (const line of plain.split('\n')) {
    const match = /(?:^|\s)Tests\s+(\d+ (?:passed|failed|skipped|todo).*)$/.exec(line);
    if (!match) continue;
    for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (kind === 'passed') totals.passed += Number(count);
      if (kind === 'failed') totals.failed += Number(count);
      if (kind === 'skipped' || kind === 'todo') totals.skipped += Number(count);
    }
  }
}

function chromiumAvailable() {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function postgresReachable() {
  const url = new URL(postgresUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 5432) });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

const steps = [
  ['Formatting (prettier)', ['format:check']],
  ['Lint (typed ESLint)', ['lint']],
  ['Typecheck', ['typecheck']],
  ['Generated code is current', ['check:generated']],
  ['Unit tests', ['test:unit']],
  ['Integration tests on SQLite', ['test:integration'], { TEST_DATABASE: 'sqlite' }],
  [
    'Integration tests on PostgreSQL',
    ['test:integration'],
    { TEST_DATABASE: 'postgresql', POSTGRES_ADMIN_URL: postgresUrl },
    'postgres',
  ],
  ['Production build', ['build']],
  // Fails when a page loads more JavaScript than its budget (packages/web/scripts/route-sizes.mjs).
  ['Web page sizes within budget', ['--filter', '@recertify/web', 'sizes', '--', '--check']],
  ['Browser tests (Chromium)', ['test:browser'], {}, 'chromium'],
];

const skippedSteps = [];
try {
  for (const [label, args, env, needs] of steps) {
    if (needs === 'postgres' && !(await postgresReachable())) {
      if (requirePostgres)
        throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but nothing answers at ${postgresUrl}`);
      const warning = `*** SKIPPED: ${label}: no PostgreSQL server at ${postgresUrl} (set POSTGRES_ADMIN_URL) ***`;
      console.warn(`\n${warning}`);
      skippedSteps.push(warning);
      continue;
    }
    if (needs === 'chromium' && !chromiumAvailable()) {
      // Run them anyway: they skip themselves (counted as skipped), or fail when required (counted as failed).
      if (requireBrowser) {
        console.error(
          `\n*** REQUIRED (CI or REQUIRE_BROWSER): ${label}: ${chromiumPath} not found; its tests fail ***`,
        );
      } else {
        const warning = `*** SKIPPED: ${label}: ${chromiumPath} not found (apt-get install -y chromium, or set CHROMIUM_PATH) ***`;
        console.warn(`\n${warning}`);
        skippedSteps.push(warning);
      }
    }
    await run(label, args, env);
  }
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  console.log(`\n${timings.join('\n')}`);
  console.log(`verify: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
  process.exit(1);
}

console.log(`\n${timings.join('\n')}`);
for (const warning of skippedSteps) console.warn(warning);
console.log(`verify: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
