/*
 * A real SMTP server that counts messages, bytes and recipients and parses nothing, run as a
 * process of its own by the survey delivery bench (a mail server is never in the sender's process:
 * its CPU must not be charged to the delivery). Prints its port, answers "stats" over IPC.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

const stats = { messages: 0, bytes: 0, connections: 0, repeatedRecipients: 0 };
const recipients = new Set<string>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onConnect(_session, callback) {
    stats.connections += 1;
    callback();
  },
  onData(stream, session, callback) {
    stream.on("data", (chunk: Buffer) => {
      stats.bytes += chunk.length;
    });
    stream.on("end", () => {
      stats.messages += 1;
      session.envelope.rcptTo.forEach(({ address }) => {
        if (recipients.has(address)) stats.repeatedRecipients += 1;
        recipients.add(address);
      });
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.server.address() as AddressInfo).port }));
process.on("message", (message) => {
  if (message === "stats") process.send?.({ stats: { ...stats, distinctRecipients: recipients.size } });
  if (message === "close") server.close(() => process.exit(0));
});
