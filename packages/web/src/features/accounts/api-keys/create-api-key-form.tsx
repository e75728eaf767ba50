import { useId, useState, type FormEvent } from 'react';
import {
  ApiKeysDocument,
  useCreateApiKeyMutation,
  type ApiKeysQuery,
  type ApiKeysQueryVariables,
} from './api-keys.generated';
import { type ApiScope } from '../../../generated/graphql';
import { Form, FormAlert, SubmitButton, TextField } from '../../../ui/form';
import { formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import { API_SCOPES } from './api-scopes';
import { apiKeysVariables } from './api-keys-variables';
import { UnsavedChangesGuard } from '../../../ui/unsaved-changes';

const LABELS = { name: 'Key name', scopes: 'Scopes' };

interface Props {
  /** Whose key: left out for a seller's own, a provider's id for an admin. */
  organizationId?: string | undefined;
  /** The scopes offered, as checkboxes. */
  scopeOptions: readonly ApiScope[];
  /** Ticked to begin with (a provider key has one possible scope). */
  initialScopes?: readonly ApiScope[];
  onCreated: (created: { name: string; secret: string }) => void;
}

export function CreateApiKeyForm({ organizationId, scopeOptions, initialScopes = [], onCreated }: Props) {
  const idBase = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<readonly ApiScope[]>(initialScopes);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const [createApiKey, { loading }] = useCreateApiKeyMutation({
    // The new key goes on top of the list it belongs to (newest first, as the server orders them).
    update(cache, { data }) {
      const created = data?.createApiKey.apiKey;
      if (!created) return;
      cache.updateQuery<ApiKeysQuery, ApiKeysQueryVariables>(
        { query: ApiKeysDocument, variables: apiKeysVariables(organizationId) },
        (current) =>
          current ? { apiKeys: [created, ...current.apiKeys.filter((key) => key.id !== created.id)] } : current,
      );
    },
  });

  const toggle = (scope: ApiScope, checked: boolean) =>
    setScopes((current) => (checked ? [...current, scope] : current.filter((s) => s !== scope)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const { data } = await createApiKey({
        variables: { input: { name, scopes: [...scopes], organizationId } },
      });
      if (!data) return;
      setName('');
      setScopes(initialScopes);
      onCreated({ name: data.createApiKey.apiKey.name, secret: data.createApiKey.secret });
    } catch (error) {
      setProblem(formProblemOf(error, LABELS));
    }
  };

  const scopesError = problem?.fields['scopes'];
  const scopesErrorId = `${idBase}-scopes-error`;
  return (
    <Form problem={problem} aria-label="Create an API key" onSubmit={submit}>
      <UnsavedChangesGuard when={name.trim() !== '' && !loading} message="The key you started is not created yet." />
      <h3>Create a key</h3>
      <FormAlert problem={problem} />
      <TextField
        label={LABELS.name}
        name="name"
        value={name}
        onChange={setName}
        error={problem?.fields['name']}
        hint="What the key is for, e.g. “ERP sync”."
        maxLength={100}
        autoComplete="off"
        required
      />
      <fieldset
        className={scopesError ? 'field field-invalid' : 'field'}
        aria-describedby={scopesError ? scopesErrorId : undefined}
      >
        <legend>{LABELS.scopes}</legend>
        {scopeOptions.map((scope) => {
          const id = `${idBase}-${scope}`;
          return (
            <div className="checkbox" key={scope}>
              <input
                type="checkbox"
                id={id}
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(event) => toggle(scope, event.target.checked)}
                aria-describedby={`${id}-description`}
                aria-invalid={scopesError ? true : undefined}
              />
              <label htmlFor={id}>
                <code>{API_SCOPES[scope].label}</code>
              </label>
              <p id={`${id}-description`} className="checkbox-description">
                {API_SCOPES[scope].description}
              </p>
            </div>
          );
        })}
        {scopesError && (
          <p id={scopesErrorId} className="field-error">
            {scopesError}
          </p>
        )}
      </fieldset>
      <SubmitButton busy={loading} label="Create key" busyLabel="Creating…" />
    </Form>
  );
}
