import { createReadStream, type ReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
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
  return { bytesRead: () => stream.bytesRead, records: ndjsonRecords(stream) };
}

async function* ndjsonRecords(stream: ReadStream): AsyncGenerator<SourceRecord> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, unreadable: `malformed JSON: ${(error as Error).message}` };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, unreadable: 'a line must be one JSON object' };
      continue;
    }
    yield { line, fields: value as Record<string, unknown> };
  }
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

  async function* records(): AsyncGenerator<SourceRecord> {
    for await (const parsed of parser as AsyncIterable<ParsedRow>) {
      // The parser runs ahead: yield only the skipped lines that come before this record.
      while (skipped.length && skipped[0]!.line < parsed.line) yield skipped.shift()!;
      if (!header) {
        header = parsed.cells.map((name) => name.trim());
        yield { line: parsed.line, header };
        continue;
      }
      const fields: Record<string, unknown> = {};
      const cells = parsed.cells;
      const count = Math.min(cells.length, header.length);
      for (let i = 0; i < count; i++) {
        const cell = cells[i]!;
        if (cell !== '') fields[header[i]!] = cell;
      }
      yield { line: parsed.line, fields };
    }
    while (skipped.length) yield skipped.shift()!;
  }

  return { bytesRead: () => stream.bytesRead, records: records() };
}
