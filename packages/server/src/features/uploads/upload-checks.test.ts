import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jpegImage, pdfDocument, pngClaimingSize, pngImage, webpImage } from '../../lib/sample-files.js';
import {
  checkUploadedFile,
  DOCUMENT_MAX_BYTES,
  IMAGE_MAX_BYTES,
  IMAGE_MAX_DECODED_BYTES,
  parseUploadKind,
  type UploadLimits,
} from './upload-checks.js';
import type { UploadKind } from './upload.entity.js';
import { UploadRefusedError } from './upload.errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'recertify-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The refusal's rule, or "ok" with what was found; the checks read the bytes from a file, as uploads arrive. */
async function outcome(kind: UploadKind, bytes: Buffer, name = 'file', limits?: UploadLimits) {
  const file = path.join(dir, `upload-${(files += 1)}`);
  writeFileSync(file, bytes);
  try {
    return { ok: await checkUploadedFile(kind, file, name, limits) };
  } catch (error) {
    if (error instanceof UploadRefusedError) return { rule: error.rule, message: error.message };
    throw error;
  } finally {
    rmSync(file);
  }
}

const padTo = (bytes: Buffer, size: number) => Buffer.concat([bytes, Buffer.alloc(size - bytes.length)]);

describe('checkUploadedFile', () => {
  it.each([
    ['DOCUMENT', 'PDF', () => pdfDocument(), 'application/pdf', null],
    ['DOCUMENT', 'JPEG', () => jpegImage(100, 80), 'image/jpeg', [100, 80]],
    ['DOCUMENT', 'PNG', () => pngImage(40, 30), 'image/png', [40, 30]],
    ['DOCUMENT', 'WebP', () => webpImage(10, 20), 'image/webp', [10, 20]],
    ['IMAGE', 'JPEG', () => jpegImage(500, 500), 'image/jpeg', [500, 500]],
    ['IMAGE', 'PNG', () => pngImage(500, 10_000), 'image/png', [500, 10_000]],
    ['IMAGE', 'WebP', () => webpImage(8192, 8192), 'image/webp', [8192, 8192]],
  ] as const)('%s accepts %s', async (kind, _label, make, contentType, size) => {
    expect(await outcome(kind, make())).toEqual({
      ok: { contentType, width: size?.[0] ?? null, height: size?.[1] ?? null },
    });
  });

  it.each([
    ['DOCUMENT', () => pdfDocument('x', DOCUMENT_MAX_BYTES), 'ok'],
    ['DOCUMENT', () => pdfDocument('x', DOCUMENT_MAX_BYTES + 1), 'TOO_LARGE'],
    ['IMAGE', () => padTo(pngImage(600, 600), IMAGE_MAX_BYTES), 'ok'],
    ['IMAGE', () => padTo(pngImage(600, 600), IMAGE_MAX_BYTES + 1), 'TOO_LARGE'],
    ['IMAGE', () => Buffer.alloc(0), 'EMPTY'],
    ['IMAGE', () => pdfDocument(), 'CONTENT_TYPE'],
    ['IMAGE', () => jpegImage(499, 800), 'DIMENSIONS'],
    ['IMAGE', () => webpImage(800, 499), 'DIMENSIONS'],
    ['IMAGE', () => pngImage(10_001, 600), 'DIMENSIONS'],
    ['DOCUMENT', () => jpegImage(600, 10_001), 'DIMENSIONS'],
    ['DOCUMENT', () => jpegImage(600, 600).subarray(0, 30), 'DAMAGED'],
    ['DOCUMENT', () => Buffer.from('%PDF-1.4 and then nothing'), 'DAMAGED'],
  ] as const)('%s, case %#: %s', async (kind, make, expected) => {
    const result = await outcome(kind, make());
    expect('ok' in result ? 'ok' : result.rule).toBe(expected);
  });

  it('names a larger file in MB and one just over in bytes', async () => {
    expect((await outcome('IMAGE', padTo(pngImage(600, 600), 9 * 1024 * 1024))).message).toBe(
      'file: 9.0 MB is over the 8 MB limit for sample images',
    );
    expect((await outcome('IMAGE', padTo(pngImage(600, 600), IMAGE_MAX_BYTES + 1))).message).toBe(
      'file: 8,388,609 bytes is over the 8 MB limit (8,388,608 bytes) for sample images',
    );
  });

  it('mentions the name only when it pretends to be an accepted type', async () => {
    const textFile = Buffer.from('hello');
    expect((await outcome('IMAGE', textFile, 'notes.txt')).message).toBe(
      'file: this is not a JPEG, PNG or WebP image (its content is text/plain)',
    );
    expect((await outcome('IMAGE', textFile, 'photo.webp')).message).toMatch(/the name photo\.webp does not matter/);
  });
});

describe('the decoded-size budget (a few bytes of header can claim hundreds of megabytes of pixels)', () => {
  it('refuses the 66-byte PNG claiming 10000×10000 px at 16 bits, naming the budget', async () => {
    const bomb = pngClaimingSize(10_000, 10_000, 16);
    expect(bomb.length).toBeLessThan(70);
    expect(await outcome('IMAGE', bomb)).toEqual({
      rule: 'DECODED_SIZE',
      message:
        'file: the image is 10000×10000 px at 16 bits per channel, 800,000,000 bytes once decoded; ' +
        'images may take at most 268,435,456 bytes (256 MB) decoded',
    });
  });

  // 256 MB is 8192×8192 px at 4 bytes a pixel, or 8192×4096 at 8 (16-bit PNG).
  it.each([
    ['IMAGE', () => pngClaimingSize(8192, 8192, 8), 'ok'],
    ['IMAGE', () => pngClaimingSize(8192, 8193, 8), 'DECODED_SIZE'],
    ['DOCUMENT', () => pngClaimingSize(8192, 4096, 16), 'ok'],
    ['DOCUMENT', () => pngClaimingSize(4097, 8192, 16), 'DECODED_SIZE'],
    ['IMAGE', () => webpImage(8192, 8192), 'ok'],
    ['IMAGE', () => webpImage(8193, 8192), 'DECODED_SIZE'],
    ['DOCUMENT', () => jpegImage(8192, 8193), 'DECODED_SIZE'],
  ] as const)('%s, case %#: %s', async (kind, make, expected) => {
    expect(IMAGE_MAX_DECODED_BYTES).toBe(8192 * 8192 * 4);
    const result = await outcome(kind, make());
    expect('ok' in result ? 'ok' : result.rule).toBe(expected);
  });

  it('follows the configured budget', async () => {
    const limits = { imageMaxDecodedBytes: 600 * 600 * 4 };
    expect(await outcome('IMAGE', pngImage(600, 600), 'a.png', limits)).toMatchObject({ ok: { width: 600 } });
    expect(await outcome('IMAGE', pngImage(600, 601), 'a.png', limits)).toMatchObject({ rule: 'DECODED_SIZE' });
  });
});

describe('parseUploadKind', () => {
  it.each([['DOCUMENT'], ['IMAGE']])('accepts %s', (kind) => expect(parseUploadKind(kind)).toBe(kind));
  it.each([[undefined], ['image'], [['IMAGE']]])('refuses %j naming the field', (value) => {
    expect(() => parseUploadKind(value)).toThrow(/^kind: must be DOCUMENT or IMAGE/);
  });
});
