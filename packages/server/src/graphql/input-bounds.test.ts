import 'reflect-metadata';
import { getMetadataStorage as getValidationMetadata } from 'class-validator';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { MetadataStorage } from '@mikro-orm/core';
import { AddOrganizationUserInput, SignUpSellerInput } from '../features/accounts/accounts.types.js';
import { Organization } from '../features/accounts/organization.entity.js';
import { User } from '../features/accounts/user.entity.js';
import { ApiKey } from '../features/api-keys/api-key.entity.js';
import { CreateApiKeyInput } from '../features/api-keys/api-key.types.js';
import { Application, Invoice, InvoiceLine } from '../features/applications/application.entity.js';
import { ApplicationDraftInput, InvoiceInput, InvoiceLineInput } from '../features/applications/applications.types.js';
import { buildGraphQLSchema } from './schema.js';

/** The class-validator constraints declared on a class (and its parents), by property. */
function constraintsOf(target: unknown): Map<string, Set<string>> {
  const byProperty = new Map<string, Set<string>>();
  if (typeof target !== 'function') return byProperty;
  for (const meta of getValidationMetadata().getTargetValidationMetadatas(target, '', true, false)) {
    const names = byProperty.get(meta.propertyName) ?? new Set<string>();
    names.add(meta.name ?? meta.type);
    byProperty.set(meta.propertyName, names);
  }
  return byProperty;
}

function unwrap(type: GraphQLInputType): GraphQLInputType {
  return isNonNullType(type) ? type.ofType : type;
}

/** What a field of this type must declare: a length for strings, a size (and nested checks) for lists. */
function missingBounds(field: GraphQLInputField | GraphQLArgument, declared: Set<string> | undefined): string[] {
  const named = getNamedType(field.type);
  const missing: string[] = [];
  const has = (name: string) => declared?.has(name) ?? false;
  if (isListType(unwrap(field.type))) {
    if (!has('arrayMaxSize')) missing.push('a list size (BoundedList)');
    if (named.name === 'String' && !has('maxLength')) missing.push('a length for its items');
    if (isInputObjectType(named) && !has('nestedValidation')) missing.push('checks of its items');
  } else if (named.name === 'String') {
    if (!has('maxLength')) missing.push('a length (Bounded)');
  } else if (isInputObjectType(named) && !has('nestedValidation')) {
    missing.push('checks of its fields (Nested)');
  }
  return missing;
}

describe('input bounds', () => {
  it('every string and list of every input type of the schema declares its bound', async () => {
    const schema = await buildGraphQLSchema();
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      const target = getMetadataStorage().inputTypes.find((t) => t.name === type.name)?.target;
      const constraints = constraintsOf(target);
      for (const field of Object.values(type.getFields())) {
        const missing = missingBounds(field, constraints.get(field.name));
        if (missing.length) unbounded.push(`${type.name}.${field.name}: ${missing.join(', ')}`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('every string argument of an operation is a field of an @ArgsType class that declares its bound', async () => {
    const schema = await buildGraphQLSchema();
    const argsTypes = getMetadataStorage().argumentTypes.map((t) => ({
      names: new Set((t.fields ?? []).map((f) => f.name)),
      constraints: constraintsOf(t.target),
    }));
    const unbounded: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        for (const arg of field.args) {
          if (getNamedType(arg.type).name !== 'String' && !isListType(unwrap(arg.type))) continue;
          const declared = argsTypes.find((t) => t.names.has(arg.name) && t.constraints.has(arg.name));
          const missing = missingBounds(arg, declared?.constraints.get(arg.name));
          if (missing.length) unbounded.push(`${field.name}(${arg.name}): ${missing.join(', ')}`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });
});

describe('input bounds match the columns', () => {
  type Class = abstract new (...args: never[]) => unknown;
  const COLUMNS: Array<[input: Class, field: string, entity: Class, property: string]> = [
    [SignUpSellerInput, 'email', User, 'email'],
    [SignUpSellerInput, 'displayName', User, 'displayName'],
    [SignUpSellerInput, 'organizationName', Organization, 'name'],
    [AddOrganizationUserInput, 'email', User, 'email'],
    [AddOrganizationUserInput, 'displayName', User, 'displayName'],
    [CreateApiKeyInput, 'name', ApiKey, 'name'],
    [ApplicationDraftInput, 'legalName', Application, 'legalName'],
    [ApplicationDraftInput, 'contactName', Application, 'contactName'],
    [ApplicationDraftInput, 'contactEmail', Application, 'contactEmail'],
    [ApplicationDraftInput, 'refurbisherName', Application, 'refurbisherName'],
    [InvoiceInput, 'supplier', Invoice, 'supplier'],
    [InvoiceInput, 'invoiceNumber', Invoice, 'invoiceNumber'],
    [InvoiceInput, 'date', Invoice, 'date'],
    [InvoiceLineInput, 'description', InvoiceLine, 'description'],
    [InvoiceLineInput, 'brand', InvoiceLine, 'brand'],
  ];

  it.each(COLUMNS.map((row) => [`${row[0].name}.${row[1]}`, ...row] as const))(
    '%s is exactly as long as its column',
    (_, input, field, entity, property) => {
      const maxLength = getValidationMetadata()
        .getTargetValidationMetadatas(input, '', true, false)
        .find((m) => m.propertyName === field && m.name === 'maxLength')?.constraints[0] as unknown;
      const columns = MetadataStorage.getMetadataFromDecorator(entity).properties as Record<
        string,
        { length?: number }
      >;
      expect(maxLength).toBeDefined();
      expect(maxLength).toBe(columns[property]?.length);
    },
  );
});
