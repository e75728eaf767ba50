import { open, type FileHandle } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { imageSize } from 'image-size';
import { badInput } from '../../errors/app-error.js';
import type { UploadKind } from './upload.entity.js';
import { UploadRefusedError } from './upload.errors.js';

const MB = 1024 * 1024;

/** Largest invoice document (PDF or image), in bytes. */
export const DOCUMENT_MAX_BYTES = 10 * MB;
/** Largest sample-unit image, in bytes. */
export const IMAGE_MAX_BYTES = 8 * MB;
/** The largest file any kind accepts; the HTTP layer reads at most one byte more. */
export const UPLOAD_MAX_BYTES = Math.max(DOCUMENT_MAX_BYTES, IMAGE_MAX_BYTES);
/** Sample images are at least this many pixels on each side. */
export const IMAGE_MIN_SIDE_PX = 500;
/** No image (sample or invoice) is over this many pixels on either side: bigger is a decompression bomb. */
export const IMAGE_MAX_SIDE_PX = 10_000;
/**
 * The default budget for an image once decoded (IMAGE_MAX_DECODED_MB): a viewer holds 4 bytes a
 * pixel (8 for a 16-bit PNG), so 256 MB is 8192×8192 px, or a 48-megapixel photo with room to spare.
 */
export const IMAGE_MAX_DECODED_BYTES = 256 * MB;
/** What image-size reads of a file at most; the width and height are in there. */
const HEAD_BYTES = 512 * 1024;
/** Where PDF readers look for the end marker. */
const PDF_TAIL_BYTES = 1024;

export interface UploadLimits {
  /** Largest image once decoded, in bytes (the header's width × height × bytes a pixel). */
  readonly imageMaxDecodedBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { imageMaxDecodedBytes: IMAGE_MAX_DECODED_BYTES };

export const UPLOAD_KINDS: readonly UploadKind[] = ['DOCUMENT', 'IMAGE'];

interface KindRules {
  readonly maxBytes: number;
  /** Accepted content types with the name a person knows them by. */
  readonly accepts: ReadonlyMap<string, string>;
  /** "documents" or "sample images", for messages. */
  readonly plural: string;
  readonly minSidePx: number | null;
}

const IMAGE_TYPES: ReadonlyArray<[string, string]> = [
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['image/webp', 'WebP'],
];

const RULES: Record<UploadKind, KindRules> = {
  DOCUMENT: {
    maxBytes: DOCUMENT_MAX_BYTES,
    accepts: new Map([['application/pdf', 'PDF'], ...IMAGE_TYPES]),
    plural: 'documents',
    minSidePx: null,
  },
  IMAGE: {
    maxBytes: IMAGE_MAX_BYTES,
    accepts: new Map(IMAGE_TYPES),
    plural: 'sample images',
    minSidePx: IMAGE_MIN_SIDE_PX,
  },
};

/** File-name endings that suggest an accepted type, so a message can say the name does not count. */
const ACCEPTED_ENDINGS = /\.(pdf|jpe?g|png|webp)$/i;

export interface CheckedContent {
  /** The type found in the bytes. */
  readonly contentType: string;
  readonly width: number | null;
  readonly height: number | null;
}

/** The kind from a request, or BAD_USER_INPUT naming the field "kind". */
export function parseUploadKind(value: unknown): UploadKind {
  const kind = UPLOAD_KINDS.find((candidate) => candidate === value);
  if (!kind) {
    const given = typeof value === 'string' ? `"${value}"` : 'missing';
    throw badInput([{ field: 'kind', message: `must be DOCUMENT or IMAGE (it is ${given})` }]);
  }
  return kind;
}

/**
 * Decides whether the file may be stored as this kind, by its content alone: the name and the
 * type the browser declared are never trusted. Reads the file's type, its first 512 kB and its
 * last kilobyte, never the whole file. Throws UploadRefusedError naming the rule broken.
 */
export async function checkUploadedFile(
  kind: UploadKind,
  filePath: string,
  name: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<CheckedContent> {
  const rules = RULES[kind];
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new UploadRefusedError('EMPTY', 'the file is empty');
    if (size > rules.maxBytes) throw oversizeError(kind, size);
    const head = await readAt(handle, 0, HEAD_BYTES);

    const detected = await fileTypeFromFile(filePath);
    const contentType = detected?.mime ?? describeUnknownContent(head);
    if (!rules.accepts.has(contentType)) {
      const names = listOr([...rules.accepts.values()]);
      const what = kind === 'IMAGE' ? `a ${names} image` : `a ${names} file`;
      const nameNote = ACCEPTED_ENDINGS.test(name) ? `; the name ${name} does not matter, the content does` : '';
      throw new UploadRefusedError('CONTENT_TYPE', `this is not ${what} (its content is ${contentType})${nameNote}`);
    }
    if (contentType === 'application/pdf') {
      checkPdfIsWhole(head, await readAt(handle, Math.max(0, size - PDF_TAIL_BYTES), PDF_TAIL_BYTES));
      return { contentType, width: null, height: null };
    }

    const { width, height } = readDimensions(head, detected?.ext ?? '', rules.accepts.get(contentType) ?? contentType);
    if (width > IMAGE_MAX_SIDE_PX || height > IMAGE_MAX_SIDE_PX) {
      throw new UploadRefusedError(
        'DIMENSIONS',
        `the image is ${width}×${height} px; images must be at most ${IMAGE_MAX_SIDE_PX}×${IMAGE_MAX_SIDE_PX} px`,
      );
    }
    checkDecodedSize(width, height, contentType === 'image/png' && pngBitDepth(head) === 16, limits);
    if (rules.minSidePx !== null && (width < rules.minSidePx || height < rules.minSidePx)) {
      throw new UploadRefusedError(
        'DIMENSIONS',
        `the image is ${width}×${height} px; ${rules.plural} must be at least ${rules.minSidePx}×${rules.minSidePx} px`,
      );
    }
    return { contentType, width, height };
  } finally {
    await handle.close();
  }
}

/** Up to `length` bytes from `position` (fewer at the end of the file). */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * A header may claim any size in a few bytes: a 68-byte PNG can claim 10000×10000 px at 16 bits,
 * 800 MB for whoever decodes it. Refuses images whose decoded pixels would be over the budget.
 */
function checkDecodedSize(width: number, height: number, sixteenBit: boolean, limits: UploadLimits): void {
  const bytesPerPixel = sixteenBit ? 8 : 4;
  const decoded = width * height * bytesPerPixel;
  if (decoded <= limits.imageMaxDecodedBytes) return;
  const depth = sixteenBit ? ' at 16 bits per channel' : '';
  throw new UploadRefusedError(
    'DECODED_SIZE',
    `the image is ${width}×${height} px${depth}, ${grouped(decoded)} bytes once decoded; ` +
      `images may take at most ${grouped(limits.imageMaxDecodedBytes)} bytes (${formatMb(limits.imageMaxDecodedBytes)}) decoded`,
  );
}

/** A PNG's bit depth per channel, from its IHDR chunk (always first), or null. */
function pngBitDepth(head: Uint8Array): number | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return bytes.length > 24 && bytes.toString('latin1', 12, 16) === 'IHDR' ? (bytes[24] ?? null) : null;
}

