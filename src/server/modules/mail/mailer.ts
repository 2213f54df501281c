import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { mailOutbox } from './mail.table.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Every message is first written to the school's outbox in the same transaction as the change
 * that caused it (so an invitation never exists without its email, nor the reverse). After
 * commit, `deliver` hands it to SMTP when SMTP_URL is set; otherwise it stays in the outbox,
 * which admins can read when MAIL_OUTBOX_VISIBLE. The log carries the recipient and subject
 * only: bodies hold one-time links.
 */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Database,
    config: Config,
    private readonly log: FastifyBaseLogger,
  ) {
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
    this.from = config.mail.from;
  }

  private readonly from: string;

  async enqueue(tx: Tx, schoolId: string, message: MailMessage): Promise<string> {
    const id = newId();
    await tx.insert(mailOutbox).values({
      schoolId,
      id,
      toAddress: message.to,
      subject: message.subject,
      bodyText: message.text,
    });
    return id;
  }

  async deliver(schoolId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.db.withTenant(schoolId, (tx) =>
      tx.select().from(mailOutbox).where(inArray(mailOutbox.id, ids)),
    );
    for (const row of rows) {
      if (!this.transport) {
        this.log.info(
          { event: 'mail_kept_in_outbox', to: row.toAddress, subject: row.subject, mailId: row.id },
          'mail kept in the outbox',
        );
        continue;
      }
      try {
        await this.transport.sendMail({
          from: this.from,
          to: row.toAddress,
          subject: row.subject,
          text: row.bodyText,
        });
        await this.db.withTenant(schoolId, (tx) =>
          tx
            .update(mailOutbox)
            .set({ sentAt: new Date(), error: null })
            .where(and(eq(mailOutbox.id, row.id))),
        );
        this.log.info(
          { event: 'mail_sent', to: row.toAddress, subject: row.subject, mailId: row.id },
          'mail sent',
        );
      } catch (error) {
        const reason = (error as Error).message.slice(0, 500);
        await this.db.withTenant(schoolId, (tx) =>
          tx.update(mailOutbox).set({ error: reason }).where(eq(mailOutbox.id, row.id)),
        );
        this.log.warn(
          { event: 'mail_failed', to: row.toAddress, mailId: row.id, reason },
          'mail delivery failed',
        );
      }
    }
  }
}
