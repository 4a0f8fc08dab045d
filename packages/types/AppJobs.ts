/** An app's jobs/index.ts: what the host calls once at boot to start the app's background jobs. */
export interface AppJobsModule {
  /** Starts the jobs in this process, or leaves them to an engine elsewhere; says which, for the log. */
  startJobs(): { description: string; stop(): Promise<void> };
}
