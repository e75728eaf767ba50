import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live. Kept small on purpose so that object storage (S3 and the like) can
 * take the local folder's place in production without touching the upload service.
 */
export interface FileStorage {
  /** Stores the bytes under a new key; a reader never sees a half-written file. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes as a stream, or null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the bytes; removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

/** A new storage key, `<yyyy>/<mm>/<uuid>` (UTC), so that no folder grows without bound. */
export function newStorageKey(now: Date): string {
  const year = String(now.getUTCFullYear()).padStart(4, '0');
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}/${month}/${randomUUID()}`;
}

/** Segments of letters, digits, dot, dash and underscore that never start with a dot. */
const KEY_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export class StorageKeyError extends Error {
  constructor(key: string) {
    super(`Refusing storage key ${JSON.stringify(key)}: keys are relative paths inside the storage folder.`);
    this.name = 'StorageKeyError';
  }
}

/** Files in a folder on the local disk (embedded mode). */
export class LocalFolderStorage implements FileStorage {
  readonly root: string;

  constructor(dir: string) {
    this.root = path.resolve(dir);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    // Temporary files live beside the keys (same file system, so rename is atomic) in a folder
    // that no key can name, since keys never start with a dot.
    const temporaryDir = path.join(this.root, '.incoming');
    const temporary = path.join(temporaryDir, `${randomUUID()}.part`);
    await mkdir(temporaryDir, { recursive: true });
    await mkdir(path.dirname(target), { recursive: true });
    try {
      const handle = await open(temporary, 'wx');
      try {
        await writeFile(handle, bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      // Opening first turns a missing file into null here rather than an error mid-stream.
      const handle = await open(file, 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The absolute path of a key; refuses anything that would leave the folder. */
  pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new StorageKeyError(key);
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(this.root + path.sep)) throw new StorageKeyError(key);
    return resolved;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
