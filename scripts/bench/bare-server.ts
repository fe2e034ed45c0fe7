/**
 * The runtime's ceiling: a bare node:http server doing the dashboard read and the journal
 * write with the app's SQL (baseline.ts) on a pool made by db/client.ts. No Next.js, no
 * tRPC. Started by the benchmark: DATABASE_URL, AUTH_SECRET, DATABASE_POOL_MAX, PORT.
 */
import { createServer } from "node:http";
import { postgresDatabase } from "@/db/client";
import { baselineAnswer } from "./baseline";

const url = process.env.DATABASE_URL;
const secret = process.env.AUTH_SECRET;
if (!url || !secret) throw new Error("DATABASE_URL and AUTH_SECRET are needed.");
const database = postgresDatabase(url, Number(process.env.DATABASE_POOL_MAX ?? 10));
const sql = database.sql;
if (!sql) throw new Error("Not a postgres database.");

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const path = req.url ?? "/";
    if (path === "/api/health") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"db":"ok"}');
      return;
    }
    baselineAnswer(sql, secret, {
      method: req.method ?? "GET",
      path,
      cookie: req.headers.cookie,
      body: Buffer.concat(chunks).toString("utf8"),
    }).then(
      (answer) => res.writeHead(answer.status, answer.headers).end(answer.body),
      (error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      },
    );
  });
});
server.listen(Number(process.env.PORT ?? 3601), "127.0.0.1");
const stop = () => server.close(() => void database.close().finally(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
