import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { TEXT_LIMITS, type MarketplaceCode } from '@recertify/domain';
import { Bounded } from '../../graphql/input-bounds.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { ApiScope } from '../api-keys/api-key.enums.js';
import { MarketplaceCodeEnum } from '../marketplaces/marketplace.enums.js';
import { Role } from './accounts.enums.js';
import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';

@InputType({ description: 'A new seller business and its first user.' })
export class SignUpSellerInput {
  @Field({ description: 'Email address to sign in with.' })
  @Bounded(TEXT_LIMITS.email)
  email!: string;

  @Field({ description: 'At least 10 characters.' })
  @Bounded(TEXT_LIMITS.password, 'secret')
  password!: string;

  @Field({ description: 'Your name, as colleagues and reviewers see it.' })
  @Bounded(TEXT_LIMITS.personName)
  displayName!: string;

  @Field({ description: 'The legal or trading name of the seller business.' })
  @Bounded(TEXT_LIMITS.businessName)
  organizationName!: string;
}

@InputType({ description: 'Email and password.' })
export class SignInInput {
  @Field({ description: 'Email address of the account.' })
  @Bounded(TEXT_LIMITS.email)
  email!: string;

  @Field({ description: 'Password of the account.' })
  @Bounded(TEXT_LIMITS.password, 'secret')
  password!: string;
}

@InputType({ description: 'A new password and the token from the emailed link.' })
export class ResetPasswordInput {
  @Field({ description: 'The token from the reset or invitation link.' })
  @Bounded(TEXT_LIMITS.token, 'secret')
  token!: string;

  @Field({ description: 'The new password, at least 10 characters.' })
  @Bounded(TEXT_LIMITS.password, 'secret')
  password!: string;
}

@InputType({ description: 'A colleague to add to your seller organization.' })
export class AddOrganizationUserInput {
  @Field({ description: 'Their email address; they get a link to choose a password.' })
  @Bounded(TEXT_LIMITS.email)
  email!: string;

  @Field({ description: 'Their name.' })
  @Bounded(TEXT_LIMITS.personName)
  displayName!: string;
}

@ArgsType()
export class RequestPasswordResetArgs {
  @Field({ description: 'The email address of the account.' })
  @Bounded(TEXT_LIMITS.email)
  email!: string;
}

@ArgsType()
export class ConfirmEmailArgs {
  @Field({ description: 'The token from the link of the sign-up email.' })
  @Bounded(TEXT_LIMITS.token, 'secret')
  token!: string;
}

@ObjectType({ description: 'Who is asking: a signed-in person, an API key, or nobody.' })
export class Viewer {
  @Field({ description: 'True for a signed-in person or a valid API key.' })
  authenticated!: boolean;

  @Field(() => User, { nullable: true, description: 'The signed-in person, if any.' })
  user!: User | null;

  @Field(() => Role, { nullable: true, description: 'The role of the signed-in person.' })
  role!: Role | null;

  @Field(() => Organization, { nullable: true, description: 'The organization of the person or the API key.' })
  organization!: Organization | null;

  @Field(() => ApiKey, { nullable: true, description: 'The API key used for this request, if any.' })
  apiKey!: ApiKey | null;

  @Field(() => [ApiScope], { description: 'Scopes of the API key used; empty for people.' })
  scopes!: ApiScope[];

  @Field(() => [MarketplaceCodeEnum], {
    description:
      'Where the seller (of the person or the key) is approved: the marketplaces whose quality dashboard it may read. Empty for staff, providers and visitors.',
  })
  approvedMarketplaces!: MarketplaceCode[];
}

@ObjectType({ description: 'A demo account, listed on the sign-in page in embedded mode only.' })
export class DemoAccount {
  @Field({ description: 'Email to sign in with.' })
  email!: string;

  @Field(() => Role, { description: 'Role of the account.' })
  role!: Role;

  @Field({ description: 'What the account shows.' })
  description!: string;
}

@ObjectType({ description: 'Facts about this installation that the web app adapts to.' })
export class AppInfo {
  @Field({ description: 'Embedded mode: SQLite, demo data, emails written to files.' })
  embedded!: boolean;

  @Field(() => [DemoAccount], { description: 'Demo accounts (embedded mode only; empty otherwise).' })
  demoAccounts!: DemoAccount[];

  @Field(() => String, { nullable: true, description: 'Password of every demo account (embedded mode only).' })
  demoPassword!: string | null;
}
