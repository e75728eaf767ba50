import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import multer from 'multer';
import type { AppConfig } from '../../config.js';
import type { EntityManager, Orm } from '../../db/orm.js';
import { badInput, forbidden, type AppError } from '../../errors/app-error.js';
import { errorResponseBody, sendErrorResponse } from '../../http/error-response.js';
import { fileHeaders } from '../../http/file-route.js';
import { requestAuthenticator } from '../../http/request-principal.js';
import type { Logger } from '../../logger.js';
import { createFileStorage, type FileStorage } from './storage.js';
import { oversizeError, parseUploadKind, UPLOAD_MAX_BYTES } from './upload-checks.js';
import type { Upload, UploadKind } from './upload.entity.js';
import { loadUploadForViewer, requireRoomInQuota, requireUploader, storeUpload } from './upload.service.js';

export interface UploadsRouterDependencies {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Where the bytes go; the folder `<dataDir>/uploads` unless given (object storage later). */
  readonly storage?: FileStorage;
}

/**
 * Every upload must carry this header with the value 1. A cross-site HTML form cannot set a
 * header, and a cross-site fetch that sets one needs a CORS preflight this server never grants,
 * so only our own pages (or a deliberate client) can upload. Checking the content type instead
 * would not help: multipart/form-data is exactly what a plain form sends.
 */
export const UPLOAD_CSRF_HEADER = 'x-recertify-upload';

/** What a successful upload answers (201). */
export interface UploadResponse {
  readonly id: string;
  readonly kind: UploadKind;
  readonly contentType: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly originalName: string;
}

/** POST /uploads (multipart, field "file", query kind=DOCUMENT|IMAGE) and GET /uploads/:id. */
export function createUploadsRouter(deps: UploadsRouterDependencies): Router {
  const { orm, logger, now } = deps;
  const storage = deps.storage ?? createFileStorage(deps.config);
  const limits = {
    quotaBytes: deps.config.uploads.quotaBytes,
    imageMaxDecodedBytes: deps.config.uploads.imageMaxDecodedBytes,
  };
  mkdirSync(storage.incomingDir, { recursive: true });
  // The body is written to a file in the storage's incoming folder as it arrives (never held in
  // memory), then checked there and moved into place. One byte over the largest limit, so the
  // service sees a file that is just too big and names the exact limit; anything larger stops
  // being read at that point, and multer removes what it had written.
  const diskOptions = {
    destination: storage.incomingDir,
    filename: (_req: Request, _file: Express.Multer.File, callback: (error: null, name: string) => void) =>
      callback(null, `${randomUUID()}.part`),
    // fsync before the file is checked and moved into place (multer 2.5; not in its types yet).
    flush: true,
  };
  const receiveFile = multer({
    storage: multer.diskStorage(diskOptions),
    limits: { files: 1, fileSize: UPLOAD_MAX_BYTES + 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 100 },
    // Browsers send UTF-8 file names without saying so.
    defParamCharset: 'utf8',
  }).single('file');

  const authenticate = requestAuthenticator(deps);

  const receive = (req: Request, res: Response, kind: UploadKind): Promise<Express.Multer.File> =>
    new Promise((resolve, reject) => {
      receiveFile(req, res, (error?: unknown) => {
        if (error) reject(multipartProblem(error, kind));
        else if (req.file) resolve(req.file);
        else reject(badInput([{ field: 'file', message: 'send the file as multipart/form-data in the field "file"' }]));
      });
    });

  const router = Router();

  router.post('/', async (req, res) => {
    try {
      if (req.get(UPLOAD_CSRF_HEADER) !== '1') {
        throw forbidden(
          `Uploads must send the header "${UPLOAD_CSRF_HEADER}: 1"; it keeps other sites from uploading in your name.`,
        );
      }
      const em = orm.em.fork() as EntityManager;
      const { principal } = await authenticate(em, req);
      // Refuse before reading what may be megabytes of body.
      requireUploader(principal);
      const kind = parseUploadKind(req.query['kind']);
      await requireRoomInQuota(em, principal, limits.quotaBytes);
      const file = await receive(req, res, kind);
      const upload = await storeUpload({
        em,
        storage,
        principal,
        kind,
        originalName: file.originalname,
        incomingPath: file.path,
        limits,
        now: now(),
      });
      res.status(201).location(`${req.baseUrl}/${upload.id}`).json(describeUpload(upload));
    } catch (error) {
      sendError(req, res, error, logger);
    }
  });

  router.get('/:id', async (req, res) => {
    try {
      const em = orm.em.fork() as EntityManager;
      const { principal } = await authenticate(em, req);
      const upload = await loadUploadForViewer(em, principal, req.params.id);
      res.set({
        ...fileHeaders({
          contentType: upload.contentType,
          disposition: contentDisposition(dispositionOf(upload, req.query['download'] === '1'), upload),
          cacheControl: 'private, max-age=300',
        }),
        'Content-Length': String(upload.size),
        ETag: `"${upload.sha256}"`,
      });
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      const body = await storage.get(upload.storageKey);
      if (!body) throw new Error(`upload ${upload.id} has no bytes in storage under ${upload.storageKey}`);
      if (req.method === 'HEAD') {
        body.destroy();
        res.status(200).end();
        return;
      }
      res.status(200);
      await pipeline(body, res);
    } catch (error) {
      sendError(req, res, error, logger);
    }
  });

  router.use((_req, res) => {
    res.status(404).json(
      errorResponseBody({
        code: 'NOT_FOUND',
        message: 'Files are uploaded with POST /uploads and read with GET /uploads/<id>.',
        extensions: {},
      }),
    );
  });

  const lastResort: ErrorRequestHandler = (error, req, res, _next) => sendError(req, res, error, logger);
  router.use(lastResort);

  return router;
}

