import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import type { User } from './user.entity.js';

/** A single-use, expiring password reset (or first password) token; only its hash is stored. */
@Entity()
export class PasswordResetToken extends BaseEntity {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash: string;

  @ManyToOne('User', { ref: true })
  user: Ref<User>;

  @Property({ type: Date })
  expiresAt: Date;

  @Property({ type: Date, nullable: true })
  usedAt: Date | null = null;

  constructor(props: { tokenHash: string; user: Ref<User>; expiresAt: Date }) {
    super();
    this.tokenHash = props.tokenHash;
    this.user = props.user;
    this.expiresAt = props.expiresAt;
  }
}
