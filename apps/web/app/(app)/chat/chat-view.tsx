'use client';
import type { Citation, Complexity, ConversationSummary, Provider, Route, Sensitivity } from '@switchyard/client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { PlusIcon } from '../../../components/icons';
import { Markdown } from '../../../components/markdown';
import { RouteBadge } from '../../../components/route-badge';
import { answerAnnouncement, stoppedAnnouncement } from '../../../lib/announce';
import { api } from '../../../lib/api';
import { citationHref } from '../../../lib/citation-link';
import { describeError } from '../../../lib/describe-error';
import { formatRelative } from '../../../lib/format';
import { linkCitationMarkers } from '../../../lib/safe-url';

interface UiMessage {
  key: string;
  role: 'user' | 'assistant';
  content: string;
  route?: Route;
  citations?: Citation[];
  costUsd?: number;
  cached?: boolean;
  latencyMs?: number;
  streaming?: boolean;
  /** How many streamed pieces made up the answer (0 for stored messages). */
  deltas?: number;
  stopped?: boolean;
  error?: string;
}

const suggestions = ['Summarize my most recent document', 'What are the key dates and deadlines?', 'Which documents mention pricing?'];

function conversationUrl(id: string | null): string {
  return id ? `/chat?c=${encodeURIComponent(id)}` : '/chat';
}

