'use client';
// The conversations beside the chat: search (titles and what was said), open, rename in place,
// delete (the chat view offers Undo). On small screens it opens as a panel over the chat.
import type { ConversationSearchHit, ConversationSummary } from '@switchyard/client';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { PencilIcon, PlusIcon, SearchIcon } from '../../../components/icons';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatRelative } from '../../../lib/format';

const SEARCH_DELAY_MS = 250;

interface ConversationListProps {
  conversations: ConversationSummary[] | null;
  activeId: string | null;
  open: boolean;
  onOpen: (id: string | null) => void;
  onRename: (id: string, title: string) => Promise<void>;
  onDelete: (conversation: ConversationSummary) => void;
  /** Bumped when the list changed, so a search shown is run again. */
  version: number;
}

export function ConversationList({ conversations, activeId, open, onOpen, onRename, onDelete, version }: ConversationListProps) {
  const [query, setQuery] = useState('');
  // The latest search's answer; shown while a query is typed (the list comes back when it is cleared).
  const [result, setResult] = useState<{ query: string; hits?: ConversationSearchHit[]; error?: string } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const searchId = useId();

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      api.searchConversations(trimmed).then(
        ({ conversations: found }) => !cancelled && setResult({ query: trimmed, hits: found }),
        (caught: unknown) => !cancelled && setResult({ query: trimmed, error: describeError(caught) }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query, version]);

  const searching = query.trim() !== '';
  const hits = searching ? (result?.hits ?? null) : null;
  const searchError = searching ? (result?.error ?? null) : null;
  const shown: (ConversationSummary & { match?: ConversationSearchHit['match'] })[] | null = hits ?? conversations;
  return (
    // A region, not a complementary landmark: it sits inside the page's <main>.
    <aside className={open ? 'conversation-list open' : 'conversation-list'} role="region" aria-label="Conversations" id="conversation-panel">
      <button type="button" className="button primary block" onClick={() => onOpen(null)}>
        <PlusIcon width={16} height={16} /> New chat
      </button>
      <div className="conversation-search" role="search">
        <SearchIcon width={15} height={15} />
        <label htmlFor={searchId} className="visually-hidden">
          Search conversations
        </label>
        <input id={searchId} type="search" placeholder="Search conversations" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      {searchError ? (
        <p className="form-error small" role="alert">
          {searchError}
        </p>
      ) : null}
      {hits ? (
        <p className="muted small conversation-search-status" role="status">
          {hits.length === 0 ? `No conversation mentions “${result?.query}”.` : `${hits.length} conversation${hits.length === 1 ? ' mentions' : 's mention'} “${result?.query}”.`}
        </p>
      ) : null}
      <ul>
        {shown === null ? <li className="muted small pad">Loading…</li> : null}
        {!hits && shown?.length === 0 ? <li className="muted small pad">No conversations yet.</li> : null}
        {shown?.map((conversation) =>
          renaming === conversation.id ? (
            <li key={conversation.id} className="conversation renaming">
              <RenameForm
                title={conversation.title}
                onCancel={() => setRenaming(null)}
                onSave={async (title) => {
                  await onRename(conversation.id, title);
                  setRenaming(null);
                }}
              />
            </li>
          ) : (
            <li key={conversation.id} className={conversation.id === activeId ? 'conversation active' : 'conversation'} data-testid="conversation-item">
              <button type="button" className="conversation-open" aria-current={conversation.id === activeId ? 'true' : undefined} onClick={() => onOpen(conversation.id)}>
                <span className="conversation-title">{conversation.title || 'Untitled'}</span>
                {conversation.match?.in === 'message' ? (
                  <span className="conversation-snippet" data-testid="conversation-snippet">
                    {conversation.match.snippet}
                  </span>
                ) : (
                  <span className="conversation-meta">{formatRelative(conversation.updatedAt)}</span>
                )}
              </button>
              <button type="button" className="icon-button" aria-label={`Rename conversation ${conversation.title}`} onClick={() => setRenaming(conversation.id)}>
                <PencilIcon width={14} height={14} />
              </button>
              <button type="button" className="icon-button" aria-label={`Delete conversation ${conversation.title}`} onClick={() => onDelete(conversation)}>
                ×
              </button>
            </li>
          ),
        )}
      </ul>
    </aside>
  );
}

function RenameForm({ title, onSave, onCancel }: { title: string; onSave: (title: string) => Promise<void>; onCancel: () => void }) {
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.select();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.trim()) return;
    setSaving(true);
    try {
      await onSave(draft.trim());
    } catch (caught) {
      setError(describeError(caught));
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') onCancel();
  }

  return (
    <form className="rename-form" onSubmit={(event) => void submit(event)}>
      <label className="visually-hidden" htmlFor="rename-conversation">
        New title
      </label>
      <input id="rename-conversation" ref={input} value={draft} maxLength={120} onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} disabled={saving} />
      <div className="rename-actions">
        <button type="submit" className="button primary small" disabled={saving || !draft.trim()}>
          Save
        </button>
        <button type="button" className="button ghost small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error ? (
        <p className="form-error small" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
