import { useState } from 'react';
import { useClaimApplicationMutation, useReleaseApplicationMutation } from './review-application.generated';
import { type ReviewHeaderFragment } from './review-header.generated';
import { ConfirmButton } from '../../../ui/confirm-button';
import { formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import type { SignedInViewer } from '../../accounts/viewer/viewer-state';
import { ActionProblem } from './action-problem';
import { claimStanding } from './claim';

interface Props {
  application: ReviewHeaderFragment;
  viewer: SignedInViewer;
  /** Loads the application afresh, after a conflict. */
  onReload: () => Promise<unknown>;
}

/**
 * Claim an unclaimed application, or release one's own claim. An admin may also release another
 * reviewer's claim (someone away), asked twice. Claims carry the version the page shows, so a
 * stale page is refused with CONFLICT rather than overwriting anything.
 */
export function ClaimControls({ application, viewer, onReload }: Props) {
  const [claim, { loading: claiming }] = useClaimApplicationMutation();
  const [release, { loading: releasing }] = useReleaseApplicationMutation();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const standing = claimStanding(application, viewer);
  const variables = { id: application.id, version: application.version };

  const run = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(formProblemOf(error, {}));
    }
  };
  const reload = () => {
    setProblem(null);
    void onReload();
  };

  return (
    <div className="rv-claim-controls">
      {standing === 'UNCLAIMED' && (
        <button
          type="button"
          className="button"
          disabled={claiming}
          onClick={() => void run(() => claim({ variables }))}
        >
          {claiming ? 'Claiming…' : 'Claim'}
        </button>
      )}
      {standing === 'MINE' && (
        <button
          type="button"
          className="button button-secondary"
          disabled={releasing}
          onClick={() => void run(() => release({ variables }))}
        >
          {releasing ? 'Releasing…' : 'Release'}
        </button>
      )}
      {standing === 'OTHERS' && viewer.role === 'ADMIN' && (
        <ConfirmButton
          label="Release the claim"
          question={`Release ${application.claimedByName ?? 'the reviewer'}'s claim? The application goes back to the queue, unclaimed.`}
          confirmLabel="Yes, release"
          busyLabel="Releasing…"
          onConfirm={() => release({ variables })}
        />
      )}
      {problem && <ActionProblem problem={problem} onReload={reload} />}
    </div>
  );
}
