'use client';
import type { ManagedUser, Role } from '@switchyard/client';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../../../components/session';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatRelative } from '../../../lib/format';
import { ACTIONS, DataTable, ListCard } from '../../../components/data-table';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What deleting an account deletes with it, in words (shown before the admin confirms). */
export const deletionSummary = (user: ManagedUser) =>
  `Deletes ${user.email} with their collections and the documents in them (files and indexed passages), ${plural(user.conversations, 'conversation')} and ${plural(user.apiKeys, 'API key')}, and takes them out of every collection shared with them; documents they added to someone else's collection stay there. Nothing is handed to anyone else, and it cannot be undone.`;

export function UsersView() {
  const { user: me } = useSession();
  const [users, setUsers] = useState<ManagedUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [resetPassword, setResetPassword] = useState('');
  const [shownPassword, setShownPassword] = useState<{ email: string; password: string } | null>(null);
  const [form, setForm] = useState<{ email: string; password: string; role: Role }>({ email: '', password: '', role: 'user' });

  const load = useCallback(() => {
    api
      .listUsers()
      .then((result) => setUsers(result.users))
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  async function run(action: () => Promise<string>) {
    setError(null);
    setStatus(null);
    try {
      setStatus(await action());
    } catch (caught) {
      setError(describeError(caught));
    }
    load();
  }

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const { user } = await api.createUser(form);
      setForm({ email: '', password: '', role: 'user' });
      return `${user.email} can sign in now.`;
    });
  };
  const setRole = (user: ManagedUser, role: Role) =>
    run(async () => {
      await api.updateUser(user.id, { role });
      return `${user.email} is now ${role === 'admin' ? 'an administrator' : 'a member'}.`;
    });
  const setDisabled = (user: ManagedUser, disabled: boolean) =>
    run(async () => {
      await api.updateUser(user.id, { disabled });
      return disabled ? `${user.email} is disabled: they cannot sign in, and their sessions and API keys stop working.` : `${user.email} can sign in again.`;
    });
  const reset = (user: ManagedUser) =>
    run(async () => {
      const result = await api.resetUserPassword(user.id, resetPassword.trim() ? resetPassword : undefined);
      setResetting(null);
      setResetPassword('');
      if (result.temporaryPassword) setShownPassword({ email: user.email, password: result.temporaryPassword });
      return `${user.email}'s password was reset; their earlier sessions have ended.`;
    });
  const remove = (user: ManagedUser) =>
    run(async () => {
      setConfirmDelete(null);
      const { deleted } = await api.deleteUser(user.id);
      return `Deleted ${deleted.email} with ${plural(deleted.collections, 'collection')}, ${plural(deleted.documents, 'document')}, ${plural(deleted.conversations, 'conversation')} and ${plural(deleted.apiKeys, 'API key')}; removed from ${plural(deleted.memberships, 'shared collection')}.`;
    });

  return (
    <div className="page wide-page">
      <header className="page-header">
        <div>
          <h1>Users</h1>
          <p className="muted">Accounts on this server. Every change here applies at once, on every server, and is kept in the audit trail.</p>
        </div>
      </header>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {status ? (
        <p className="banner" role="status">
          {status}
        </p>
      ) : null}
      {shownPassword ? (
        <div className="card created-key" role="status">
          <p>
            <strong>Give {shownPassword.email} this password now.</strong> It is shown only once.
          </p>
          <div className="copy-row">
            <input readOnly aria-label="Temporary password" value={shownPassword.password} onFocus={(event) => event.target.select()} />
            <button type="button" className="button ghost" onClick={() => setShownPassword(null)}>
              Done
            </button>
          </div>
        </div>
      ) : null}

      <form className="card inline-form" aria-label="Add a user" onSubmit={create}>
        <label className="field grow">
          <span>Email</span>
          <input type="email" required value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
        </label>
        <label className="field grow">
          <span>Password</span>
          <input type="password" required minLength={12} autoComplete="new-password" value={form.password} onChange={(event) => setForm({ ...form, password: event.target.value })} />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as Role })}>
            <option value="user">Member</option>
            <option value="admin">Administrator</option>
          </select>
        </label>
        <button type="submit" className="button primary">
          Add user
        </button>
      </form>

      <ListCard label="Users" items={users}>
        {(users) => (
          <DataTable columns={['Account', 'Role', 'State', 'Owns', ACTIONS]}>
            {users.map((user) => {
              const self = user.id === me.id;
              return (
                <tr key={user.id} data-testid="user-row">
                  <td>
                    <strong>{user.email}</strong>
                    {self ? <span className="muted small"> (you)</span> : null}
                    <div className="muted small">joined {formatRelative(user.createdAt)}</div>
                  </td>
                  <td>
                    <select aria-label={`Role of ${user.email}`} value={user.role} disabled={self} onChange={(event) => void setRole(user, event.target.value as Role)}>
                      <option value="user">Member</option>
                      <option value="admin">Administrator</option>
                    </select>
                  </td>
                  <td>{user.disabled ? <span className="pill status-failed">Disabled {user.disabledAt ? formatRelative(user.disabledAt) : ''}</span> : <span className="pill status-ready">Active</span>}</td>
                  <td className="small">
                    {plural(user.documents, 'document')}, {plural(user.conversations, 'conversation')}, {plural(user.apiKeys, 'API key')}
                  </td>
                  <td className="align-right">
                    <div className="button-row">
                      {self ? null : (
                        <button type="button" className="button ghost small" onClick={() => void setDisabled(user, !user.disabled)}>
                          {user.disabled ? 'Enable' : 'Disable'}
                        </button>
                      )}
                      <button type="button" className="button ghost small" onClick={() => setResetting(resetting === user.id ? null : user.id)}>
                        Reset password
                      </button>
                      {self ? null : (
                        <button type="button" className="button ghost small" aria-label={`Delete ${user.email}`} onClick={() => setConfirmDelete(user.id)}>
                          Delete
                        </button>
                      )}
                    </div>
                    {resetting === user.id ? (
                      <div className="inline-form">
                        <label className="field grow">
                          <span>New password (leave empty to generate one)</span>
                          <input type="password" autoComplete="new-password" value={resetPassword} onChange={(event) => setResetPassword(event.target.value)} />
                        </label>
                        <button type="button" className="button small" onClick={() => void reset(user)}>
                          Reset
                        </button>
                      </div>
                    ) : null}
                    {confirmDelete === user.id ? (
                      <div role="alertdialog" aria-label={`Delete ${user.email}?`}>
                        <p className="small">{deletionSummary(user)}</p>
                        <button type="button" className="button danger small" onClick={() => void remove(user)}>
                          Delete {user.email}
                        </button>{' '}
                        <button type="button" className="button ghost small" onClick={() => setConfirmDelete(null)}>
                          Cancel
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </ListCard>
    </div>
  );
}
