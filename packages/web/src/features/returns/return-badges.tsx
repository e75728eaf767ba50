import type { ReturnState } from '@recertify/domain';
import { RETURN_STATE_LABELS } from '../../ui/labels';

export function ReturnStateBadge({ state }: { state: ReturnState }) {
  return (
    <span className={`pill rt-state-badge rt-state-${state.toLowerCase().replace('_', '-')}`}>
      {RETURN_STATE_LABELS[state]}
    </span>
  );
}

export function PolicyBadge({ inPolicy }: { inPolicy: boolean }) {
  return inPolicy ? (
    <span className="pill rt-pill rt-pill-in">In policy</span>
  ) : (
    <span className="pill rt-pill rt-pill-out">Out of policy</span>
  );
}
