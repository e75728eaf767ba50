import { describe, expect, it } from 'vitest';
import { fileHref, uploadedFileOf, uploadErrorMessage } from './uploads';

describe('uploadErrorMessage', () => {
  it.each([
    [
      400,
      JSON.stringify({
        errors: [
          {
            message: 'file: is not a JPEG, PNG or WebP image (its content is a PDF)',
            extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'file', message: 'is not a JPEG…' }] },
          },
        ],
      }),
      'Is not a JPEG, PNG or WebP image (its content is a PDF)',
    ],
    [
      413,
      JSON.stringify({ errors: [{ message: 'file: must be at most 8 MB', extensions: { code: 'BAD_USER_INPUT' } }] }),
      'Must be at most 8 MB',
    ],
    [413, '<html>Request Entity Too Large</html>', 'The file is too large.'],
    [401, '', 'Your session has ended. Sign in again, then upload the file.'],
    [502, 'Bad gateway', 'The upload failed (status 502). Please try again.'],
  ])('answers a %i as a sentence for the seller', (status, body, expected) => {
    expect(uploadErrorMessage(status, body)).toBe(expected);
  });
});

describe('uploadedFileOf', () => {
  it('makes the file reference the form keeps, with the address that serves it', () => {
    expect(
      uploadedFileOf({ id: 'u1', contentType: 'image/png', width: 800, height: 600, originalName: 'front.png' }),
    ).toEqual({
      id: 'u1',
      url: '/uploads/u1',
      contentType: 'image/png',
      width: 800,
      height: 600,
      originalName: 'front.png',
    });
  });
});

describe('fileHref', () => {
  it('downloads PDFs (Chrome blocks sandboxed inline PDFs) and opens images in place', () => {
    expect(fileHref({ url: '/uploads/d1', contentType: 'application/pdf' })).toBe('/uploads/d1?download=1');
    expect(fileHref({ url: '/uploads/i1', contentType: 'image/jpeg' })).toBe('/uploads/i1');
  });
});
