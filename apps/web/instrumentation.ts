/*
 * Next.js calls register() once when the server process starts: the host starts each installed
 * app's background jobs here, through the registry, and knows nothing of what they do.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppJobs } = await import("./lib/app-jobs");
  await startAppJobs();
}
