/**
 * How long a transaction may wait for a connection. Prisma's default is 2 s; on the embedded
 * database (one connection, shared by the web app's requests and the auto-checkout runner) a host's
 * action or a pass may queue behind the other for longer than that without anything being wrong.
 */
export const CONNECTION_WAIT = { maxWait: 10_000 } as const;
