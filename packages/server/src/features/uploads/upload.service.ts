import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { raw, type EntityManager } from '@mikro-orm/knex';
import { lockOrganization } from '../../db/lock-organization.js';
import { forbidden, notFound, unauthenticated } from '../../errors/app-error.js';
import type { Principal } from '../../auth/principal.js';
import { Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { User } from '../accounts/user.entity.js';
import type { FileStorage } from './storage.js';
import { newStorageKey } from './storage.js';
import { checkUploadedFile, type UploadLimits } from './upload-checks.js';
import { Upload, type UploadKind } from './upload.entity.js';
import { UploadRefusedError } from './upload.errors.js';

export interface UploadServiceLimits extends UploadLimits {
  /** Most bytes of uploads one organization may store. */
  readonly quotaBytes: number;
}

export interface StoreUploadInput {
  readonly em: EntityManager;
  readonly storage: FileStorage;
  readonly principal: Principal;
  readonly kind: UploadKind;
  /** The name the uploader gave; shown to people, never used to decide the type. */
  readonly originalName: string;
  /** The file as received, written under `storage.incomingDir`; gone afterwards whatever happens. */
  readonly incomingPath: string;
  readonly limits: UploadServiceLimits;
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
 * Checks the received file by its content, size and (images) dimensions and decoded size, then,
 * in one transaction that holds the organization's row (so parallel uploads cannot overshoot the
 * quota), checks the quota, moves the file into place and records the upload. A refused file
 * leaves nothing behind; the bytes are removed when the row cannot be written, so storage never
 * keeps a file the database does not know (a crash in between is for the orphan-file sweep).
 */
export async function storeUpload(input: StoreUploadInput): Promise<Upload> {
  const { em, storage, principal, kind, incomingPath, limits, now } = input;
  try {
    const uploader = requireUploader(principal);
    const originalName = cleanFileName(input.originalName);
    const content = await checkUploadedFile(kind, incomingPath, originalName, limits);
    const { size, sha256 } = await digestFile(incomingPath);

    const storageKey = newStorageKey(now);
    let placed = false;
    try {
      return await em.transactional(async (tx) => {
        await lockOrganization(tx, uploader.organizationId);
        const used = await storedBytes(tx, uploader.organizationId);
        if (used + size > limits.quotaBytes) throw quotaExceeded(used, size, limits.quotaBytes);
        await storage.putFile(storageKey, incomingPath);
        placed = true;
        const upload = new Upload({
          organization: tx.getReference(Organization, uploader.organizationId, { wrapped: true }),
          uploadedBy: tx.getReference(User, uploader.user.id, { wrapped: true }),
          kind,
          contentType: content.contentType,
          size,
          width: content.width,
          height: content.height,
          originalName,
          sha256,
          storageKey,
        });
        upload.createdAt = now;
        upload.updatedAt = now;
        tx.persist(upload);
        return upload;
      });
    } catch (error) {
      // The row's error is the one to report; an orphan file left by a failed delete is swept later.
      if (placed) await storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
  } finally {
    await rm(incomingPath, { force: true });
  }
}

/**
 * Refuses before the body is read when the organization has no room left at all; the exact
 * check, with the file's size, is made again when it is stored.
 */
export async function requireRoomInQuota(em: EntityManager, principal: Principal, quotaBytes: number): Promise<void> {
  const uploader = requireUploader(principal);
  const used = await storedBytes(em, uploader.organizationId);
  if (used >= quotaBytes) throw quotaExceeded(used, 1, quotaBytes);
}

/** Bytes the organization's uploads take in storage. */
export async function storedBytes(em: EntityManager, organizationId: string): Promise<number> {
  const row = await em
    .createQueryBuilder(Upload, 'u')
    .select(raw('coalesce(sum(u.size), 0) as total'))
    .where({ organization: organizationId })
    .execute<{ total: number | string }>('get');
  return Number(row.total);
}

function quotaExceeded(used: number, size: number, quotaBytes: number): UploadRefusedError {
  const MB = 1024 * 1024;
  const quota = `${Number.isInteger(quotaBytes / MB) ? quotaBytes / MB : (quotaBytes / MB).toFixed(1)} MB`;
  const left = Math.max(0, quotaBytes - used);
  return new UploadRefusedError(
    'QUOTA',
    `your organization's files would take ${grouped(used + size)} bytes, over its ${quota} storage quota ` +
      `(${grouped(quotaBytes)} bytes; ${grouped(left)} bytes are left)`,
  );
}

function grouped(value: number): string {
  return value.toLocaleString('en-US');
}

/** Size and SHA-256 of a file, read as a stream. */
async function digestFile(filePath: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(createReadStream(filePath), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      size += chunk.length;
      hash.update(chunk);
    }
  });
  return { size, sha256: hash.digest('hex') };
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
