import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
// The schema the server emits and codegen reads: the enums the app can be sent.
import schemaText from '../../../server/schema.graphql?raw';
import { auditActionLabel, criterionLabel, ENUM_LABELS, UNSHOWN_ENUMS } from './labels';

const schema = buildSchema(schemaText);
const enums = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLEnumType => type instanceof GraphQLEnumType && !type.name.startsWith('__'),
);

describe('labels', () => {
  it('reads the enums of schema.graphql', () => {
    expect(enums.map((type) => type.name)).toContain('ImageView');
  });

  it.each(enums.map((type) => [type.name, type] as const))(
    '%s: every value has a label, never the code',
    (name, type) => {
      if (Object.hasOwn(UNSHOWN_ENUMS, name)) return;
      const labels = ENUM_LABELS[name];
      expect(labels, `${name} has no labels in src/ui/labels.ts (or a reason in UNSHOWN_ENUMS)`).toBeDefined();
      for (const { value } of type.getValues()) {
        const label = labels?.[String(value)];
        expect(label, `${name}.${String(value)}`).toBeTruthy();
        expect(label).not.toBe(value);
        expect(label).not.toMatch(/[A-Z]{2,}_|_[A-Z]/); // no SCREEN_ON inside a label either
      }
    },
  );

  it('names criteria and audit actions in words, even ones the app does not know yet', () => {
    expect(criterionLabel('IMAGES')).toBe('Sample images');
    expect(criterionLabel('SELLER_RQS')).toBe('Seller rqs');
    expect(auditActionLabel('CLAIMED')).toBe('A reviewer started the review');
    expect(auditActionLabel('RETURN_OPENED')).toBe('Return opened');
  });
});
