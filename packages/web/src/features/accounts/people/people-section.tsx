import { useState, type FormEvent } from 'react';
import {
  OrganizationUsersDocument,
  useAddOrganizationUserMutation,
  useOrganizationUsersQuery,
  useRemoveOrganizationUserMutation,
  type OrganizationUsersQuery,
  type PersonFieldsFragment,
} from './people.generated';
import { ConfirmButton } from '../../../ui/confirm-button';
import { Form, FormAlert, Notice, SubmitButton, TextField, useFormValues } from '../../../ui/form';
import { formatDateTime } from '../../../ui/format';
import { formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import type { SignedInViewer } from '../viewer/viewer-state';
import { DataTable } from '../../../ui/scrollable-table';
import { UnsavedChangesGuard } from '../../../ui/unsaved-changes';

/** The people of a seller organization: everyone can add a colleague and remove anyone but themselves. */
export function PeopleSection({ viewer }: { viewer: SignedInViewer }) {
  const { data, loading, error, refetch } = useOrganizationUsersQuery({ notifyOnNetworkStatusChange: true });
  return (
    <section className="card account-section" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <p className="muted">Everyone here signs in to {viewer.organization?.name ?? 'your organization'}.</p>
      {loading && !data ? (
        <LoadingState label="Loading people…" />
      ) : error && !data ? (
        <ErrorState level={3} title="The people could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !data || data.organizationUsers.length === 0 ? (
        <EmptyState level={3} title="No one here yet">
          Add a colleague below.
        </EmptyState>
      ) : (
        <PeopleTable people={data.organizationUsers} myId={viewer.user.id} />
      )}
      <AddPersonForm />
    </section>
  );
}

function PeopleTable({ people, myId }: { people: readonly PersonFieldsFragment[]; myId: string }) {
  const [removeOrganizationUser] = useRemoveOrganizationUserMutation({
    // A removed person is deactivated, not deleted: drop them from the list of active users.
    update(cache, { data }) {
      const removedId = data?.removeOrganizationUser.id;
      if (!removedId) return;
      cache.updateQuery<OrganizationUsersQuery>({ query: OrganizationUsersDocument }, (current) =>
        current ? { organizationUsers: current.organizationUsers.filter((p) => p.id !== removedId) } : current,
      );
    },
  });
  return (
    <DataTable
      label="People of your organization"
      caption="People of your organization"
      columns={[
        'Name',
        'Email',
        'Added',
        'Last signed in',
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>,
      ]}
    >
      {people.map((person) => (
        <tr key={person.id}>
          <th scope="row">
            {person.displayName}
            {person.id === myId && (
              <>
                {' '}
                <span className="badge badge-current">you</span>
              </>
            )}
          </th>
          <td>{person.email}</td>
          <td>{formatDateTime(person.createdAt)}</td>
          <td>{person.lastSignInAt ? formatDateTime(person.lastSignInAt) : 'never'}</td>
          <td>
            {person.id === myId ? (
              <span className="muted small">You cannot remove yourself</span>
            ) : (
              <ConfirmButton
                label="Remove"
                accessibleLabel={`Remove ${person.displayName}`}
                question={`Remove ${person.displayName}? They are signed out at once and can no longer sign in.`}
                confirmLabel="Yes, remove"
                busyLabel="Removing…"
                onConfirm={() => removeOrganizationUser({ variables: { userId: person.id } })}
              />
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

const LABELS = { email: "Colleague's email", displayName: "Colleague's name" };
const EMPTY = { email: '', displayName: '' };

function AddPersonForm() {
  const { values, setField, reset } = useFormValues(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [added, setAdded] = useState<PersonFieldsFragment | null>(null);
  const [addOrganizationUser, { loading }] = useAddOrganizationUserMutation({
    // The server lists people oldest first: the newcomer goes last.
    update(cache, { data }) {
      const person = data?.addOrganizationUser;
      if (!person) return;
      cache.updateQuery<OrganizationUsersQuery>({ query: OrganizationUsersDocument }, (current) =>
        current
          ? { organizationUsers: [...current.organizationUsers.filter((p) => p.id !== person.id), person] }
          : current,
      );
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setAdded(null);
    try {
      const { data } = await addOrganizationUser({ variables: { input: values } });
      if (!data) return;
      setAdded(data.addOrganizationUser);
      reset();
    } catch (error) {
      setProblem(formProblemOf(error, LABELS));
    }
  };

  return (
    <Form problem={problem} aria-label="Add a colleague" onSubmit={submit}>
      <UnsavedChangesGuard
        when={(values.email.trim() !== '' || values.displayName.trim() !== '') && !loading}
        message="The colleague you started to add is not added yet."
      />
      <h3>Add a colleague</h3>
      {added && (
        <Notice>
          Added {added.displayName}. We emailed {added.email} a link to choose a password.
        </Notice>
      )}
      <FormAlert problem={problem} />
      <div className="form-row">
        <TextField
          label={LABELS.email}
          name="email"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={setField('email')}
          error={problem?.fields['email']}
          required
        />
        <TextField
          label={LABELS.displayName}
          name="displayName"
          autoComplete="off"
          value={values.displayName}
          onChange={setField('displayName')}
          error={problem?.fields['displayName']}
          required
        />
      </div>
      <SubmitButton busy={loading} label="Add colleague" busyLabel="Adding…" />
    </Form>
  );
}
