import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRejectsPath, RejectsWriter } from './rejects-writer.js';

describe('RejectsWriter', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'recertify-rejects-'));

  it('writes CSV rows naming line, field and rule, quoting where needed, and counts lines', async () => {
    const file = path.join(dir, 'a.rejects.csv');
    const writer = new RejectsWriter(file);
    await writer.write([
      { line: 3, field: 'stars', rule: 'OUT_OF_RANGE', message: 'stars must be a whole number from 1 to 5' },
      { line: 3, field: 'rated_at', rule: 'BAD_DATE', message: 'say "when", please' },
    ]);
    await writer.write([{ line: 9, field: '*', rule: 'MALFORMED_LINE', message: 'a, b' }]);
    await writer.close();
    expect(readFileSync(file, 'utf8')).toBe(
      'line,field,rule,message\n' +
        '3,stars,OUT_OF_RANGE,stars must be a whole number from 1 to 5\n' +
        '3,rated_at,BAD_DATE,"say ""when"", please"\n' +
        '9,*,MALFORMED_LINE,"a, b"\n',
    );
    expect(writer.rejectedLineCount).toBe(2);
    expect(writer.rejectionCount).toBe(3);
  });

  it('removes an earlier run’s file and writes none when nothing is rejected', async () => {
    const file = defaultRejectsPath(path.join(dir, 'orders.csv'));
    expect(file).toBe(path.join(dir, 'orders.csv.rejects.csv'));
    writeFileSync(file, 'stale');
    const writer = new RejectsWriter(file);
    await writer.close();
    expect(existsSync(file)).toBe(false);
  });
});
