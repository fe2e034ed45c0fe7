/**
 * Where a server's CPU went, from a `.cpuprofile` written by `npm run bench -- --cpu-prof
 * DIR`: self time by package (or by the app's own file), using the module markers the
 * unminified build leaves in each chunk.
 *
 *   npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [requests served]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, served] = process.argv.slice(2);
if (!file) {
  console.error("Usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [requests]");
  process.exit(2);
}
const requests = served ? Number(served) : null;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

/** For each chunk file: the line where each bundled module starts. */
const modulesByChunk = new Map<string, [line: number, module: string][]>();
function moduleAt(chunk: string, line: number): string | null {
  let starts = modulesByChunk.get(chunk);
  if (!starts) {
    starts = [];
    try {
      readFileSync(chunk, "utf8")
        .split("\n")
        .forEach((text, i) => {
          const m = /^(?:\/\/ MERGED MODULE: |")\[project\]\/(\S+) \[/.exec(text);
          if (m?.[1]) starts?.push([i, m[1]]);
        });
    } catch {
      // Not a readable file: grouped by its address below.
    }
    modulesByChunk.set(chunk, starts);
  }
  let found: string | null = null;
  for (const [start, module] of starts) {
    if (start > line) break;
    found = module;
  }
  return found;
}

function groupOf(node: ProfileNode): string {
  const { url, functionName, lineNumber } = node.callFrame;
  if (!url) return functionName || "(native)";
  const local = url.replace(/^file:\/\//, "");
  const source = (local.includes("/.next/server/") && moduleAt(local, lineNumber)) || local;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (pkg === "next")
    return `next/${source.split("node_modules/next/")[1]?.split("/").slice(0, 3).join("/")}`;
  if (pkg) return pkg;
  if (source.startsWith("node:")) return `node:${source.slice(5).split("/").slice(0, 2).join("/")}`;
  return source.replace(/^.*\/(app|server|db|scripts|\.next)\//, "$1/");
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const micros = profile.timeDeltas[i] ?? 0;
  const node = nodes.get(id);
  if (!node) return;
  const group = groupOf(node);
  self.set(group, (self.get(group) ?? 0) + micros);
  total += micros;
});
const busy = total - (self.get("(idle)") ?? 0);
console.log(
  `Busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms` +
    (requests ? `, ${(busy / 1000 / requests).toFixed(2)} ms a request` : ""),
);
for (const [group, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  const perRequest = requests ? `${(micros / 1000 / requests).toFixed(3).padStart(8)} ms/req` : "";
  console.log(`${(micros / 1000).toFixed(0).padStart(8)} ms ${perRequest}  ${group}`);
}
