/** What a command's run came to, for the one place that sets the job's exit status (main.ts). */

/**
 * What a command's run came to: ok; degraded (part of its work could not be done, e.g. GitHub could not
 * be read); failed (a change was not made); refused (its input was not acceptable). Every status but ok
 * fails the job, with the message, here and nowhere else.
 */
export interface RunResult {
  status: 'ok' | 'degraded' | 'failed' | 'refused';
  message?: string;
}

export const OK: RunResult = { status: 'ok' };
