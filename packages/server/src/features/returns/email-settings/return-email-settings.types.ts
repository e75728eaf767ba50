import { TEXT_LIMITS } from '@recertify/domain';
import { Field, InputType } from 'type-graphql';
import { Bounded } from '../../../graphql/input-bounds.js';

@InputType({ description: 'How the seller hears of new return requests.' })
export class ReturnEmailSettingsInput {
  @Field({ description: 'Email the seller when a return request arrives.' })
  receiveRequestEmails!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "One address for those emails; null or empty: every seller account's own address.",
  })
  @Bounded(TEXT_LIMITS.email)
  recipientEmail?: string | null;

  @Field({ description: 'Put links that authorize, close or reply without signing in in those emails.' })
  includeActionLinks!: boolean;
}
