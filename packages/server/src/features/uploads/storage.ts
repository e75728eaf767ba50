import { randomUUID } from 'node:crypto';
import { mkdir, open, opendir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live. Kept small on purpose so that object storage (S3 and the like) can
 * take the local folder's place in production without touching the upload service.
 */
export interface FileStorage {
  /**
   * A folder on this machine where an upload is written as it arrives and checked, before
   * `putFile` stores it: the request body is never held whole in memory.
   */
  readonly incomingDir: string;
  /** Stores the bytes under a new key; a reader never sees a half-written file. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * Stores a file written under `incomingDir` under a new key, atomically (a reader sees the
   * whole file or none); the incoming file is gone afterwards, whether this succeeds or not.
   */
  putFile(key: string, incomingPath: string): Promise<void>;
  /** The bytes as a stream, or null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the bytes; removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key with when its bytes were written, for the orphan-file sweep. */
  list(): AsyncIterable<StoredFile>;
  /** Removes incoming files last written before `before` (left by a crash mid-upload); how many. */
  removeIncomingOlderThan(before: Date): Promise<number>;
}

export interface StoredFile {
  readonly key: string;
  readonly writtenAt: Date;
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
  /**
   * Temporary files live beside the keys (same file system, so rename is atomic) in a folder
   * that no key can name, since keys never start with a dot.
   */
  readonly incomingDir: string;

  constructor(dir: string) {
    this.root = path.resolve(dir);
    this.incomingDir = path.join(this.root, '.incoming');
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    const temporary = path.join(this.incomingDir, `${randomUUID()}.part`);
    await mkdir(this.incomingDir, { recursive: true });
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

  async putFile(key: string, incomingPath: string): Promise<void> {
    try {
      const target = this.pathOf(key);
      if (path.dirname(path.resolve(incomingPath)) !== this.incomingDir) {
        throw new Error(`${incomingPath} is not in the incoming folder ${this.incomingDir}`);
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(incomingPath, target);
    } finally {
      await rm(incomingPath, { force: true });
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

  async *list(): AsyncIterable<StoredFile> {
    yield* this.walk(this.root, '');
  }

  private async *walk(dir: string, prefix: string): AsyncIterable<StoredFile> {
    let entries;
    try {
      entries = await opendir(dir);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for await (const entry of entries) {
      // The incoming folder (and anything else hidden) is not a key.
      if (entry.name.startsWith('.')) continue;
      const key = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        yield* this.walk(full, key);
      } else if (entry.isFile() && KEY_PATTERN.test(key)) {
        const writtenAt = await modifiedAt(full);
        if (writtenAt) yield { key, writtenAt };
      }
    }
  }

  async removeIncomingOlderThan(before: Date): Promise<number> {
    let removed = 0;
    let entries;
    try {
      entries = await opendir(this.incomingDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    for await (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = path.join(this.incomingDir, entry.name);
      const writtenAt = await modifiedAt(full);
      if (writtenAt && writtenAt < before) {
        await rm(full, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  /** The absolute path of a key; refuses anything that would leave the folder. */
  pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new StorageKeyError(key);
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(this.root + path.sep)) throw new StorageKeyError(key);
    return resolved;
  }
}

/** The configured storage: the folder `<dataDir>/uploads` (object storage later). */
export function createFileStorage(config: { readonly dataDir: string }): FileStorage {
  return new LocalFolderStorage(path.join(config.dataDir, 'uploads'));
}

/** When the file was last written, or null when it is gone (another sweep removed it). */
async function modifiedAt(file: string): Promise<Date | null> {
  try {
    return (await stat(file)).mtime;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
