/** Runs once when a server starts. The Node-only work lives in server/startup.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./server/startup");
  }
}
