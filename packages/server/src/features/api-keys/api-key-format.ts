import { randomBytes } from 'node:crypto';
import { randomToken } from '../accounts/secrets.js';

const KEY_PATTERN = /^rcf_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A new key: `rcf_<12 hex prefix>_<43 chars of base64url secret>`. */
export function generateApiKey(): { prefix: string; secret: string; key: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomToken(32);
  return { prefix, secret, key: `rcf_${prefix}_${secret}` };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match?.[1] && match[2] ? { prefix: match[1], secret: match[2] } : null;
}
