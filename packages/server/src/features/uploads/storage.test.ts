import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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

  it('moves an incoming file into place; the incoming file is gone even when the key is refused', async () => {
    mkdirSync(storage.incomingDir, { recursive: true });
    const incoming = path.join(storage.incomingDir, 'a.part');
    writeFileSync(incoming, 'streamed');
    await storage.putFile('2026/11/a', incoming);
    expect(readFileSync(path.join(dir, '2026/11/a'), 'utf8')).toBe('streamed');
    expect(readdirSync(storage.incomingDir)).toEqual([]);
    writeFileSync(incoming, 'refused');
    await expect(storage.putFile('../outside', incoming)).rejects.toBeInstanceOf(StorageKeyError);
    expect(existsSync(incoming)).toBe(false);
  });

  it('lists every key with when it was written, never the incoming folder; removes only old incoming files', async () => {
    await storage.put('2026/10/old', Buffer.from('a'));
    await storage.put('2026/11/new', Buffer.from('b'));
    utimesSync(path.join(dir, '2026/10/old'), new Date('2026-10-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'));
    writeFileSync(path.join(storage.incomingDir, 'stale.part'), 'x');
    writeFileSync(path.join(storage.incomingDir, 'fresh.part'), 'y');
    utimesSync(path.join(storage.incomingDir, 'stale.part'), new Date('2026-11-01'), new Date('2026-11-01'));
    const listed = [];
    for await (const file of storage.list()) listed.push(file);
    listed.sort((a, b) => a.key.localeCompare(b.key));
    expect(listed.map((file) => file.key)).toEqual(['2026/10/old', '2026/11/new']);
    expect(listed[0]!.writtenAt.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(await storage.removeIncomingOlderThan(new Date('2026-11-02'))).toBe(1);
    expect(readdirSync(storage.incomingDir)).toEqual(['fresh.part']);
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
