import { Field, InputType, ObjectType } from 'type-graphql';
import { LIST_LIMITS, TEXT_LIMITS } from '@recertify/domain';
import { Bounded, BoundedList } from '../../graphql/input-bounds.js';
import { ID } from '../../graphql/id.js';
import { ApiKey } from './api-key.entity.js';
import { ApiScope } from './api-key.enums.js';

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "ERP sync".' })
  @Bounded(TEXT_LIMITS.apiKeyName)
  name!: string;

  @Field(() => [ApiScope], { description: 'What the key may do.' })
  @BoundedList(LIST_LIMITS.apiKeyScopes, 'enum')
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
