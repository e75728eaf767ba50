/**
 * How much memory concurrent uploads cost the server: starts the embedded server (from source, a
 * fresh data folder, demo data), signs a seller in, then sends CONCURRENCY uploads of SIZE_MB at
 * once and reads the server process's peak resident set (Linux: VmHWM in /proc/<pid>/status,
 * reset just before the burst through /proc/<pid>/clear_refs). Run it a few times; the numbers
 * go to BENCHMARKS.md, never into a test.
 *
 *   pnpm --filter @recertify/server bench:uploads            # 20 uploads of 10 MB
 *   CONCURRENCY=40 SIZE_MB=8 pnpm --filter @recertify/server bench:uploads
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfDocument } from '../src/lib/sample-files.js';

const MB = 1024 * 1024;
const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 20);
// Just under the 10 MB document limit, so every upload is accepted.
const SIZE = Math.min(Number(process.env['SIZE_MB'] ?? 10) * MB, 10 * MB);
const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const serverDir = fileURLToPath(new URL('..', import.meta.url));

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'recertify-bench-uploads-'));
  const server = spawn(
    process.execPath,
    ['--conditions=source', '--import', '@swc-node/register/esm-register', 'src/main.ts'],
    {
      cwd: serverDir,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'warn',
        RUN_WORKERS: 'false',
        // Every round stores CONCURRENCY files for one seller.
        UPLOAD_QUOTA_MB: '100000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Recertify is running: open (\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
    });
    const signIn = await fetch(new URL('/graphql', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { signIn(input: { email: "new-seller@demo.recertify.test", password: "demo-password" }) { id } }',
      }),
    });
    const cookie = /rc_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie) throw new Error(`sign-in failed: ${await signIn.text()}`);
    const pid = server.pid!;
    const bytes = new Uint8Array(pdfDocument('benchmark', SIZE));
    const upload = async () => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'bench.pdf');
      const response = await fetch(new URL('/uploads?kind=DOCUMENT', url), {
        method: 'POST',
        body: form,
        headers: { cookie, 'x-recertify-upload': '1' },
      });
      await response.arrayBuffer();
      return response.status;
    };
    // One upload first, so code paths are loaded and compiled before measuring.
    await upload();
    for (let round = 1; round <= ROUNDS; round++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = memoryOf(pid);
      // "5" resets the peak to the current resident set (Linux >= 4.0).
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const started = performance.now();
      const statuses = await Promise.all(Array.from({ length: CONCURRENCY }, upload));
      const seconds = (performance.now() - started) / 1000;
      const after = memoryOf(pid);
      const accepted = statuses.filter((status) => status === 201).length;
      console.log(
        `round ${round}: ${CONCURRENCY} × ${(SIZE / MB).toFixed(1)} MB, ${accepted} accepted in ${seconds.toFixed(2)} s; ` +
          `RSS before ${before.rssMb.toFixed(0)} MB, peak during ${after.peakMb.toFixed(0)} MB ` +
          `(+${(after.peakMb - before.rssMb).toFixed(0)} MB), after ${after.rssMb.toFixed(0)} MB`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
