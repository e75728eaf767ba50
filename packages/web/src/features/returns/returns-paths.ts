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

/** Where an authorized return's label and packing slip download; none before authorization. */
export interface ReturnDocumentPaths {
  readonly labelPath: string;
  readonly packingSlipPath: string;
}

export function returnDownloads(detail: { readonly documents: ReturnDocumentPaths | null }): {
  readonly label: string | null;
  readonly packingSlip: string | null;
} {
  return { label: detail.documents?.labelPath ?? null, packingSlip: detail.documents?.packingSlipPath ?? null };
}
