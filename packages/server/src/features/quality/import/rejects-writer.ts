import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Why one row of an import file was left out: its line, the field at fault and the rule it breaks. */
export interface RowRejection {
  readonly line: number;
  /** The column (CSV) or key (NDJSON) at fault; `*` when the whole line is unreadable. */
  readonly field: string;
  /** A stable code, e.g. UNKNOWN_OFFER, OUT_OF_RANGE, BAD_DATE, MISSING_COLUMN, MALFORMED_LINE. */
  readonly rule: string;
  readonly message: string;
}

export const REJECTS_HEADER = 'line,field,rule,message';

/** The rejects file of an input file when none is named: beside it, e.g. `orders.ndjson.rejects.csv`. */
export function defaultRejectsPath(file: string): string {
  return `${file}.rejects.csv`;
}

/**
 * Writes rejected rows as CSV (`line,field,rule,message`), one row per broken rule. The file is
 * created on the first rejection only; a rejects file left by an earlier run of the same import is
 * removed at the start, so what is there afterwards describes this run.
 */
export class RejectsWriter {
  private out: WriteStream | null = null;
  private rows = 0;
  private lines = 0;

  constructor(readonly path: string) {
    rmSync(path, { force: true });
  }

  /** Rows written (a line that breaks two rules counts twice). */
  get rejectionCount(): number {
    return this.rows;
  }

  /** Distinct input lines rejected. */
  get rejectedLineCount(): number {
    return this.lines;
  }

  /** Writes the rejections of some rows; all of one row's rejections come in the same call. */
  async write(rejections: readonly RowRejection[]): Promise<void> {
    if (!rejections.length) return;
    if (!this.out) {
      this.out = createWriteStream(this.path, { flags: 'w' });
      this.out.write(`${REJECTS_HEADER}\n`);
    }
    let chunk = '';
    const lines = new Set<number>();
    for (const r of rejections) {
      chunk += `${r.line},${csvCell(r.field)},${csvCell(r.rule)},${csvCell(r.message)}\n`;
      lines.add(r.line);
    }
    this.rows += rejections.length;
    this.lines += lines.size;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (!this.out) return;
    const out = this.out;
    this.out = null;
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
