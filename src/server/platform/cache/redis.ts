import { Redis } from 'ioredis';

export interface RedisClients {
  /** Prepended to every key and channel, so deployments (or test files) can share a server. */
  prefix: string;
  command: Redis;
  subscriber: Redis;
  close(): Promise<void>;
}

// Redis is an accelerator, never a dependency for correctness: commands fail fast while it is
// away (no offline queue, short timeout) and callers fall back to the database.
export function createRedisClients(
  url: string,
  prefix: string,
  onError: (error: Error) => void,
): RedisClients {
  const options = {
    lazyConnect: false,
    keyPrefix: prefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: 2_000,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  };
  const command = new Redis(url, options);
  // The subscriber needs its offline queue so SUBSCRIBE is replayed after a reconnect.
  const subscriber = new Redis(url, {
    ...options,
    enableOfflineQueue: true,
    commandTimeout: undefined,
  });
  command.on('error', onError);
  subscriber.on('error', onError);
  return {
    prefix,
    command,
    subscriber,
    async close() {
      command.disconnect();
      subscriber.disconnect();
    },
  };
}
