import type { Role } from '../../generated/graphql';

/** Who may work the queue; the server checks every request again. */
export const REVIEW_ROLES: readonly Role[] = ['REVIEWER', 'ADMIN'];

/** Where the review pages live. */
export const QUEUE_PATH = '/review';

export const reviewPath = (applicationId: string) => `${QUEUE_PATH}/${encodeURIComponent(applicationId)}`;

/** The queue's filters travel with the link to an application, so "back" returns to the same view. */
export interface ReviewLinkState {
  readonly queueSearch?: string;
}

/** The queue with the filters an application was opened from (an address, never another site). */
export function queuePathFrom(state: unknown): string {
  const search = (state as ReviewLinkState | null)?.queueSearch;
  return typeof search === 'string' && search.startsWith('?') ? `${QUEUE_PATH}${search}` : QUEUE_PATH;
}
