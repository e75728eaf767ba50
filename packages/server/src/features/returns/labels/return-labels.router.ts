import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import type { AppConfig } from '../../../config.js';
import type { EntityManager, Orm } from '../../../db/orm.js';
import { sendErrorResponse } from '../../../http/error-response.js';
import { fileHeaders } from '../../../http/file-route.js';
import { requestAuthenticator } from '../../../http/request-principal.js';
import type { Logger } from '../../../logger.js';
import type { FileStorage } from '../../uploads/storage.js';
import { returnDocument, type ReturnDocument } from './return-label.service.js';

export interface ReturnLabelsRouterDependencies {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly storage: FileStorage;
}

/**
 * GET /returns/:id/label.pdf and GET /returns/:id/packing-slip.pdf: the documents of an authorized
 * return, as PDF attachments, for whoever may see the return (its seller's session, a reviewer,
 * an admin, or the seller's API key with read:returns); 404 for everyone else. Only these two
 * paths are answered: every other /returns/... address falls through to the web app.
 */
export function createReturnLabelsRouter(deps: ReturnLabelsRouterDependencies): Router {
  const { orm, logger, storage } = deps;
  const authenticate = requestAuthenticator(deps);

  const send = (which: ReturnDocument) => async (req: Request<{ id: string }>, res: Response) => {
    try {
      const em = orm.em.fork() as EntityManager;
      const { principal } = await authenticate(em, req);
      const document = await returnDocument(em, principal, req.params.id, which);
      res.set(
        fileHeaders({
          contentType: document.contentType,
          disposition: `attachment; filename="${document.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
          // The generated documents follow the return (a new address, an uploaded label): never cached.
          cacheControl: 'private, no-store',
        }),
      );
      if ('bytes' in document) {
        res.status(200).end(Buffer.from(document.bytes));
        return;
      }
      const body = await storage.get(document.upload.storageKey);
      if (!body) throw new Error(`upload ${document.upload.id} has no bytes under ${document.upload.storageKey}`);
      res.status(200).set('Content-Length', String(document.upload.size));
      await pipeline(body, res);
    } catch (error) {
      if (!res.headersSent) {
        res.removeHeader('Content-Disposition');
        res.setHeader('Cache-Control', 'no-store');
      }
      sendErrorResponse(req, res, error, logger);
    }
  };

  const router = Router();
  router.get('/returns/:id/label.pdf', send('label'));
  router.get('/returns/:id/packing-slip.pdf', send('packing-slip'));
  return router;
}
