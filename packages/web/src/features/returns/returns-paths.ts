/** Where the returns pages live. */
export const RETURNS_PATH = '/returns';
export const RETURN_SETTINGS_PATH = `${RETURNS_PATH}/settings`;

export const returnPath = (returnId: string) => `${RETURNS_PATH}/${encodeURIComponent(returnId)}`;

/** The queue's filters travel with the link to a return, so "back to the queue" returns to the same view. */
export interface ReturnLinkState {
  readonly queueSearch?: string;
}

/** The queue with the filters a return was opened from (an address of this app, never another site). */
export function returnsQueuePathFrom(state: unknown): string {
  const search = (state as ReturnLinkState | null)?.queueSearch;
  return typeof search === 'string' && search.startsWith('?') ? `${RETURNS_PATH}${search}` : RETURNS_PATH;
}
