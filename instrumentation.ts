/** Runs once when a server starts. The Node-only work lives in server/startup.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, so nothing Next.js prints from here on carries a query's parameters.
    (await import("./server/http/console-guard")).guardConsole();
    // Before anything opens the database or serves a request, so every one is traced.
    await (await import("./server/telemetry")).startTracing();
    await import("./server/startup");
    // scripts/serve.ts answers /api/trpc through this same door, without Next's routing.
    const { publishTrpcDoor } = await import("./server/http/direct-trpc");
    publishTrpcDoor((await import("./server/http/doors/trpc")).trpc);
  }
}
