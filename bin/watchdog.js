#!/usr/bin/env node
/**
 * The watch an enquete process leaves behind it (started by src/cleanup.ts):
 * told on its standard input what would be left over if that process died
 * without cleaning up (a Chromium process group, a profile or staging
 * folder, an output folder moved aside), it does the cleaning when that
 * input closes, that is when the process ends, however it ends: kill -9,
 * the OOM killer, a CI timeout. What the process cleaned up itself it has
 * taken back first ("-id"), so a normal end leaves the watch nothing to do.
 *
 * Lines: "+<id> <json>" holds a leftover, "-<id>" lets it go; the json is
 * { "kill": <process group>, "remove": [<folders>], "restore": [<from>, <to>] }.
 * Plain JavaScript with no dependency, so that it starts in a few milliseconds.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';

const held = new Map();
let buffer = '';

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
    const line = buffer.slice(0, end);
    buffer = buffer.slice(end + 1);
    const space = line.indexOf(' ');
    if (line.startsWith('+') && space > 0)
      held.set(line.slice(1, space), JSON.parse(line.slice(space + 1)));
    else if (line.startsWith('-')) held.delete(line.slice(1));
  }
});
process.stdin.on('end', cleanUp);
process.stdin.on('error', cleanUp);
// The process it watches may be stopped by a terminal's Ctrl-C: the watch is not, it has work to do.
for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(signal, () => {});

function cleanUp() {
  const leftovers = [...held.values()].reverse();
  held.clear();
  for (const l of leftovers) attempt(() => l.kill && process.kill(-l.kill, 'SIGKILL'));
  for (const l of leftovers)
    attempt(() => {
      const [from, to] = l.restore ?? [];
      if (from && to && existsSync(from) && !existsSync(to)) renameSync(from, to);
    });
  const remove = () => {
    for (const l of leftovers)
      for (const folder of l.remove ?? [])
        attempt(() =>
          rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
        );
  };
  remove();
  // A browser's helpers killed a moment ago may still recreate folders of its profile.
  setTimeout(() => {
    remove();
    process.exit(0);
  }, 200);
}

function attempt(action) {
  try {
    action();
  } catch {
    // Best effort: the others still run.
  }
}
