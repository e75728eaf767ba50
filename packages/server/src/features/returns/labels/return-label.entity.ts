import { Entity, ManyToOne, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../../db/base.entity.js';
import type { User } from '../../accounts/user.entity.js';
import type { Upload } from '../../uploads/upload.entity.js';
import type { ReturnRequest } from '../return-request.entity.js';

/**
 * The seller's own prepaid label for a return: an uploaded PDF that passed the label check
 * (prepaid-label-check.ts). At most one per return; attaching another replaces it. A return
 * without one gets the label the system generates, made on each download from the return's data
 * (so it always shows the current RMA and address, and nothing is stored).
 */
@Entity()
export class PrepaidReturnLabel extends BaseEntity {
  @OneToOne('ReturnRequest', { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  returnRequest: Ref<ReturnRequest>;

  @ManyToOne('Upload', { ref: true })
  upload: Ref<Upload>;

  @Property({ type: 'integer' })
  pageCount: number;

  @ManyToOne('User', { ref: true, nullable: true })
  attachedBy: Ref<User> | null;

  @Property({ type: Date })
  attachedAt: Date;

  constructor(props: {
    returnRequest: Ref<ReturnRequest>;
    upload: Ref<Upload>;
    pageCount: number;
    attachedBy: Ref<User> | null;
    attachedAt: Date;
  }) {
    super();
    this.returnRequest = props.returnRequest;
    this.upload = props.upload;
    this.pageCount = props.pageCount;
    this.attachedBy = props.attachedBy;
    this.attachedAt = props.attachedAt;
  }
}
