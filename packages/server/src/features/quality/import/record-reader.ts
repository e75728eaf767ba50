import { createReadStream, type ReadStream } from 'node:fs';
import { parse, type CsvError, type Options } from 'csv-parse';

/** The two file formats the import reads; chosen by the file's extension unless given. */
export const IMPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * One record of the file as read, before any rule: its fields by column name (CSV cells are text,
 * an empty cell is absent; NDJSON keeps JSON's types), and the line it starts on (1-based, the CSV
 * header being line 1), or why the line could not be read as a record at all.
 */
export type SourceRecord =
  | { readonly line: number; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly line: number; readonly unreadable: string }
  /** A CSV file's header, first (NDJSON records name their own fields). */
  | { readonly line: number; readonly header: readonly string[] };

export interface RecordSource {
  /** Bytes read from the file so far, for progress. */
  readonly bytesRead: () => number;
  /**
   * The records in file order, a chunk of the file's records at a time (NDJSON: the lines of each
   * 256 KiB read), so the consumer awaits once a chunk instead of once a record. Read this or
   * `records`, not both.
   */
  readonly chunks: AsyncIterable<readonly SourceRecord[]>;
  /** The same records one at a time. */
  readonly records: AsyncIterable<SourceRecord>;
}

/** `.csv` is CSV; `.ndjson`, `.jsonl` and `.json` are one JSON object a line; anything else needs --format. */
export function formatFromFileName(file: string): ImportFormat | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl') || lower.endsWith('.json')) return 'ndjson';
  return null;
}

/**
 * Streams the records of a file without holding it: memory stays flat whatever its size, and
 * the consumer's pace (awaiting each batch's write) is the reader's pace.
 */
export function readRecords(file: string, format: ImportFormat): RecordSource {
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  if (format === 'csv') return csvRecords(stream);
  const chunks = ndjsonRecords(stream);
  return {
    bytesRead: () => stream.bytesRead,
    chunks,
    get records() {
      return oneAtATime(chunks);
    },
  };
}

async function* oneAtATime(chunks: AsyncIterable<readonly SourceRecord[]>): AsyncGenerator<SourceRecord> {
  for await (const chunk of chunks) yield* chunk;
}

/**
 * The file's lines, split here rather than by readline (a promise a line): a line ends at \n,
 * \r\n or a lone \r, as readline ends them.
 */
async function* ndjsonRecords(stream: ReadStream): AsyncGenerator<SourceRecord[]> {
  stream.setEncoding('utf8');
  let line = 0;
  let rest = '';
  const read = (text: string, out: SourceRecord[]) => {
    const end = text.endsWith('\r') ? text.length - 1 : text.length;
    if (text.indexOf('\r') >= 0 && text.indexOf('\r') < end) {
      for (const part of text.slice(0, end).split('\r')) read(part, out);
      return;
    }
    line += 1;
    const record = ndjsonRecord(end === text.length ? text : text.slice(0, end), line);
    if (record) out.push(record);
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    const out: SourceRecord[] = [];
    let start = 0;
    let at = chunk.indexOf('\n');
    if (at >= 0) {
      read(rest + chunk.slice(0, at), out);
      rest = '';
      start = at + 1;
      while ((at = chunk.indexOf('\n', start)) >= 0) {
        read(chunk.slice(start, at), out);
        start = at + 1;
      }
    }
    rest += chunk.slice(start);
    if (out.length) yield out;
  }
  if (rest) {
    const out: SourceRecord[] = [];
    read(rest, out);
    if (out.length) yield out;
  }
}

function ndjsonRecord(text: string, line: number): SourceRecord | null {
  // A JSON object's line starts with `{` (after any blank); anything else is blank or unreadable.
  if (text.charCodeAt(0) !== 123 && text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, unreadable: `malformed JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, unreadable: 'a line must be one JSON object' };
  }
  return { line, fields: value as Record<string, unknown> };
}

interface ParsedRow {
  readonly line: number;
  readonly cells: string[];
}

function csvRecords(stream: ReadStream): RecordSource {
  let header: string[] | null = null;
  const skipped: SourceRecord[] = [];
  const options: Options<ParsedRow, string[]> = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // The line a record ends on, taken when it is parsed (the parser runs ahead of the consumer).
    on_record: (record, context) => ({ line: context.lines, cells: record }),
    on_skip: (error: CsvError | undefined) => {
      const line = typeof error?.['lines'] === 'number' ? error['lines'] : 0;
      skipped.push({ line, unreadable: `malformed CSV: ${error?.message ?? 'unreadable record'}` });
      return undefined;
    },
  };
  // csv-parse's overloads type the records as string[] whatever on_record makes of them.
  const parser = parse(options as unknown as Options);
  stream.on('error', (error) => parser.destroy(error));
  stream.pipe(parser);

  // One chunk per parsed row: the row and the malformed lines skipped before it.
  async function* chunks(): AsyncGenerator<SourceRecord[]> {
    for await (const parsed of parser as AsyncIterable<ParsedRow>) {
      const out: SourceRecord[] = [];
      // The parser runs ahead: take only the skipped lines that come before this record.
      while (skipped.length && skipped[0]!.line < parsed.line) out.push(skipped.shift()!);
      if (!header) {
        header = parsed.cells.map((name) => name.trim());
        out.push({ line: parsed.line, header });
        yield out;
        continue;
      }
      const fields: Record<string, unknown> = {};
      const cells = parsed.cells;
      const count = Math.min(cells.length, header.length);
      for (let i = 0; i < count; i++) {
        const cell = cells[i]!;
        if (cell !== '') fields[header[i]!] = cell;
      }
      out.push({ line: parsed.line, fields });
      yield out;
    }
    if (skipped.length) yield skipped.splice(0);
  }

  const all = chunks();
  return {
    bytesRead: () => stream.bytesRead,
    chunks: all,
    get records() {
      return oneAtATime(all);
    },
  };
}
