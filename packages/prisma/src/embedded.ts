import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL without installing PostgreSQL: PGlite keeps its files in `dataDir` and is
 * served on a loopback port, so Prisma reaches it with an ordinary postgres URL.
 */
export async function startEmbeddedDatabase({ dataDir, port }: { dataDir: string; port?: number }): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const listenPort = port ?? (await freePort());
  // One connection: PGlite is a single session, and interleaved transactions would share it.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: listenPort, maxConnections: 1 });
  await server.start();
  return {
    // connection_limit=1: every client of this URL opens a single connection (see createPrismaClient).
    url: `postgresql://postgres:postgres@127.0.0.1:${listenPort}/postgres?sslmode=disable&connection_limit=1`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
