import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress } from "@/scripts/precompress";
import { staticFiles } from "@/server/http/static-files";

/** A build folder: a page's script, a tiny script, an image, and next.config's header rules. */
function build() {
  const dist = mkdtempSync(path.join(tmpdir(), "rekindle-static-"));
  mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  const script = `(globalThis.TURBOPACK||[]).push([${'"a long line of a page\'s script",'.repeat(200)}]);\n`;
  writeFileSync(path.join(dist, "static/chunks/page.js"), script);
  writeFileSync(path.join(dist, "static/chunks/tiny.js"), "1;\n");
  writeFileSync(path.join(dist, "static/chunks/photo.png"), Buffer.alloc(4096, 7));
  writeFileSync(
    path.join(dist, "routes-manifest.json"),
    JSON.stringify({
      headers: [
        {
          source: "/((?!b/).*)",
          regex: "^/((?!b/).*)$",
          headers: [
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          ],
        },
      ],
    }),
  );
  return { dist, script };
}

describe("precompressed static files", () => {
  const { dist, script } = build();
  let server: Server;
  let base = "";
  let handedOn: string[] = [];

  beforeAll(async () => {
    await precompress(path.join(dist, "static"));
    const answer = staticFiles(dist);
    server = createServer((req, res) => {
      if (answer(req, res)) return;
      handedOn.push(`${req.method} ${req.url}`);
      res.writeHead(404).end("Next.js answers this");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("are written for each script the build made, and decode to the script itself", () => {
    const file = path.join(dist, "static/chunks/page.js");
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(readFileSync(`${file}.br`).length).toBeLessThan(script.length / 10);
    // Too small to gain anything, or already compressed: left as they are.
    expect(existsSync(path.join(dist, "static/chunks/tiny.js.br"))).toBe(false);
    expect(existsSync(path.join(dist, "static/chunks/photo.png.gz"))).toBe(false);
  });

  /** One request by node:http, which leaves the body as it was sent. */
  function get(pathname: string, acceptEncoding: string, method = "GET") {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        const req = request(
          `${base}${pathname}`,
          { method, headers: { "accept-encoding": acceptEncoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks),
              }),
            );
          },
        );
        req.on("error", reject);
        req.end();
      },
    );
  }

  it("go to each browser in the best encoding it accepts, with the page's headers", async () => {
    const url = "/_next/static/chunks/page.js";
    const br = await get(url, "gzip, deflate, br, zstd");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get(url, "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get(url, "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    for (const { status, headers } of [br, gz, plain]) {
      expect(status).toBe(200);
      expect(headers).toMatchObject({
        "content-type": "application/javascript; charset=utf-8",
        vary: "Accept-Encoding",
        "cache-control": "public,max-age=31536000,immutable",
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
      });
    }
  });

  it("leave every other request to Next.js: a missing file, a way out, a write, a page", async () => {
    handedOn = [];
    for (const [method, url] of [
      ["GET", "/_next/static/chunks/missing.js"],
      ["GET", "/_next/static/..%2f..%2froutes-manifest.json"],
      ["POST", "/_next/static/chunks/page.js"],
      ["GET", "/home"],
    ] as const) {
      const { status, body } = await get(url, "gzip, br", method);
      expect(status, url).toBe(404);
      expect(body.toString(), url).toBe("Next.js answers this");
    }
    expect(handedOn).toHaveLength(4);
  });
});
