import { hasErrorCode } from '../../../ui/graphql-errors';
import { usePageTitle } from '../../../ui/page-title';
import { ErrorState, LoadingState } from '../../../ui/states';
import '../returns.css';
import { useReturnPageQuery } from './return-page.generated';
import { returnDownloads } from '../returns-paths';
import { ReturnView } from './return-view';
import { useReturnActions } from './use-return-actions';

/** One return: what the buyer asked, the policy verdict, and what the seller can do now. */
export function ReturnPage({ id }: { id: string }) {
  const { data, loading, error, refetch } = useReturnPageQuery({
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const actions = useReturnActions(id);
  const detail = data?.returnRequest;
  usePageTitle(detail ? `Return of order ${detail.orderExternalId}` : 'Return');

  if (loading && !detail) return <LoadingState label="Loading the return…" />;
  if (!detail) {
    const missing = hasErrorCode(error, 'NOT_FOUND');
    return (
      <section className="page" aria-labelledby="return-title">
        <h1 tabIndex={-1} id="return-title">
          {missing ? 'Return not found' : 'Return'}
        </h1>
        {missing ? (
          <ErrorState title="This return does not exist or is not yours" error={error} />
        ) : (
          <ErrorState title="The return could not be loaded" error={error} onRetry={() => void refetch()} />
        )}
      </section>
    );
  }
  return (
    <ReturnView
      detail={detail}
      addresses={data.returnAddresses ?? []}
      downloads={returnDownloads(detail)}
      onAuthorize={(choice) => actions.authorize(detail.version, choice)}
      onReply={(body) => actions.reply(body)}
      onClose={(reason, note) => actions.close(detail.version, reason, note)}
    />
  );
}
