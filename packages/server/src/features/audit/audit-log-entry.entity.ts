import { Entity, Index, Property } from '@mikro-orm/core';
import { v7 as timeOrderedUuid } from 'uuid';
import { BaseEntity } from '../../db/base.entity.js';

/**
 * One step in the append-only audit log: who did what to which record, when, with the data of
 * the moment (e.g. the eligibility snapshot behind a decision). Rows are only ever inserted.
 *
 * The id is time-ordered (UUID version 7, whose counter keeps ids made in the same millisecond in
 * the order they were made), so (at, id) is the order entries were written in even when several
 * share one `at`: a request that claims and decides within a millisecond, or a clock standing still.
 */
@Entity()
@Index({ properties: ['subjectType', 'subjectId', 'at'] })
export class AuditLogEntry extends BaseEntity {
  @Property({ type: Date })
  at: Date;

  /** The user, or the API key, that acted; null for the system (a scheduled job). */
  @Property({ type: 'string', length: 36, nullable: true })
  actorId: string | null;

  @Property({ type: 'string', length: 16 })
  actorKind: 'USER' | 'API_KEY' | 'SYSTEM';

  @Property({ type: 'string', length: 120, nullable: true })
  actorName: string | null;

  @Property({ type: 'string', length: 64 })
  action: string;

  @Property({ type: 'string', length: 64 })
  subjectType: string;

  @Property({ type: 'string', length: 36 })
  subjectId: string;

  @Property({ type: 'json', nullable: true })
  data: Record<string, unknown> | null;

  constructor(props: {
    at: Date;
    actorId: string | null;
    actorKind: 'USER' | 'API_KEY' | 'SYSTEM';
    actorName: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    data?: Record<string, unknown> | null;
  }) {
    super();
    this.id = timeOrderedUuid();
    this.at = props.at;
    this.createdAt = props.at;
    this.actorId = props.actorId;
    this.actorKind = props.actorKind;
    this.actorName = props.actorName;
    this.action = props.action;
    this.subjectType = props.subjectType;
    this.subjectId = props.subjectId;
    this.data = props.data ?? null;
  }
}
