import express, { Router, type Request, type Response } from 'express';
import type { AppConfig } from '../../../config.js';
import type { EntityManager, Orm } from '../../../db/orm.js';
import { ANONYMOUS } from '../../../auth/principal.js';
import { publicErrorOf } from '../../../errors/public-error.js';
import { requestLimits } from '../../../limits/request-limits.js';
import type { Logger } from '../../../logger.js';
import { confirmationPage, donePage, problemPage, RETURN_LINK_PAGE_POLICY } from './return-link-page.js';
import { RETURN_LINK_PATH, ReturnLinksService, type ReturnLinkOutcome } from './return-links.service.js';

export interface ReturnLinksRouterDependencies {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * GET /returns/link/:token shows what an emailed link will do (and never does it: mail scanners
 * fetch every link); POST /returns/link/:token (the page's form) does it, once. Both answer
 * small HTML pages, without signing in: the signed token is the permission.
 */
export function createReturnLinksRouter(deps: ReturnLinksRouterDependencies): Router {
  const { orm, config, logger, now } = deps;
  const requestBudget = requestLimits(orm, config.limits);
  const service = (em: EntityManager) => new ReturnLinksService(em, config, now);

  const answer = (res: Response, outcome: ReturnLinkOutcome): void => {
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': RETURN_LINK_PAGE_POLICY,
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex, nofollow',
    });
    switch (outcome.kind) {
      case 'problem':
        res.status(outcome.status).send(problemPage(outcome.title, outcome.sentence));
        return;
      case 'confirm':
        res.status(200).send(confirmationPage(outcome.facts, outcome.form, outcome.expiresAt));
        return;
      case 'done':
        res.status(200).send(donePage(outcome.title, outcome.sentence, outcome.facts));
        return;
    }
  };

  const handle =
    (run: (service: ReturnLinksService, req: Request<{ token: string }>) => Promise<ReturnLinkOutcome>) =>
    async (req: Request<{ token: string }>, res: Response) => {
      try {
        await requestBudget.count(ANONYMOUS, req.ip);
        answer(res, await run(service(orm.em.fork() as EntityManager), req));
      } catch (error) {
        const refusal = publicErrorOf(error);
        if (refusal) {
          if (refusal.extensions.retryAfterSeconds !== undefined) {
            res.setHeader('Retry-After', String(refusal.extensions.retryAfterSeconds));
          }
          answer(res, { kind: 'problem', status: refusal.status, title: 'Not now', sentence: refusal.message });
          return;
        }
        (req.log ?? logger).error({ err: error }, 'return link failed');
        answer(res, {
          kind: 'problem',
          status: 500,
          title: 'Something went wrong',
          sentence: 'Something went wrong on our side; nothing was changed. Please try again in a moment.',
        });
      }
    };

  const router = Router();
  router.get(
    `${RETURN_LINK_PATH}/:token`,
    handle((links, req) => links.open(req.params.token)),
  );
  router.post(
    `${RETURN_LINK_PATH}/:token`,
    express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 10 }),
    handle((links, req) => links.act(req.params.token, (req.body ?? {}) as Record<string, unknown>)),
  );
  return router;
}
