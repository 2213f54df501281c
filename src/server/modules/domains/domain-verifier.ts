import type { FastifyBaseLogger } from 'fastify';
import { checkDueDomains, type DomainDeps, type DueCheckSummary } from './domains.service.js';

export interface DomainVerifierOptions {
  intervalMs?: number;
  batchSize?: number;
  /** DNS questions in flight at once within a batch. */
  concurrency?: number;
}

/**
 * Re-checks pending domains in the background on every node. Runs never overlap (the next one
 * is scheduled only after the previous finished), nodes never check the same domain twice (the
 * batch is claimed in the database), and nothing it meets can crash the process.
 */
export class DomainVerifier {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DueCheckSummary> | null = null;
  private started = false;

  constructor(
    private readonly deps: DomainDeps,
    private readonly log: FastifyBaseLogger,
    options: DomainVerifierOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.batchSize = options.batchSize ?? 50;
    this.concurrency = options.concurrency ?? 8;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule();
  }

  /** Stops scheduling and waits for a run in progress, so the database can close after. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over the due domains; joins the pass in progress rather than starting another. */
  runOnce(): Promise<DueCheckSummary> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce().finally(() => this.schedule());
    }, this.intervalMs);
    // A pending check is no reason to keep the process alive.
    this.timer.unref();
  }

  private async run(): Promise<DueCheckSummary> {
    try {
      const summary = await checkDueDomains(this.deps, {
        batchSize: this.batchSize,
        concurrency: this.concurrency,
      });
      for (const { hostname, error } of summary.errors) {
        this.log.error({ err: error, hostname }, 'custom domain check failed');
      }
      if (summary.claimed > 0) {
        this.log.info(
          {
            checked: summary.claimed,
            verified: summary.verified,
            failed: summary.failed,
            errors: summary.errors.length,
          },
          'custom domains checked',
        );
      }
      return summary;
    } catch (error) {
      this.log.error({ err: error }, 'custom domain verifier run failed');
      return { claimed: 0, verified: [], failed: [], errors: [] };
    }
  }
}
