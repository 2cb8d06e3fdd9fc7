import type { Metadata } from 'next';
import { ChatView } from './chat-view';

export const metadata: Metadata = { title: 'Chat' };

export default async function ChatPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { c } = await searchParams;
  return <ChatView initialConversationId={typeof c === 'string' ? c : null} />;
}
