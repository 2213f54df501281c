import { randomUUID } from 'node:crypto';
import type { RedisClients } from './redis.js';
import { INVALIDATION_CHANNEL } from './cache-keys.js';

export type InvalidationHandler = (keys: string[]) => void;

/**
 * Carries "forget these keys" to every node. Without Redis it is local only (one node).
 * With Redis, the publishing node evicts locally at once and every other node on receipt;
 * after a lost connection each node drops everything, since messages may have been missed.
 */
export class InvalidationBus {
  private readonly handlers: InvalidationHandler[] = [];
  private readonly resetHandlers: Array<() => void> = [];
  private readonly nodeId = randomUUID();
  private readonly channel: string;

  constructor(private readonly redis: RedisClients | null) {
    this.channel = `${redis?.prefix ?? ''}${INVALIDATION_CHANNEL}`;
    if (!redis) return;
    let hadConnection = false;
    redis.subscriber.on('ready', () => {
      if (hadConnection) for (const reset of this.resetHandlers) reset();
      hadConnection = true;
    });
    redis.subscriber.subscribe(this.channel).catch(() => undefined);
    redis.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        const parsed = JSON.parse(message) as { from?: string; keys?: unknown };
        if (parsed.from === this.nodeId || !Array.isArray(parsed.keys)) return;
        const keys = parsed.keys.filter((k): k is string => typeof k === 'string');
        for (const handler of this.handlers) handler(keys);
      } catch {
        // A malformed message is ignored; TTLs bound any staleness.
      }
    });
  }

  onInvalidate(handler: InvalidationHandler): void {
    this.handlers.push(handler);
  }

  onReset(handler: () => void): void {
    this.resetHandlers.push(handler);
  }

  async publish(keys: string[]): Promise<void> {
    for (const handler of this.handlers) handler(keys);
    if (!this.redis) return;
    try {
      if (keys.length > 0) await this.redis.command.del(...keys);
      await this.redis.command.publish(this.channel, JSON.stringify({ from: this.nodeId, keys }));
    } catch {
      // Redis is away: other nodes drop their caches when they reconnect, and TTLs cap the rest.
    }
  }
}
