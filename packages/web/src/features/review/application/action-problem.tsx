import type { FormProblem } from '../../../ui/graphql-errors';

/**
 * A refused claim, release or decision, in the server's words. A CONFLICT means the application
 * changed under us (someone else claimed it, or a newer version exists): offer to reload it.
 */
export function ActionProblem({ problem, onReload }: { problem: FormProblem; onReload: () => void }) {
  return (
    <div className="alert alert-error rv-action-problem" role="alert" tabIndex={-1} data-form-alert="">
      <p>{problem.summary}</p>
      {problem.code === 'CONFLICT' && (
        <p>
          <button type="button" className="button button-small" onClick={onReload}>
            Reload the application
          </button>
        </p>
      )}
    </div>
  );
}
