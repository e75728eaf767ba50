import path from 'node:path';
import type { Orm } from '../../../db/orm.js';
import {
  COMMIT_INTERVAL_MS,
  DEFAULT_IMPORT_BATCH_SIZE,
  importQualityFile,
  ImportFileError,
  ImportInterruptedError,
  type ImportFileOptions,
  type ImportSummary,
} from './import-file.js';
import { IMPORT_KINDS, isImportKind } from './import-kinds.js';
import { silentProgress, terminalProgress } from './import-progress.js';
import { IMPORT_FORMATS, type ImportFormat } from './record-reader.js';

/** The command's exit codes: all rows in; a usage, file or database problem; some rows rejected. */
export const IMPORT_EXIT = { OK: 0, FAILED: 1, REJECTED_ROWS: 2 } as const;

export const IMPORT_USAGE = [
  `Usage: import <kind> <file> [--format csv|ndjson] [--rejects <path>] [--batch-size <n>] [--commit-interval <ms>] [--no-progress]`,
  `  kind: ${IMPORT_KINDS.join(', ')}`,
  `  file: .csv (with a header row) or .ndjson/.jsonl (one JSON object a line); the columns are in the README`,
  `  --rejects     where bad rows are named (default: <file>.rejects.csv)`,
  `  --batch-size  records per batch (default ${DEFAULT_IMPORT_BATCH_SIZE.toLocaleString('en')})`,
  `  --commit-interval  a transaction commits its whole batches once open this long (default ${COMMIT_INTERVAL_MS} ms; 0: every batch)`,
  `Exit code: 0 all rows imported, 1 usage, file or database error, 2 some rows rejected.`,
].join('\n');

export type ParsedImportArguments =
  | { readonly ok: true; readonly options: Omit<ImportFileOptions, 'progress'>; readonly progress: boolean }
  | { readonly ok: false; readonly error: string };

export function parseImportArguments(args: readonly string[]): ParsedImportArguments {
  const positional: string[] = [];
  let format: ImportFormat | undefined;
  let rejectsPath: string | undefined;
  let batchSize: number | undefined;
  let commitIntervalMs: number | undefined;
  let progress = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string | undefined => args[++i];
    if (arg === '--format') {
      const v = value();
      if (!v || !(IMPORT_FORMATS as readonly string[]).includes(v))
        return { ok: false, error: '--format must be csv or ndjson' };
      format = v as ImportFormat;
    } else if (arg === '--rejects') {
      rejectsPath = value();
      if (!rejectsPath) return { ok: false, error: '--rejects needs a path' };
    } else if (arg === '--batch-size') {
      const v = value();
      batchSize = v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN;
      if (!Number.isSafeInteger(batchSize) || batchSize < 1)
        return { ok: false, error: '--batch-size must be a whole number of 1 or more' };
    } else if (arg === '--commit-interval') {
      const v = value();
      commitIntervalMs = v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN;
      if (!Number.isSafeInteger(commitIntervalMs))
        return { ok: false, error: '--commit-interval must be a whole number of milliseconds' };
    } else if (arg === '--no-progress') {
      progress = false;
    } else if (arg.startsWith('--')) {
      return { ok: false, error: `unknown option ${arg}` };
    } else {
      positional.push(arg);
    }
  }
  const [kind, file, ...extra] = positional;
  if (!kind || !file || extra.length) return { ok: false, error: 'give a kind and one file' };
  if (!isImportKind(kind)) return { ok: false, error: `the kind must be one of ${IMPORT_KINDS.join(', ')}` };
  return {
    ok: true,
    progress,
    options: {
      kind,
      file,
      ...(format ? { format } : {}),
      ...(rejectsPath ? { rejectsPath } : {}),
      ...(batchSize ? { batchSize } : {}),
      ...(commitIntervalMs !== undefined ? { commitIntervalMs } : {}),
    },
  };
}

export interface ImportCommandIo {
  /** The summary and messages (stdout in the CLI). */
  readonly out: (text: string) => void;
  /** Errors (stderr in the CLI). */
  readonly err: (text: string) => void;
  /** Where the progress bar goes; none in tests. */
  readonly progressStream?: NodeJS.WriteStream | null;
  /** Relative paths are taken from here (the CLI passes where pnpm was run: INIT_CWD). */
  readonly cwd?: string;
}

/** The `import` command: parses its arguments, opens the database, imports, and returns the exit code. */
export async function runImportCommand(
  args: readonly string[],
  withOrm: <T>(work: (orm: Orm) => Promise<T>) => Promise<T>,
  io: ImportCommandIo,
): Promise<number> {
  const parsed = parseImportArguments(args);
  if (!parsed.ok) {
    io.err(`import: ${parsed.error}\n${IMPORT_USAGE}`);
    return IMPORT_EXIT.FAILED;
  }
  const cwd = io.cwd ?? process.cwd();
  const options = {
    ...parsed.options,
    file: path.resolve(cwd, parsed.options.file),
    ...(parsed.options.rejectsPath ? { rejectsPath: path.resolve(cwd, parsed.options.rejectsPath) } : {}),
  };
  const progress =
    parsed.progress && io.progressStream
      ? terminalProgress(`${parsed.options.kind}`, io.progressStream)
      : silentProgress;
  try {
    const summary = await withOrm((orm) => importQualityFile(orm, { ...options, progress }));
    io.out(describe(summary));
    return summary.rejected ? IMPORT_EXIT.REJECTED_ROWS : IMPORT_EXIT.OK;
  } catch (error) {
    if (error instanceof ImportFileError) {
      io.err(`import: ${error.message}`);
    } else if (error instanceof ImportInterruptedError) {
      io.err(`import: ${error.message}\nRun the same command again to finish: rows already in are left as they are.`);
    } else {
      io.err(`import: ${error instanceof Error ? error.message : String(error)}`);
    }
    return IMPORT_EXIT.FAILED;
  }
}

function describe(s: ImportSummary): string {
  const n = (value: number) => value.toLocaleString('en');
  const lines = [
    `Imported ${n(s.imported)} of ${n(s.records)} ${s.kind} records from ${s.file} ` +
      `(${n(s.changed)} new or changed, ${n(s.imported - s.changed)} already identical) in ${n(s.batches)} batch(es).`,
  ];
  if (s.rejected) {
    lines.push(
      `${n(s.rejected)} line(s) were rejected and not imported; each is named with its field and rule in ${s.rejectsPath}.`,
    );
  }
  return lines.join('\n');
}
