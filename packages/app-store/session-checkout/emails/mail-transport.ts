import nodemailer from "nodemailer";

import type { MailTransport } from "../lib/services/survey-delivery";
import { webappUrl } from "../lib/webapp-url";

export interface SmtpSettings {
  host: string;
  port: number;
  user?: string;
  password?: string;
}

/** Cal.com's variables: EMAIL_SERVER_HOST / _PORT / _USER / _PASSWORD; null when no server is set. */
export function smtpSettingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): SmtpSettings | null {
  if (!env.EMAIL_SERVER_HOST) return null;
  return { host: env.EMAIL_SERVER_HOST, port: Number(env.EMAIL_SERVER_PORT || 587), user: env.EMAIL_SERVER_USER || undefined, password: env.EMAIL_SERVER_PASSWORD || undefined };
}

/** A pooled SMTP transport (measured: ~600 messages/s into a local sink with 5 connections, ~9/s one connection a message). */
export function createMailTransport(settings: SmtpSettings): MailTransport & { close(): void } {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    // A local catcher speaks plain SMTP; a real server upgrades with STARTTLS when it offers it.
    ignoreTLS: settings.host === "127.0.0.1" || settings.host === "localhost",
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    pool: true,
    maxConnections: 5,
    // One connection carries many messages: a reconnect every 100 (nodemailer's default) costs a TCP and SMTP handshake.
    maxMessages: 1000,
    // Well inside the delivery's 10-minute claim on a survey (nodemailer's own socket timeout is 10 minutes).
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 30_000,
  });
}

export interface SurveyMailer {
  transport: MailTransport;
  from: string;
  webappUrl: string;
}

const processWide = globalThis as typeof globalThis & { __sessionCheckoutMailer?: SurveyMailer | null };

/** The process's survey mailer from the environment (one pooled transport), or null when no SMTP server is set. */
export function surveyMailer(env: Readonly<Record<string, string | undefined>> = process.env): SurveyMailer | null {
  if (processWide.__sessionCheckoutMailer !== undefined) return processWide.__sessionCheckoutMailer;
  const settings = smtpSettingsFromEnv(env);
  processWide.__sessionCheckoutMailer = settings && {
    transport: createMailTransport(settings),
    from: env.EMAIL_FROM || "Session Checkout <notifications@localhost>",
    webappUrl: webappUrl(env),
  };
  return processWide.__sessionCheckoutMailer;
}