function formatMb(bytes: number): string {
  return `${Number.isInteger(bytes / MB) ? bytes / MB : (bytes / MB).toFixed(1)} MB`;
}

/** Width and height as the image is shown (EXIF orientations 5–8 turn it a quarter). */
function readDimensions(bytes: Uint8Array, ext: string, typeName: string): { width: number; height: number } {
  let size: ReturnType<typeof imageSize> | undefined;
  try {
    size = imageSize(bytes);
  } catch {
    size = undefined;
  }
  // Both readers must agree on the format, or the file is not what its first bytes claim.
  if (!size || size.type !== ext || !(size.width > 0) || !(size.height > 0)) {
    throw new UploadRefusedError(
      'DAMAGED',
      `the ${typeName} image's width and height cannot be read; the file looks damaged or truncated`,
    );
  }
  const turned = size.orientation !== undefined && size.orientation >= 5;
  return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

/** The refusal for a file over its kind's limit; `size` is null when reading stopped at the limit. */
export function oversizeError(kind: UploadKind, size: number | null): UploadRefusedError {
  const { maxBytes, plural } = RULES[kind];
  const limit = `${maxBytes / MB} MB limit`;
  if (size === null) return new UploadRefusedError('TOO_LARGE', `the file is over the ${limit} for ${plural}`);
  const shown = (size / MB).toFixed(1);
  if (Number(shown) > maxBytes / MB)
    return new UploadRefusedError('TOO_LARGE', `${shown} MB is over the ${limit} for ${plural}`);
  // Just over the limit, "10.0 MB" would read as allowed: give the bytes instead.
  return new UploadRefusedError(
    'TOO_LARGE',
    `${grouped(size)} bytes is over the ${limit} (${grouped(maxBytes)} bytes) for ${plural}`,
  );
}

/**
 * file-type calls anything that starts with "%PDF" a PDF. Readers look for the end marker in the
 * last kilobyte, so a file without one is cut short (or not a PDF at all) and would not open.
 */
function checkPdfIsWhole(head: Uint8Array, lastKilobyte: Uint8Array): void {
  const tail = Buffer.from(lastKilobyte).toString('latin1');
  if (!/^%PDF-\d\.\d/.test(Buffer.from(head.subarray(0, 16)).toString('latin1')) || !tail.includes('%%EOF')) {
    throw new UploadRefusedError(
      'DAMAGED',
      'the PDF is damaged or cut short (it lacks the %PDF-n.n header or the %%EOF end marker); save or scan it again',
    );
  }
}

/** What unrecognised content looks like: plain text, or data of no known type. */
function describeUnknownContent(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  try {
    // `stream: true` lets a character cut at the end of the sample pass.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    if (!/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return 'text/plain';
  } catch {
    // Not UTF-8: fall through.
  }
  return 'application/octet-stream (not a type we recognise)';
}

function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function grouped(value: number): string {
  return value.toLocaleString('en-US');
}
