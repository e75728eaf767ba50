import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFromFileName, readRecords, type SourceRecord } from './record-reader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'recertify-reader-'));

async function readAll(name: string, content: string, format: 'csv' | 'ndjson'): Promise<SourceRecord[]> {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const out: SourceRecord[] = [];
  for await (const record of readRecords(file, format).records) out.push(record);
  return out;
}

describe('formatFromFileName', () => {
  it.each([
    ['orders.csv', 'csv'],
    ['ORDERS.CSV', 'csv'],
    ['orders.ndjson', 'ndjson'],
    ['orders.jsonl', 'ndjson'],
    ['orders.json', 'ndjson'],
    ['orders.txt', null],
    ['orders', null],
  ])('%s is %s', (name, format) => {
    expect(formatFromFileName(name)).toBe(format);
  });
});

describe('readRecords (CSV)', () => {
  it('yields the header, then each row by column name with the line it is on; empty cells are absent', async () => {
    const records = await readAll(
      'a.csv',
      '\uFEFFexternal_id, quantity ,note\nA-1,2,\n\nA-2,3,"two\nlines"\nA-3,4,x\n',
      'csv',
    );
    expect(records).toEqual([
      { line: 1, header: ['external_id', 'quantity', 'note'] },
      { line: 2, fields: { external_id: 'A-1', quantity: '2' } },
      { line: 5, fields: { external_id: 'A-2', quantity: '3', note: 'two\nlines' } },
      { line: 6, fields: { external_id: 'A-3', quantity: '4', note: 'x' } },
    ]);
  });

  it('reads a short row as missing its last columns, and CRLF line ends', async () => {
    const records = await readAll('b.csv', 'a,b,c\r\n1,2\r\n', 'csv');
    expect(records[1]).toEqual({ line: 2, fields: { a: '1', b: '2' } });
  });

  it('names an unreadable row by line after the rows before it', async () => {
    const records = await readAll('c.csv', 'a,b\n0,1\n1,"x"y\n3,4\n', 'csv');
    expect(records[1]).toEqual({ line: 2, fields: { a: '0', b: '1' } });
    expect(records[2]).toMatchObject({ line: 3, unreadable: expect.stringMatching(/malformed CSV/) });
  });
});

describe('readRecords (NDJSON)', () => {
  it('yields one object a line, skips blank lines, and names malformed lines by number', async () => {
    const records = await readAll('d.ndjson', '{"a":1}\n\n{"a":\n[1]\n{"b":"x"}', 'ndjson');
    expect(records).toEqual([
      { line: 1, fields: { a: 1 } },
      { line: 3, unreadable: expect.stringMatching(/^malformed JSON/) },
      { line: 4, unreadable: 'a line must be one JSON object' },
      { line: 5, fields: { b: 'x' } },
    ]);
  });

  it('ends lines at \\n, \\r\\n and a lone \\r, as readline does, across the reads of a large file', async () => {
    const records = await readAll('e.ndjson', '{"a":1}\r\n{"a":2}\r{"a":3}\n\r\n{"a":4}\r', 'ndjson');
    expect(records).toEqual([
      { line: 1, fields: { a: 1 } },
      { line: 2, fields: { a: 2 } },
      { line: 3, fields: { a: 3 } },
      { line: 5, fields: { a: 4 } },
    ]);
    // Lines of varied lengths over several 256 KiB reads: none lost, split or renumbered.
    const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(i % 97) }));
    const many = await readAll('f.ndjson', lines.map((l, i) => l + (i % 3 ? '\n' : '\r\n')).join(''), 'ndjson');
    expect(many).toEqual(lines.map((l, i) => ({ line: i + 1, fields: JSON.parse(l) as unknown })));
  });
});
