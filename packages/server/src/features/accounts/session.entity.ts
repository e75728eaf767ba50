import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import type { User } from './user.entity.js';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of
 * the database cannot be used to sign in.
 */
@Entity()
export class Session extends BaseEntity {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash: string;

  @ManyToOne('User', { ref: true })
  user: Ref<User>;

  @Property({ type: Date })
  expiresAt: Date;

  @Property({ type: Date })
  lastSeenAt: Date;

  @Property({ type: Date, nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 255, nullable: true })
  userAgent: string | null;

  constructor(props: { tokenHash: string; user: Ref<User>; expiresAt: Date; now: Date; userAgent: string | null }) {
    super();
    this.tokenHash = props.tokenHash;
    this.user = props.user;
    this.expiresAt = props.expiresAt;
    this.lastSeenAt = props.now;
    this.userAgent = props.userAgent?.slice(0, 255) ?? null;
  }

  isActiveAt(now: Date): boolean {
    return sessionIsActiveAt(this, now);
  }
}

/** Not revoked and not expired: the rule for an entity and for the plain row the session lookup reads. */
export function sessionIsActiveAt(session: Pick<Session, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}
