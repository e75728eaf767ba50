import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  CLOSE_REASON_LABELS,
  CLOSE_REASONS_BY_STATE,
  RETURN_REASON_LABELS,
  RETURN_STATE_LABELS,
  type ReturnState,
} from '@recertify/domain';
import { loadConfig, type AppConfig } from '../../../config.js';
import { publicErrorOf } from '../../../errors/public-error.js';
import { User } from '../../accounts/user.entity.js';
import { Role } from '../../accounts/accounts.enums.js';
import { returnEmailSettingsOf } from '../email-settings/return-email-settings.service.js';
import { ReturnRequest } from '../return-request.entity.js';
import { defaultAddressLine, LINK_ACTIONS, type LinkActionInput } from './return-link-actions.js';
import type { ReturnFacts, ReturnLinkForm } from './return-link-page.js';
import { returnLinkSecret } from './return-link-secret.js';
import {
  newReturnLinkId,
  RETURN_LINK_ACTIONS,
  signReturnLink,
  verifyReturnLink,
  type ReturnLinkAction,
  type ReturnLinkClaims,
  type ReturnLinkProblem,
} from './return-link-token.js';
import { UsedReturnLink } from './used-return-link.entity.js';

/** Where the links point: GET shows the page, POST acts (return-links.router.ts). */
export const RETURN_LINK_PATH = '/returns/link';

/** The links of one return-request email, by action; an action the return's state does not allow has none. */
export type ReturnEmailLinks = Partial<Record<ReturnLinkAction, string>>;

/** Who gets the return-request email of a seller, and with which links. */
export interface ReturnRequestEmailing {
  readonly recipients: readonly string[];
  readonly links: ReturnEmailLinks | null;
}

/** What a link page shows: a problem, the confirmation form, or what was done. */
export type ReturnLinkOutcome =
  | { readonly kind: 'problem'; readonly status: number; readonly title: string; readonly sentence: string }
  | { readonly kind: 'confirm'; readonly facts: ReturnFacts; readonly form: ReturnLinkForm; readonly expiresAt: Date }
  | { readonly kind: 'done'; readonly title: string; readonly sentence: string; readonly facts: ReturnFacts };

let fromEnvironment: AppConfig['returnLinks'] | undefined;

/**
 * RETURN_LINK_SECRET and RETURN_LINK_TTL_HOURS as the process's environment sets them, read once:
 * for callers without the configuration at hand (the arrival use case from a seeder or a command),
 * so that they sign exactly as the server that checks the links.
 */
export function returnLinkSettingsFromEnvironment(): AppConfig['returnLinks'] {
  fromEnvironment ??= loadConfig().returnLinks;
  return fromEnvironment;
}

/** The reply a link may send, in characters (a return message's limit). */
export const LINK_REPLY_MAX_LENGTH = 2000;

const VERBS: Readonly<Record<ReturnLinkAction, string>> = {
  AUTHORIZE: 'authorize',
  CLOSE: 'close',
  REPLY: 'reply to',
};

const REFUSED_TITLES: Readonly<Record<ReturnLinkAction, string>> = {
  AUTHORIZE: 'This return could not be authorized',
  CLOSE: 'This return could not be closed',
  REPLY: 'The reply could not be sent',
};

/** The actions a link is made for in this state: authorize a request, close what may be closed, reply always. */
export function linkActionsFor(state: ReturnState): ReturnLinkAction[] {
  return RETURN_LINK_ACTIONS.filter((action) => {
    if (action === 'AUTHORIZE') return state === 'REQUESTED';
    if (action === 'CLOSE') return state === 'REQUESTED';
    return true;
  });
}

/**
 * Who is emailed about a new return request of this seller, by its email settings: nobody when it
 * turned them off; its chosen address, or each of its seller accounts; with signed links for what
 * the return's state allows, unless it turned links off. Call inside the arrival's transaction.
 */
