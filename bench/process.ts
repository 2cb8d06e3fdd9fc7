// What the benchmarks read about processes and the machine: a process's CPU time, a free port,
// and the load average printed next to every figure (the machine may be shared).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg } from 'node:os';

/** CPU time (user + system, in ms) in a /proc stat line: utime and stime, fields 14 and 15, in clock ticks of 10 ms. */
function cpuMsOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc. */
export function cpuMsOf(pid: number): number {
  return cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** CPU time (ms) each thread of a process has used so far, by thread id; the main thread's id is the pid. */
export function threadCpuMsOf(pid: number): Map<number, number> {
  const threads = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      threads.set(Number(tid), cpuMsOfStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}

/** A port free on loopback right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The 1, 5 and 15 minute load averages, to two decimals. */
export const loadAverage = (): number[] => loadavg().map((value) => Math.round(value * 100) / 100);
