import { freePort } from "@calcom/prisma/embedded";
import { MailDev } from "maildev";

/*
 * With no SMTP server configured, `npm start` runs a local mail catcher (maildev): the app sends its
 * survey emails over real SMTP to it, and a person reads them in its web inbox.
 */

export async function startMailCatcher(): Promise<{ smtpPort: number; inboxUrl: string; stop(): Promise<void> }> {
  const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT) || (await freePort());
  const webPort = Number(process.env.MAIL_CATCHER_WEB_PORT) || (await freePort());
  const maildev = new MailDev({ smtp: smtpPort, web: webPort, ip: "127.0.0.1", webIp: "127.0.0.1", silent: true });
  await maildev.start();
  return { smtpPort, inboxUrl: `http://localhost:${webPort}/`, stop: () => maildev.stop() };
}
