import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { returnRequestEmailing, type ReturnEmailLinks } from '../src/features/returns/links/return-links.service.js';
import {
  sweepUsedReturnLinks,
  USED_RETURN_LINK_GRACE_MS,
} from '../src/features/returns/links/sweep-used-return-links.js';
import { UsedReturnLink } from '../src/features/returns/links/used-return-link.entity.js';
import { ReturnMessage } from '../src/features/returns/return-message.entity.js';
import { ReturnRequest } from '../src/features/returns/return-request.entity.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { SELLER_EMAIL, signedIn } from './support/principals.js';
import { arrive } from './support/returns.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;
const SELLER_ORGANIZATION = 'Evergreen Renewed';

let app: TestApp;
const clock = new TestClock(new Date());
let sellerId: string;

beforeAll(async () => {
  app = await startTestApp({ seeders: [DemoDataSeeder], now: clock.now });
  sellerId = (await app.orm.em.fork().findOneOrFail(Organization, { name: SELLER_ORGANIZATION })).id;
});

afterAll(async () => {
  await app?.stop();
});

/** The app's own link settings: the secret the server generated in its database, 7 days. */
const linkConfig = () => ({ publicUrl: app.url.replace(/\/$/, ''), returnLinks: loadConfig({}).returnLinks });

/** A new request of the demo seller waiting for a decision (out of policy: manual), and its email links. */
async function newRequest(): Promise<{ request: ReturnRequest; links: ReturnEmailLinks }> {
  const request = await arrive(app, sellerId, {
    requestedAt: clock.now(),
    deliveredDaysBefore: 60,
    now: clock.now(),
  });
  expect(request.status).toBe('REQUESTED');
  const em = app.orm.em.fork() as EntityManager;
  const { links } = await returnRequestEmailing(em, linkConfig(), request, clock.now());
  return { request, links: links! };
}

function open(link: string): Promise<Response> {
  return fetch(link);
}

