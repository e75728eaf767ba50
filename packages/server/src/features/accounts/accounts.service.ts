import type { EntityManager } from '@mikro-orm/knex';
import { passwordProblem } from '@recertify/domain';
import { raw, Reference, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { InputCheck, badInput, notFound } from '../../errors/app-error.js';
import { enqueueEmail } from '../outbox/outbox.service.js';
import { OrganizationKind, Role } from './accounts.enums.js';
import { rateLimited } from '../../limits/index.js';
import { accountLocked, invalidCredentials, invalidToken } from './accounts.errors.js';
import {
  accountLockedEmail,
  invitationEmail,
  noAccountEmail,
  passwordResetEmail,
  signUpAttemptEmail,
  welcomeEmail,
} from './accounts.emails.js';
import { Organization } from './organization.entity.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { hashPassword, randomToken, sha256, verifyAgainstDummy, verifyPassword } from './secrets.js';
import { Session } from './session.entity.js';
import { SIGN_IN_IP_LIMIT, type SignInThrottle } from './sign-in-throttle.js';
import { User } from './user.entity.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Invitations give the new colleague longer than a reset to pick a password. */
const INVITATION_TTL_MS = 72 * 3_600_000;
/** The link that confirms a new account lasts as long as an invitation. */
const CONFIRMATION_TTL_MS = INVITATION_TTL_MS;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function checkEmail(check: InputCheck, email: string, field = 'email'): void {
  check.require(
    email.length <= 254 && EMAIL_PATTERN.test(email),
    field,
    'must be an email address like name@example.com',
  );
}

function checkPassword(check: InputCheck, password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  check.require(problem === null, field, problem ?? '');
}

function isLockedAt(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

function notLockedAt(now: Date) {
  return { $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] };
}

function checkName(check: InputCheck, value: string, field: string, max: number): void {
  check.require(value.trim().length > 0, field, 'must not be empty');
  check.require(value.trim().length <= max, field, `must be at most ${max} characters`);
}

export interface SignedIn {
  readonly user: User;
  readonly sessionToken: string;
  readonly expiresAt: Date;
}

/** Sign-up, sign-in and sign-out, password resets, and a seller's colleagues. One use case a method. */
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly now: () => Date,
    private readonly throttle: SignInThrottle,
  ) {}

  /**
   * Answers the same whether or not the address has an account, so sign-up cannot tell anyone who
   * has one: a new address gets its account, waiting for confirmation, and an email with the link
   * that confirms it and signs in; an address with an account gets an email telling its owner,
   * with a link to choose a new password. Both do the same password hashing and one transaction.
   */
  async signUpSeller(input: {
    email: string;
    password: string;
    displayName: string;
    organizationName: string;
  }): Promise<void> {
    const email = normalizeEmail(input.email);
    const check = new InputCheck();
    checkEmail(check, email);
    checkPassword(check, input.password);
    checkName(check, input.displayName, 'displayName', 120);
    checkName(check, input.organizationName, 'organizationName', 200);
    check.throwIfAny();
    const passwordHash = await hashPassword(input.password);
    const existing = await this.em.findOne(User, { email });
    if (existing) return this.tellOwnerOfSignUp(existing);
    try {
      await this.em.transactional((em) => {
        const organization = new Organization({ kind: OrganizationKind.SELLER, name: input.organizationName.trim() });
        const user = new User({
          email,
          displayName: input.displayName.trim(),
          role: Role.SELLER,
          organization: Reference.create(organization),
          passwordHash,
        });
        user.emailConfirmationPending = true;
        em.persist([organization, user]);
        const { link, validMinutes } = this.issueResetToken(em, user, CONFIRMATION_TTL_MS, 'confirm-email');
        enqueueEmail(
          em,
          {
            kind: 'welcome',
            to: email,
            ...welcomeEmail({ displayName: user.displayName, organizationName: organization.name, link, validMinutes }),
          },
          this.now(),
        );
      });
    } catch (error) {
      // Two sign-ups with one new address at once: the second is told as if the first had been earlier.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      await this.tellOwnerOfSignUp(await this.em.fork().findOneOrFail(User, { email }));
    }
  }

  private async tellOwnerOfSignUp(user: User): Promise<void> {
    await this.em.transactional((em) => {
      const { link, validMinutes } = this.issueResetToken(em, user, this.config.auth.passwordResetTtlMs);
      enqueueEmail(
        em,
        {
          kind: 'sign-up-attempt',
          to: user.email,
          ...signUpAttemptEmail({ displayName: user.displayName, link, validMinutes, appUrl: this.config.publicUrl }),
        },
        this.now(),
      );
    });
  }

  /** Opens the link emailed at sign-up: the account is confirmed and signed in. */
  async confirmEmail(input: { token: string; userAgent: string | null }): Promise<SignedIn> {
    const now = this.now();
    const token = await this.usableLinkToken(input.token, now, {
      invalid: 'This link has already been used or is not valid. Sign in, or reset your password.',
      expired: 'This link has expired. Reset your password to get a new one.',
    });
    const user = token.user.getEntity();
    if (user.deactivatedAt) throw invalidToken('This account has been removed.');
    return this.em.transactional(async (em) => {
      await claimLinkToken(em, token, now, 'This link has already been used. Sign in, or reset your password.');
      user.emailConfirmationPending = false;
      return this.openSession(em, user, input.userAgent);
    });
  }

  /**
   * Checks a password, throttled per client and account, per account and per client (see
   * SignInThrottle): a refusal is INVALID_CREDENTIALS or ACCOUNT_LOCKED, answered alike whether
   * or not the address has an account.
   */
  async signIn(input: {
    email: string;
    password: string;
    userAgent: string | null;
    clientAddress: string;
  }): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    const now = this.now();
    const attempt = await this.throttle.beforeAttempt(email, input.clientAddress, now);
    if (attempt.kind !== 'allowed') {
      if (attempt.kind === 'account') throw accountLocked(attempt.until, now);
      const retryAfterSeconds = Math.max(1, Math.ceil((attempt.until.getTime() - now.getTime()) / 1000));
      throw rateLimited(SIGN_IN_IP_LIMIT, this.config.auth.ipMaxFailedSignIns, 3600, retryAfterSeconds);
    }

    const user = await this.em.findOne(User, { email }, { populate: ['passwordHash'] });
    if (!user || user.deactivatedAt || user.emailConfirmationPending) {
      const lockedUntil = await this.throttle.unknownAccountLockedUntil(email, now);
      if (lockedUntil) throw accountLocked(lockedUntil, now);
      await verifyAgainstDummy(input.password);
      const accountLock = await this.throttle.unknownAccountFailed(email, now);
      const clientLock = await this.throttle.afterFailure(email, input.clientAddress, attempt, now);
      const locked = accountLock ?? clientLock;
      throw locked ? accountLocked(locked, now) : invalidCredentials();
    }
    if (isLockedAt(user.lockedUntil, now)) throw accountLocked(user.lockedUntil!, now);
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const accountLock = await this.countFailedSignIn(user, now);
      const clientLock = await this.throttle.afterFailure(email, input.clientAddress, attempt, now);
      const locked = accountLock ?? clientLock;
      throw locked ? accountLocked(locked, now) : invalidCredentials();
    }
    // Guarded: a lock that another request set while this password was checked wins.
    const signedIn = await this.em.nativeUpdate(
      User,
      { id: user.id, ...notLockedAt(now) },
      { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
    );
    if (signedIn !== 1) {
      const { lockedUntil } = await this.em.findOneOrFail(User, { id: user.id }, { refresh: true });
      throw accountLocked(lockedUntil ?? now, now);
    }
    await this.throttle.afterSuccess(email, input.clientAddress);
    return this.em.transactional((em) => this.openSession(em, user, input.userAgent));
  }

  /**
   * Counts one failed sign-in in the row itself (failed_sign_ins + 1, never read-modify-write), so
   * parallel guesses count one by one; the one that reaches the limit locks the account and
   * emails its owner the link that unlocks it. Returns until when the account is locked, if it is.
   */
  private countFailedSignIn(user: User, now: Date): Promise<Date | null> {
    const { accountMaxFailedSignIns, lockMs, passwordResetTtlMs } = this.config.auth;
    return this.em.transactional(async (em) => {
      const counted = await em.nativeUpdate(
        User,
        { id: user.id, ...notLockedAt(now) },
        { failedSignIns: raw('failed_sign_ins + 1') },
      );
      if (counted !== 1) {
        // Locked meanwhile by another request.
        return (await em.findOneOrFail(User, { id: user.id }, { refresh: true })).lockedUntil;
      }
      // On PostgreSQL the row stays locked by the update until commit; SQLite runs one writer at a time.
      const lockedUntil = new Date(now.getTime() + lockMs);
      const locked = await em.nativeUpdate(
        User,
        { id: user.id, failedSignIns: { $gte: accountMaxFailedSignIns } },
        { failedSignIns: 0, lockedUntil },
      );
      if (locked !== 1) return null;
      const { link, validMinutes } = this.issueResetToken(em, user, passwordResetTtlMs);
      enqueueEmail(
        em,
        {
          kind: 'account-locked',
          to: user.email,
          ...accountLockedEmail({
            displayName: user.displayName,
            failures: accountMaxFailedSignIns,
            lockedMinutes: Math.round(lockMs / 60_000),
            link,
            validMinutes,
          }),
        },
        now,
      );
      return lockedUntil;
    });
  }

  /** Ends this browser's session; harmless when there is none. */
  async signOut(principal: Principal): Promise<void> {
    if (principal.kind !== 'user') return;
    await this.em.nativeUpdate(Session, { id: principal.sessionId, revokedAt: null }, { revokedAt: this.now() });
  }

  /** Ends every session of the signed-in person, this one included; returns how many. */
  async signOutEverywhere(principal: Principal): Promise<number> {
    const { user } = requireUser(principal);
    return this.revokeSessions(this.em, user);
  }

  /**
   * Emails a single-use reset link when the address has an account, and a note that it has none
   * otherwise. Both do the same work (a lookup, a token, one transaction that only enqueues an
   * email), so neither the answer nor its time tells who has an account.
   */
  async requestPasswordReset(rawEmail: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    const check = new InputCheck();
    checkEmail(check, email);
    check.throwIfAny();
    const user = await this.em.findOne(User, { email, deactivatedAt: null });
    await this.em.transactional((em) => {
      const { link, validMinutes } = this.issueResetToken(em, user, this.config.auth.passwordResetTtlMs);
      enqueueEmail(
        em,
        user
          ? {
              kind: 'password-reset',
              to: email,
              ...passwordResetEmail({ displayName: user.displayName, link, validMinutes }),
            }
          : { kind: 'password-reset-no-account', to: email, ...noAccountEmail({ appUrl: this.config.publicUrl }) },
        this.now(),
      );
    });
  }

  /**
   * Sets a new password with a reset token; the token then stops working, every session ends, and
   * the account is unlocked, for everyone and for the client that uses the link.
   */
  async resetPassword(input: { token: string; password: string; clientAddress: string }): Promise<void> {
    const check = new InputCheck();
    checkPassword(check, input.password);
    check.throwIfAny();
    const now = this.now();
    const token = await this.usableLinkToken(input.token, now, {
      invalid: 'This reset link has already been used or is not valid. Ask for a new one.',
      expired: 'This reset link has expired. Ask for a new one.',
    });
    const passwordHash = await hashPassword(input.password);
    await this.em.transactional(async (em) => {
      await claimLinkToken(em, token, now, 'This reset link has already been used. Ask for a new one.');
      const user = token.user.getEntity();
      // The link came by email: the address is confirmed too.
      await em.nativeUpdate(
        User,
        { id: user.id },
        { passwordHash, failedSignIns: 0, lockedUntil: null, emailConfirmationPending: false },
      );
      await this.revokeSessions(em, user);
    });
    await this.throttle.afterSuccess(token.user.getEntity().email, input.clientAddress);
  }

  /** The token of an emailed link (sign-up confirmation, password reset), if unused and unexpired. */
  private async usableLinkToken(
    raw: string,
    now: Date,
    messages: { invalid: string; expired: string },
  ): Promise<PasswordResetToken> {
    const token = await this.em.findOne(PasswordResetToken, { tokenHash: sha256(raw) }, { populate: ['user'] });
    if (!token || token.usedAt) throw invalidToken(messages.invalid);
    if (token.expiresAt.getTime() <= now.getTime()) throw invalidToken(messages.expired);
    return token;
  }

  async organizationUsers(principal: Principal): Promise<User[]> {
    const { organizationId } = requireUser(principal, Role.SELLER);
    return this.em.find(
      User,
      { organization: organizationId, deactivatedAt: null },
      { orderBy: { createdAt: 'asc', email: 'asc' } },
    );
  }

  /** A seller adds a colleague, who gets an email link to choose a password. */
  async addOrganizationUser(principal: Principal, input: { email: string; displayName: string }): Promise<User> {
    const me = requireUser(principal, Role.SELLER);
    const email = normalizeEmail(input.email);
    const check = new InputCheck();
    checkEmail(check, email);
    checkName(check, input.displayName, 'displayName', 120);
    check.throwIfAny();
    if (await this.em.count(User, { email })) {
      throw badInput([{ field: 'email', message: 'already has a Recertify account' }]);
    }
    const organization = await this.em.findOneOrFail(Organization, { id: me.organizationId! });
    // Nobody knows this password: the colleague sets theirs through the emailed link.
    const passwordHash = await hashPassword(randomToken());
    return this.em.transactional((em) => {
      const user = new User({
        email,
        displayName: input.displayName.trim(),
        role: Role.SELLER,
        organization: Reference.create(organization),
        passwordHash,
      });
      em.persist(user);
      const { link, validMinutes } = this.issueResetToken(em, user, INVITATION_TTL_MS);
      enqueueEmail(
        em,
        {
          kind: 'invitation',
          to: email,
          ...invitationEmail({
            displayName: user.displayName,
            invitedBy: me.user.displayName,
            organizationName: organization.name,
            link,
            validMinutes,
          }),
        },
        this.now(),
      );
      return user;
    });
  }

  /** Removes a colleague: their account is deactivated and signed out everywhere. */
  async removeOrganizationUser(principal: Principal, userId: string): Promise<User> {
    const me = requireUser(principal, Role.SELLER);
    const user = await this.em.findOne(User, { id: userId, deactivatedAt: null });
    // Another organization's user is reported as missing, not forbidden: ids reveal nothing.
    if (!user || user.organization?.id !== me.organizationId) throw notFound('That user');
    if (user.id === me.user.id) {
      throw badInput([{ field: 'userId', message: 'you cannot remove yourself; ask a colleague to do it' }]);
    }
    return this.em.transactional(async (em) => {
      user.deactivatedAt = this.now();
      await this.revokeSessions(em, user);
      return user;
    });
  }

  private openSession(em: EntityManager, user: User, userAgent: string | null): SignedIn {
    const now = this.now();
    const sessionToken = randomToken();
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionTtlMs);
    em.persist(
      new Session({ tokenHash: sha256(sessionToken), user: Reference.create(user), expiresAt, now, userAgent }),
    );
    user.lastSignInAt = now;
    return { user, sessionToken, expiresAt };
  }

  /** A single-use link for `user`; without a user the same work is done and nothing is kept. */
  private issueResetToken(
    em: EntityManager,
    user: User | null,
    ttlMs: number,
    page: 'reset-password' | 'confirm-email' = 'reset-password',
  ): { link: string; validMinutes: number } {
    const token = randomToken();
    const tokenHash = sha256(token);
    if (user) {
      em.persist(
        new PasswordResetToken({
          tokenHash,
          user: Reference.create(user),
          expiresAt: new Date(this.now().getTime() + ttlMs),
        }),
      );
    }
    return {
      link: `${this.config.publicUrl}/${page}?token=${encodeURIComponent(token)}`,
      validMinutes: Math.round(ttlMs / 60_000),
    };
  }

  private revokeSessions(em: EntityManager, user: Pick<User, 'id'>): Promise<number> {
    return em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: this.now() });
  }
}

/** Marks an emailed link's token used; a guarded update, so of two simultaneous uses only one wins. */
async function claimLinkToken(
  em: EntityManager,
  token: PasswordResetToken,
  now: Date,
  usedMessage: string,
): Promise<void> {
  const claimed = await em.nativeUpdate(PasswordResetToken, { id: token.id, usedAt: null }, { usedAt: now });
  if (claimed !== 1) throw invalidToken(usedMessage);
}
