import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '../src/db/orm.js';
import { resolvePrincipal } from '../src/../src/auth/authentication.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { LocalFolderStorage } from '../src/features/uploads/storage.js';
import {
  DOCUMENT_MAX_BYTES,
  IMAGE_MAX_BYTES,
  IMAGE_MAX_DECODED_BYTES,
  UPLOAD_MAX_BYTES,
} from '../src/features/uploads/upload-checks.js';
import { Upload } from '../src/features/uploads/upload.entity.js';
import { storeUpload } from '../src/features/uploads/upload.service.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { jpegImage, pdfDocument, pngClaimingSize, pngImage, webpImage } from '../src/lib/sample-files.js';
import {
  ADMIN_EMAIL,
  OTHER_SELLER_EMAIL,
  REVIEWER_EMAIL,
  SELLER_EMAIL,
  createKey,
  signedIn,
} from './support/principals.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

interface Sent {
  status: number;
  body: any;
  headers: Headers;
}

interface UploadOptions {
  /** Leave out the anti-CSRF header, as a cross-site form would. */
  withoutCsrfHeader?: boolean;
  field?: string;
  headers?: Record<string, string>;
}

/** The one refusal of an error body (`{ errors: [{ message, extensions }] }`), with the field at fault if any. */
function refusalOf(body: unknown): { code: unknown; message: unknown; field: unknown } {
  const { errors } = body as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
  expect(errors).toHaveLength(1);
  const [{ message, extensions }] = errors as [{ message: string; extensions: Record<string, unknown> }];
  const fields = extensions['fields'] as Array<{ field: string }> | undefined;
  return { code: extensions['code'], message, field: fields?.[0]?.field ?? null };
}