export async function returnRequestEmailing(
  em: EntityManager,
  config: Pick<AppConfig, 'publicUrl' | 'returnLinks'>,
  request: Pick<ReturnRequest, 'id' | 'status' | 'organization'>,
  now: Date,
): Promise<ReturnRequestEmailing> {
  const sellerId = request.organization.id;
  const settings = await returnEmailSettingsOf(em, sellerId);
  if (!settings.receiveRequestEmails) return { recipients: [], links: null };
  const recipients = settings.recipientEmail
    ? [settings.recipientEmail]
    : (
        await em.find(User, { organization: sellerId, role: Role.SELLER, deactivatedAt: null }, { fields: ['email'] })
      ).map((user) => user.email);
  if (!settings.includeActionLinks || recipients.length === 0) return { recipients, links: null };
  const secret = await returnLinkSecret(em, config.returnLinks.secret);
  const expiresAt = new Date(now.getTime() + config.returnLinks.ttlMs);
  const links: ReturnEmailLinks = {};
  for (const action of linkActionsFor(request.status)) {
    const token = signReturnLink(
      { action, returnId: request.id, sellerId, linkId: newReturnLinkId(), expiresAt },
      secret,
    );
    links[action] = `${config.publicUrl}${RETURN_LINK_PATH}/${token}`;
  }
  return { recipients, links };
}

/** The emailed links' lines, for the plain-text email (F's template adds them below its text). */
export function returnEmailLinkLines(links: ReturnEmailLinks | null, ttlMs: number): string[] {
  if (!links) return [];
  const days = Math.round(ttlMs / 86_400_000);
  const lasting = days >= 1 ? `${days} day${days === 1 ? '' : 's'}` : `${Math.round(ttlMs / 3_600_000)} hours`;
  return [
    '',
    `Act without signing in (each link works once, for ${lasting}; you confirm on the page it opens):`,
    ...(links.AUTHORIZE ? [`Authorize: ${links.AUTHORIZE}`] : []),
    ...(links.CLOSE ? [`Close: ${links.CLOSE}`] : []),
    ...(links.REPLY ? [`Reply to the buyer: ${links.REPLY}`] : []),
  ];
}

