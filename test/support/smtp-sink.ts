import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll } from "vitest";

import { createMailTransport } from "@calcom/app-store/session-checkout/emails/mail-transport";

/** A real SMTP server in the test process: it receives, parses and keeps every message; it can be told to refuse. */
export async function startSmtpSink() {
  const received: ParsedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          if (refusing) return done(Object.assign(new Error("451 Try again later"), { responseCode: 451 }));
          received.push(mail);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuse(on: boolean) {
      refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * For a test file: the sink, the app's pooled transport to it (both closed after the file), the
 * mailer the delivery takes, and the messages one address received.
 */
export async function useSmtpSink(webappUrl = "http://localhost:3000") {
  const sink = await startSmtpSink();
  const transport = createMailTransport({ host: "127.0.0.1", port: sink.port });
  afterAll(async () => {
    transport.close();
    await sink.close();
  });
  return {
    sink,
    transport,
    mailer: { transport, from: "Session Checkout <surveys@localhost>", webappUrl },
    mailTo: (email: string) => sink.received.filter((mail) => mail.to && "text" in mail.to && mail.to.text === email),
  };
}