describe('uploads over HTTP', () => {
  const clock = new TestClock();
  let app: TestApp;
  let seller: TestClient;
  let otherSeller: TestClient;
  let reviewer: TestClient;
  let admin: TestClient;
  /** The test server's `<dataDir>/uploads`, found from the first upload's storage key. */
  let folder: string;

  const cookieOf = (client: TestClient | null): Record<string, string> =>
    client?.sessionToken ? { cookie: `rc_session=${client.sessionToken}` } : {};

  async function send(
    client: TestClient | null,
    kind: string,
    bytes: Buffer,
    name: string,
    options: UploadOptions = {},
  ): Promise<Sent> {
    const form = new FormData();
    form.append(options.field ?? 'file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(new URL(`/uploads?kind=${kind}`, app.url), {
      method: 'POST',
      body: form,
      headers: {
        ...(options.withoutCsrfHeader ? {} : { 'x-recertify-upload': '1' }),
        ...cookieOf(client),
        ...options.headers,
      },
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  async function read(id: string, headers: Record<string, string>) {
    const response = await fetch(new URL(`/uploads/${id}`, app.url), { headers });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  const rows = () => app.orm.em.fork().count(Upload, {});
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  /** Every file under the uploads folder, temporary ones included. */
  function filesInFolder(): string[] {
    return (
      readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{
        isFile(): boolean;
        name: string;
        parentPath: string;
      }>
    )
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
      .sort();
  }

  /** Runs `action`, then checks that it added neither a row nor a file. */
  async function expectNothingStored(action: () => Promise<void>): Promise<void> {
    const [rowsBefore, filesBefore] = [await rows(), filesInFolder()];
    await action();
    expect(await rows()).toBe(rowsBefore);
    expect(filesInFolder()).toEqual(filesBefore);
  }

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: clock.now });
    [seller, otherSeller, reviewer, admin] = await Promise.all([
      signedIn(app, SELLER_EMAIL),
      signedIn(app, OTHER_SELLER_EMAIL),
      signedIn(app, REVIEWER_EMAIL),
      signedIn(app, ADMIN_EMAIL),
    ]);
    folder = path.join(app.dataDir, 'uploads');
    const first = await send(seller, 'IMAGE', pngImage(600, 600), 'first.png');
    expect(first.status).toBe(201);
    const { storageKey } = await app.orm.em.fork().findOneOrFail(Upload, { id: first.body.id });
    expect(existsSync(path.join(folder, storageKey))).toBe(true);
  });
  afterAll(() => app?.stop());

  it('a seller uploads a PDF invoice: 201 with the type found in it; the row has its sha256; the bytes are in the folder', async () => {
    const pdf = pdfDocument('Invoice INV-2026-0042');
    const res = await send(seller, 'DOCUMENT', pdf, 'invoice-0042.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      kind: 'DOCUMENT',
      contentType: 'application/pdf',
      size: pdf.length,
      width: null,
      height: null,
      originalName: 'invoice-0042.pdf',
    });
    expect(res.headers.get('location')).toBe(`/uploads/${res.body.id}`);
    const row = await app.orm.em.fork().findOneOrFail(Upload, { id: res.body.id }, { populate: ['uploadedBy'] });
    expect(row.sha256).toBe(sha256(pdf));
    expect(row.uploadedBy.getEntity().email).toBe(SELLER_EMAIL);
    expect(row.storageKey).toMatch(/^2026\/11\/[0-9a-f-]{36}$/);
    expect(row.createdAt.toISOString()).toBe(clock.now().toISOString());
    expect(readFileSync(path.join(folder, row.storageKey))).toEqual(pdf);
  });

  it('a seller uploads an 800×800 PNG sample image; its dimensions and sha256 are stored', async () => {
    const png = pngImage(800, 800);
    const res = await send(seller, 'IMAGE', png, 'front.png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'IMAGE',
      contentType: 'image/png',
      size: png.length,
      width: 800,
      height: 800,
    });
    const row = await app.orm.em.fork().findOneOrFail(Upload, { id: res.body.id });
    expect([row.width, row.height, row.sha256]).toEqual([800, 800, sha256(png)]);
    expect(readFileSync(path.join(folder, row.storageKey))).toEqual(png);
  });

  it.each([
    ['IMAGE', 'a JPEG', () => jpegImage(1024, 768), 'image/jpeg', 1024, 768],
    ['IMAGE', 'a WebP', () => webpImage(600, 900), 'image/webp', 600, 900],
    [
      'DOCUMENT',
      'a small JPEG photo of an invoice (documents have no minimum)',
      () => jpegImage(320, 240),
      'image/jpeg',
      320,
      240,
    ],
    ['DOCUMENT', 'a PNG scan', () => pngImage(1240, 1754), 'image/png', 1240, 1754],
  ] as const)('%s: %s is accepted', async (kind, _label, make, contentType, width, height) => {
    const res = await send(seller, kind, make(), 'upload');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind, contentType, width, height });
  });

  it('a text file named photo.jpg is refused, naming what the content really is; nothing is stored', async () => {
    await expectNothingStored(async () => {
      const res = await send(
        seller,
        'IMAGE',
        Buffer.from('these are not the pixels you are looking for\n'),
        'photo.jpg',
      );
      expect(res.status).toBe(400);
      const problem =
        'this is not a JPEG, PNG or WebP image (its content is text/plain); the name photo.jpg does not matter, the content does';
      expect(res.body).toEqual({
        errors: [
          {
            message: `file: ${problem}`,
            extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'file', message: problem }], rule: 'CONTENT_TYPE' },
          },
        ],
      });
    });
    await expectNothingStored(async () => {
      const res = await send(seller, 'DOCUMENT', Buffer.from('Invoice 42: 3 phones, 900.00 USD'), 'invoice.pdf');
      expect(res.status).toBe(400);
      expect(refusalOf(res.body).message).toMatch(/not a PDF, JPEG, PNG or WebP file \(its content is text\/plain\)/);
    });
  });

  it('a PDF sent as a sample IMAGE is refused', async () => {
    await expectNothingStored(async () => {
      const res = await send(seller, 'IMAGE', pdfDocument(), 'front.png');
      expect(res.status).toBe(400);
      expect(refusalOf(res.body).message).toMatch(
        /^file: this is not a JPEG, PNG or WebP image \(its content is application\/pdf\)/,
      );
    });
  });

  it('binary data of no known type is refused as such', async () => {
    const res = await send(seller, 'DOCUMENT', Buffer.from([0, 1, 2, 3, 254, 255, 0, 7]), 'blob.bin');
    expect(res.status).toBe(400);
    expect(refusalOf(res.body).message).toBe(
      'file: this is not a PDF, JPEG, PNG or WebP file (its content is application/octet-stream (not a type we recognise))',
    );
  });

  it.each([
    [499, 500, 400],
    [500, 499, 400],
    [500, 500, 201],
    [10_000, 500, 201],
    [10_001, 500, 400],
  ])('a %i×%i sample image: %i', async (width, height, status) => {
    const res = await send(seller, 'IMAGE', pngImage(width, height, [0, 0, 0]), 'side.png');
    expect(res.status).toBe(status);
    if (status === 201) expect(res.body).toMatchObject({ width, height });
    else expect(refusalOf(res.body).field).toBe('file');
    if (width === 499) {
      expect(refusalOf(res.body).message).toBe(
        'file: the image is 499×500 px; sample images must be at least 500×500 px',
      );
    }
    if (width === 10_001) {
      expect(refusalOf(res.body).message).toBe(
        'file: the image is 10001×500 px; images must be at most 10000×10000 px',
      );
    }
  });

  it('a cut-off image whose dimensions cannot be read, and a cut-off PDF, are refused', async () => {
    await expectNothingStored(async () => {
      // The JPEG start marker without the frame header: file-type knows it, image-size cannot size it.
      const image = await send(seller, 'IMAGE', jpegImage(800, 800).subarray(0, 30), 'cut.jpg');
      expect(image.status).toBe(400);
      expect(refusalOf(image.body).message).toBe(
        "file: the JPEG image's width and height cannot be read; the file looks damaged or truncated",
      );
      const pdf = pdfDocument();
      const document = await send(seller, 'DOCUMENT', pdf.subarray(0, pdf.length - 40), 'cut.pdf');
      expect(document.status).toBe(400);
      expect(refusalOf(document.body).message).toMatch(/^file: the PDF is damaged or cut short/);
    });
  });

  it('a document one byte over 10 MB is refused with 413 naming the limit; exactly 10 MB is accepted', async () => {
    await expectNothingStored(async () => {
      const res = await send(seller, 'DOCUMENT', pdfDocument('big', DOCUMENT_MAX_BYTES + 1), 'big.pdf');
      expect(res.status).toBe(413);
      expect(refusalOf(res.body)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'file',
        message: 'file: 10,485,761 bytes is over the 10 MB limit (10,485,760 bytes) for documents',
      });
    });
    const atLimit = await send(seller, 'DOCUMENT', pdfDocument('big', DOCUMENT_MAX_BYTES), 'limit.pdf');
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.size).toBe(DOCUMENT_MAX_BYTES);
  });

  it('a sample image over 8 MB is refused with 413; a body past the largest limit stops being read', async () => {
    const padded = Buffer.concat([pngImage(600, 600), Buffer.alloc(IMAGE_MAX_BYTES)]);
    const image = await send(seller, 'IMAGE', padded, 'huge.png');
    expect(image.status).toBe(413);
    expect(refusalOf(image.body).message).toMatch(
      /^file: [\d,]+ bytes is over the 8 MB limit \(8,388,608 bytes\) for sample images$/,
    );
    await expectNothingStored(async () => {
      const res = await send(seller, 'DOCUMENT', pdfDocument('bigger', UPLOAD_MAX_BYTES + 2), 'bigger.pdf');
      expect(res.status).toBe(413);
      expect(refusalOf(res.body).message).toBe('file: the file is over the 10 MB limit for documents');
    });
  });

  it('without a session cookie: 401', async () => {
    await expectNothingStored(async () => {
      const res = await send(null, 'IMAGE', pngImage(600, 600), 'a.png');
      expect(res.status).toBe(401);
      expect(refusalOf(res.body).code).toBe('UNAUTHENTICATED');
    });
  });

  it.each([
    ['a reviewer', () => reviewer],
    ['an admin', () => admin],
  ])('%s uploading: 403', async (_label, who) => {
    await expectNothingStored(async () => {
      const res = await send(who(), 'IMAGE', pngImage(600, 600), 'a.png');
      expect(res.status).toBe(403);
      expect(refusalOf(res.body)).toEqual({
        code: 'FORBIDDEN',
        field: null,
        message: expect.stringMatching(/uploaded by sellers/),
      });
    });
  });

  it('an API key (even a seller key) uploading: 403; a bad key: 401', async () => {
    const { secret } = await createKey(seller, [ApiScope.READ_APPLICATIONS, ApiScope.WRITE_RETURNS]);
    await expectNothingStored(async () => {
      const res = await send(null, 'DOCUMENT', pdfDocument(), 'a.pdf', {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(res.status).toBe(403);
      expect(refusalOf(res.body).message).toMatch(/not with an API key/);
      const bad = await send(null, 'DOCUMENT', pdfDocument(), 'a.pdf', {
        headers: { authorization: 'Bearer nonsense' },
      });
      expect(bad.status).toBe(401);
    });
  });

  it('a request without the anti-CSRF header (what a cross-site HTML form sends) is refused', async () => {
    await expectNothingStored(async () => {
      const res = await send(seller, 'IMAGE', pngImage(600, 600), 'a.png', { withoutCsrfHeader: true });
      expect(res.status).toBe(403);
      expect(refusalOf(res.body).message).toMatch(/x-recertify-upload: 1/);
      const wrongValue = await send(seller, 'IMAGE', pngImage(600, 600), 'a.png', {
        withoutCsrfHeader: true,
        headers: { 'x-recertify-upload': 'yes' },
      });
      expect(wrongValue.status).toBe(403);
    });
  });

  it('bad requests name the field: an unknown kind, the file in another field, no multipart body', async () => {
    const kind = await send(seller, 'AVATAR', pngImage(600, 600), 'a.png');
    expect([kind.status, refusalOf(kind.body).field, refusalOf(kind.body).message]).toEqual([
      400,
      'kind',
      'kind: must be DOCUMENT or IMAGE (it is "AVATAR")',
    ]);
    const field = await send(seller, 'IMAGE', pngImage(600, 600), 'a.png', { field: 'photo' });
    expect([field.status, refusalOf(field.body).field]).toEqual([400, 'file']);
    expect(refusalOf(field.body).message).toMatch(/in the field "file", not "photo"/);
    const json = await fetch(new URL('/uploads?kind=IMAGE', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-recertify-upload': '1', ...cookieOf(seller) },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(refusalOf(await json.json()).message).toMatch(/multipart\/form-data in the field "file"/);
  });

  it('the owner and a reviewer read the same bytes with the same safe headers', async () => {
    const pdf = pdfDocument('Invoice to read back');
    const { body } = await send(seller, 'DOCUMENT', pdf, 'Facture été "2026".pdf');
    const asOwner = await read(body.id, cookieOf(seller));
    const asReviewer = await read(body.id, cookieOf(reviewer));
    const asAdmin = await read(body.id, cookieOf(admin));
    for (const res of [asOwner, asReviewer, asAdmin]) {
      expect(res.status).toBe(200);
      expect(res.bytes).toEqual(pdf);
    }
    const headers = (res: typeof asOwner) =>
      Object.fromEntries(
        [
          'content-type',
          'content-length',
          'content-disposition',
          'x-content-type-options',
          'content-security-policy',
          'cache-control',
          'etag',
        ].map((name) => [name, res.headers.get(name)]),
      );
    expect(headers(asOwner)).toEqual({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'content-disposition': `attachment; filename="Facture _t_ _2026_.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9%20%222026%22.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, max-age=300',
      etag: `"${sha256(pdf)}"`,
    });
    expect(headers(asReviewer)).toEqual(headers(asOwner));
    // node:http, because fetch turns a conditional request into "Cache-Control: no-cache".
    const revalidated = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(
          new URL(`/uploads/${body.id}`, app.url),
          { headers: { ...cookieOf(seller), 'if-none-match': `"${sha256(pdf)}"` } },
          (response) => {
            response.resume();
            resolve(response.statusCode);
          },
        )
        .on('error', reject);
    });
    expect(revalidated).toBe(304);
  });

  it('another seller, an API key of the owner, an unknown id and a malformed id all get 404; nobody signed in gets 401', async () => {
    const { body } = await send(seller, 'IMAGE', pngImage(640, 640), 'mine.png');
    const { secret } = await createKey(seller, [ApiScope.READ_APPLICATIONS]);
    const cases: Array<[string, Record<string, string>]> = [
      [body.id, cookieOf(otherSeller)],
      [body.id, { authorization: `Bearer ${secret}` }],
      ['00000000-0000-4000-8000-000000000000', cookieOf(seller)],
      ['not-a-uuid', cookieOf(seller)],
    ];
    for (const [id, headers] of cases) {
      const res = await read(id, headers);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.bytes.toString())).toEqual({
        errors: [{ message: 'That file was not found.', extensions: { code: 'NOT_FOUND' } }],
      });
      expect(res.headers.get('content-disposition')).toBeNull();
    }
    const anonymous = await read(body.id, {});
    expect(anonymous.status).toBe(401);
  });

  it('images open in the browser, documents are attachments; ?download=1 downloads an image too', async () => {
    const image = await send(seller, 'IMAGE', pngImage(600, 600), 'front.png');
    const scan = await send(seller, 'DOCUMENT', pngImage(300, 400), 'scan.png');
    const pdf = await send(seller, 'DOCUMENT', pdfDocument('Invoice'), 'invoice.pdf');
    const disposition = async (id: string, query = '') => {
      const response = await fetch(new URL(`/uploads/${id}${query}`, app.url), { headers: cookieOf(reviewer) });
      await response.arrayBuffer();
      return [
        response.headers.get('content-disposition')?.split(';')[0],
        response.headers.get('x-content-type-options'),
      ];
    };
    expect(await disposition(image.body.id)).toEqual(['inline', 'nosniff']);
    expect(await disposition(scan.body.id)).toEqual(['inline', 'nosniff']);
    expect(await disposition(pdf.body.id)).toEqual(['attachment', 'nosniff']);
    expect(await disposition(pdf.body.id, '?download=0')).toEqual(['attachment', 'nosniff']);
    expect(await disposition(image.body.id, '?download=1')).toEqual(['attachment', 'nosniff']);
  });

  it('a 66-byte PNG claiming 10000×10000 px at 16 bits is refused by the decoded-size budget; nothing is stored', async () => {
    await expectNothingStored(async () => {
      const res = await send(seller, 'IMAGE', pngClaimingSize(10_000, 10_000, 16), 'bomb.png');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DECODED_SIZE' });
      expect(refusalOf(res.body)).toMatchObject({
        field: 'file',
        message: expect.stringMatching(/800,000,000 bytes once decoded; images may take at most 268,435,456 bytes/),
      });
    });
    // At the budget: 8192×8192 at 4 bytes a pixel is exactly 256 MB.
    const atBudget = await send(seller, 'IMAGE', pngClaimingSize(8192, 8192, 8), 'big.png');
    expect(atBudget.status).toBe(201);
  });

  it('the body is streamed to the incoming folder and moved into place: no incoming file remains after success or refusal', async () => {
    const ok = await send(seller, 'DOCUMENT', pdfDocument('stream', 3 * 1024 * 1024), 'three-mb.pdf');
    expect(ok.status).toBe(201);
    const refused = await send(seller, 'DOCUMENT', pdfDocument('too big', UPLOAD_MAX_BYTES + 5), 'big.pdf');
    expect(refused.status).toBe(413);
    expect(filesInFolder().filter((file) => file.startsWith('.incoming'))).toEqual([]);
  });

  it('when the row cannot be written, the bytes already stored are deleted', async () => {
    const em = app.orm.em.fork() as EntityManager;
    const principal = await resolvePrincipal(em, { sessionToken: seller.sessionToken! }, clock.now());
    // The file is moved into place, then the transaction fails as a lost database would.
    const failingEm = new Proxy(em, {
      get: (target, property, receiver) =>
        property === 'transactional'
          ? (work: (tx: EntityManager) => Promise<unknown>) =>
              target.transactional(async (tx) => {
                await work(tx);
                throw new Error('database went away');
              })
          : Reflect.get(target, property, receiver),
    });
    const storage = new LocalFolderStorage(folder);
    const incomingPath = path.join(storage.incomingDir, 'doomed.part');
    await expectNothingStored(async () => {
      writeFileSync(incomingPath, pngImage(700, 700));
      await expect(
        storeUpload({
          em: failingEm,
          storage,
          principal,
          kind: 'IMAGE',
          originalName: 'doomed.png',
          incomingPath,
          limits: { quotaBytes: 500 * 1024 * 1024, imageMaxDecodedBytes: IMAGE_MAX_DECODED_BYTES },
          now: clock.now(),
        }),
      ).rejects.toThrow('database went away');
    });
  });
});
