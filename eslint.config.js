// Typed ESLint for the whole monorepo: no floating promises, React hook rules for the web app.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'packages/web/src/generated/**',
      'packages/web/src/**/*.generated.tsx',
      'packages/server/src/migrations/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.ts', 'packages/*/vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // GraphQL string enums mirror the domain's string unions on purpose.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests read loosely typed JSON responses.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts', '**/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Every id argument is checked by one scalar (packages/server/src/graphql/id.ts); type-graphql's own
    // ID would let a malformed id through to the database (and break the schema build beside ours).
    files: ['packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'type-graphql',
              importNames: ['ID'],
              message: 'Import { ID } from src/graphql/id.ts: the ID scalar that refuses what is not a UUID.',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser tests read the page web-first (e2e/support/web-first.ts): a single read right after a
    // click or a navigation sees the page before it changes, the flakiness these rules keep out.
    files: ['packages/web/e2e/**/*.ts'],
    ignores: ['packages/web/e2e/support/web-first.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name="expect"] > AwaitExpression',
          message:
            "A single read can see the page before it changes: await expect(locator).toHaveText(...) (or toHaveValue, toHaveCount...), or await expect.poll(() => reader(), POLL) for a page object's reader.",
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(textContent|innerText|innerHTML|isVisible|isHidden|isChecked|isEnabled|isDisabled)$/]',
          message:
            'A single read of an element: assert web-first (await expect(locator).toHaveText(...), toBeVisible(), toBeChecked()...), or read in a page object reader with allInnerTexts() and poll it.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '*.ts', 'packages/*/vitest.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
);
