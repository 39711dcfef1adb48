// Next.js calls register() once when a server instance starts (Next 16: stable, no config flag).
// Background jobs start only in the Node.js runtime; NEXT_RUNTIME is a build-time constant Next sets,
// which is why it is read here rather than through lib/env.ts (the edge bundle must not see server code).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackground } = await import("./server/jobs/start");
  // Not awaited: the server serves at once while the database opens and the first jobs queue.
  startBackground();
  const { prepareOnStart } = await import("./server/startup");
  prepareOnStart().catch((e: unknown) => console.error(`Start-up sync did not finish: ${(e as Error).message}`));
}
