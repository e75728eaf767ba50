import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import type { ReturnRequest } from './return-request.entity.js';
import { ReturnMessageAuthor } from './returns.enums.js';

/** A message of a return's thread: the seller's replies to the buyer (emailed through the outbox). */
@Entity()
@Index({ properties: ['returnRequest', 'sentAt'] })
@ObjectType({ description: 'A message of a return request’s thread.' })
export class ReturnMessage extends BaseEntity {
  @ManyToOne('ReturnRequest', { ref: true, deleteRule: 'cascade' })
  returnRequest: Ref<ReturnRequest>;

  @Field(() => ReturnMessageAuthor, { description: 'Who wrote it.' })
  @Property({ type: 'string', length: 16 })
  author: ReturnMessageAuthor;

  @Field(() => String, { nullable: true, description: 'The name of who wrote it.' })
  @Property({ type: 'string', length: 200, nullable: true })
  authorName: string | null;

  @Field({ description: 'The message.' })
  @Property({ type: 'text' })
  body: string;

  @Field(() => Date, { description: 'When it was sent.' })
  @Property({ type: Date })
  sentAt: Date;

  constructor(props: {
    returnRequest: Ref<ReturnRequest>;
    author: ReturnMessageAuthor;
    authorName: string | null;
    body: string;
    sentAt: Date;
  }) {
    super();
    this.returnRequest = props.returnRequest;
    this.author = props.author;
    this.authorName = props.authorName;
    this.body = props.body;
    this.sentAt = props.sentAt;
  }
}
