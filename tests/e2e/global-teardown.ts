import { existsSync, readdirSync, readFileSync } from "node:fs";

/**
 * After every spec: the server's log (kept by playwright.config.ts) must hold none of the
 * passwords, tokens and private words the specs sent, and must show the requests were
 * logged at all, so an empty log can't pass for a clean one.
 */
export default function checkServerLog() {
  if (process.env.E2E_BASE_URL) return;
  const log = readFileSync(".data/e2e/server.log", "utf8");
  const secrets = existsSync(".data/e2e/secrets.txt")
    ? readFileSync(".data/e2e/secrets.txt", "utf8").split("\n").filter(Boolean)
    : [];
  const requests = log.split("\n").filter((line) => line.includes('"msg":"request"'));
  // Any spec run (a whole run or one file) signs someone up and sends requests.
  if (requests.length === 0) throw new Error("The server log has no request lines.");
  if (secrets.length === 0) throw new Error("No secrets were noted; the specs note each one.");
  // Every server's log: the main one and those instances.spec.ts starts.
  const everything = readdirSync(".data/e2e")
    .filter((name) => name.endsWith(".log"))
    .map((name) => readFileSync(`.data/e2e/${name}`, "utf8"))
    .join("\n");
  const leaked = secrets.filter((secret) => everything.includes(secret));
  if (leaked.length > 0) {
    throw new Error(`The server log holds ${leaked.length} secret(s) the specs sent.`);
  }
  // Errors reach the log as JSON lines (server/http/console-guard.ts): a stack printed as
  // plain text, or a query's parameters, means something wrote past the guard.
  const raw = everything.split("\n").filter((line) => /^\s+at |params: /.test(line));
  if (raw.length > 0) {
    throw new Error(`The server log has ${raw.length} plain stack or parameter line(s).`);
  }
}
