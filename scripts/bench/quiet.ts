/**
 * Waiting for a quiet machine before a measurement that runs on the page's own clock
 * (Lighthouse): after the load runs, PostgreSQL's autovacuum and checkpoints, the
 * server's collector and the last Chromium's exit still take CPU for a while, and
 * Lighthouse scales every task it saw by its simulated phone's slowdown.
 */
import { cpus } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

/** Busy and total CPU time over every core so far, in ms. */
function cpuTimes() {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** The share of all cores that was idle over the next `ms`. */
async function idleShare(ms: number): Promise<number> {
  const a = cpuTimes();
  await sleep(ms);
  const b = cpuTimes();
  const total = b.total - a.total;
  return total > 0 ? 1 - (b.busy - a.busy) / total : 1;
}

export interface Quiet {
  /** Seconds waited before `seconds` quiet seconds in a row came. */
  waitedS: number;
  /** The idle share over those quiet seconds (or the last ones, when it never came). */
  idle: number;
  reached: boolean;
}

/**
 * Waits until the cores have been at least `idle` idle for `seconds` whole seconds in a
 * row, or `timeoutS` has passed; says which.
 */
export async function untilQuiet({ idle = 0.9, seconds = 3, timeoutS = 120 } = {}): Promise<Quiet> {
  const start = performance.now();
  const recent: number[] = [];
  for (;;) {
    recent.push(await idleShare(1000));
    if (recent.length > seconds) recent.shift();
    const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
    const waitedS = (performance.now() - start) / 1000 - recent.length;
    if (recent.length === seconds && recent.every((x) => x >= idle)) {
      return { waitedS, idle: mean, reached: true };
    }
    if (waitedS >= timeoutS) return { waitedS, idle: mean, reached: false };
  }
}