function describeUpload(upload: Upload): UploadResponse {
  return {
    id: upload.id,
    kind: upload.kind,
    contentType: upload.contentType,
    size: upload.size,
    width: upload.width,
    height: upload.height,
    originalName: upload.originalName,
  };
}

/** Turns multer's and busboy's errors into refusals that name the rule. */
function multipartProblem(error: unknown, kind: UploadKind): AppError {
  if (!(error instanceof multer.MulterError)) {
    // busboy: a malformed or cut-off body.
    return badInput([{ field: 'file', message: 'the multipart/form-data body could not be read' }]);
  }
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return oversizeError(kind, null);
    case 'LIMIT_FILE_COUNT':
      return badInput([{ field: 'file', message: 'send one file per upload' }]);
    case 'LIMIT_UNEXPECTED_FILE':
      return badInput([{ field: 'file', message: `send the file in the field "file", not "${error.field ?? ''}"` }]);
    default:
      return badInput([{ field: 'file', message: 'send only the field "file" in the multipart/form-data body' }]);
  }
}

/** Refusals as JSON with their status; anything unexpected is logged and masked as a 500. */
function sendError(req: Request, res: Response, error: unknown, logger: Logger): void {
  if (!res.headersSent) {
    // Headers meant for the file must not stay on an error body (its stricter policy may).
    for (const header of ['Content-Disposition', 'Content-Length', 'ETag', 'Cache-Control']) {
      res.removeHeader(header);
    }
    res.setHeader('Cache-Control', 'no-store');
  }
  sendErrorResponse(req, res, error, logger);
}

/**
 * Images may open in the browser; documents (PDFs) are always downloaded, so no reader plug-in
 * renders them on our origin. `?download=1` downloads an image too.
 */
function dispositionOf(upload: Upload, download: boolean): 'inline' | 'attachment' {
  return download || !upload.contentType.startsWith('image/') ? 'attachment' : 'inline';
}

/** `inline` or `attachment` with an ASCII-only fallback name and the exact name in RFC 5987 form. */
function contentDisposition(disposition: 'inline' | 'attachment', upload: Upload): string {
  const fallback = upload.originalName.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 150) || 'upload';
  const exact = encodeURIComponent(upload.originalName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
