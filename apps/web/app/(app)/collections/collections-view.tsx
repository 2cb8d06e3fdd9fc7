'use client';
// Collections: create one, rename it, share it (by email, as viewer or editor), change or remove a
// member, leave one shared with you, delete one you own. Each shows its documents and the state of
// its index (a re-index after an embedder change shows its progress).
import type { Collection, CollectionMemberRole } from '@switchyard/client';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../../../components/session';
import { api } from '../../../lib/api';
import { describeAccess, describeIndex } from '../../../lib/collections';
import { describeError } from '../../../lib/describe-error';
import { ACTIONS, DataTable } from '../../../components/data-table';

export function CollectionsView() {
  const { user } = useSession();
  const [collections, setCollections] = useState<Collection[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  /** Bumped to read the list again (after a change, and every few seconds while a re-index runs). */
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => {
    let cancelled = false;
    api
      .listCollections()
      .then(({ collections: list }) => {
        if (!cancelled) setCollections(list);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(describeError(caught));
      });
    return () => {
      cancelled = true;
    };
  }, [version]);

  const reindexing = collections?.some((collection) => collection.index.reindex) ?? false;
  useEffect(() => {
    if (!reindexing) return;
    const timer = setInterval(reload, 5000);
    return () => clearInterval(timer);
  }, [reindexing, reload]);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      reload();
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void run(async () => {
      await api.createCollection({ name: trimmed });
      setName('');
    });
  }

  const mine = collections?.filter((collection) => !collection.viaAdmin) ?? [];
  const others = collections?.filter((collection) => collection.viaAdmin) ?? [];

  return (
    <div className="page narrow-page">
      <header className="page-header">
        <div>
          <h1>Collections</h1>
          <p className="muted">
            A collection is a set of documents you can share. Viewers search and chat over it, editors also upload and delete, and the owner shares, renames and deletes it.
          </p>
        </div>
      </header>

      <form className="card inline-form" onSubmit={create}>
        <label className="field grow">
          <span>New collection</span>
          <input value={name} maxLength={100} placeholder="e.g. Team handbook" onChange={(event) => setName(event.target.value)} data-testid="new-collection-name" />
        </label>
        <button type="submit" className="button primary" disabled={!name.trim()}>
          Create
        </button>
      </form>

      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {collections === null ? <p className="muted">Loading…</p> : null}

      {mine.map((collection) => (
        <CollectionCard key={collection.id} collection={collection} userId={user.id} run={run} />
      ))}
      {others.length > 0 ? (
        <>
          <h2 className="section-title">Other people's collections (administrator)</h2>
          {others.map((collection) => (
            <CollectionCard key={collection.id} collection={collection} userId={user.id} run={run} />
          ))}
        </>
      ) : null}
    </div>
  );
}

function CollectionCard({ collection, userId, run }: { collection: Collection; userId: string; run: (action: () => Promise<unknown>) => Promise<void> }) {
  const [renaming, setRenaming] = useState(false);
  const [newName, setNewName] = useState(collection.name);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<CollectionMemberRole>('viewer');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const isOwner = collection.access === 'owner';
  const heading = `collection-${collection.id}`;

  return (
    <section className="card collection-card" aria-labelledby={heading} data-testid="collection">
      <div className="collection-head">
        <div>
          <h2 id={heading} className="section-title">
            {collection.name}
            {collection.personal ? <span className="muted small"> · personal</span> : null}
          </h2>
          <p className="muted small">
            {describeAccess(collection.access, collection.viaAdmin)}
            {collection.ownerId !== userId && collection.ownerEmail ? ` · owned by ${collection.ownerEmail}` : ''} ·{' '}
            {collection.documents} document{collection.documents === 1 ? '' : 's'}
          </p>
          <p className="muted small" role={collection.index.reindex ? 'status' : undefined}>
            {describeIndex(collection.index)}
          </p>
        </div>
        <div className="collection-actions">
          {isOwner ? (
            <button type="button" className="button ghost small" onClick={() => setRenaming((open) => !open)}>
              Rename
            </button>
          ) : null}
          {isOwner && !collection.personal ? (
            confirmDelete ? (
              <>
                <button type="button" className="button danger small" onClick={() => void run(() => api.deleteCollection(collection.id))}>
                  Delete it and its {collection.documents} document{collection.documents === 1 ? '' : 's'}
                </button>
                <button type="button" className="button ghost small" onClick={() => setConfirmDelete(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" className="button ghost small" onClick={() => setConfirmDelete(true)}>
                Delete
              </button>
            )
          ) : null}
          {!isOwner && !collection.viaAdmin ? (
            <button type="button" className="button ghost small" onClick={() => void run(() => api.removeCollectionMember(collection.id, userId))}>
              Leave
            </button>
          ) : null}
        </div>
      </div>

      {renaming ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await api.renameCollection(collection.id, newName.trim());
              setRenaming(false);
            });
          }}
        >
          <label className="field grow">
            <span>Name</span>
            <input value={newName} maxLength={100} onChange={(event) => setNewName(event.target.value)} />
          </label>
          <button type="submit" className="button small" disabled={!newName.trim()}>
            Save
          </button>
        </form>
      ) : null}

      {collection.members.length > 0 ? (
        <DataTable caption={`Members of ${collection.name}`} columns={['Member', 'Role', ACTIONS]}>
          {collection.members.map((member) => (
            <tr key={member.userId}>
              <td>{member.email ?? member.userId}</td>
              <td>
                {isOwner ? (
                  <select
                    aria-label={`Role of ${member.email ?? member.userId}`}
                    value={member.role}
                    onChange={(event) => void run(() => api.addCollectionMember(collection.id, { userId: member.userId, role: event.target.value as CollectionMemberRole }))}
                  >
                    <option value="viewer">Viewer</option>
                    <option value="editor">Editor</option>
                  </select>
                ) : member.role === 'editor' ? (
                  'Editor'
                ) : (
                  'Viewer'
                )}
              </td>
              <td className="align-right">
                {isOwner ? (
                  <button type="button" className="button ghost small" aria-label={`Remove ${member.email ?? member.userId}`} onClick={() => void run(() => api.removeCollectionMember(collection.id, member.userId))}>
                    Remove
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}

      {isOwner ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await api.addCollectionMember(collection.id, { email: email.trim(), role });
              setEmail('');
            });
          }}
        >
          <label className="field grow">
            <span>Share with (email)</span>
            <input type="email" value={email} placeholder="colleague@example.com" onChange={(event) => setEmail(event.target.value)} />
          </label>
          <label className="field">
            <span>As</span>
            <select value={role} onChange={(event) => setRole(event.target.value as CollectionMemberRole)}>
              <option value="viewer">Viewer</option>
              <option value="editor">Editor</option>
            </select>
          </label>
          <button type="submit" className="button small" disabled={!email.trim()}>
            Share
          </button>
        </form>
      ) : null}
    </section>
  );
}
