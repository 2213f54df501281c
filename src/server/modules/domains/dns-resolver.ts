import { Resolver } from 'node:dns/promises';

/** The two DNS questions domain verification asks; injected so tests never touch the network. */
export interface DomainResolver {
  resolveTxt(name: string): Promise<string[][]>;
  resolveCname(name: string): Promise<string[]>;
}

/** Shaped like the errors node:dns rejects with, so callers read one `code` vocabulary. */
export class DnsLookupError extends Error {
  constructor(
    readonly code: string,
    readonly hostname: string,
    readonly syscall: string,
  ) {
    super(`${syscall} ${code} ${hostname}`);
    this.name = 'DnsLookupError';
  }
}

function dnsName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

export interface SystemResolverOptions {
  /** Upper bound for one question, whatever the resolver's own retries do. */
  timeoutMs?: number;
  tries?: number;
  /** Name servers to ask instead of the system's (e.g. ['1.1.1.1', '8.8.8.8']). */
  servers?: string[];
}

/** The real resolver: the system's name servers through c-ares, with a hard deadline. */
export class SystemResolver implements DomainResolver {
  private readonly resolver: Resolver;
  private readonly timeoutMs: number;

  constructor(options: SystemResolverOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    const tries = options.tries ?? 2;
    this.resolver = new Resolver({ timeout: Math.ceil(this.timeoutMs / tries), tries });
    if (options.servers && options.servers.length > 0) this.resolver.setServers(options.servers);
  }

  resolveTxt(name: string): Promise<string[][]> {
    return this.withDeadline(this.resolver.resolveTxt(name), name, 'queryTxt');
  }

  resolveCname(name: string): Promise<string[]> {
    return this.withDeadline(this.resolver.resolveCname(name), name, 'queryCname');
  }

  private async withDeadline<T>(lookup: Promise<T>, name: string, syscall: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        lookup,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new DnsLookupError('ETIMEOUT', name, syscall)),
            this.timeoutMs,
          );
          timer.unref();
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * In-memory DNS for tests. A name with no records of any kind answers NXDOMAIN (ENOTFOUND);
 * a name with records of the other kind answers ENODATA, as a real server would.
 */
export class FakeResolver implements DomainResolver {
  /** Every question asked, as 'TXT name' or 'CNAME name', oldest first. */
  readonly lookups: string[] = [];
  private readonly txt = new Map<string, string[][]>();
  private readonly cname = new Map<string, string[]>();
  private readonly failures = new Map<string, Error>();

  /** Each value is one TXT record; pass an array to split a record into chunks. */
  setTxt(name: string, values: (string | string[])[]): this {
    this.txt.set(
      dnsName(name),
      values.map((v) => (Array.isArray(v) ? [...v] : [v])),
    );
    return this;
  }

  setCname(name: string, target: string | string[]): this {
    this.cname.set(dnsName(name), Array.isArray(target) ? [...target] : [target]);
    return this;
  }

  /** Every question about the name fails: a code such as 'ETIMEOUT', or any error. */
  fail(name: string, error: Error | string): this {
    this.failures.set(
      dnsName(name),
      typeof error === 'string' ? new DnsLookupError(error, dnsName(name), 'query') : error,
    );
    return this;
  }

  /** Forgets every record and failure for the name. */
  clear(name: string): this {
    const key = dnsName(name);
    this.txt.delete(key);
    this.cname.delete(key);
    this.failures.delete(key);
    return this;
  }

  async resolveTxt(name: string): Promise<string[][]> {
    const key = this.ask('TXT', name);
    const records = this.txt.get(key);
    if (records) return records.map((chunks) => [...chunks]);
    throw this.missing(key, 'queryTxt');
  }

  async resolveCname(name: string): Promise<string[]> {
    const key = this.ask('CNAME', name);
    const targets = this.cname.get(key);
    if (targets) return [...targets];
    throw this.missing(key, 'queryCname');
  }

  private ask(type: string, name: string): string {
    const key = dnsName(name);
    this.lookups.push(`${type} ${key}`);
    const failure = this.failures.get(key);
    if (failure) throw failure;
    return key;
  }

  private missing(key: string, syscall: string): DnsLookupError {
    const exists = this.txt.has(key) || this.cname.has(key);
    return new DnsLookupError(exists ? 'ENODATA' : 'ENOTFOUND', key, syscall);
  }
}
