import type { UploadedFile } from '../application-form/form-state';

/*
 * POST /uploads (multipart field "file", ?kind=DOCUMENT|IMAGE) with the same-origin session cookie.
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 */

export type UploadKind = 'DOCUMENT' | 'IMAGE';

/** The header the server requires on every upload, so no other site can upload in the seller's name. */
export const UPLOAD_HEADER = 'x-recertify-upload';

/** What the server accepts, by kind; it checks the content itself, this only filters the file picker. */
export const UPLOAD_ACCEPT: Readonly<Record<UploadKind, string>> = {
  DOCUMENT: 'application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp',
  IMAGE: 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp',
};

export const UPLOAD_RULES: Readonly<Record<UploadKind, string>> = {
  DOCUMENT: 'PDF, JPEG, PNG or WebP, up to 10 MB.',
  IMAGE: 'JPEG, PNG or WebP, up to 8 MB, at least 500 × 500 pixels.',
};

interface UploadResponse {
  readonly id: string;
  readonly contentType: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly originalName: string;
}

export class UploadFailedError extends Error {
  override readonly name = 'UploadFailedError';
}

/** Sends one file; `onProgress` hears the fraction sent, 0 to 1. Rejects with a sentence for the seller. */
export function uploadFile(
  file: File,
  kind: UploadKind,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/uploads?kind=${kind}`);
    request.withCredentials = true;
    request.setRequestHeader(UPLOAD_HEADER, '1');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 201) {
        try {
          resolve(uploadedFileOf(JSON.parse(request.responseText) as UploadResponse));
        } catch {
          reject(new UploadFailedError('The server accepted the file but its answer could not be read. Try again.'));
        }
        return;
      }
      reject(new UploadFailedError(uploadErrorMessage(request.status, request.responseText)));
    };
    request.onerror = () =>
      reject(
        new UploadFailedError('Could not reach Recertify to upload the file. Check your connection and try again.'),
      );
    const body = new FormData();
    body.append('file', file, file.name);
    request.send(body);
  });
}

export function uploadedFileOf(response: UploadResponse): UploadedFile {
  return {
    id: response.id,
    url: `/uploads/${response.id}`,
    originalName: response.originalName,
    contentType: response.contentType,
    width: response.width,
    height: response.height,
  };
}

/**
 * The refusal as a sentence: the server's own message (`{ errors: [{ message, extensions }] }`, the
 * one error body of the server), less the "file: " it starts with, since the seller knows which
 * file they just chose.
 */
export function uploadErrorMessage(status: number, bodyText: string): string {
  try {
    const body = JSON.parse(bodyText) as { errors?: Array<{ message?: unknown }> };
    const message = body.errors?.[0]?.message;
    if (typeof message === 'string' && message.trim() !== '') {
      const text = message.replace(/^file:\s*/, '').trim();
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
    }
  } catch {
    // Not our JSON (a proxy's page): fall through to the status.
  }
  if (status === 413) return 'The file is too large.';
  if (status === 401) return 'Your session has ended. Sign in again, then upload the file.';
  return `The upload failed (status ${status}). Please try again.`;
}

/** Where to open a file: PDFs are downloaded, since Chrome will not show a sandboxed PDF inline. */
export function fileHref(file: Pick<UploadedFile, 'url' | 'contentType'>): string {
  return file.contentType === 'application/pdf' ? `${file.url}?download=1` : file.url;
}
