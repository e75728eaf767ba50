import { MARKETPLACES, type MarketplaceCode } from '@recertify/domain';
import { useState } from 'react';
import { formProblemOf } from '../../ui/graphql-errors';
import { MarketplaceSelect } from '../../ui/marketplace-select';
import { Page } from '../../ui/page';
import { usePageTitle } from '../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { CategoryWindowForm } from './category-window-form';
import {
  CategoryReturnWindowsDocument,
  useCategoryReturnWindowsQuery,
  useRemoveCategoryReturnWindowMutation,
  useSetCategoryReturnWindowMutation,
} from './return-windows.generated';

/**
 * /admin/return-windows: the categories with a return window of their own per marketplace (SPEC 6:
 * "30 days unless the category says otherwise"). Requests arriving from then on are judged by it.
 */
export function ReturnWindowsPage() {
  usePageTitle('Return windows');
  const [marketplace, setMarketplace] = useState<MarketplaceCode>('US');
  const variables = { marketplace };
  const { data, loading, error, refetch } = useCategoryReturnWindowsQuery({
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const refetchList = {
    refetchQueries: [{ query: CategoryReturnWindowsDocument, variables }],
    awaitRefetchQueries: true,
  };
  const [save] = useSetCategoryReturnWindowMutation(refetchList);
  const [remove] = useRemoveCategoryReturnWindowMutation(refetchList);
  const [pending, setPending] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const windows = data?.categoryReturnWindows.filter((w) => w.marketplace === marketplace);
  const name = MARKETPLACES[marketplace].name;

  return (
    <Page
      titleId="return-windows-title"
      title="Return windows"
      lede={
        <>
          A return request is in policy when it is asked within its category&rsquo;s window after delivery; categories
          not listed get the policy version&rsquo;s default (30 days). Changes apply to requests arriving from then on.
        </>
      }
    >
      <section className="card" aria-labelledby="return-windows-of">
        <h2 id="return-windows-of">Categories with their own window in {name}</h2>
        <MarketplaceSelect
          className="field field-inline"
          value={marketplace}
          onChange={(code) => {
            setMarketplace(code);
            setListError(null);
          }}
        />
        {loading && !windows ? (
          <LoadingState label={`Loading the windows of ${name}…`} />
        ) : !windows ? (
          <ErrorState title="The return windows could not be loaded" error={error} onRetry={() => void refetch()} />
        ) : windows.length === 0 ? (
          <EmptyState title={`No category has its own window in ${name}`} level={3}>
            Every category gets the policy&rsquo;s default window.
          </EmptyState>
        ) : (
          <table className="data-table" aria-label={`Return windows in ${name}`}>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Window</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {windows.map((window) => (
                <tr key={window.id} aria-busy={pending === window.id || undefined}>
                  <th scope="row">{window.categoryName}</th>
                  <td>{window.days} days</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      disabled={pending !== null}
                      aria-label={`Remove the window of ${window.categoryName}`}
                      onClick={() => {
                        setListError(null);
                        setPending(window.id);
                        remove({ variables: { marketplace, categoryName: window.categoryName } })
                          .catch((failure: unknown) => setListError(formProblemOf(failure, {}).summary))
                          .finally(() => setPending(null));
                      }}
                    >
                      {pending === window.id ? 'Removing…' : 'Remove'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {listError && (
          <p className="alert alert-error" role="alert">
            {listError}
          </p>
        )}
        <CategoryWindowForm
          key={marketplace}
          marketplaceName={name}
          onSave={(window) => save({ variables: { input: { marketplace, ...window } } })}
        />
      </section>
    </Page>
  );
}
