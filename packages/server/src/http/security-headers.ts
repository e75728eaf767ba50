import helmet, { type HelmetOptions } from 'helmet';
import type { AppConfig } from '../config.js';
import type { Middleware } from './middleware.js';

type Directives = Record<string, string[] | null>;

/**
 * The web app is a Vite build: one module script and one stylesheet from our origin, no inline
 * script or style, images from our origin (uploads) and data: URLs, GraphQL on our origin. Nobody
 * may frame it (clickjacking), and no page leaks its address (reset tokens are in links) in a
 * Referer header.
 */
function appDirectives(https: boolean): Directives {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // Only behind https: on plain HTTP (embedded mode on a LAN address) it would break every asset.
    'upgrade-insecure-requests': https ? [] : null,
  };
}

/**
 * Apollo's landing page at GET /graphql (development only) loads Apollo Sandbox from Apollo's
 * CDN. The page carries its own nonce-based policy in a meta tag, which applies on top of this
 * one, so inline code still needs that nonce.
 */
const APOLLO_CDN = [
  'https://apollo-server-landing-page.cdn.apollographql.com',
  'https://embeddable-sandbox.cdn.apollographql.com',
  'https://embeddable-explorer.cdn.apollographql.com',
];

function landingPageDirectives(https: boolean): Directives {
  return {
    ...appDirectives(https),
    'script-src': ["'self'", "'unsafe-inline'", ...APOLLO_CDN],
    'style-src': ["'self'", "'unsafe-inline'", ...APOLLO_CDN, 'https://fonts.googleapis.com'],
    'font-src': ["'self'", 'https://fonts.gstatic.com'],
    'img-src': ["'self'", 'data:', 'https://apollo-server-landing-page.cdn.apollographql.com'],
    'manifest-src': ["'self'", 'https://apollo-server-landing-page.cdn.apollographql.com'],
    'frame-src': ['https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'],
  };
}

type Options = Pick<AppConfig, 'env' | 'auth'>;

function commonOptions(config: Options): HelmetOptions {
  const https = config.auth.secureCookies;
  return {
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  };
}

/**
 * Security headers on every response (helmet): the Content-Security-Policy above,
 * `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY` for
 * old browsers, and HSTS when the public address is https. Routes may set a stricter policy of
 * their own (uploaded files are served with `sandbox; default-src 'none'`).
 */
export function securityHeaders(config: Options): Middleware {
  const directives = appDirectives(config.auth.secureCookies);
  return fixed(helmet({ ...commonOptions(config), contentSecurityPolicy: { useDefaults: false, directives } }));
}

/**
 * The same headers for /graphql; outside production its policy also lets Apollo's landing page
 * (GET /graphql in a browser) load Apollo Sandbox.
 */
export function graphqlSecurityHeaders(config: Options): Middleware {
  if (config.env === 'production') return securityHeaders(config);
  const directives = landingPageDirectives(config.auth.secureCookies);
  return fixed(helmet({ ...commonOptions(config), contentSecurityPolicy: { useDefaults: false, directives } }));
}

/**
 * Helmet's headers for these options, worked out once: none depends on the request (no nonces, no
 * directive functions), so every response gets the same list set in one step instead of through
 * helmet's dozen middlewares. Helmet itself runs per request if it ever does not answer at once.
 */
function fixed(handler: Middleware): Middleware {
  const set: Array<[string, number | string | readonly string[]]> = [];
  const removed: string[] = [];
  let done = false;
  const recorder = {
    setHeader: (name: string, value: number | string | readonly string[]) => void set.push([name, value]),
    removeHeader: (name: string) => void removed.push(name),
  };
  handler({} as Parameters<Middleware>[0], recorder as unknown as Parameters<Middleware>[1], () => {
    done = true;
  });
  if (!done) return handler;
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
