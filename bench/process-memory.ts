import { readdirSync, readFileSync } from 'node:fs';

/** A Chromium process below this Node process: pid, its `--type=` (browser, renderer, gpu-process …). */
interface ChildProcess {
  pid: number;
  type: string;
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Every process descended from `root` (Linux /proc), with Chromium's process type. */
export function descendants(root = process.pid): ChildProcess[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = parentOf(Number(name));
    if (parent !== null) parents.set(Number(name), parent);
  }
  const result: ChildProcess[] = [];
  for (const pid of parents.keys()) {
    let p: number | undefined = pid;
    while (p && p !== root && p !== 1) p = parents.get(p);
    if (p !== root || pid === root) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('chrom')) continue;
    result.push({ pid, type: /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser' });
  }
  return result;
}

/** Resident set size of a process in MB (VmRSS), 0 when it is gone. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) of a process in ms, 0 when it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/**
 * Samples the renderer processes' RSS (the page and its DuckDB worker live there) every
 * `everyMs`, keeping the peak of their sum; `cpu()` is their summed CPU time so far.
 */
export function rendererSampler(everyMs = 200) {
  let peak = 0;
  const sample = () => {
    const total = descendants()
      .filter((p) => p.type === 'renderer')
      .reduce((sum, p) => sum + rssMb(p.pid), 0);
    peak = Math.max(peak, total);
    return total;
  };
  const timer = setInterval(sample, everyMs);
  return {
    sample,
    peakMb: () => Math.round(peak),
    resetPeak: () => (peak = sample()),
    cpu: () =>
      descendants()
        .filter((p) => p.type === 'renderer')
        .reduce((sum, p) => sum + cpuMs(p.pid), 0),
    stop: () => clearInterval(timer),
  };
}
