import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { forbidden, notFound, unauthenticated } from '../../errors/app-error.js';
import type { Principal } from '../../auth/principal.js';
import { Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { User } from '../accounts/user.entity.js';
import type { FileStorage } from './storage.js';
import { newStorageKey } from './storage.js';
import { checkUploadContent } from './upload-checks.js';
import { Upload, type UploadKind } from './upload.entity.js';

export interface StoreUploadInput {
  readonly em: EntityManager;
  readonly storage: FileStorage;
  readonly principal: Principal;
  readonly kind: UploadKind;
  /** The name the uploader gave; shown to people, never used to decide the type. */
  readonly originalName: string;
  readonly bytes: Uint8Array;
  readonly now: Date;
}

type Uploader = Extract<Principal, { kind: 'user' }> & { readonly organizationId: string };

/**
 * Only a signed-in seller uploads, for its own organization. API keys cannot: files come from the
 * seller's own application form. Exported so HTTP can refuse before reading a large body.
 */
export function requireUploader(principal: Principal): Uploader {
  if (principal.kind === 'anonymous') throw unauthenticated('Sign in as a seller to upload files.');
  if (principal.kind === 'apiKey') {
    throw forbidden('Files are uploaded by a signed-in seller from the application form, not with an API key.');
  }
  if (principal.role !== Role.SELLER || principal.organizationId === null) {
    throw forbidden(`Files are uploaded by sellers; you are signed in as ${principal.role}.`);
  }
  return principal as Uploader;
}

/**
 * Checks the file by its content, size and (images) dimensions, stores the bytes, then records
 * the upload. Nothing is kept when a check fails; the bytes are removed when the row cannot be
 * written, so storage never holds a file the database does not know.
 */
export async function storeUpload(input: StoreUploadInput): Promise<Upload> {
  const { em, storage, principal, kind, bytes, now } = input;
  const uploader = requireUploader(principal);
  const originalName = cleanFileName(input.originalName);
  const content = await checkUploadContent(kind, bytes, originalName);

  const storageKey = newStorageKey(now);
  await storage.put(storageKey, bytes);
  const upload = new Upload({
    organization: em.getReference(Organization, uploader.organizationId, { wrapped: true }),
    uploadedBy: em.getReference(User, uploader.user.id, { wrapped: true }),
    kind,
    contentType: content.contentType,
    size: bytes.length,
    width: content.width,
    height: content.height,
    originalName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    storageKey,
  });
  upload.createdAt = now;
  upload.updatedAt = now;
  try {
    em.persist(upload);
    await em.flush();
  } catch (error) {
    // The row's error is the one to report; an orphan file left by a failed delete is harmless.
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
  return upload;
}

/**
 * The upload, if this principal may read it: sellers of the owning organization, reviewers and
 * admins. Everyone else hears NOT_FOUND, so an id reveals nothing about whether it exists.
 */
export async function loadUploadForViewer(em: EntityManager, principal: Principal, id: string): Promise<Upload> {
  if (principal.kind === 'anonymous') throw unauthenticated('Sign in to see this file.');
  const missing = notFound('That file');
  if (!UUID.test(id)) throw missing;
  const upload = await em.findOne(Upload, { id });
  if (!upload || !mayRead(principal, upload)) throw missing;
  return upload;
}

function mayRead(principal: Exclude<Principal, { kind: 'anonymous' }>, upload: Upload): boolean {
  if (principal.kind !== 'user') return false;
  switch (principal.role) {
    case Role.REVIEWER:
    case Role.ADMIN:
      return true;
    case Role.SELLER:
      return principal.organizationId !== null && principal.organizationId === upload.organization.id;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The last path segment, without control characters, at most 255 UTF-16 units; "upload" if nothing is left. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const printable = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  let clipped = '';
  // Whole characters only, so an emoji is never cut in half.
  for (const character of printable) {
    if (clipped.length + character.length > 255) break;
    clipped += character;
  }
  return clipped.length > 0 ? clipped : 'upload';
}
