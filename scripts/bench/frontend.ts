/**
 * What a phone downloads: first-load JavaScript per route from the production build's
 * manifests, Lighthouse (mobile) on the pages that matter, and whether the buddy page
 * works with JavaScript off.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { CHROMIUM_FLAGS } from "../chromium-flags";
import type { Quiet } from "./quiet";

export interface RouteJs {
  route: string;
  files: number;
  gzipKb: number;
  signedIn: boolean;
  /** Of gzipKb, the chunks holding react-hook-form, the stack's form library (0 without). */
  formLibraryKb: number;
}

/** A name react-hook-form gives its React context, which minifying leaves as it is. */
const FORM_LIBRARY_MARK = '"HookFormContext"';

/** Pages behind sign-in live in the (app) route group. */
const SIGNED_IN = /^\/\(app\)\//;

/**
 * First-load JS of each App Router page: the framework's root files plus every chunk the
 * page's client-reference manifest lists for its layouts and the page itself, each gzipped
 * (level 9; what a CDN or proxy would send). Polyfills (nomodule) are left out. The buddy
 * page is a Pages Router page: `buddyPageWithoutJs` measures it as served.
 */
export function firstLoadJs(buildDir: string): RouteJs[] {
  const next = path.join(buildDir, ".next");
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const routes = JSON.parse(
    readFileSync(path.join(next, "app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;
  const load = createRequire(import.meta.url);
  const sizes = new Map<string, { gzip: number; formLibrary: boolean }>();
  const read = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      const code = readFileSync(path.join(next, file));
      size = {
        gzip: gzipSync(code, { level: 9 }).length,
        formLibrary: code.includes(FORM_LIBRARY_MARK),
      };
      sizes.set(file, size);
    }
    return size;
  };
  const out: RouteJs[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page") || route.startsWith("/_")) continue;
    const manifest = path.join(next, "server", "app", `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifest)) continue;
    const g = globalThis as {
      __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }>;
    };
    g.__RSC_MANIFEST = {};
    load(manifest);
    const m = g.__RSC_MANIFEST[entry];
    if (!m) continue;
    const files = new Set(build.rootMainFiles);
    for (const list of Object.values(m.entryJSFiles)) for (const f of list) files.add(f);
    const bytes = [...files].reduce((n, f) => n + read(f).gzip, 0);
    const formLibrary = [...files].reduce(
      (n, f) => n + (read(f).formLibrary ? read(f).gzip : 0),
      0,
    );
    out.push({
      route,
      files: files.size,
      gzipKb: bytes / 1024,
      signedIn: SIGNED_IN.test(entry),
      formLibraryKb: formLibrary / 1024,
    });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

export interface LighthouseResult {
  page: string;
  /** A floor scored beside the pages (the empty page, the page baseline), not budgeted. */
  baseline?: boolean;
  performance: number | null;
  accessibility: number | null;
  /** Everything transferred, in kB. */
  transferKb: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  failedAudits: string[];
  /** Lighthouse's measure of this machine's CPU (a mid-tier phone is about 125–800). */
  benchmarkIndex?: number | null;
  /** The main thread's work during load, as Lighthouse counts it (its CPU slowdown applied). */
  mainThreadMs?: number | null;
  error?: string;
  /** Lighthouse's own warning that this machine's CPU is slower than its 4 × slowdown assumes. */
  slowHost?: boolean;
  /** The performance score of each run, when the median of several is reported. */
  runs?: (number | null)[];
  /** How quiet the machine was when the run began (scripts/bench/quiet.ts). */
  quiet?: Quiet;
}

/**
 * The CPU slowdown Lighthouse's throttling guide (docs/throttling.md, "Calibrating the CPU
 * slowdown") gives for a machine of this benchmarkIndex, so that its simulated phone stays
 * the same mid-tier phone: the default 4 × fits an index of about 1,533. Reported beside
 * each score, not applied. Written here because the guide's calculator is a web page only.
 */
export function calibratedSlowdown(benchmarkIndex: number): number | null {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150) return null;
  // Straight lines between the guide's points: 150 → 1 ×, 800 → 2 ×, 1300 → 3 ×, then
  // one more × for every 233 points.
  if (benchmarkIndex < 800) return 1 + (benchmarkIndex - 150) / 650;
  if (benchmarkIndex < 1300) return 2 + (benchmarkIndex - 800) / 500;
  return 3 + (benchmarkIndex - 1300) / 233;
}

/** Lighthouse 12 in its default mobile emulation, on Debian's Chromium, one page at a time. */
export async function lighthouse(opts: {
  cwd: string;
  url: string;
  page: string;
  cookie?: string;
  chromium: string;
  /** Where to keep Lighthouse's own report of the run (its trace summary, the LCP element). */
  keepAs?: string;
}): Promise<LighthouseResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "rekindle-lh-"));
  const out = path.join(dir, "report.json");
  const empty = {
    page: opts.page,
    performance: null,
    accessibility: null,
    transferKb: null,
    lcpMs: null,
    tbtMs: null,
    cls: null,
    failedAudits: [],
  };
  try {
    const args = [
      path.join(opts.cwd, "node_modules", "lighthouse", "cli", "index.js"),
      opts.url,
      "--quiet",
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility",
      // Background work would count as blocking time.
      `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")} --disable-extensions`,
    ];
    if (opts.cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: opts.cookie })}`);
    await promisify(execFile)(process.execPath, args, {
      cwd: opts.cwd,
      env: { ...process.env, CHROME_PATH: opts.chromium },
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (opts.keepAs) {
      mkdirSync(path.dirname(opts.keepAs), { recursive: true });
      copyFileSync(out, opts.keepAs);
    }
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      categories: Record<
        string,
        { score: number | null; auditRefs: { id: string; weight: number }[] }
      >;
      audits: Record<string, { score: number | null; numericValue?: number; title: string }>;
      environment?: { benchmarkIndex?: number };
      runWarnings?: string[];
    };
    const score = (c: string) => {
      const s = report.categories[c]?.score;
      return s === null || s === undefined ? null : Math.round(s * 100);
    };
    const num = (a: string) => report.audits[a]?.numericValue ?? null;
    const failedAudits = Object.values(report.categories)
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0))
      .map((r) => ({ id: r.id, audit: report.audits[r.id] }))
      .filter((a) => a.audit && a.audit.score !== null && a.audit.score < 0.9)
      .map((a) => `${a.id} (${Math.round((a.audit?.score ?? 0) * 100)})`);
    const bytes = num("total-byte-weight");
    return {
      page: opts.page,
      performance: score("performance"),
      accessibility: score("accessibility"),
      transferKb: bytes === null ? null : bytes / 1024,
      lcpMs: num("largest-contentful-paint"),
      tbtMs: num("total-blocking-time"),
      cls: num("cumulative-layout-shift"),
      failedAudits,
      benchmarkIndex: report.environment?.benchmarkIndex ?? null,
      mainThreadMs: num("mainthread-work-breakdown"),
      slowHost: (report.runWarnings ?? []).some((w) => /slower CPU/i.test(w)),
    };
  } catch (e) {
    const err = e as { message?: string; stderr?: string };
    if (err.stderr) console.error(err.stderr.slice(-2000));
    return { ...empty, error: String(err.message).split("\n")[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each linked file once, gzipped (level 9, as `firstLoadJs` counts), in bytes. */
async function linkedGzipBytes(base: string, paths: string[]): Promise<number> {
  let total = 0;
  for (const p of new Set(paths)) {
    const res = await fetch(new URL(p.replaceAll("&amp;", "&"), base));
    total += gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
  }
  return total;
}

/**
 * The buddy page with JavaScript off: the progress is in the HTML itself, and each form
 * posts to a plain URL (no server action, which would need the client runtime). Also what
 * it weighs as served: the HTML and every stylesheet and script it links. It is a Pages
 * Router page with the runtime turned off, which the App Router manifests `firstLoadJs`
 * reads don't list, so its JavaScript is counted here, from the page itself.
 */
export async function buddyPageWithoutJs(url: string, ownerName: string) {
  const res = await fetch(url, { headers: { "x-forwarded-for": "198.51.100.7" } });
  const html = await res.text();
  const forms = [...html.matchAll(/<form\b[^>]*>/g)].map((m) => m[0]);
  const plainForms = forms.filter((f) => /action="\/b\//.test(f) && /method="post"/i.test(f));
  // Inline scripts count too: the page needs none.
  const scripts = (html.match(/<script\b/g) ?? []).length;
  const jsFiles = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? "");
  const cssFiles = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="stylesheet"/.test(tag))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1] ?? "");
  const htmlGzip = gzipSync(html, { level: 9 }).length;
  const jsGzip = await linkedGzipBytes(url, jsFiles);
  const cssGzip = await linkedGzipBytes(url, cssFiles);
  return {
    status: res.status,
    htmlKb: Buffer.byteLength(html) / 1024,
    htmlGzipKb: htmlGzip / 1024,
    cssGzipKb: cssGzip / 1024,
    jsFiles: new Set(jsFiles).size,
    jsGzipKb: jsGzip / 1024,
    /** HTML, stylesheets and scripts, gzipped: what a phone downloads for the page. */
    totalGzipKb: (htmlGzip + cssGzip + jsGzip) / 1024,
    showsProgress: html.includes(ownerName),
    forms: forms.length,
    plainForms: plainForms.length,
    scripts,
    usable:
      res.status === 200 &&
      html.includes(ownerName) &&
      forms.length > 0 &&
      plainForms.length === forms.length,
  };
}
