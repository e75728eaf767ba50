import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A secret key the server generated for itself, by name, when no environment variable gives one
 * (RETURN_LINK_SECRET for `return-links`). Kept in the database so every instance signs and
 * checks alike with nothing to configure; an operator who sets the variable never uses the row.
 */
@Entity()
export class SigningKey {
  @PrimaryKey({ type: 'string', length: 64 })
  name: string;

  /** 256 random bits, base64url. */
  @Property({ type: 'string', length: 128 })
  secret: string;

  @Property({ type: Date })
  createdAt: Date;

  constructor(props: { name: string; secret: string; createdAt: Date }) {
    this.name = props.name;
    this.secret = props.secret;
    this.createdAt = props.createdAt;
  }
}
