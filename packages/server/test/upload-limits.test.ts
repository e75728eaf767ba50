import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '../src/db/orm.js';
import { User } from '../src/features/accounts/user.entity.js';
import { startOrphanFileSweeper, sweepOrphanFiles } from '../src/features/uploads/orphan-files.js';
import { LocalFolderStorage } from '../src/features/uploads/storage.js';
import { Upload } from '../src/features/uploads/upload.entity.js';
import { storedBytes } from '../src/features/uploads/upload.service.js';
import { pdfDocument } from '../src/lib/sample-files.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { OTHER_SELLER_EMAIL, SELLER_EMAIL, signedIn } from './support/principals.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const MB = 1024 * 1024;
const QUOTA_MB = 2;
const QUOTA = QUOTA_MB * MB;
const HOUR = 3_600_000;

describe('upload limits: the organization storage quota and files without a row', () => {
  const clock = new TestClock();
  let app: TestApp;
  let seller: TestClient;
  let otherSeller: TestClient;
  let storage: LocalFolderStorage;

  async function send(client: TestClient, bytes: Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(new URL('/uploads?kind=DOCUMENT', app.url), {
      method: 'POST',
      body: form,
      headers: { 'x-recertify-upload': '1', cookie: `rc_session=${client.sessionToken}` },
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /** Bytes the seller's organization stores now. */
  async function used(email: string): Promise<number> {
    const em = app.orm.em.fork() as EntityManager;
    const user = await em.findOneOrFail(User, { email });
    return storedBytes(em, user.organization!.id);
  }

  /** Every file in the uploads folder, the incoming folder included. */
  function files(): string[] {
    return (
      readdirSync(storage.root, { recursive: true, withFileTypes: true }) as Array<{
        isFile(): boolean;
        name: string;
        parentPath: string;
      }>
    )
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(storage.root, path.join(entry.parentPath, entry.name)))
      .sort();
  }

  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: clock.now,
      environment: { UPLOAD_QUOTA_MB: String(QUOTA_MB) },
    });
    storage = new LocalFolderStorage(path.join(app.dataDir, 'uploads'));
    [seller, otherSeller] = await Promise.all([signedIn(app, SELLER_EMAIL), signedIn(app, OTHER_SELLER_EMAIL)]);
  });
  afterAll(() => app?.stop());

  it('a file one byte over the quota is refused (413, rule QUOTA, naming the quota); exactly at the quota is stored; then nothing more fits', async () => {
    const room = QUOTA - (await used(SELLER_EMAIL));
    expect(room).toBeGreaterThan(100_000);
    const filesBefore = files();

    const over = await send(seller, pdfDocument('one byte too many', room + 1), 'over.pdf');
    expect(over.status).toBe(413);
    expect(over.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      rule: 'QUOTA',
      fields: [{ field: 'file', message: expect.any(String) }],
    });
    expect(over.body.errors[0].message).toBe(
      `file: your organization's files would take ${(QUOTA + 1).toLocaleString('en-US')} bytes, over its 2 MB ` +
        `storage quota (2,097,152 bytes; ${room.toLocaleString('en-US')} bytes are left)`,
    );
    expect(files()).toEqual(filesBefore);
    expect(await used(SELLER_EMAIL)).toBe(QUOTA - room);

    const exactly = await send(seller, pdfDocument('exactly at the quota', room), 'exact.pdf');
    expect(exactly.status).toBe(201);
    expect(await used(SELLER_EMAIL)).toBe(QUOTA);

    // Full: refused before the body is read.
    const full = await send(seller, pdfDocument('small'), 'small.pdf');
    expect(full.status).toBe(413);
    expect(full.body.errors[0].extensions.rule).toBe('QUOTA');
    expect(full.body.errors[0].message).toMatch(/0 bytes are left\)$/);

    // Another organization's quota is its own.
    expect((await send(otherSeller, pdfDocument('other'), 'other.pdf')).status).toBe(201);
  });

  it('parallel uploads cannot overshoot the quota together: exactly as many as fit are stored', async () => {
    const room = QUOTA - (await used(OTHER_SELLER_EMAIL));
    // Two of these fit, three do not.
    const size = Math.floor(room / 3) + 1;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send(otherSeller, pdfDocument(`parallel ${i}`, size), `p${i}.pdf`)),
    );
    expect(results.map((result) => result.status).sort()).toEqual([201, 201, 413, 413, 413, 413]);
    expect(await used(OTHER_SELLER_EMAIL)).toBe(QUOTA - room + 2 * size);
    expect(files().filter((file) => file.startsWith('.incoming'))).toEqual([]);
  });

  it('the sweep removes stored files without a row once older than the grace period, and stale incoming files; never a file with a row', async () => {
    const now = clock.now();
    const old = new Date(now.getTime() - 2 * HOUR);
    const recent = new Date(now.getTime() - 59 * 60_000);
    const age = (file: string, at: Date) => utimesSync(path.join(storage.root, file), at, at);
    const rows = await app.orm.em.fork().find(Upload, {});
    // Every stored file with a row is old enough to be a candidate.
    for (const row of rows) age(row.storageKey, old);

    // What a crash between writing the file and inserting its row leaves behind.
    const orphan = `2026/11/${randomUUID()}`;
    await storage.put(orphan, Buffer.from('no row names me'));
    age(orphan, old);
    // An upload in flight: its row is not written yet.
    const inFlight = `2026/11/${randomUUID()}`;
    await storage.put(inFlight, Buffer.from('my row is on its way'));
    age(inFlight, recent);
    mkdirSync(storage.incomingDir, { recursive: true });
    writeFileSync(path.join(storage.incomingDir, 'crashed.part'), 'half a file');
    age('.incoming/crashed.part', old);
    writeFileSync(path.join(storage.incomingDir, 'arriving.part'), 'still arriving');
    age('.incoming/arriving.part', recent);

    // Two instances sweep at once; small batches so several queries run.
    const sweep = () => sweepOrphanFiles({ orm: app.orm, storage, graceMs: HOUR, now, batchSize: 3 });
    const [first, second] = await Promise.all([sweep(), sweep()]);
    expect(first.removed + second.removed).toBeGreaterThanOrEqual(1);
    expect(existsSync(path.join(storage.root, orphan))).toBe(false);
    expect(existsSync(path.join(storage.incomingDir, 'crashed.part'))).toBe(false);
    expect(existsSync(path.join(storage.root, inFlight))).toBe(true);
    expect(existsSync(path.join(storage.incomingDir, 'arriving.part'))).toBe(true);
    for (const row of rows) expect(existsSync(path.join(storage.root, row.storageKey))).toBe(true);
    expect(rows.length).toBeGreaterThan(5);

    // Nothing left to remove: a second sweep is a no-op.
    expect(await sweep()).toEqual({ removed: 0, incomingRemoved: 0 });

    // Once past the grace period the in-flight file, still without a row, goes too.
    expect(
      await sweepOrphanFiles({ orm: app.orm, storage, graceMs: HOUR, now: new Date(now.getTime() + HOUR) }),
    ).toEqual({
      removed: 1,
      incomingRemoved: 1,
    });
    expect(existsSync(path.join(storage.root, inFlight))).toBe(false);
  });

  it('the worker sweeps when it starts (RUN_WORKERS or the worker command)', async () => {
    const orphan = `2026/11/${randomUUID()}`;
    await storage.put(orphan, Buffer.from('left by a crash'));
    const old = new Date(clock.now().getTime() - 2 * HOUR);
    utimesSync(path.join(storage.root, orphan), old, old);
    const logger = (await import('../src/logger.js')).createLogger({ logLevel: 'silent' });
    const sweeper = startOrphanFileSweeper({
      orm: app.orm,
      storage,
      logger,
      config: { uploads: { orphanGraceMs: HOUR, sweepIntervalMs: HOUR } },
      now: clock.now,
    });
    await sweeper.stop();
    expect(existsSync(path.join(storage.root, orphan))).toBe(false);
  });
});
