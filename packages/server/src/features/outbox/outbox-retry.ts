import { createHash } from 'node:crypto';

export const FIRST_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 3_600_000;
/** Share of a delay that jitter may take off, so emails that failed together do not retry in lockstep. */
const JITTER_SHARE = 0.1;

/**
 * How long to wait after the `failures`-th failed attempt: 30 s, 1 min, 2 min, ... doubling, never
 * more than 1 h, minus up to 10 % jitter. The jitter is derived from `jitterKey` (the outbox id),
 * not from a random source, so a test with an injected clock knows exactly when a retry is due.
 */
export function retryDelayMs(failures: number, jitterKey: string): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const base = Math.min(FIRST_RETRY_DELAY_MS * 2 ** exponent, MAX_RETRY_DELAY_MS);
  const digest = createHash('sha256').update(`${jitterKey}:${failures}`).digest();
  const fraction = digest.readUInt32BE(0) / 2 ** 32;
  return base - Math.floor(base * JITTER_SHARE * fraction);
}

const MAX_ERROR_LENGTH = 500;

/**
 * The text kept in `lastError`: error code, SMTP response code and message on one line, with any
 * credentials of a URL (`smtp://user:password@host`) masked, and cut to a readable length.
 */
export function describeSendError(error: unknown): string {
  const details = error as { code?: unknown; responseCode?: unknown; message?: unknown } | null | undefined;
  const parts = [
    typeof details?.code === 'string' ? details.code : null,
    typeof details?.responseCode === 'number' ? String(details.responseCode) : null,
    typeof details?.message === 'string' ? details.message : String(error),
  ].filter((part): part is string => part !== null && part.length > 0);
  const text = parts
    .join(' ')
    .replace(/\/\/[^/\s@]*@/g, '//***@')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text || 'unknown error';
}

/**
 * True when the failure belongs to this one message (the server refused its envelope or content),
 * false when the transport itself is failing (connection refused, timeout, TLS, authentication,
 * disk full): then the other messages of the batch would fail the same way and are not tried.
 */
export function isMessageSpecificFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}
