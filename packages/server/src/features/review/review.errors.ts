import { AppError } from '../../errors/app-error.js';

/** Who holds a claim on an application, and since when. */
export interface ClaimHolder {
  /** The reviewer's display name; null when that account is gone. */
  readonly name: string | null;
  readonly claimedAt: Date | null;
}

/** Refusals of the reviewer's use cases beyond the common codes. */
export interface ReviewErrorDetails {
  /** Another reviewer claimed the application: it is theirs to decide. */
  readonly CLAIMED_BY_OTHER: { readonly holder: ClaimHolder };
}

export function claimedByOther(holder: ClaimHolder): AppError<'CLAIMED_BY_OTHER'> {
  return new AppError(
    'CLAIMED_BY_OTHER',
    `${holder.name ?? 'Another reviewer'} claimed this application${
      holder.claimedAt ? ` at ${holder.claimedAt.toISOString()}` : ''
    }; it is theirs to decide.`,
    { holder },
  );
}
