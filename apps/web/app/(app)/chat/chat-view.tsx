'use client';
import type { Citation, Complexity, ConversationBranch, ConversationDetail, ConversationSummary, ManagedProvider, Route, Sensitivity } from '@switchyard/client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CopyIcon, ListIcon, PencilIcon, PlusIcon, RegenerateIcon } from '../../../components/icons';
import { Markdown } from '../../../components/markdown';
import { RouteBadge } from '../../../components/route-badge';
import { useSession } from '../../../components/session';
import { answerAnnouncement, stoppedAnnouncement } from '../../../lib/announce';
import { api } from '../../../lib/api';
import { citationHref } from '../../../lib/citation-link';
import { DeltaPacer } from '../../../lib/delta-pacer';
import { describeError } from '../../../lib/describe-error';
import { formatRelative } from '../../../lib/format';
import { linkCitationMarkers } from '../../../lib/safe-url';
import { versionsAt, type VersionsAt } from '../../../lib/versions';
import { ConversationList } from './conversation-list';
import { ExtractiveOnlyBanner, hasGenerativeModel, ModelPicker } from './model-picker';
import { CollectionPicker } from '../../../components/collection-picker';

interface UiMessage {
  /** React key: stays the same when the stored id arrives. */
  key: string;
  /** The stored message id (needed to edit or regenerate from here); unknown while streaming. */
  id?: string;
  role: 'user' | 'assistant';
  content: string;
  createdAt: string;
  route?: Route;
  citations?: Citation[];
  costUsd?: number;
  cached?: boolean;
  latencyMs?: number;
  streaming?: boolean;
  /** How many streamed pieces made up the answer (0 for stored messages). */
  deltas?: number;
  /** How many times the growing answer was painted (frames with new text). */
  paints?: number;
  stopped?: boolean;
  error?: string;
}

/** A conversation deleted a moment ago, while Undo is offered. */
interface DeletedNotice {
  conversation: ConversationSummary;
  wasActive: boolean;
}

const suggestions = ['Summarize my most recent document', 'What are the key dates and deadlines?', 'Which documents mention pricing?'];
/** How long the Undo of a delete is offered (the server keeps the conversation for a day). */
const UNDO_MS = 12_000;

function conversationUrl(id: string | null): string {
  return id ? `/chat?c=${encodeURIComponent(id)}` : '/chat';
}

function toUiMessages(conversation: ConversationDetail): UiMessage[] {
  return conversation.messages.map((message) => ({
    key: message.id,
    id: message.id,
    role: message.role,
    content: message.content,
    createdAt: message.createdAt,
    route: message.route,
    citations: message.citations,
    costUsd: message.costUsd,
    cached: message.cached,
    latencyMs: message.latencyMs,
  }));
}

