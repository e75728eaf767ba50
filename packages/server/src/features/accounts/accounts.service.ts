import type { EntityManager } from '@mikro-orm/knex';
import { passwordProblem } from '@recertify/domain';
import { raw, Reference } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { InputCheck, badInput, notFound } from '../../errors/app-error.js';
import { enqueueEmail } from '../outbox/outbox.service.js';
import { OrganizationKind, Role } from './accounts.enums.js';
import { accountLocked, invalidCredentials, invalidToken, signInsPaused } from './accounts.errors.js';
import { accountLockedEmail, invitationEmail, passwordResetEmail, welcomeEmail } from './accounts.emails.js';
import { Organization } from './organization.entity.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { hashPassword, randomToken, sha256, verifyAgainstDummy, verifyPassword } from './secrets.js';
import { Session } from './session.entity.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import { User } from './user.entity.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Invitations give the new colleague longer than a reset to pick a password. */
const INVITATION_TTL_MS = 72 * 3_600_000;

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

  async signUpSeller(input: {
    email: string;
    password: string;
    displayName: string;
    organizationName: string;
    userAgent: string | null;
  }): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    const check = new InputCheck();
    checkEmail(check, email);
    checkPassword(check, input.password);
    checkName(check, input.displayName, 'displayName', 120);
    checkName(check, input.organizationName, 'organizationName', 200);
    check.throwIfAny();
    if (await this.em.count(User, { email })) {
      throw badInput([{ field: 'email', message: 'already has an account: sign in, or reset the password' }]);
    }
    const passwordHash = await hashPassword(input.password);
    return this.em.transactional((em) => {
      const organization = new Organization({ kind: OrganizationKind.SELLER, name: input.organizationName.trim() });
      const user = new User({
        email,
        displayName: input.displayName.trim(),
        role: Role.SELLER,
        organization: Reference.create(organization),
        passwordHash,
      });
      em.persist([organization, user]);
      enqueueEmail(
        em,
        {
          kind: 'welcome',
          to: email,
          ...welcomeEmail({
            displayName: user.displayName,
            organizationName: organization.name,
            appUrl: this.config.publicUrl,
          }),
        },
        this.now(),
      );
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
      throw (attempt.kind === 'client' ? signInsPaused : accountLocked)(attempt.until, now);
    }

    const user = await this.em.findOne(User, { email }, { populate: ['passwordHash'] });
    if (!user || user.deactivatedAt) {
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
   * Emails a single-use reset link when the address has an account. Answers the same either way,
   * so the form cannot be used to find out who has an account.
   */
  async requestPasswordReset(rawEmail: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    const check = new InputCheck();
    checkEmail(check, email);
    check.throwIfAny();
    const user = await this.em.findOne(User, { email, deactivatedAt: null });
    if (!user) return;
    await this.em.transactional((em) => {
      const { link, validMinutes } = this.issueResetToken(em, user, this.config.auth.passwordResetTtlMs);
      enqueueEmail(
        em,
        {
          kind: 'password-reset',
          to: user.email,
          ...passwordResetEmail({ displayName: user.displayName, link, validMinutes }),
        },
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
    const token = await this.em.findOne(PasswordResetToken, { tokenHash: sha256(input.token) }, { populate: ['user'] });
    if (!token || token.usedAt) {
      throw invalidToken('This reset link has already been used or is not valid. Ask for a new one.');
    }
    if (token.expiresAt.getTime() <= now.getTime()) {
      throw invalidToken('This reset link has expired. Ask for a new one.');
    }
    const passwordHash = await hashPassword(input.password);
    await this.em.transactional(async (em) => {
      // Guarded update: of two simultaneous uses of one token, only one wins.
      const claimed = await em.nativeUpdate(PasswordResetToken, { id: token.id, usedAt: null }, { usedAt: now });
      if (claimed !== 1) {
        throw invalidToken('This reset link has already been used. Ask for a new one.');
      }
      const user = token.user.getEntity();
      await em.nativeUpdate(User, { id: user.id }, { passwordHash, failedSignIns: 0, lockedUntil: null });
      await this.revokeSessions(em, user);
    });
    await this.throttle.afterSuccess(token.user.getEntity().email, input.clientAddress);
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

  private issueResetToken(em: EntityManager, user: User, ttlMs: number): { link: string; validMinutes: number } {
    const token = randomToken();
    em.persist(
      new PasswordResetToken({
        tokenHash: sha256(token),
        user: Reference.create(user),
        expiresAt: new Date(this.now().getTime() + ttlMs),
      }),
    );
    return {
      link: `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
      validMinutes: Math.round(ttlMs / 60_000),
    };
  }

  private revokeSessions(em: EntityManager, user: Pick<User, 'id'>): Promise<number> {
    return em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: this.now() });
  }
}
