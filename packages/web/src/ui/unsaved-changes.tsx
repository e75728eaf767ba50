import { useEffect, useId, useRef } from 'react';
import { useBlocker } from 'react-router';

interface Props {
  /** There are edits that would be lost by leaving. */
  when: boolean;
  /** What would be lost, e.g. "Your changes to the application are not saved yet." */
  message: string;
}

/**
 * Asks before edits are lost: following a link inside the app to another page shows a question
 * (stay, or leave without saving); closing or reloading the tab gets the browser's own question.
 * A change of query string only (a step of the same form) is not leaving.
 */
export function UnsavedChangesGuard({ when, message }: Props) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older Chromium asks only when returnValue is set
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  // Saved meanwhile (or the edits undone): nothing to ask about any more.
  useEffect(() => {
    if (blocker.state === 'blocked' && !when) blocker.proceed();
  }, [blocker, when]);

  if (blocker.state !== 'blocked') return null;
  return <LeaveQuestion message={message} onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />;
}

function LeaveQuestion({ message, onStay, onLeave }: { message: string; onStay: () => void; onLeave: () => void }) {
  const titleId = useId();
  const messageId = useId();
  const stayRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    // Focus on the safe choice; back where it was when the question closes.
    returnTo.current = document.activeElement;
    stayRef.current?.focus();
    return () => {
      if (returnTo.current instanceof HTMLElement && returnTo.current.isConnected) returnTo.current.focus();
    };
  }, []);

  return (
    <div className="modal-backdrop">
      <div
        className="modal card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onStay();
        }}
      >
        <h2 id={titleId}>Leave without saving?</h2>
        <p id={messageId}>{message}</p>
        <div className="modal-actions">
          <button ref={stayRef} type="button" className="button" onClick={onStay}>
            Stay on this page
          </button>
          <button type="button" className="button button-danger" onClick={onLeave}>
            Leave without saving
          </button>
        </div>
      </div>
    </div>
  );
}
