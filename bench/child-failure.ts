import type { SpawnSyncReturns } from 'node:child_process';

/** Why a benchmark's child process gave no result: its error, signal (the time limit when killed) or exit code, and its last lines of stderr. */
export function childFailure(child: SpawnSyncReturns<string>, timeoutS: number): string {
  const reason = child.error?.message ?? (child.signal ? `killed by ${child.signal}` : `exit ${child.status}`);
  const stderr = (child.stderr ?? '').trim().split('\n').slice(-3).join(' | ');
  return `${reason}${child.signal === 'SIGKILL' ? ` (time limit ${timeoutS} s)` : ''}: ${stderr}`.slice(0, 400);
}
