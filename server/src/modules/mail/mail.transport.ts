import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where e-mail leaves the product. One implementation (SMTP); the tests run a real SMTP server. */
export interface MailTransport {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * SMTP through nodemailer, from a URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465
 * (TLS from the start). Timeouts are short so that a mail server that hangs delays the outbox, not forever.
 */
export const createSmtpTransport = (smtpUrl: string, from: string): MailTransport => {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      const info = await transporter.sendMail({ from, ...message });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
};
