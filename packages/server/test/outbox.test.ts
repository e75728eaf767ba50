import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockMode } from '@mikro-orm/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createOrm, migrateToLatest, type Orm } from '../src/db/orm.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database.js';
import { createMailTransport, type MailTransport } from '../src/features/outbox/mail-transport.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { InvalidOutboxEmailError } from '../src/features/outbox/outbox.errors.js';
import { runWorkerProcess } from '../src/worker.js';
import { enqueueEmail, type EmailToSend } from '../src/features/outbox/outbox.service.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../src/features/outbox/outbox.worker.js';
import { createLogger } from '../src/logger.js';
import { freePort, messageBody, parseHeaders, startSmtpPeer, type SmtpPeer } from './support/smtp-peer.js';
import { testDatabaseKind } from './support/test-app.js';

const kind = testDatabaseKind();
const logger = createLogger({
  logLevel: process.env['TEST_LOG_LEVEL'] === undefined ? 'silent' : (process.env['TEST_LOG_LEVEL'] as 'info'),
});
const FROM = 'Recertify <no-reply@recertify.test>';

let scratch: ScratchDatabase;
let orm: Orm;
/** The injected clock of every worker in this file. */
let clock: Date;
const now = () => clock;
const later = (ms: number) => new Date(clock.getTime() + ms);

/** Resources a test opened; closed after it, whatever happened. */
let cleanups: Array<() => unknown>;
function onCleanup<T>(resource: T, close: (resource: T) => unknown): T {
  cleanups.push(() => close(resource));
  return resource;
}

beforeAll(async () => {
  scratch = await createScratchDatabase(kind, 'outbox');
  orm = await createOrm({ database: scratch.database, logger });
  await migrateToLatest(orm);
});

afterAll(async () => {
  await orm?.close();
  await scratch?.drop();
});

beforeEach(async () => {
  cleanups = [];
  clock = new Date('2026-03-02T09:00:00.000Z');
  await orm.em.fork().nativeDelete(OutboxEmail, {});
});

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function email(overrides: Partial<EmailToSend> = {}): EmailToSend {
  return {
    kind: 'application.decided',
    to: 'seller@example.test',
    subject: 'Your application was approved',
    text: 'Welcome to the Renewed program.',
    ...overrides,
  };
}

/** Queues an email the way a use case does: inside its transaction, committed. */
async function enqueueCommitted(overrides: Partial<EmailToSend> = {}): Promise<string> {
  return orm.em.fork().transactional(async (em) => Promise.resolve(enqueueEmail(em, email(overrides), clock).id));
}

async function row(id: string): Promise<OutboxEmail> {
  return orm.em.fork().findOneOrFail(OutboxEmail, id);
}

function smtpTransport(url: string): MailTransport {
  return onCleanup(
    createMailTransport({ smtpUrl: url, fileDir: '/nonexistent', from: FROM }, { timeoutMs: 3_000 }),
    (t) => t.close(),
  );
}

function worker(transport: MailTransport, options: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  return new OutboxWorker({ orm, transport, logger, now, ...options });
}

async function peerOn(port = 0): Promise<SmtpPeer> {
  return onCleanup(await startSmtpPeer(port), (peer) => peer.close());
}

