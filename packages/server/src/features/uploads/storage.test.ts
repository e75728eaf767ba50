import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFolderStorage, newStorageKey, StorageKeyError } from './storage.js';

describe('LocalFolderStorage', () => {
  let dir: string;
  let storage: LocalFolderStorage;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'recertify-storage-'));
    storage = new LocalFolderStorage(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keys are <yyyy>/<mm>/<uuid> in UTC', () => {
    expect(newStorageKey(new Date('2026-01-31T23:30:00-05:00'))).toMatch(/^2026\/02\/[0-9a-f-]{36}$/);
  });

  it('puts, gets and deletes; leaves no temporary file behind', async () => {
    const key = newStorageKey(new Date('2026-11-23T00:00:00Z'));
    await storage.put(key, Buffer.from('hello'));
    expect(readFileSync(path.join(dir, key), 'utf8')).toBe('hello');
    expect(readdirSync(path.join(dir, '.incoming'))).toEqual([]);
    expect(await text((await storage.get(key))!)).toBe('hello');
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it.each([
    '../outside',
    '2026/../../outside',
    '/etc/passwd',
    '2026\\11\\x',
    '.incoming/x',
    '2026//x',
    '',
    '2026/11/',
    'a b',
  ])('refuses the key %j', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
  });
});
