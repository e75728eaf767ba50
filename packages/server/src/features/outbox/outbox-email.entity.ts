import { Entity, Index, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';

export type OutboxStatus = 'PENDING' | 'SENT' | 'DEAD';

/**
 * An email waiting to be sent, written in the same transaction as the change that causes it. A
 * worker claims due rows with a lease (lockedUntil), sends them, and marks them SENT; failures are
 * retried with backoff until maxAttempts, then kept as DEAD for an operator.
 */
@Entity()
@Index({ properties: ['status', 'nextAttemptAt'] })
export class OutboxEmail extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  kind: string;

  @Property({ type: 'string', length: 254 })
  toAddress: string;

  @Property({ type: 'string', length: 300 })
  subject: string;

  @Property({ type: 'text' })
  textBody: string;

  @Property({ type: 'text', nullable: true })
  htmlBody: string | null;

  @Property({ type: 'string', length: 8 })
  status: OutboxStatus & Opt = 'PENDING';

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: Date })
  nextAttemptAt: Date;

  @Property({ type: Date, nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  lockedBy: string | null = null;

  @Property({ type: Date, nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  constructor(props: { kind: string; to: string; subject: string; text: string; html?: string | null; now: Date }) {
    super();
    this.kind = props.kind;
    this.toAddress = props.to;
    this.subject = props.subject;
    this.textBody = props.text;
    this.htmlBody = props.html ?? null;
    this.nextAttemptAt = props.now;
    this.createdAt = props.now;
  }
}
