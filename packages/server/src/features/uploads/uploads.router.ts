import { Router } from 'express';
import type { AppConfig } from '../../config.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../logger.js';

export interface UploadsRouterDependencies {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** POST /uploads (multipart, field "file", query kind=DOCUMENT|IMAGE) and GET /uploads/:id. */
export function createUploadsRouter(_deps: UploadsRouterDependencies): Router {
  return Router();
}
