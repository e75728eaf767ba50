import { describe, expect, it } from 'vitest';
import { jpegImage, pdfDocument, pngImage, webpImage } from '../../lib/sample-files.js';
import { checkUploadContent, DOCUMENT_MAX_BYTES, IMAGE_MAX_BYTES, parseUploadKind } from './upload-checks.js';
import type { UploadKind } from './upload.entity.js';
import { UploadRefusedError } from './upload.errors.js';

/** The refusal's rule, or "ok" with what was found. */
async function outcome(kind: UploadKind, bytes: Buffer, name = 'file') {
  try {
    return { ok: await checkUploadContent(kind, bytes, name) };
  } catch (error) {
    if (error instanceof UploadRefusedError) return { rule: error.rule, message: error.message };
    throw error;
  }
}

const padTo = (bytes: Buffer, size: number) => Buffer.concat([bytes, Buffer.alloc(size - bytes.length)]);

describe('checkUploadContent', () => {
  it.each([
    ['DOCUMENT', 'PDF', () => pdfDocument(), 'application/pdf', null],
    ['DOCUMENT', 'JPEG', () => jpegImage(100, 80), 'image/jpeg', [100, 80]],
    ['DOCUMENT', 'PNG', () => pngImage(40, 30), 'image/png', [40, 30]],
    ['DOCUMENT', 'WebP', () => webpImage(10, 20), 'image/webp', [10, 20]],
    ['IMAGE', 'JPEG', () => jpegImage(500, 500), 'image/jpeg', [500, 500]],
    ['IMAGE', 'PNG', () => pngImage(500, 10_000), 'image/png', [500, 10_000]],
    ['IMAGE', 'WebP', () => webpImage(10_000, 10_000), 'image/webp', [10_000, 10_000]],
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

describe('parseUploadKind', () => {
  it.each([['DOCUMENT'], ['IMAGE']])('accepts %s', (kind) => expect(parseUploadKind(kind)).toBe(kind));
  it.each([[undefined], ['image'], [['IMAGE']]])('refuses %j naming the field', (value) => {
    expect(() => parseUploadKind(value)).toThrow(/^kind: must be DOCUMENT or IMAGE/);
  });
});
