import { FORBIDDEN_IN_NAMES, FORBIDDEN_IN_TEXT } from '@recertify/domain';
import {
  ArrayMaxSize,
  MaxLength,
  ValidateBy,
  ValidateNested,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { badInput, type FieldProblem } from '../errors/app-error.js';
import { MalformedId } from './id.js';

/**
 * Every input of the API is bounded before it reaches a service or the database: strings by the
 * column that stores them, lists by a size, ids by the ID scalar. The bounds are class-validator
 * decorators on the input classes (and `@ArgsType` classes), read by type-graphql before each
 * resolver runs; `checkArguments` turns what they find into the one BAD_USER_INPUT every refusal
 * uses, each field named as the services name them (`legalName`, `invoices[0].lines[2].brand`,
 * `id`, `filter.status`). The limits themselves live in the domain (TEXT_LIMITS, LIST_LIMITS) so
 * the web's fields stop at the same length.
 */

/** What kind of text a field holds: which characters it refuses. */
export type TextKind =
  /** A name or other one-line text shown to people: no control or bidirectional formatting characters. */
  | 'name'
  /** Text that may span lines (messages, reasons): tab and line breaks allowed. */
  | 'text'
  /** A password or token: compared, never shown or stored as given; only the length is bounded. */
  | 'secret';

/** Longest string any argument may carry, declared or not: a net under the declared bounds. */
export const ANY_STRING_LIMIT = 10_000;

const FORBIDDEN: Record<Exclude<TextKind, 'secret'>, RegExp> = { name: FORBIDDEN_IN_NAMES, text: FORBIDDEN_IN_TEXT };
const FORBIDDEN_MESSAGE: Record<Exclude<TextKind, 'secret'>, string> = {
  name: 'must not contain control characters or bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069)',
  text: 'must not contain control characters other than tab and line breaks, or bidirectional formatting characters',
};

function Characters(kind: Exclude<TextKind, 'secret'>, each: boolean): PropertyDecorator {
  return ValidateBy(
    {
      name: `characters:${kind}`,
      validator: { validate: (value: unknown) => typeof value !== 'string' || !FORBIDDEN[kind].test(value) },
    },
    { each, message: FORBIDDEN_MESSAGE[kind] },
  );
}

/** A string input of at most `max` characters (its column's length), with the characters its kind allows. */
export function Bounded(max: number, kind: TextKind = 'name'): PropertyDecorator {
  return (target, property) => {
    MaxLength(max, { message: `must be at most ${max} characters` })(target, property);
    if (kind !== 'secret') Characters(kind, false)(target, property);
  };
}

/**
 * A list input of at most `max` items. Its items are input objects checked field by field (by
 * default), strings of at most `items.max` characters, or enum values (`'enum'`, checked by GraphQL).
 */
export function BoundedList(
  max: number,
  items?: { max: number; kind?: Exclude<TextKind, 'secret'> } | 'enum',
): PropertyDecorator {
  return (target, property) => {
    ArrayMaxSize(max, { message: `must have at most ${max} items` })(target, property);
    if (items === 'enum') return;
    if (items) {
      MaxLength(items.max, { each: true, message: `each must be at most ${items.max} characters` })(target, property);
      Characters(items.kind ?? 'name', true)(target, property);
    } else {
      ValidateNested({ each: true })(target, property);
    }
  };
}

/** An input object field checked field by field (a nested input that is not a list). */
export function Nested(): PropertyDecorator {
  return ValidateNested();
}

/**
 * type-graphql's `validateFn`, run for each argument of every resolver before it runs: malformed
 * ids, any string over ANY_STRING_LIMIT or holding NUL, and the declared bounds of input classes.
 */
export const checkArguments: ValidatorFn = (value: unknown, type, { args, info }) => {
  const scanned: FieldProblem[] = [];
  const declared: FieldProblem[] = [];
  // Scalar arguments by name (class-validator cannot read them, and their name is known only here);
  // input objects when their own parameter comes, so that their declared bounds speak first.
  for (const [name, arg] of Object.entries(args)) if (!isInputObject(arg)) scan(arg, name, scanned);
  if (isInputObject(value)) {
    const name = argumentNameOf(type, info.parentType.getFields()[info.fieldName]?.args ?? []);
    const prefix = name === undefined || name === 'input' ? '' : name;
    scan(value, prefix, scanned);
    const items: Array<[object, string]> = Array.isArray(value)
      ? value.map((item: object, i) => [item, join(prefix, i)])
      : [[value, prefix]];
    for (const [item, at] of items) {
      for (const error of validateSync(item, { forbidUnknownValues: false, skipMissingProperties: true })) {
        collect(error, at, declared);
      }
    }
  }
  // A declared bound says it better than the net.
  const problems = [...scanned.filter((p) => !declared.some((d) => d.field === p.field)), ...declared];
  if (problems.length > 0) throw badInput(dedupe(problems));
};

function isInputObject(value: unknown): value is object {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof MalformedId) &&
    !(value instanceof Date) &&
    (!Array.isArray(value) || value.some(isInputObject))
  );
}

/** The GraphQL argument an input class arrives in (`input`, `filter`); none for an @ArgsType class. */
function argumentNameOf(
  type: Parameters<ValidatorFn>[1],
  graphqlArgs: ReadonlyArray<{ name: string; type: { toString(): string } }>,
): string | undefined {
  const inputType = getMetadataStorage().inputTypes.find((t) => t.target === type);
  if (!inputType) return undefined;
  return graphqlArgs.find((a) => a.type.toString().replace(/[[\]!]/g, '') === inputType.name)?.name;
}

function join(prefix: string, key: string | number): string {
  if (typeof key === 'number' || /^\d+$/.test(key)) return `${prefix}[${key}]`;
  return prefix ? `${prefix}.${key}` : key;
}

function scan(value: unknown, at: string, problems: FieldProblem[]): void {
  if (value instanceof MalformedId) {
    problems.push({ field: at, message: value.message });
  } else if (typeof value === 'string') {
    if (value.length > ANY_STRING_LIMIT) {
      problems.push({ field: at, message: `must be at most ${ANY_STRING_LIMIT} characters` });
    } else if (value.includes('\u0000')) {
      problems.push({ field: at, message: 'must not contain the NUL character' });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => scan(item, join(at, i), problems));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) scan(item, join(at, key), problems);
  }
}

function collect(error: ValidationError, prefix: string, problems: FieldProblem[]): void {
  const at = join(prefix, error.property);
  for (const message of Object.values(error.constraints ?? {})) problems.push({ field: at, message });
  for (const child of error.children ?? []) collect(child, at, problems);
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
