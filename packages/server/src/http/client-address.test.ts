import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, compileTrustProxy } from './client-address.js';

/** A request as Node hands it over: the peer's address and what it says in X-Forwarded-For. */
function from(peer: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

describe('the client address under TRUST_PROXY', () => {
  const chain = '198.51.100.7, 10.0.0.2';

  it('by default believes proxies on loopback and private addresses, not a public peer', () => {
    const trust = compileTrustProxy('loopback, linklocal, uniquelocal');
    expect(clientAddressOf(from('127.0.0.1', chain), trust)).toBe('198.51.100.7');
    expect(clientAddressOf(from('203.0.113.9', chain), trust)).toBe('203.0.113.9');
  });

  it('false: the peer, whatever it forwards', () => {
    expect(clientAddressOf(from('127.0.0.1', chain), compileTrustProxy(false))).toBe('127.0.0.1');
  });

  it('true: the farthest hop named', () => {
    expect(clientAddressOf(from('203.0.113.9', chain), compileTrustProxy(true))).toBe('198.51.100.7');
  });

  it('a number: that many proxies in front, no more', () => {
    expect(clientAddressOf(from('203.0.113.9', chain), compileTrustProxy(1))).toBe('10.0.0.2');
    expect(clientAddressOf(from('203.0.113.9', chain), compileTrustProxy(2))).toBe('198.51.100.7');
  });

  it('a subnet list: only proxies inside it', () => {
    const trust = compileTrustProxy('10.0.0.0/8, 203.0.113.0/24');
    expect(clientAddressOf(from('203.0.113.9', chain), trust)).toBe('198.51.100.7');
    expect(clientAddressOf(from('192.0.2.1', chain), trust)).toBe('192.0.2.1');
  });

  it('no X-Forwarded-For: the peer', () => {
    expect(clientAddressOf(from('127.0.0.1'), compileTrustProxy(true))).toBe('127.0.0.1');
  });
});