function confirm(link: string, form: Record<string, string>): Promise<Response> {
  return fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

async function stored(id: string) {
  const em = app.orm.em.fork();
  return {
    request: await em.findOneOrFail(ReturnRequest, { id }),
    messages: await em.count(ReturnMessage, { returnRequest: id }),
    used: await em.count(UsedReturnLink, { returnRequest: id }),
    audits: await em.count(AuditLogEntry, { subjectId: id }),
  };
}

describe('links in return-request emails', () => {
  it('open a page that says what will happen and changes nothing (mail scanners fetch links)', async () => {
    const { request, links } = await newRequest();
    expect(Object.keys(links).sort()).toEqual(['AUTHORIZE', 'CLOSE', 'REPLY']);
    const before = await stored(request.id);
    for (let i = 0; i < 3; i += 1) {
      const page = await open(links.AUTHORIZE!);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await page.text();
      expect(html).toContain('Authorize this return');
      expect(html).toContain(request.orderExternalId);
      expect(html).toContain('<form method="post">');
    }
    expect(await stored(request.id)).toEqual(before);
  });

  it('act once when confirmed: authorize, then the same link again is refused as used', async () => {
    const { request, links } = await newRequest();
    const done = await confirm(links.AUTHORIZE!, { action: 'AUTHORIZE' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Done');
    const after = await stored(request.id);
    expect(after.request.status).toBe('AUTHORIZED');
    expect(after.request.rma).toMatch(/\S/);
    expect(after.used).toBe(1);

    const again = await confirm(links.AUTHORIZE!, { action: 'AUTHORIZE' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('This link was already used');
    const reopened = await open(links.AUTHORIZE!);
    expect(reopened.status).toBe(409);
    expect(await stored(request.id)).toEqual(after);
  });

  it('close with the reason chosen on the page, and reply with the message typed there', async () => {
    const { request, links } = await newRequest();
    const page = await (await open(links.CLOSE!)).text();
    expect(page).toContain('<option value="DECLINED">');
    const replied = await confirm(links.REPLY!, { action: 'REPLY', message: 'Please send it back with the charger.' });
    expect(replied.status).toBe(200);
    const closed = await confirm(links.CLOSE!, { action: 'CLOSE', reason: 'DECLINED' });
    expect(closed.status).toBe(200);
    const after = await stored(request.id);
    expect(after.request.status).toBe('CLOSED');
    expect(after.request.closeReason).toBe('DECLINED');
    expect(after.messages).toBe(1);
  });

  it('act once when two clicks arrive at the same time', async () => {
    const { request, links } = await newRequest();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => confirm(links.REPLY!, { action: 'REPLY', message: 'Only once, please.' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    const after = await stored(request.id);
    expect(after.messages).toBe(1);
    expect(after.used).toBe(1);
  });

  it('refuse a link used for another action than its own, and leave it usable for its own', async () => {
    const { request, links } = await newRequest();
    const before = await stored(request.id);
    const wrong = await confirm(links.AUTHORIZE!, { action: 'CLOSE', reason: 'DECLINED' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('This link was made to authorize the return, not to close it.');
    expect(await stored(request.id)).toEqual(before);
    expect((await confirm(links.AUTHORIZE!, { action: 'AUTHORIZE' })).status).toBe(200);
  });

  it('refuse a tampered link (another return, another action, a changed signature) and change nothing', async () => {
    const { request, links } = await newRequest();
    const other = await newRequest();
    const before = await stored(request.id);
    const token = links.CLOSE!.split('/').at(-1)!;
    const [body, signature] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = (change: Record<string, unknown>) =>
      `${links.CLOSE!.slice(0, -token.length)}${Buffer.from(JSON.stringify({ ...payload, ...change })).toString('base64url')}.${signature}`;
    for (const link of [
      forged({ r: other.request.id }),
      forged({ a: 'AUTHORIZE' }),
      forged({ e: Number(payload['e']) + 3600 }),
      `${links.CLOSE!.slice(0, -3)}${links.CLOSE!.endsWith('AAA') ? 'BBB' : 'AAA'}`,
      links.CLOSE!.slice(0, -10),
    ]) {
      const page = await open(link);
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('This link is not valid');
      const posted = await confirm(link, { action: 'AUTHORIZE' });
      expect(posted.status).toBe(400);
    }
    expect(await stored(request.id)).toEqual(before);
    expect((await stored(other.request.id)).request.status).toBe('REQUESTED');
  });

  it('refuse an expired link (7 days by default) and change nothing', async () => {
    const { request, links } = await newRequest();
    const before = await stored(request.id);
    clock.advance(7 * DAY - 1000);
    expect((await open(links.REPLY!)).status).toBe(200);
    clock.advance(1000);
    const page = await open(links.REPLY!);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This link has expired');
    const posted = await confirm(links.REPLY!, { action: 'REPLY', message: 'Too late?' });
    expect(posted.status).toBe(410);
    expect(await stored(request.id)).toEqual(before);
  });

  it('leave their used rows until an hour after the link expired; then the scheduled sweep deletes each once, however many instances run it', async () => {
    const { request, links } = await newRequest();
    expect((await confirm(links.AUTHORIZE!, { action: 'AUTHORIZE' })).status).toBe(200);
    const row = await app.orm.em.fork().findOneOrFail(UsedReturnLink, { returnRequest: request.id });
    const sweep = () => sweepUsedReturnLinks({ orm: app.orm, now: clock.now });

    // Until its link expires (and an hour after), the row is what refuses a second click.
    clock.set(new Date(row.expiresAt.getTime() + USED_RETURN_LINK_GRACE_MS - 1000));
    await sweep();
    expect((await stored(request.id)).used).toBe(1);

    clock.advance(1000);
    const due = await app.orm.em.fork().count(UsedReturnLink, { expiresAt: { $lte: row.expiresAt } });
    const swept = await Promise.all([sweep(), sweep(), sweep()]);
    expect(swept.reduce((sum, n) => sum + n, 0)).toBe(due);
    expect((await stored(request.id)).used).toBe(0);
    // The link itself has expired: it is refused as such and changes nothing.
    const before = await stored(request.id);
    const again = await confirm(links.AUTHORIZE!, { action: 'AUTHORIZE' });
    expect(again.status).toBe(410);
    expect(await stored(request.id)).toEqual(before);
  });

  it('leave the link unused when the return no longer allows its action', async () => {
    const { request, links } = await newRequest();
    expect((await confirm(links.CLOSE!, { action: 'CLOSE', reason: 'DECLINED' })).status).toBe(200);
    const refused = await confirm(links.AUTHORIZE!, { action: 'AUTHORIZE' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('This return could not be authorized');
    const after = await stored(request.id);
    expect(after.request.status).toBe('CLOSED');
    expect(after.used).toBe(1);
  });
});

describe('email settings', () => {
  const UPDATE =
    'mutation($input: ReturnEmailSettingsInput!) { updateReturnEmailSettings(input: $input) { receiveRequestEmails recipientEmail includeActionLinks } }';

  it('start at the defaults and are saved bounded, with a typed error naming the field', async () => {
    const seller = await signedIn(app, SELLER_EMAIL);
    const initial = await seller.graphql<any>(
      '{ returnEmailSettings { receiveRequestEmails recipientEmail includeActionLinks } }',
    );
    expect(initial.data.returnEmailSettings).toEqual({
      receiveRequestEmails: true,
      recipientEmail: null,
      includeActionLinks: true,
    });
    const bad = await seller.graphql<any>(UPDATE, {
      input: { receiveRequestEmails: true, recipientEmail: 'not an address', includeActionLinks: true },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'recipientEmail' }],
    });
    const tooLong = await seller.graphql<any>(UPDATE, {
      input: { receiveRequestEmails: true, recipientEmail: `${'a'.repeat(250)}@example.com`, includeActionLinks: true },
    });
    expect(tooLong.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

    const saved = await seller.graphql<any>(UPDATE, {
      input: { receiveRequestEmails: true, recipientEmail: ' returns@evergreen.example ', includeActionLinks: false },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.updateReturnEmailSettings).toEqual({
      receiveRequestEmails: true,
      recipientEmail: 'returns@evergreen.example',
      includeActionLinks: false,
    });
  });

  it('decide who is emailed on arrival, and whether the email has links', async () => {
    const seller = await signedIn(app, SELLER_EMAIL);
    const emailsOf = async (id: string) => {
      const request = await app.orm.em.fork().findOneOrFail(ReturnRequest, { id });
      return app.orm.em
        .fork()
        .find(OutboxEmail, { kind: 'return.requested', textBody: { $like: `%${request.orderExternalId}%` } });
    };

    await seller.graphql(UPDATE, {
      input: { receiveRequestEmails: true, recipientEmail: 'returns@evergreen.example', includeActionLinks: true },
    });
    const withLinks = await newRequest();
    const [email] = await emailsOf(withLinks.request.id);
    expect(email?.toAddress).toBe('returns@evergreen.example');
    const link = /Authorize: (\S+)/.exec(email!.textBody)?.[1];
    expect(link).toMatch(/\/returns\/link\//);
    // The arrival helper's public URL is http://localhost: the path is what matters.
    const onThisServer = new URL(new URL(link!).pathname, app.url).toString();
    expect((await confirm(onThisServer, { action: 'AUTHORIZE' })).status).toBe(200);

    await seller.graphql(UPDATE, {
      input: { receiveRequestEmails: true, recipientEmail: null, includeActionLinks: false },
    });
    const withoutLinks = await newRequest();
    const plain = await emailsOf(withoutLinks.request.id);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.every((e) => !e.textBody.includes('/returns/link/'))).toBe(true);

    await seller.graphql(UPDATE, {
      input: { receiveRequestEmails: false, recipientEmail: null, includeActionLinks: true },
    });
    const silent = await newRequest();
    expect(await emailsOf(silent.request.id)).toEqual([]);
  });
});
