// Fan-out of document change events: one Redis subscriber connection per API process, however
// many browsers watch documents. Channels are subscribed while someone listens and unsubscribed
// when the last listener leaves.
import type { Redis } from 'ioredis';

type Listener = (message: string) => void;

export class DocumentEventsHub {
  private subscriber: Redis | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();
  /** The SUBSCRIBE of each channel, so a second listener also waits until it is confirmed. */
  private readonly subscribed = new Map<string, Promise<unknown>>();

  constructor(private readonly redis: Redis) {}

  private connection(): Redis {
    if (!this.subscriber) {
      // Subscriptions may wait for a reconnect (and are restored after one): queue, do not fail fast.
      const subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
      subscriber.on('error', () => undefined); // the command connection reports outages
      subscriber.on('message', (channel: string, message: string) => {
        for (const listener of this.listeners.get(channel) ?? []) listener(message);
      });
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }

  /** Listens to a channel; resolves once subscribed with a function that stops listening. */
  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.subscribed.set(channel, this.connection().subscribe(channel));
    }
    set.add(listener);
    try {
      await this.subscribed.get(channel);
    } catch (error) {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(channel);
        this.subscribed.delete(channel);
      }
      throw error;
    }
    return () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(channel);
        this.subscribed.delete(channel);
        this.subscriber?.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  get channelCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.subscribed.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }
}