export function ChatView({ initialConversationId }: { initialConversationId: string | null }) {
  const { user } = useSession();
  const [conversations, setConversations] = useState<ConversationSummary[] | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const [panelOpen, setPanelOpen] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(initialConversationId);
  const [messages, setMessages] = useState<UiMessage[]>([]);
  const [branches, setBranches] = useState<ConversationBranch[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [input, setInput] = useState('');
  const [sensitivity, setSensitivity] = useState<Sensitivity | ''>('');
  const [complexity, setComplexity] = useState<Complexity | ''>('');
  const [useDocuments, setUseDocuments] = useState(true);
  /** null: every collection the user owns or is a member of. */
  const [collectionIds, setCollectionIds] = useState<string[] | null>(null);
  const [providers, setProviders] = useState<ManagedProvider[] | null>(null);
  const [streaming, setStreaming] = useState(false);
  /** Answers completed on this page (tests wait on it: a regenerate replaces an answer in place). */
  const [answersDone, setAnswersDone] = useState(0);
  const [editing, setEditing] = useState<{ key: string; draft: string } | null>(null);
  /** A version is being brought back: the switchers wait for it. */
  const [switching, setSwitching] = useState(false);
  const [deleted, setDeleted] = useState<DeletedNotice | null>(null);
  // What the status region says: set once per answer (done or stopped), never per streamed piece.
  const [announcement, setAnnouncement] = useState<{ key: string; text: string } | null>(null);
  // Short confirmations of actions (copied, renamed, restored), in their own status region.
  const [feedback, setFeedback] = useState<{ key: number; text: string } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const pacerRef = useRef<DeltaPacer | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const stickToBottom = useRef(true);

  const say = useCallback((text: string) => setFeedback({ key: Date.now(), text }), []);

  const refreshConversations = useCallback(async () => {
    try {
      const { conversations: list } = await api.listConversations();
      setConversations(list);
      setListVersion((version) => version + 1);
    } catch (caught) {
      setLoadError(describeError(caught));
    }
  }, []);

  const showConversation = useCallback((conversation: ConversationDetail) => {
    setMessages(toUiMessages(conversation));
    setBranches(conversation.branches);
  }, []);

  const openConversation = useCallback(
    async (id: string | null) => {
      abortRef.current?.abort();
      pacerRef.current?.cancel();
      setActiveId(id);
      setLoadError(null);
      setAnnouncement(null);
      setEditing(null);
      setPanelOpen(false);
      window.history.replaceState(null, '', conversationUrl(id));
      if (!id) {
        setMessages([]);
        setBranches([]);
        inputRef.current?.focus();
        return;
      }
      try {
        const { conversation } = await api.getConversation(id);
        stickToBottom.current = true;
        showConversation(conversation);
        inputRef.current?.focus();
      } catch (caught) {
        setMessages([]);
        setBranches([]);
        setLoadError(describeError(caught));
      }
    },
    [showConversation],
  );

  useEffect(() => {
    void refreshConversations();
    api
      .providers()
      .then(({ providers: list }) => setProviders(list))
      .catch(() => setProviders([])); // used to label local models and for the banner; the route's tier is the fallback
    if (initialConversationId) void openConversation(initialConversationId);
    return () => {
      abortRef.current?.abort();
      pacerRef.current?.cancel();
    };
  }, [refreshConversations, openConversation, initialConversationId]);

  // Follow the answer as it streams, unless the reader scrolled up.
  useEffect(() => {
    const element = scrollRef.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

  useEffect(() => {
    if (!deleted) return;
    const timer = window.setTimeout(() => setDeleted(null), UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [deleted]);

  function onScroll() {
    const element = scrollRef.current;
    if (!element) return;
    stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
  }

  function updateLast(patch: (message: UiMessage) => UiMessage) {
    setMessages((current) => {
      const last = current.at(-1);
      if (!last || last.role !== 'assistant') return current;
      return [...current.slice(0, -1), patch(last)];
    });
  }

  /** After an answer: the stored ids (to edit or regenerate from) and versions, keeping what is shown. */
  async function syncStored(id: string) {
    try {
      const { conversation } = await api.getConversation(id);
      setBranches(conversation.branches);
      setMessages((current) => {
        if (current.length !== conversation.messages.length) return toUiMessages(conversation);
        return current.map((message, index) => {
          const stored = conversation.messages[index]!;
          return { ...message, id: stored.id, createdAt: stored.createdAt };
        });
      });
    } catch {
      // The answer is shown; only editing it needs the ids, and the next load brings them.
    }
  }

  async function send(text: string, options: { regenerate?: boolean } = {}) {
    const message = text.trim();
    if (!message || streaming) return;
    const controller = new AbortController();
    abortRef.current = controller;
    stickToBottom.current = true;
    setInput('');
    setStreaming(true);
    setAnnouncement(null);
    const stamp = Date.now();
    const now = new Date(stamp).toISOString();
    setMessages((current) => [
      ...current,
      { key: `user-${stamp}`, role: 'user', content: message, createdAt: now },
      { key: `assistant-${stamp}`, role: 'assistant', content: '', createdAt: now, streaming: true },
    ]);
    const pacer = new DeltaPacer((pieces) =>
      updateLast((last) => ({ ...last, content: last.content + pieces.join(''), deltas: (last.deltas ?? 0) + pieces.length, paints: (last.paints ?? 0) + 1 })),
    );
    pacerRef.current = pacer;
    let conversationId = activeId;
    let completed = false;
    try {
      const stream = api.chatStream(
        {
          message,
          conversationId: conversationId ?? undefined,
          sensitivity: sensitivity || undefined,
          complexity: complexity || undefined,
          useDocuments,
          ...(useDocuments && collectionIds ? { collectionIds } : {}),
          ...(options.regenerate ? { regenerate: true } : {}),
        },
        controller.signal,
      );
      for await (const event of stream) {
        if (event.event === 'route') {
          if (!conversationId) {
            conversationId = event.data.conversationId;
            setActiveId(conversationId);
            window.history.replaceState(null, '', conversationUrl(conversationId));
          }
          updateLast((last) => ({ ...last, route: event.data.route }));
        } else if (event.event === 'delta') {
          pacer.push(event.data.text);
        } else if (event.event === 'citations') {
          updateLast((last) => ({ ...last, citations: event.data.citations }));
        } else if (event.event === 'done') {
          const done = event.data;
          await pacer.idle();
          if (controller.signal.aborted) break;
          completed = true;
          updateLast((last) => ({
            ...last,
            id: done.messageId,
            content: done.answer,
            route: done.route,
            citations: done.citations,
            costUsd: done.costUsd,
            cached: done.cached,
            latencyMs: done.latencyMs,
            streaming: false,
          }));
          setAnnouncement({ key: done.messageId, text: answerAnnouncement(done.answer) });
          setAnswersDone((count) => count + 1);
        } else if (event.event === 'error') {
          pacer.flush();
          const failure = event.data.error;
          updateLast((last) => ({ ...last, streaming: false, error: describeError(new Error(failure.message)) }));
        }
      }
      pacer.flush();
      updateLast((last) => (last.streaming ? { ...last, streaming: false, stopped: controller.signal.aborted } : last));
    } catch (caught) {
      pacer.flush();
      const aborted = controller.signal.aborted;
      updateLast((last) => ({ ...last, streaming: false, stopped: aborted, error: aborted ? undefined : describeError(caught) }));
    } finally {
      abortRef.current = null;
      pacerRef.current = null;
      setStreaming(false);
      void refreshConversations();
      if (completed && conversationId) void syncStored(conversationId);
      inputRef.current?.focus();
    }
  }

  function stop() {
    if (!abortRef.current) return;
    abortRef.current.abort();
    setAnnouncement({ key: `stopped-${Date.now()}`, text: stoppedAnnouncement });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(input);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send(input);
    }
  }

  /** Starts a new version at a stored message, then asks again (edited text, or the same question). */
  async function resendFrom(messageId: string, text: string | null) {
    if (!activeId || streaming) return;
    try {
      const fork = await api.forkConversation(activeId, messageId);
      setEditing(null);
      showConversation(fork.conversation);
      await send(text ?? fork.message, { regenerate: text === null });
    } catch (caught) {
      setLoadError(describeError(caught));
    }
  }

  async function showVersion(branchId: string) {
    if (!activeId || streaming || switching) return;
    setSwitching(true);
    try {
      const { conversation } = await api.activateBranch(activeId, branchId);
      showConversation(conversation);
      setAnnouncement(null);
    } catch (caught) {
      setLoadError(describeError(caught));
    } finally {
      setSwitching(false);
    }
  }

  async function copy(message: UiMessage) {
    try {
      await navigator.clipboard.writeText(message.content);
      say(message.role === 'assistant' ? 'Answer copied' : 'Question copied');
    } catch {
      say('Copying is not allowed here; select the text to copy it');
    }
  }

  async function rename(id: string, title: string) {
    const { conversation } = await api.renameConversation(id, title);
    setConversations((current) => current?.map((item) => (item.id === id ? { ...item, title: conversation.title } : item)) ?? current);
    setListVersion((version) => version + 1);
    say(`Renamed to “${conversation.title}”`);
  }

  async function remove(conversation: ConversationSummary) {
    try {
      await api.deleteConversation(conversation.id);
      const wasActive = conversation.id === activeId;
      setDeleted({ conversation, wasActive });
      if (wasActive) await openConversation(null);
      await refreshConversations();
    } catch (caught) {
      setLoadError(describeError(caught));
    }
  }

  async function undoDelete() {
    if (!deleted) return;
    const { conversation, wasActive } = deleted;
    setDeleted(null);
    try {
      await api.restoreConversation(conversation.id);
      await refreshConversations();
      say(`Restored “${conversation.title}”`);
      if (wasActive) await openConversation(conversation.id);
    } catch (caught) {
      setLoadError(describeError(caught));
    }
  }

  const onlyExtractive = providers !== null && providers.length > 0 && !hasGenerativeModel(providers);
  const trailingVersions = versionsAt(messages, branches, messages.length);
  return (
    <div className="chat-layout">
      <ConversationList
        conversations={conversations}
        activeId={activeId}
        open={panelOpen}
        onOpen={(id) => void openConversation(id)}
        onRename={rename}
        onDelete={(conversation) => void remove(conversation)}
        version={listVersion}
      />

      <section className="chat-main" aria-label="Chat">
        {/* Small screens hide the conversation list (globals.css): the same choices, as one native select. */}
        <div className="chat-switcher">
          <label htmlFor="conversation-select" className="visually-hidden">
            Conversation
          </label>
          <select id="conversation-select" value={activeId ?? ''} onChange={(event) => void openConversation(event.target.value || null)}>
            <option value="">New conversation</option>
            {activeId && conversations && !conversations.some((conversation) => conversation.id === activeId) ? <option value={activeId}>This conversation</option> : null}
            {conversations?.map((conversation) => (
              <option key={conversation.id} value={conversation.id}>
                {`${conversation.title || 'Untitled'} · ${formatRelative(conversation.updatedAt)}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button ghost small"
            aria-expanded={panelOpen}
            aria-controls="conversation-panel"
            aria-label="Manage conversations"
            onClick={() => setPanelOpen((open) => !open)}
          >
            <ListIcon width={16} height={16} />
          </button>
          <button type="button" className="button primary small" onClick={() => void openConversation(null)}>
            <PlusIcon width={16} height={16} /> New chat
          </button>
        </div>
        {/* Screen readers hear each answer once, when it is complete (the list itself is not live). */}
        <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="chat-announcer">
          {announcement ? <p key={announcement.key}>{announcement.text}</p> : null}
        </div>
        <div className="visually-hidden" role="status" aria-live="polite" data-testid="chat-feedback">
          {feedback ? <p key={feedback.key}>{feedback.text}</p> : null}
        </div>
        {deleted ? (
          <div className="toast" data-testid="undo-toast">
            <span>Deleted “{deleted.conversation.title}”.</span>
            <button type="button" className="button small" onClick={() => void undoDelete()}>
              Undo
            </button>
          </div>
        ) : null}
        <div className="messages" ref={scrollRef} onScroll={onScroll} aria-busy={streaming} data-answers-done={answersDone}>
          {onlyExtractive ? <ExtractiveOnlyBanner admin={user.role === 'admin'} /> : null}
          {loadError ? (
            <p className="banner error" role="alert">
              {loadError}
            </p>
          ) : null}
          {messages.length === 0 && !trailingVersions ? (
            <div className="empty-chat">
              <h1>Ask your documents</h1>
              <p className="muted">
                Answers cite the passages they come from. Anything sensitive (like an email address or a confidential document) is answered by a local model and never leaves this server.
              </p>
              <div className="suggestions">
                {suggestions.map((suggestion) => (
                  <button key={suggestion} type="button" className="suggestion" onClick={() => void send(suggestion)}>
                    {suggestion}
                  </button>
                ))}
              </div>
            </div>
          ) : (
            <>
              <h1 className="visually-hidden">{conversations?.find((conversation) => conversation.id === activeId)?.title ?? 'Chat'}</h1>
              <ol className="message-list">
                {messages.map((message, index) => (
                  <li key={message.key} className={`message ${message.role}`} data-testid={`message-${message.role}`}>
                    {message.role === 'user' ? (
                      <UserMessage
                        message={message}
                        versions={versionsAt(messages, branches, index)}
                        busy={streaming || switching}
                        editing={editing?.key === message.key ? editing.draft : null}
                        onEdit={() => setEditing({ key: message.key, draft: message.content })}
                        onDraft={(draft) => setEditing({ key: message.key, draft })}
                        onCancel={() => setEditing(null)}
                        onResend={(draft) => message.id && void resendFrom(message.id, draft)}
                        onCopy={() => void copy(message)}
                        onVersion={(branchId) => void showVersion(branchId)}
                      />
                    ) : (
                      <AssistantMessage
                        message={message}
                        providers={providers ?? []}
                        busy={streaming}
                        onCopy={() => void copy(message)}
                        onRegenerate={() => message.id && void resendFrom(message.id, null)}
                      />
                    )}
                  </li>
                ))}
              </ol>
              {trailingVersions ? (
                <div className="message-list trailing-versions">
                  <p className="muted small">This question was being asked again when the answer stopped.</p>
                  <VersionSwitcher versions={trailingVersions} busy={streaming || switching} onVersion={(branchId) => void showVersion(branchId)} />
                </div>
              ) : null}
            </>
          )}
        </div>

        <form className="composer" onSubmit={onSubmit}>
          <div className="composer-controls">
            <label className="inline-field">
              <span>Sensitivity</span>
              <select value={sensitivity} onChange={(e) => setSensitivity(e.target.value as Sensitivity | '')}>
                <option value="">Detect</option>
                <option value="public">Public</option>
                <option value="internal">Internal</option>
                <option value="confidential">Confidential</option>
              </select>
            </label>
            <ModelPicker value={complexity} onChange={setComplexity} sensitivity={sensitivity} disabled={streaming} />
            <label className="inline-check">
              <input type="checkbox" checked={useDocuments} onChange={(e) => setUseDocuments(e.target.checked)} />
              <span>Use my documents</span>
            </label>
            {useDocuments ? <CollectionPicker value={collectionIds} onChange={setCollectionIds} disabled={streaming} /> : null}
          </div>
          <div className="composer-row">
            <label htmlFor="chat-input" className="visually-hidden">
              Message
            </label>
            <textarea
              id="chat-input"
              ref={inputRef}
              rows={2}
              placeholder="Ask a question…"
              title="Enter sends, Shift+Enter starts a new line"
              value={input}
              // The page is for asking: the cursor starts in the message box.
              autoFocus
              onChange={(e) => setInput(e.target.value)}
              onKeyDown={onKeyDown}
            />
            {streaming ? (
              <button type="button" className="button danger" onClick={stop}>
                Stop
              </button>
            ) : (
              <button type="submit" className="button primary" disabled={!input.trim()}>
                Send
              </button>
            )}
          </div>
        </form>
      </section>
    </div>
  );
}

function VersionSwitcher({ versions, busy, onVersion }: { versions: VersionsAt; busy: boolean; onVersion: (branchId: string) => void }) {
  const { choices, current } = versions;
  const previous = choices[current - 1];
  const next = choices[current + 1];
  const total = choices.length + (current === choices.length ? 1 : 0);
  return (
    <div className="version-switcher" data-testid="version-switcher">
      <button type="button" className="icon-button" aria-label="Previous version" disabled={busy || !previous?.branchId} onClick={() => previous?.branchId && onVersion(previous.branchId)}>
        ‹
      </button>
      <span className="small muted" data-testid="version-position">
        Version {current + 1} of {total}
      </span>
      <button type="button" className="icon-button" aria-label="Next version" disabled={busy || !next?.branchId} onClick={() => next?.branchId && onVersion(next.branchId)}>
        ›
      </button>
    </div>
  );
}

function UserMessage(props: {
  message: UiMessage;
  versions: VersionsAt | undefined;
  busy: boolean;
  editing: string | null;
  onEdit: () => void;
  onDraft: (draft: string) => void;
  onCancel: () => void;
  onResend: (draft: string) => void;
  onCopy: () => void;
  onVersion: (branchId: string) => void;
}) {
  const { message, versions, busy, editing } = props;
  if (editing !== null) {
    return (
      <form
        className="edit-message"
        onSubmit={(event) => {
          event.preventDefault();
          if (editing.trim()) props.onResend(editing);
        }}
      >
        <label htmlFor={`edit-${message.key}`} className="visually-hidden">
          Edit your question
        </label>
        <textarea
          id={`edit-${message.key}`}
          value={editing}
          rows={3}
          autoFocus
          onChange={(event) => props.onDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') props.onCancel();
          }}
        />
        <div className="button-row">
          <button type="button" className="button ghost small" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary small" disabled={busy || !editing.trim()}>
            Send edited question
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="user-block">
      <div className="bubble user-bubble">{message.content}</div>
      <div className="message-actions">
        {versions ? <VersionSwitcher versions={versions} busy={busy} onVersion={props.onVersion} /> : null}
        <button type="button" className="action-button" onClick={props.onCopy} aria-label="Copy question">
          <CopyIcon width={14} height={14} />
        </button>
        <button type="button" className="action-button" onClick={props.onEdit} disabled={busy || !message.id} aria-label="Edit question">
          <PencilIcon width={14} height={14} /> <span>Edit</span>
        </button>
      </div>
    </div>
  );
}

function AssistantMessage({ message, providers, busy, onCopy, onRegenerate }: { message: UiMessage; providers: ManagedProvider[]; busy: boolean; onCopy: () => void; onRegenerate: () => void }) {
  const citations = message.citations ?? [];
  const anchor = `cite-${message.key}`;
  return (
    <div className="assistant-block">
      <RouteBadge route={message.route} providers={providers} costUsd={message.costUsd} cached={message.cached} latencyMs={message.latencyMs} pending={message.streaming} />
      <div className="bubble assistant-bubble" data-testid="answer" data-deltas={message.deltas ?? 0} data-paints={message.paints ?? 0}>
        {message.content ? <Markdown text={linkCitationMarkers(message.content, citations.length, anchor)} citations={citations} citationAnchor={anchor} /> : null}
        {message.streaming ? <span className="typing" aria-label="Answer is being written" /> : null}
        {message.stopped ? <p className="note">Stopped before the answer was complete.</p> : null}
        {message.error ? (
          <p className="banner error" role="alert">
            {message.error}
          </p>
        ) : null}
      </div>
      {!message.streaming ? (
        <div className="message-actions">
          <button type="button" className="action-button" onClick={onCopy} disabled={!message.content} aria-label="Copy answer">
            <CopyIcon width={14} height={14} /> <span>Copy</span>
          </button>
          <button type="button" className="action-button" onClick={onRegenerate} disabled={busy || !message.id} aria-label="Regenerate answer">
            <RegenerateIcon width={14} height={14} /> <span>Regenerate</span>
          </button>
        </div>
      ) : null}
      {citations.length > 0 ? (
        <ol className="citations" aria-label="Sources">
          {citations.map((citation, index) => (
            <li key={`${citation.id}-${index}`} id={`${anchor}-${index + 1}`}>
              <Link href={citationHref(citation)} className="citation" data-testid="citation">
                <span className="citation-number">{index + 1}</span>
                <span className="citation-body">
                  <span className="citation-title">
                    {citation.title} <span className="muted">· passage {citation.chunkIndex + 1}</span>
                  </span>
                  <span className="citation-quote">{citation.quote}</span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
