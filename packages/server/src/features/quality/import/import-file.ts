import { stat } from 'node:fs/promises';
import { isPostgreSqlPlatform } from '../../../db/cjs-modules.js';
import type { EntityManager, Orm } from '../../../db/orm.js';
import { refreshQualityRollups } from '../quality-rollups.js';
import {
  IMPORT_KIND_DEFINITIONS,
  type ImportKind,
  type ImportKindDefinition,
  type ReadRecord,
} from './import-kinds.js';
import { silentProgress, type ImportProgress } from './import-progress.js';
import { FieldReader } from './import-values.js';
import { QualityReferences } from './quality-references.js';
import { formatFromFileName, readRecords, type ImportFormat } from './record-reader.js';
import { defaultRejectsPath, RejectsWriter, type RowRejection } from './rejects-writer.js';
import { PostgresqlTableWriter } from './postgresql-table-writer.js';
import { SqliteTableWriter } from './sqlite-table-writer.js';
import { updateDependants, type StoredRows, type TableWriter } from './table-writer.js';
import type { OfferDay } from '../quality-rollups.js';
import type { ImportTable } from './import-kinds.js';

export const DEFAULT_IMPORT_BATCH_SIZE = 10_000;
export const MAX_IMPORT_BATCH_SIZE = 100_000;

/**
 * A transaction holds whole batches and commits once it has been open this long (or holds
 * MAX_ROWS_PER_COMMIT rows, or the file ends): a commit costs SQLite a journal write and syncs
 * whatever the batch size (8 % of the command's CPU with a commit per batch of 10,000 orders), so
 * fast batches share one. A failure part-way still leaves whole batches: those of the transactions
 * committed before it.
 */
export const COMMIT_INTERVAL_MS = 1_000;
/** Bounds what one transaction writes (SQLite's dirty pages stay within the import's page cache). */
export const MAX_ROWS_PER_COMMIT = 50_000;

export interface ImportFileOptions {
  readonly kind: ImportKind;
  readonly file: string;
  /** By the file's extension when absent. */
  readonly format?: ImportFormat;
  /** `<file>.rejects.csv` when absent. */
  readonly rejectsPath?: string;
  /** Records per batch. */
  readonly batchSize?: number;
  /** How long a transaction may stay open gathering batches (COMMIT_INTERVAL_MS when absent; 0: a commit per batch). */
  readonly commitIntervalMs?: number;
  readonly progress?: ImportProgress;
}

export interface ImportSummary {
  readonly kind: ImportKind;
  readonly file: string;
  readonly format: ImportFormat;
  /** Records read (CSV: rows after the header; NDJSON: non-blank lines). */
  readonly records: number;
  /** Records written (inserted, changed, or already identical). */
  readonly imported: number;
  /** Of those, rows inserted or changed: 0 when the same file runs again. */
  readonly changed: number;
  /** Lines rejected, each named in the rejects file. */
  readonly rejected: number;
  readonly rejectsPath: string | null;
  /** Batches committed (a transaction commits one batch or several whole ones). */
  readonly batches: number;
  /** The last line of the last committed batch. */
  readonly committedThroughLine: number;
}

/** A problem with the command or the file itself (not with some rows): nothing was imported. */
export class ImportFileError extends Error {}