describe(`email outbox on ${kind}`, () => {
  it('queues in the caller’s transaction: a rolled-back email is never sent, a committed one is', async () => {
    const peer = await peerOn();

    await expect(
      orm.em.fork().transactional(async (em) => {
        enqueueEmail(em, email({ to: 'rolled-back@example.test' }), clock);
        await em.flush();
        throw new Error('decision refused');
      }),
    ).rejects.toThrow('decision refused');

    // enqueueEmail only persists: nothing reaches the database until the caller flushes.
    const em = orm.em.fork();
    enqueueEmail(em, email({ to: 'committed@example.test' }), clock);
    expect(await orm.em.fork().count(OutboxEmail)).toBe(0);
    await em.flush();

    expect(await worker(smtpTransport(peer.url)).runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(peer.received.map((m) => m.recipients)).toEqual([['committed@example.test']]);
    expect(await orm.em.fork().count(OutboxEmail)).toBe(1);
  });

  it('refuses an address that is not one plain address, and trims one that is', () => {
    const em = orm.em.fork();
    for (const to of [
      'no-at-sign',
      'a@example.test, b@example.test',
      'Name <a@example.test>',
      '@',
      'a b@example.test',
    ]) {
      expect(() => enqueueEmail(em, email({ to }), clock)).toThrow(InvalidOutboxEmailError);
    }
    expect(() => enqueueEmail(em, email({ subject: '  ' }), clock)).toThrow(/subject/);
    const queued = enqueueEmail(em, email({ to: '  seller@example.test \n' }), clock);
    expect(queued.toAddress).toBe('seller@example.test');
    expect(queued).toMatchObject({ status: 'PENDING', attempts: 0, nextAttemptAt: clock });
  });

  it('survives an SMTP outage: fails, waits for its retry time, then delivers exactly once', async () => {
    const port = await freePort();
    const outbox = worker(smtpTransport(`smtp://127.0.0.1:${port}`));
    const id = await enqueueCommitted({ subject: 'Decision: approved' });

    // Nothing listens on the port: the run records the failure instead of throwing.
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lockedBy: null, lockedUntil: null, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(later(27_000).getTime());
    expect(failed.nextAttemptAt.getTime()).toBeLessThanOrEqual(later(30_000).getTime());

    // Before nextAttemptAt the email is not tried, whether the server is down or back up.
    clock = later(20_000);
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    const peer = await peerOn(port);
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(peer.received).toHaveLength(0);
    expect((await row(id)).attempts).toBe(1);

    clock = new Date(failed.nextAttemptAt.getTime() + 1);
    expect(await outbox.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(peer.received).toHaveLength(1);
    expect(peer.received[0]).toMatchObject({
      messageId: `<${id}@recertify>`,
      recipients: ['seller@example.test'],
      subject: 'Decision: approved',
      from: 'no-reply@recertify.test',
    });
    expect(await row(id)).toMatchObject({ status: 'SENT', sentAt: clock, attempts: 2, lockedBy: null });

    clock = later(24 * 3_600_000);
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(peer.received).toHaveLength(1);
  });

  it('delivers each email exactly once when two workers with their own connections race', async () => {
    const peer = await peerOn();
    // A second ORM: its own connection (pool), as a worker on another machine would have.
    const otherOrm = onCleanup(await createOrm({ database: scratch.database, logger }), (o) => o.close());
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++)
      ids.add(await enqueueCommitted({ to: `seller${i}@example.test`, subject: `Email ${i}` }));

    const first = worker(smtpTransport(peer.url), { workerId: 'worker-a', batchSize: 4 });
    const second = new OutboxWorker({
      orm: otherOrm,
      transport: smtpTransport(peer.url),
      logger,
      now,
      workerId: 'worker-b',
      batchSize: 4,
    });
    const sentBy = { a: 0, b: 0 };
    for (let round = 0; round < 30; round++) {
      const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
      expect(a.failed + b.failed + a.dead + b.dead).toBe(0);
      sentBy.a += a.sent;
      sentBy.b += b.sent;
      if (a.sent + b.sent === 0) break;
    }

    const messageIds = peer.received.map((m) => m.messageId);
    expect(messageIds).toHaveLength(30);
    expect(new Set(messageIds)).toEqual(new Set([...ids].map((id) => `<${id}@recertify>`)));
    expect(sentBy.a + sentBy.b).toBe(30);
    if (kind === 'postgresql') {
      // SKIP LOCKED: while one worker holds its batch, the other takes the next rows. (On SQLite both
      // may pick the same candidates and one worker then wins every conditional update.)
      expect(sentBy.a).toBeGreaterThan(0);
      expect(sentBy.b).toBeGreaterThan(0);
    }
    expect(await orm.em.fork().count(OutboxEmail, { status: 'SENT' })).toBe(30);
  });

  it.runIf(kind === 'postgresql')(
    'skips rows another transaction has locked instead of waiting for them (FOR UPDATE SKIP LOCKED)',
    async () => {
      const peer = await peerOn();
      const otherOrm = onCleanup(await createOrm({ database: scratch.database, logger }), (o) => o.close());
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await enqueueCommitted({ to: `seller${i}@example.test` }));
      const [lockedId, ...freeIds] = ids;

      // Another connection holds a row lock on the oldest email until we let go.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = otherOrm.em.fork().transactional(async (em) => {
        await em.findOneOrFail(OutboxEmail, lockedId!, { lockMode: LockMode.PESSIMISTIC_WRITE });
        locked();
        await released;
      });
      await isLocked;

      try {
        const result = await Promise.race([
          worker(smtpTransport(peer.url)).runOnce(),
          sleep(5_000).then(() => 'blocked' as const),
        ]);
        expect(result).toEqual({ sent: 3, failed: 0, dead: 0 });
        expect(new Set(peer.received.map((m) => m.messageId))).toEqual(
          new Set(freeIds.map((id) => `<${id}@recertify>`)),
        );
        expect(await row(lockedId!)).toMatchObject({ status: 'PENDING', lockedBy: null });
      } finally {
        release();
        await holder;
      }
      expect(await worker(smtpTransport(peer.url)).runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    },
  );

  it('takes over a row whose lease ran out (its worker died) but not one still leased', async () => {
    const peer = await peerOn();
    const id = await enqueueCommitted();
    await orm.em.fork().nativeUpdate(OutboxEmail, { id }, { lockedBy: 'crashed-worker', lockedUntil: later(60_000) });
    const outbox = worker(smtpTransport(peer.url));

    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    clock = later(60_001);
    expect(await outbox.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(peer.received.map((m) => m.messageId)).toEqual([`<${id}@recertify>`]);
  });

  it('marks an email DEAD after maxAttempts and never tries it again', async () => {
    const port = await freePort();
    const outbox = worker(smtpTransport(`smtp://127.0.0.1:${port}`), { maxAttempts: 3 });
    const id = await enqueueCommitted();

    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    clock = (await row(id)).nextAttemptAt;
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    const second = await row(id);
    // The second wait doubles the first (both minus at most 10 % jitter).
    expect(second.nextAttemptAt.getTime() - clock.getTime()).toBeGreaterThan(54_000);
    expect(second.nextAttemptAt.getTime() - clock.getTime()).toBeLessThanOrEqual(60_000);
    clock = second.nextAttemptAt;
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 0, dead: 1 });
    const dead = await row(id);
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 3, lockedBy: null, lockedUntil: null });
    expect(dead.lastError).toMatch(/ECONNREFUSED/);

    const peer = await peerOn(port);
    clock = later(30 * 24 * 3_600_000);
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(peer.received).toHaveLength(0);
    expect((await row(id)).status).toBe('DEAD');
  });

  it('writes a parseable .eml per email into the mail folder when no SMTP server is configured', async () => {
    const dir = onCleanup(mkdtempSync(path.join(tmpdir(), 'recertify-mail-')), (d) =>
      rmSync(d, { recursive: true, force: true }),
    );
    const fileDir = path.join(dir, 'mail');
    const transport = onCleanup(createMailTransport({ smtpUrl: null, fileDir, from: FROM }), (t) => t.close());
    expect(transport.kind).toBe('file');
    const id = await enqueueCommitted({
      to: 'reviewer@example.test',
      subject: 'Application needs information',
      text: 'Please upload the missing invoice.',
      html: '<p>Please upload the missing invoice.</p>',
    });

    expect(await worker(transport).runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(readdirSync(fileDir)).toEqual([`${id}.eml`]);
    const raw = readFileSync(path.join(fileDir, `${id}.eml`), 'utf8');
    const headers = parseHeaders(raw);
    expect(headers.get('subject')).toBe('Application needs information');
    expect(headers.get('to')).toBe('reviewer@example.test');
    expect(headers.get('from')).toBe(FROM);
    expect(headers.get('message-id')).toBe(`<${id}@recertify>`);
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(messageBody(raw)).toContain('Please upload the missing invoice.');
    expect(messageBody(raw)).toContain('<p>Please upload the missing invoice.</p>');
    expect((await row(id)).status).toBe('SENT');
  });

  it('polls once started, and stop() waits for the send in progress, then polls no more', async () => {
    const peer = await peerOn();
    const smtp = smtpTransport(peer.url);
    // The real SMTP transport behind a gate, so the test can stop the worker mid-send.
    let sendStarted!: () => void;
    const started = new Promise<void>((resolve) => (sendStarted = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const gated: MailTransport = {
      ...smtp,
      async send(message) {
        sendStarted();
        await gate;
        await smtp.send(message);
      },
    };
    const outbox = worker(gated);
    const first = await enqueueCommitted({ subject: 'first' });

    outbox.start(50);
    await started;
    let stopped = false;
    const stopping = outbox.stop().then(() => (stopped = true));
    await sleep(100);
    expect(stopped).toBe(false);
    openGate();
    await stopping;
    expect(peer.received.map((m) => m.messageId)).toEqual([`<${first}@recertify>`]);
    expect((await row(first)).status).toBe('SENT');

    const second = await enqueueCommitted({ subject: 'second' });
    await sleep(300);
    expect(peer.received).toHaveLength(1);
    expect((await row(second)).status).toBe('PENDING');
  });

  it('runs as its own process (the `worker` command) until told to stop', async () => {
    const peer = await peerOn();
    const dataDir = onCleanup(mkdtempSync(path.join(tmpdir(), 'recertify-worker-')), (d) =>
      rmSync(d, { recursive: true, force: true }),
    );
    const config = {
      ...loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        SMTP_URL: peer.url,
        OUTBOX_POLL_MS: '100',
      }),
      database: scratch.database,
    };
    // Due now by the real clock, which the process uses.
    clock = new Date();
    const id = await enqueueCommitted();
    const controller = new AbortController();
    const running = runWorkerProcess(config, { signal: controller.signal, logger });
    try {
      for (let waited = 0; peer.received.length === 0 && waited < 10_000; waited += 50) await sleep(50);
    } finally {
      controller.abort();
      await running;
    }
    expect(peer.received.map((m) => m.messageId)).toEqual([`<${id}@recertify>`]);
    expect((await row(id)).status).toBe('SENT');
  });
});
