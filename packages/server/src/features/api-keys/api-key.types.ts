import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity.js';
import { ApiScope } from './api-key.enums.js';

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "ERP sync".' })
  name!: string;

  @Field(() => [ApiScope], { description: 'What the key may do.' })
  scopes!: ApiScope[];

  @Field(() => ID, {
    nullable: true,
    description: 'Admins: the provider organization the key is for. Sellers: leave empty (your own).',
  })
  organizationId?: string | null;
}

@ObjectType({ description: 'A key just created; its secret is shown this once and never again.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The stored key (without its secret).' })
  apiKey!: ApiKey;

  @Field({ description: 'The whole key to copy now: send it as "Authorization: Bearer <key>".' })
  secret!: string;
}
