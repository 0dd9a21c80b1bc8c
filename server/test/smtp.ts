import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server inside the test process: the product's mailer talks SMTP to it, and the test reads what
 * arrived. `refuseNext(to, n)` answers the next n messages to `to` with a temporary failure (451), as a busy
 * server would.
 */
export const startSmtpServer = async () => {
  const received: ParsedMail[] = [];
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: no certificate to trust in tests.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      simpleParser(stream)
        .then((mail) => {
          const left = refusals.get(to) ?? 0;
          if (left > 0) {
            refusals.set(to, left - 1);
            const err = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
            callback(err);
            return;
          }
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Refuses the next `n` messages to `to` with a temporary failure. */
    refuseNext(to: string, n: number) {
      refusals.set(to, n);
    },
    /** The messages sent to `to`, waiting up to `timeoutMs` for at least `count` to arrive. */
    async waitFor(to: string, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = received.filter((m) => m.to && JSON.stringify(m.to).includes(to));
        if (mine.length >= count) return mine;
        if (Date.now() > deadline)
          throw new Error(`no message to ${to} within ${timeoutMs} ms (${mine.length} of ${count})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** The secret link in a message's text (the product puts it on a line of its own). */
export const linkIn = (mail: ParsedMail): string => {
  const match = /https?:\/\/\S+\/set-password#[A-Za-z0-9_-]+/.exec(mail.text ?? '');
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[0];
};

export const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1);
