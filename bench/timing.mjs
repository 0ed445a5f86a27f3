/** Shared by the benchmarks: time fresh processes, medians, the machine and its load. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Wall time of one fresh process, in ms; fails loudly when `expect` is not its exit code. */
export function time(args, expect = 0, env = undefined) {
  return measure(args, expect, env).ms;
}

/**
 * Wall time (ms) and, for a script run through bench/peak-rss.mjs, its peak
 * resident memory (KB) of one fresh process, with what it wrote on stderr.
 * `env` is added to this process's environment.
 */
export function measure(args, expect = 0, env = undefined) {
  const cpuBefore = machineBusyMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(env && { env: { ...process.env, ...env } }),
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== expect) throw new Error(`${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  const cpuAfter = machineBusyMs();
  const peak = /peak-rss-kb: (\d+)/.exec(r.stderr);
  return {
    ms,
    peakKb: peak ? Number(peak[1]) : null,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    stderr: r.stderr,
  };
}

/**
 * Processor time (ms) the whole machine spent busy so far, from /proc/stat
 * (Linux; null elsewhere): user, nice, system, irq and softirq on every
 * core. Its difference across one spawnSync is the command's processor
 * time on every thread of every process it started, the ones it leaves to
 * die included (a build kills Chromium's process group at once, so the
 * renderer's time would not reach the command's own count), and whatever
 * else ran meanwhile: on a quiet machine, little.
 */
function machineBusyMs() {
  let stat;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  const [user, nice, system, , , irq, softirq] = stat
    .slice(0, stat.indexOf('\n'))
    .split(/\s+/)
    .slice(1)
    .map(Number);
  // In clock ticks, 100 a second on Linux (USER_HZ, what /proc reports whatever the kernel's HZ).
  return (user + nice + system + irq + softirq) * 10;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Runs each command in turn, `runs` times, after one unmeasured round;
 * returns the medians and the 1-minute load average before → after. A
 * command may have `env` (added to the environment) and `before` (run,
 * untimed, before each of its runs: clearing a cache, editing a file).
 */
export function interleaved(commands, runs) {
  const before = load();
  warnIfLoaded(before);
  for (const c of commands) {
    c.before?.();
    time(c.args, c.exit, c.env);
  }
  const times = commands.map(() => []);
  const cpus = commands.map(() => []);
  const peaks = commands.map(() => 0);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of commands.entries()) {
      c.before?.();
      const { ms, peakKb, cpuMs } = measure(c.args, c.exit, c.env);
      times[k].push(ms);
      if (cpuMs !== null) cpus[k].push(cpuMs);
      peaks[k] = Math.max(peaks[k], peakKb ?? 0);
    }
    process.stderr.write(
      `run ${i + 1}/${runs}: ${commands.map((c, k) => `${c.name} ${Math.round(times[k][i])} ms`).join(', ')}\n`,
    );
  }
  return {
    medians: times.map(median),
    /** Median processor time of each command: the machine's while it ran (ms; null off Linux). */
    cpuMedians: cpus.map((xs) => (xs.length > 0 ? median(xs) : null)),
    /** Highest peak memory of each command over its runs, in MB (0 when not measured). */
    peaksMb: peaks.map((kb) => Math.round(kb / 1024)),
    load: `${before} → ${load()}${Number(before) > QUIET ? ' (under load)' : ''}`,
  };
}

/** A machine whose 1-minute load average is above this is not quiet: its ratios are not to be reported. */
export const QUIET = 1;

function warnIfLoaded(before) {
  if (Number(before) > QUIET) {
    process.stderr.write(
      `warning: the load average is ${before} (over ${QUIET}): results are flagged "(under load)"; rerun on a quiet machine (see \`uptime\`).\n`,
    );
  }
}

/** Prints the result and appends its row to bench/results.md. */
export function record({ benchmark, runs, load, floor, measured, result }) {
  const [floorName, floorMs, floorMore] = floor;
  const [measuredName, measuredMs, measuredMore] = measured;
  const cell = (name, ms, more) => `${name} ${Math.round(ms)} ms${more ? `, ${more}` : ''}`;
  console.log(
    `${benchmark}: median ${cell(floorName, floorMs, floorMore)}, ${cell(measuredName, measuredMs, measuredMore)}, ${result}; load ${load}`,
  );
  appendFileSync(
    new URL('./results.md', import.meta.url),
    `| ${today()} | ${benchmark} | ${machine()} | ${load} | ${runs} | ${cell(floorName, floorMs, floorMore)} | ${cell(measuredName, measuredMs, measuredMore)} | ${result} |\n`,
  );
}

const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model.trim().split(' ').slice(0, 2).join(' ')}`;
/** The 1-minute load average, to be recorded with every result: a loaded machine skews ratios. */
export const load = () => loadavg()[0].toFixed(2);
const today = () => new Date().toISOString().slice(0, 10);
