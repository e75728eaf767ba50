import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHOWN = 40;

/**
 * A malformed id as it arrives. The ID scalar answers with this instead of refusing at once, so
 * that the argument check (`checkArguments`, input-bounds.ts) can name the argument or input field
 * at fault in the one BAD_USER_INPUT every other input refusal uses; graphql-js alone would say
 * only "invalid value" for a variable, and refuse a literal as a validation error. No resolver
 * ever sees one: the check runs before every resolver that takes arguments.
 */
export class MalformedId {
  constructor(readonly given: string) {}

  get message(): string {
    const shown = this.given.length > SHOWN ? `${this.given.slice(0, SHOWN)}…` : this.given;
    return `must be an id (a UUID such as 0b9f3c52-1d7e-4c0a-9a51-2f0e6f1f4c3d), not ${JSON.stringify(shown)}`;
  }
}

function parseId(value: unknown): string | MalformedId {
  if (typeof value !== 'string') {
    throw new GraphQLError(
      `An ID is a UUID written as a string, not ${typeof value === 'number' ? 'a number' : typeof value}.`,
    );
  }
  return UUID.test(value) ? value.toLowerCase() : new MalformedId(value);
}

/**
 * Every id of the API. GraphQL's ID lets a service choose its id format (spec: "as appropriate for
 * the ID formats a given GraphQL service expects"); ours are UUIDs, so this replaces the built-in
 * under the same name: clients keep writing `ID`, and a malformed id is refused the same way on
 * SQLite and PostgreSQL (BAD_USER_INPUT naming the field) before any SQL runs. Ids are matched in
 * lower case, as PostgreSQL prints them. Import it from here, never type-graphql's `ID` (the schema
 * build fails on two types named ID).
 */
export const ID = new GraphQLScalarType({
  name: 'ID',
  description: 'A unique identifier: a UUID, such as 0b9f3c52-1d7e-4c0a-9a51-2f0e6f1f4c3d.',
  serialize: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('An ID must be a string.');
    return value;
  },
  parseValue: parseId,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) {
      throw new GraphQLError('An ID is a UUID written as a string, in quotes.', { nodes: node });
    }
    return parseId(node.value);
  },
});
