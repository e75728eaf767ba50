import { ApolloClient, InMemoryCache } from '@apollo/client';
import { BaseHttpLink } from '@apollo/client/link/http';
import { ErrorLink } from '@apollo/client/link/error';
import { ViewerDocument } from '../features/accounts/viewer/viewer.generated';
import { hasErrorCode } from '../ui/graphql-errors';

/**
 * When the server says UNAUTHENTICATED to a signed-in page (the session expired, or was ended
 * from another browser), ask who is signed in again: the route guard then sends the person to
 * sign in and back. The Viewer query itself never fails that way, so this cannot loop.
 */
const sessionEndedLink = new ErrorLink(({ error, operation }) => {
  if (operation.operationName !== 'Viewer' && hasErrorCode(error, 'UNAUTHENTICATED')) {
    void operation.client.refetchQueries({ include: [ViewerDocument] });
  }
});

/**
 * One client for the app; the API is served from the same origin (Vite proxies it in development).
 * `BaseHttpLink` is `HttpLink` without its client-awareness part, which names the client library and
 * version in every request for Apollo's own tooling; the API has no use for them.
 */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: sessionEndedLink.concat(new BaseHttpLink({ uri, credentials: 'same-origin' })),
    cache: new InMemoryCache({
      // Marketplaces are identified by their code, not an id.
      typePolicies: { Marketplace: { keyFields: ['code'] } },
    }),
  });
}
