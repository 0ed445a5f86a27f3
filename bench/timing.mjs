/** Shared by the benchmarks: time fresh processes, medians, the machine and its load. */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Wall time of one fresh process, in ms; fails loudly when `expect` is not its exit code. */
export function time(args, expect = 0) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== expect) throw new Error(`${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Runs each command in turn, `runs` times, after one unmeasured round;
 * returns the medians and the 1-minute load average before → after.
 */
export function interleaved(commands, runs) {
  const before = load();
  for (const c of commands) time(c.args, c.exit);
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of commands.entries()) times[k].push(time(c.args, c.exit));
    process.stderr.write(
      `run ${i + 1}/${runs}: ${commands.map((c, k) => `${c.name} ${Math.round(times[k][i])} ms`).join(', ')}\n`,
    );
  }
  return { medians: times.map(median), load: `${before} → ${load()}` };
}

/** Prints the result and appends its row to bench/results.md. */
export function record({ benchmark, runs, load, floor, measured, result }) {
  const [floorName, floorMs] = floor;
  const [measuredName, measuredMs] = measured;
  console.log(
    `${benchmark}: median ${floorName} ${Math.round(floorMs)} ms, ${measuredName} ${Math.round(measuredMs)} ms, ${result}; load ${load}`,
  );
  appendFileSync(
    new URL('./results.md', import.meta.url),
    `| ${today()} | ${benchmark} | ${machine()} | ${load} | ${runs} | ${floorName} ${Math.round(floorMs)} | ${measuredName} ${Math.round(measuredMs)} | ${result} |\n`,
  );
}

const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model.trim().split(' ').slice(0, 2).join(' ')}`;
/** The 1-minute load average, to be recorded with every result: a loaded machine skews ratios. */
const load = () => loadavg()[0].toFixed(2);
const today = () => new Date().toISOString().slice(0, 10);