/** The database failed part-way: the batches before committed whole; running the import again finishes it. */
export class ImportInterruptedError extends Error {
  constructor(
    readonly summary: ImportSummary,
    override readonly cause: unknown,
  ) {
    super(
      `the import stopped after ${summary.batches} complete batch(es) (through line ${summary.committedThroughLine}): ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/**
 * Imports one file of quality records (SPEC 5): streamed, `batchSize` records per batch, each an
 * upsert on (marketplace, external id) followed by the refresh of the rollups of the offer-days it
 * touched, in the same transaction (which commits one batch or several whole ones:
 * COMMIT_INTERVAL_MS). Rows that break a rule are left out and named in the rejects file; the rest
 * import. A failure part-way leaves whole batches; a re-run finishes.
 */
export async function importQualityFile(orm: Orm, options: ImportFileOptions): Promise<ImportSummary> {
  const definition = IMPORT_KIND_DEFINITIONS[options.kind] as unknown as ImportKindDefinition<unknown>;
  const format = options.format ?? formatFromFileName(options.file);
  if (!format) {
    throw new ImportFileError(
      `cannot tell the format of ${options.file} from its name: pass --format csv or --format ndjson`,
    );
  }
  const batchSize = options.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_IMPORT_BATCH_SIZE) {
    throw new ImportFileError(`the batch size must be a whole number from 1 to ${MAX_IMPORT_BATCH_SIZE}`);
  }
  let size: number;
  try {
    const info = await stat(options.file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch (error) {
    throw new ImportFileError(`cannot read ${options.file}: ${(error as Error).message}`);
  }

  const receivedAt = new Date();
  const progress = options.progress ?? silentProgress;
  const rejects = new RejectsWriter(options.rejectsPath ?? defaultRejectsPath(options.file));
  const references = await QualityReferences.load(orm.em.fork() as EntityManager);
  const writer: TableWriter = isPostgreSqlPlatform(orm.em.getPlatform())
    ? new PostgresqlTableWriter()
    : new SqliteTableWriter();
  const source = readRecords(options.file, format);

  const counts = { records: 0, imported: 0, changed: 0, batches: 0, committedThroughLine: 0 };
  const summary = (): ImportSummary => ({
    kind: options.kind,
    file: options.file,
    format,
    ...counts,
    rejected: rejects.rejectedLineCount,
    rejectsPath: rejects.rejectedLineCount ? rejects.path : null,
  });

  // The batch being gathered: by identity, so a record repeated within it is written once (the last wins).
  const pending = new Map<string, ReadRecord<unknown>>();
  let pendingRejections: RowRejection[] = [];
  let lastLine = 0;
  const commitIntervalMs = options.commitIntervalMs ?? COMMIT_INTERVAL_MS;

  // The open transaction and what its batches did, counted in once it commits.
  let open: OpenTransaction | null = null;

  let writing = false;
  const writeBatch = async (): Promise<void> => {
    writing = true;
    if (pending.size) {
      const records = [...pending.values()];
      pending.clear();
      if (!open) {
        const em = orm.em.fork() as EntityManager;
        await em.begin();
        open = {
          em,
          started: performance.now(),
          rows: 0,
          batches: 0,
          imported: 0,
          changed: 0,
          rejections: [],
        };
      }
      const tx = open;
      const em = tx.em;
      references.use(em);
      const resolved = await definition.resolve(references, records, receivedAt);
      const { rows, stored, moved, touched, refused } = await checkAgainstStored(
        references,
        definition.table,
        resolved.rows,
      );
      const written = await writer.upsert(em, definition.table, rows, stored);
      await updateDependants(em, definition.table, moved);
      touched.push(...written.touched);
      if (touched.length) await refreshQualityRollups(em, { offerDays: touched });
      tx.rows += records.length;
      tx.batches += 1;
      tx.imported += rows.length;
      tx.changed += written.changed;
      tx.rejections.push(...resolved.rejections);
      if (refused.length) {
        const lines = new Map(records.map((r) => [definition.key(r.record), r.line]));
        tx.rejections.push(...refused.map((r) => ({ ...r, line: lines.get(`${r.key}`)! })));
      }
    }
    if (open) {
      open.rejections.push(...pendingRejections);
      pendingRejections = [];
    }
    writing = false;
  };
  /** Commits the open transaction (if any) and names its rejected lines. */
  const commit = async (): Promise<void> => {
    writing = true;
    const tx = open;
    if (tx) {
      await tx.em.commit();
      open = null;
      counts.imported += tx.imported;
      counts.changed += tx.changed;
      counts.batches += tx.batches;
      pendingRejections.push(...tx.rejections);
    }
    counts.committedThroughLine = lastLine;
    if (pendingRejections.length) {
      pendingRejections.sort((a, b) => a.line - b.line);
      await rejects.write(pendingRejections);
      pendingRejections = [];
    }
    writing = false;
  };
  const flush = async (): Promise<void> => {
    await writeBatch();
    if (!open || open.rows >= MAX_ROWS_PER_COMMIT || performance.now() - open.started >= commitIntervalMs) {
      await commit();
    }
  };

  progress.start(size);
  try {
    await writer.start?.(orm.em.fork() as EntityManager);
    for await (const chunk of source.chunks) {
      for (const item of chunk) {
        lastLine = item.line;
        if ('header' in item) {
          const missing = definition.columns.filter((c) => c.required && !item.header.includes(c.name));
          if (missing.length) {
            throw new ImportFileError(
              `the header of ${options.file} lacks the column(s) ${missing.map((c) => c.name).join(', ')} ` +
                `(${options.kind} need ${definition.columns.map((c) => c.name).join(', ')})`,
            );
          }
          continue;
        }
        if ('unreadable' in item) {
          pendingRejections.push({ line: item.line, field: '*', rule: 'MALFORMED_LINE', message: item.unreadable });
          continue;
        }
        counts.records += 1;
        const reader = new FieldReader(item.fields, item.line, writer.instantText);
        const record = definition.read(reader, receivedAt);
        if (reader.ok) pending.set(definition.key(record), { line: item.line, record });
        else pendingRejections.push(...reader.rejections);
        if (pending.size >= batchSize) {
          await flush();
          progress.update(source.bytesRead(), counts.records);
        } else if ((counts.records & 4095) === 0) {
          progress.update(source.bytesRead(), counts.records);
        }
      }
    }
    await writeBatch();
    await commit();
    progress.update(size, counts.records);
  } catch (error) {
    // (Assigned in the closures above: TypeScript's narrowing would take it for the initial null.)
    const tx = open as OpenTransaction | null;
    if (tx) {
      open = null;
      // Whatever the failure, the open transaction's batches go (the database may be gone already).
      await tx.em.rollback().catch(() => undefined);
    }
    if (error instanceof ImportFileError) throw error;
    if (writing) throw new ImportInterruptedError(summary(), error);
    throw new ImportFileError(`cannot read ${options.file}: ${(error as Error).message}`);
  } finally {
    progress.stop();
    writer.finish();
    await rejects.close();
  }
  return summary();
}

/** The transaction gathering batches, and what they did: counted in once it commits. */
interface OpenTransaction {
  readonly em: EntityManager;
  readonly started: number;
  rows: number;
  batches: number;
  imported: number;
  changed: number;
  readonly rejections: RowRejection[];
}

/**
 * Compares a batch's rows with the rows already stored under the same identities: a row that would
 * change what a record keeps for life (its seller, its order) is refused (CHANGED_OWNER); a row
 * that moves to another (offer, day) touches its former offer-day too, and its id is returned so
 * the records that copy it (an order's complaints and defects) follow. `stored` gives the id of
 * each row already stored (absent: a new row), null when the table has nothing to compare.
 */
async function checkAgainstStored(
  references: QualityReferences,
  table: ImportTable,
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<{
  rows: Array<readonly unknown[]>;
  stored: StoredRows | null;
  moved: string[];
  touched: OfferDay[];
  refused: Array<Omit<RowRejection, 'line'> & { key: string }>;
}> {
  const result = {
    rows: [] as Array<readonly unknown[]>,
    stored: null as Map<readonly unknown[], string> | null,
    moved: [] as string[],
    touched: [] as OfferDay[],
    refused: [] as Array<Omit<RowRejection, 'line'> & { key: string }>,
  };
  if (!table.owner.length && !table.rollup) return { ...result, rows: [...rows] };
  const stored = await references.existing(table, rows);
  const storedIds = (result.stored = new Map<readonly unknown[], string>());
  const at = (column: string) => table.columns.indexOf(column);
  if (!stored.size) {
    result.rows = [...rows];
    return result;
  }
  for (const row of rows) {
    const key = `${row[0] as string}\u0000${row[1] as string}`;
    const old = stored.get(key);
    if (!old) {
      result.rows.push(row);
      continue;
    }
    const changedOwner = table.owner.find((o) => old[o.column] !== row[at(o.column)]);
    if (changedOwner) {
      result.refused.push({
        key,
        field: changedOwner.field,
        rule: 'CHANGED_OWNER',
        message: `${changedOwner.field} names another ${changedOwner.column.replace(/_id$/, '')} than the one external id ${row[1] as string} was first sent with; ids are for life`,
      });
      continue;
    }
    result.rows.push(row);
    storedIds.set(row, old.id);
    if (table.rollup) {
      const { offer, day } = table.rollup;
      if (old[offer] !== row[at(offer)] || old[day] !== row[at(day)]) {
        result.touched.push({ offerId: old[offer] as string, day: old[day] as string });
        result.moved.push(old.id);
      }
    }
  }
  return result;
}
