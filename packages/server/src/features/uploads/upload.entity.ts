import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import type { Organization } from '../accounts/organization.entity.js';
import type { User } from '../accounts/user.entity.js';

export type UploadKind = 'DOCUMENT' | 'IMAGE';

/**
 * A file a seller uploaded, checked by content (magic bytes), size and, for images, dimensions.
 * The bytes live in storage under `storageKey`; GraphQL mutations reference the upload by id.
 */
@Entity()
@ObjectType({ description: 'An uploaded file (invoice document or sample image), checked by its content.' })
export class Upload extends BaseEntity {
  @ManyToOne('Organization', { ref: true })
  organization: Ref<Organization>;

  @ManyToOne('User', { ref: true })
  uploadedBy: Ref<User>;

  @Field(() => String, { description: 'DOCUMENT (PDF or image of an invoice) or IMAGE (a sample-unit photo).' })
  @Property({ type: 'string', length: 16 })
  kind: UploadKind;

  @Field({ description: 'The type found in the content, e.g. application/pdf or image/jpeg.' })
  @Property({ type: 'string', length: 64 })
  contentType: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property({ type: 'integer' })
  size: number;

  @Field(() => Int, { nullable: true, description: 'Image width in pixels.' })
  @Property({ type: 'integer', nullable: true })
  width: number | null;

  @Field(() => Int, { nullable: true, description: 'Image height in pixels.' })
  @Property({ type: 'integer', nullable: true })
  height: number | null;

  @Field({ description: 'The file name the uploader gave (for display only; the content decides the type).' })
  @Property({ type: 'string', length: 255 })
  originalName: string;

  @Property({ type: 'string', length: 64 })
  sha256: string;

  /** Unique: the orphan-file sweep looks files up by key. */
  @Unique()
  @Property({ type: 'string', length: 255 })
  storageKey: string;

  constructor(props: {
    organization: Ref<Organization>;
    uploadedBy: Ref<User>;
    kind: UploadKind;
    contentType: string;
    size: number;
    width: number | null;
    height: number | null;
    originalName: string;
    sha256: string;
    storageKey: string;
  }) {
    super();
    this.organization = props.organization;
    this.uploadedBy = props.uploadedBy;
    this.kind = props.kind;
    this.contentType = props.contentType;
    this.size = props.size;
    this.width = props.width;
    this.height = props.height;
    this.originalName = props.originalName.slice(0, 255);
    this.sha256 = props.sha256;
    this.storageKey = props.storageKey;
  }
}