export function ChatView({ initialConversationId }: { initialConversationId: string | null }) {
  const [conversations, setConversations] = useState<ConversationSummary[] | null>(null);
  const [activeId, setActiveId] = useState<string | null>(initialConversationId);
  const [messages, setMessages] = useState<UiMessage[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [input, setInput] = useState('');
  const [sensitivity, setSensitivity] = useState<Sensitivity | ''>('');
  const [complexity, setComplexity] = useState<Complexity | ''>('');
  const [useDocuments, setUseDocuments] = useState(true);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [streaming, setStreaming] = useState(false);
  // What the status region says: set once per answer (done or stopped), never per streamed piece.
  const [announcement, setAnnouncement] = useState<{ key: string; text: string } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const stickToBottom = useRef(true);

  const refreshConversations = useCallback(async () => {
    try {
      const { conversations: list } = await api.listConversations();
      setConversations(list);
    } catch (caught) {
      setLoadError(describeError(caught));
    }
  }, []);

  const openConversation = useCallback(async (id: string | null) => {
    abortRef.current?.abort();
    setActiveId(id);
    setLoadError(null);
    setAnnouncement(null);
    window.history.replaceState(null, '', conversationUrl(id));
    if (!id) {
      setMessages([]);
      inputRef.current?.focus();
      return;
    }
    try {
      const { conversation } = await api.getConversation(id);
      stickToBottom.current = true;
      setMessages(
        conversation.messages.map((message) => ({
          key: message.id,
          role: message.role,
          content: message.content,
          route: message.route,
          citations: message.citations,
          costUsd: message.costUsd,
          cached: message.cached,
          latencyMs: message.latencyMs,
        })),
      );
    } catch (caught) {
      setMessages([]);
      setLoadError(describeError(caught));
    }
  }, []);

  useEffect(() => {
    void refreshConversations();
    api
      .providers()
      .then(({ providers: list }) => setProviders(list))
      .catch(() => undefined); // only used to label local models; the route's tier is the fallback
    if (initialConversationId) void openConversation(initialConversationId);
    return () => abortRef.current?.abort();
  }, [refreshConversations, openConversation, initialConversationId]);

  // Follow the answer as it streams, unless the reader scrolled up.
  useEffect(() => {
    const element = scrollRef.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

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

  async function send(text: string) {
    const message = text.trim();
    if (!message || streaming) return;
    const controller = new AbortController();
    abortRef.current = controller;
    stickToBottom.current = true;
    setInput('');
    setStreaming(true);
    const stamp = Date.now();
    setMessages((current) => [
      ...current,
      { key: `user-${stamp}`, role: 'user', content: message },
      { key: `assistant-${stamp}`, role: 'assistant', content: '', streaming: true },
    ]);
    let conversationId = activeId;
    try {
      const stream = api.chatStream(
        {
          message,
          conversationId: conversationId ?? undefined,
          sensitivity: sensitivity || undefined,
          complexity: complexity || undefined,
          useDocuments,
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
          const piece = event.data.text;
          updateLast((last) => ({ ...last, content: last.content + piece, deltas: (last.deltas ?? 0) + 1 }));
        } else if (event.event === 'citations') {
          updateLast((last) => ({ ...last, citations: event.data.citations }));
        } else if (event.event === 'done') {
          const done = event.data;
          updateLast((last) => ({
            ...last,
            key: done.messageId,
            content: done.answer,
            route: done.route,
            citations: done.citations,
            costUsd: done.costUsd,
            cached: done.cached,
            latencyMs: done.latencyMs,
            streaming: false,
          }));
          setAnnouncement({ key: done.messageId, text: answerAnnouncement(done.answer) });
        } else if (event.event === 'error') {
          const failure = event.data.error;
          updateLast((last) => ({ ...last, streaming: false, error: describeError(new Error(failure.message)) }));
        }
      }
      updateLast((last) => (last.streaming ? { ...last, streaming: false, stopped: controller.signal.aborted } : last));
    } catch (caught) {
      const aborted = controller.signal.aborted;
      updateLast((last) => ({ ...last, streaming: false, stopped: aborted, error: aborted ? undefined : describeError(caught) }));
    } finally {
      abortRef.current = null;
      setStreaming(false);
      void refreshConversations();
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

  async function removeConversation(id: string) {
    try {
      await api.deleteConversation(id);
      if (id === activeId) await openConversation(null);
      await refreshConversations();
    } catch (caught) {
      setLoadError(describeError(caught));
    }
  }

  return (
    <div className="chat-layout">
      <aside className="conversation-list" aria-label="Conversations">
        <button type="button" className="button primary block" onClick={() => void openConversation(null)}>
          <PlusIcon width={16} height={16} /> New chat
        </button>
        <ul>
          {conversations === null ? <li className="muted small pad">Loading…</li> : null}
          {conversations?.length === 0 ? <li className="muted small pad">No conversations yet.</li> : null}
          {conversations?.map((conversation) => (
            <li key={conversation.id} className={conversation.id === activeId ? 'conversation active' : 'conversation'}>
              <button
                type="button"
                className="conversation-open"
                aria-current={conversation.id === activeId ? 'true' : undefined}
                onClick={() => void openConversation(conversation.id)}
              >
                <span className="conversation-title">{conversation.title || 'Untitled'}</span>
                <span className="conversation-meta">{formatRelative(conversation.updatedAt)}</span>
              </button>
              <button type="button" className="icon-button" aria-label={`Delete conversation ${conversation.title}`} onClick={() => void removeConversation(conversation.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </aside>

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
          <button type="button" className="button primary small" onClick={() => void openConversation(null)}>
            <PlusIcon width={16} height={16} /> New chat
          </button>
        </div>
        {/* Screen readers hear each answer once, when it is complete (the list itself is not live). */}
        <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="chat-announcer">
          {announcement ? <p key={announcement.key}>{announcement.text}</p> : null}
        </div>
        <div className="messages" ref={scrollRef} onScroll={onScroll} aria-busy={streaming}>
          {loadError ? (
            <p className="banner error" role="alert">
              {loadError}
            </p>
          ) : null}
          {messages.length === 0 ? (
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
            <ol className="message-list">
              {messages.map((message) => (
                <li key={message.key} className={`message ${message.role}`} data-testid={`message-${message.role}`}>
                  {message.role === 'user' ? (
                    <div className="bubble user-bubble">{message.content}</div>
                  ) : (
                    <AssistantMessage message={message} providers={providers} />
                  )}
                </li>
              ))}
            </ol>
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
            <label className="inline-field">
              <span>Complexity</span>
              <select value={complexity} onChange={(e) => setComplexity(e.target.value as Complexity | '')}>
                <option value="">Estimate</option>
                <option value="simple">Simple</option>
                <option value="moderate">Moderate</option>
                <option value="complex">Complex</option>
              </select>
            </label>
            <label className="inline-check">
              <input type="checkbox" checked={useDocuments} onChange={(e) => setUseDocuments(e.target.checked)} />
              <span>Use my documents</span>
            </label>
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

function AssistantMessage({ message, providers }: { message: UiMessage; providers: Provider[] }) {
  const citations = message.citations ?? [];
  const anchor = `cite-${message.key}`;
  return (
    <div className="assistant-block">
      <RouteBadge route={message.route} providers={providers} costUsd={message.costUsd} cached={message.cached} latencyMs={message.latencyMs} pending={message.streaming} />
      <div className="bubble assistant-bubble" data-testid="answer" data-deltas={message.deltas ?? 0}>
        {message.content ? <Markdown text={linkCitationMarkers(message.content, citations.length, anchor)} /> : null}
        {message.streaming ? <span className="typing" aria-label="Answer is being written" /> : null}
        {message.stopped ? <p className="note">Stopped before the answer was complete.</p> : null}
        {message.error ? (
          <p className="banner error" role="alert">
            {message.error}
          </p>
        ) : null}
      </div>
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
