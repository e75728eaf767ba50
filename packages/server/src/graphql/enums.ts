import { registerEnumType } from 'type-graphql';

/** An enum-like object `{ A: 'A', B: 'B' }` whose values are exactly the strings of a constant tuple. */
export type EnumObject<T extends string> = { readonly [K in T]: K };

/** What registerEnumType takes besides the object (type-graphql does not export the type by name). */
export type EnumConfig<E extends object> = Parameters<typeof registerEnumType<E>>[1];

/**
 * A GraphQL enum made from one of the domain's constant arrays (`MARKETPLACES`, `IMAGE_VIEWS`...),
 * so the schema, the server's types and the domain's rules share one list, and a field typed with
 * the domain's union needs no cast. Returns the object type-graphql and MikroORM take as an enum.
 */
export function graphqlEnum<const T extends string>(
  values: readonly T[],
  config: EnumConfig<EnumObject<T>>,
): EnumObject<T> {
  const entries = values.map((value) => [value, value] as const);
  // The one cast: Object.fromEntries cannot type the key-to-itself mapping it builds.
  const enumObject = Object.freeze(Object.fromEntries(entries)) as EnumObject<T>;
  registerEnumType(enumObject, config);
  return enumObject;
}