/** The link pages' use cases: looking at a link (never acts) and acting on it (once). */
export class ReturnLinksService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly now: () => Date,
  ) {}

  /** GET: what the link will do, or why it will not. Changes nothing (mail scanners fetch links). */
  async open(token: string): Promise<ReturnLinkOutcome> {
    const now = this.now();
    const checked = await this.check(token, now);
    if ('kind' in checked) return checked;
    const { claims, request } = checked;
    const used = await this.em.findOne(UsedReturnLink, { linkId: claims.linkId });
    if (used) return usedProblem(used.usedAt);
    return {
      kind: 'confirm',
      facts: factsOf(request),
      form: await this.formFor(claims.action, request),
      expiresAt: claims.expiresAt,
    };
  }

  /**
   * POST: acts once. The form says which action it confirms: a link signed for another action is
   * refused. The link's id is claimed with an insert that does nothing on conflict, in the same
   * transaction as the action: of two clicks (or two at once) one acts and the other hears the
   * link was used; an action the return's state refuses rolls back and leaves the link unused.
   */
  async act(token: string, form: Record<string, unknown>): Promise<ReturnLinkOutcome> {
    const now = this.now();
    const asked = RETURN_LINK_ACTIONS.find((action) => action === form['action']);
    if (!asked) return problem(400, 'This page was not sent as it should be', 'Open the link from the email again.');
    const checked = await this.check(token, now, asked);
    if ('kind' in checked) return checked;
    const { claims, request } = checked;
    const input: LinkActionInput = {
      reason: typeof form['reason'] === 'string' ? form['reason'] : '',
      message: typeof form['message'] === 'string' ? form['message'] : '',
    };
    try {
      const sentence = await this.em.transactional(async (tx) => {
        const claimed = await tx
          .createQueryBuilder(UsedReturnLink)
          .insert({
            id: crypto.randomUUID(),
            linkId: claims.linkId,
            action: claims.action,
            returnRequest: request.id,
            usedAt: now,
            expiresAt: claims.expiresAt,
            createdAt: now,
            updatedAt: now,
          })
          .onConflict('linkId')
          .ignore()
          .execute<QueryResult<UsedReturnLink>>('run');
        if (claimed.affectedRows !== 1) throw new LinkAlreadyUsed();
        const fresh = await tx.findOneOrFail(ReturnRequest, { id: request.id });
        return LINK_ACTIONS[claims.action](tx, { request: fresh, config: this.config, now }, input);
      });
      this.em.clear();
      const after = await this.em.findOneOrFail(ReturnRequest, { id: request.id });
      return { kind: 'done', title: 'Done', sentence, facts: factsOf(after) };
    } catch (error) {
      if (error instanceof LinkAlreadyUsed) {
        const used = await this.em.fork().findOne(UsedReturnLink, { linkId: claims.linkId });
        return usedProblem(used?.usedAt ?? now);
      }
      const refusal = publicErrorOf(error);
      if (!refusal) throw error;
      return problem(refusal.status === 400 ? 400 : 409, REFUSED_TITLES[claims.action], refusal.message);
    }
  }

  /** The token's signature, expiry and action, and the return it names (of the seller it names). */
  private async check(
    token: string,
    now: Date,
    expected?: ReturnLinkAction,
  ): Promise<{ claims: ReturnLinkClaims; request: ReturnRequest } | Extract<ReturnLinkOutcome, { kind: 'problem' }>> {
    const secret = await returnLinkSecret(this.em, this.config.returnLinks.secret);
    const verdict = verifyReturnLink(token, secret, now, expected);
    if (!verdict.ok) return tokenProblem(verdict.problem, verdict.claims, expected);
    const { claims } = verdict;
    const request = await this.em.findOne(ReturnRequest, { id: claims.returnId, organization: claims.sellerId });
    if (!request) return problem(404, 'This return is gone', 'The return this link was made for no longer exists.');
    return { claims, request };
  }

  private async formFor(action: ReturnLinkAction, request: ReturnRequest): Promise<ReturnLinkForm> {
    switch (action) {
      case 'AUTHORIZE':
        return { action, returnAddress: await defaultAddressLine(this.em, request) };
      case 'CLOSE':
        return {
          action,
          reasons: CLOSE_REASONS_BY_STATE[request.status as ReturnState].map((value) => ({
            value,
            label: CLOSE_REASON_LABELS[value],
          })),
        };
      case 'REPLY':
        return { action, maxLength: LINK_REPLY_MAX_LENGTH };
    }
  }
}

class LinkAlreadyUsed extends Error {}

function factsOf(request: ReturnRequest): ReturnFacts {
  return {
    orderId: request.orderExternalId,
    marketplace: request.marketplace,
    reason: RETURN_REASON_LABELS[request.reasonCode],
    state: RETURN_STATE_LABELS[request.status as ReturnState],
    buyerComment: request.buyerComment,
    rma: request.rma,
  };
}

function problem(status: number, title: string, sentence: string): Extract<ReturnLinkOutcome, { kind: 'problem' }> {
  return { kind: 'problem', status, title, sentence };
}

function usedProblem(usedAt: Date): Extract<ReturnLinkOutcome, { kind: 'problem' }> {
  return problem(
    409,
    'This link was already used',
    `This link was used on ${utc(usedAt)} UTC. Each link in a return email works once.`,
  );
}

function tokenProblem(
  kind: ReturnLinkProblem,
  claims: ReturnLinkClaims | null,
  asked: ReturnLinkAction | undefined,
): Extract<ReturnLinkOutcome, { kind: 'problem' }> {
  switch (kind) {
    case 'MALFORMED':
    case 'TAMPERED':
      return problem(
        400,
        'This link is not valid',
        'This link was changed or cut short, so it cannot be trusted. Copy the whole link from the email.',
      );
    case 'EXPIRED':
      return problem(
        410,
        'This link has expired',
        `This link stopped working on ${utc(claims!.expiresAt)} UTC. Links in return emails work for a limited time.`,
      );
    case 'WRONG_ACTION':
      return problem(
        400,
        'This link is for something else',
        `This link was made to ${VERBS[claims!.action]} the return, not to ${VERBS[asked!]} it. Use the matching link from the email.`,
      );
  }
}

function utc(at: Date): string {
  return at.toISOString().slice(0, 16).replace('T', ' ');
}
