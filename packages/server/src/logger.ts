import { pino, type Logger } from 'pino';
import type { AppConfig } from './config.js';

export type { Logger };

/** Structured JSON logs on stdout, one object a line. */
export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'recertify-server' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  });
}
