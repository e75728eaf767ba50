import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Which hops of X-Forwarded-For to believe: `proxy-addr`'s test of an address at a hop. */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The TRUST_PROXY setting compiled as Express compiles its own `trust proxy` setting: `true`
 * believes every hop, a number that many hops, a string a comma-separated list of addresses,
 * subnets or `proxy-addr`'s names (loopback, linklocal, uniquelocal), `false` none. One function,
 * given to Express too, so /graphql and the routes Express answers agree on who the client is.
 */
export function compileTrustProxy(setting: boolean | number | string): TrustProxy {
  if (setting === true) return () => true;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  if (setting === false || setting === '') return proxyAddr.compile([]);
  return proxyAddr.compile(setting.split(',').map((part) => part.trim()));
}

/**
 * The caller's address: the peer's, or the nearest X-Forwarded-For hop not trusted as a proxy
 * (what Express calls `req.ip`). Rate limits count anonymous callers by it.
 */
export function clientAddressOf(req: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(req, trust);
}
