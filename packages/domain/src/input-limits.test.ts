import { describe, expect, it } from 'vitest';
import { FORBIDDEN_IN_NAMES, FORBIDDEN_IN_TEXT } from './input-limits.js';

describe('characters refused in names and texts', () => {
  it.each([
    ['a plain name', 'Acme Renewals LLC', false, false],
    ['accents, CJK and emoji', 'Café Zoë 株式会社 😀', false, false],
    ['right-to-left script', 'شركة التجديد', false, false],
    ['a zero-width joiner (emoji sequences need it)', '👩\u200D💻', false, false],
    ['NUL', 'Acme\u0000', true, true],
    ['another control character', 'Acme\u0007', true, true],
    ['DEL', 'Acme\u007F', true, true],
    ['a C1 control character', 'Acme\u0085', true, true],
    ['a tab', 'Acme\tLtd', true, false],
    ['a line feed', 'Please\nsend', true, false],
    ['a carriage return', 'Please\r\nsend', true, false],
    ['U+202A left-to-right embedding', '\u202AAcme', true, true],
    ['U+202E right-to-left override', 'Acme\u202Edtl', true, true],
    ['U+2066 left-to-right isolate', '\u2066Acme', true, true],
    ['U+2069 pop directional isolate', 'Acme\u2069', true, true],
    ['U+2029 paragraph separator, just outside the bidi range', 'Acme\u2029', false, false],
    ['U+206A, just past the isolates', 'Acme\u206A', false, false],
  ])('%s: refused in names %s, in texts %s', (_, value, inName, inText) => {
    expect(FORBIDDEN_IN_NAMES.test(value)).toBe(inName);
    expect(FORBIDDEN_IN_TEXT.test(value)).toBe(inText);
  });
});
