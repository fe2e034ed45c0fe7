/** Runs once when a server starts. The Node-only work lives in server/startup.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, so nothing Next.js prints from here on carries a query's parameters.
    (await import("./server/http/console-guard")).guardConsole();
    // Before anything opens the database or serves a request, so every one is traced.
    await (await import("./server/telemetry")).startTracing();
    await import("./server/startup");
  }
}
