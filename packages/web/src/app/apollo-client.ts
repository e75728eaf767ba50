import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** One client for the app; the API is served from the same origin (Vite proxies it in development). */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin' }),
    cache: new InMemoryCache({
      // Marketplaces are identified by their code, not an id.
      typePolicies: { Marketplace: { keyFields: ['code'] } },
    }),
  });
}
