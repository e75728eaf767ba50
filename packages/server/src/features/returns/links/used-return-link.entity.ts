import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../../db/base.entity.js';
import type { ReturnRequest } from '../return-request.entity.js';
import type { ReturnLinkAction } from './return-link-token.js';

/**
 * An emailed return link that has acted: its id is unique, so a second click (or two at once)
 * finds it taken and changes nothing. Links that were sent but never used leave no row.
 */
@Entity()
@Unique({ properties: ['linkId'] })
export class UsedReturnLink extends BaseEntity {
  /** The random id inside the signed token. */
  @Property({ type: 'string', length: 32 })
  linkId: string;

  @Property({ type: 'string', length: 16 })
  action: ReturnLinkAction;

  @ManyToOne('ReturnRequest', { ref: true, deleteRule: 'cascade' })
  returnRequest: Ref<ReturnRequest>;

  @Property({ type: Date })
  usedAt: Date;

  /** When the link would have expired anyway: after it the row may be deleted. */
  @Property({ type: Date })
  expiresAt: Date;

  constructor(props: {
    linkId: string;
    action: ReturnLinkAction;
    returnRequest: Ref<ReturnRequest>;
    usedAt: Date;
    expiresAt: Date;
  }) {
    super();
    this.linkId = props.linkId;
    this.action = props.action;
    this.returnRequest = props.returnRequest;
    this.usedAt = props.usedAt;
    this.expiresAt = props.expiresAt;
  }
}
