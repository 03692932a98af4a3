/**
 * The one executor of a plan's Entra changes: removals first (invariant 16), each backend's changes
 * made by that backend (backends/index.ts), sign-in sessions after the removals they follow. Every
 * change gets a typed outcome beside the plan; one change failing never stops another. Idempotent:
 * a change already made answers 'already'. A dry run makes nothing and records nothing.
 */
import type { Directory } from '../entra/directory.ts';
import { BACKENDS } from '../backends/index.ts';
import { isRemoval, type ChangeOutcome, type EntraChange } from '../backends/backend.ts';
import { revokeSessions } from '../backends/sessions.ts';

export type { ChangeOutcome, EntraChange } from '../backends/backend.ts';

export async function executeChanges(directory: Directory, changes: readonly EntraChange[]): Promise<Map<string, ChangeOutcome>> {
  const out = new Map<string, ChangeOutcome>();
  const writes = changes.filter((c) => c.backend !== 'sessions');
  // Removals first, then the rest: an add never waits on nor precedes a removal of the same run.
  for (const stage of [writes.filter(isRemoval), writes.filter((c) => !isRemoval(c))]) {
    const byBackend = new Map<string, EntraChange[]>();
    for (const c of stage) byBackend.set(c.backend, [...(byBackend.get(c.backend) ?? []), c]);
    for (const [name, list] of byBackend) {
      const backend = BACKENDS[name as keyof typeof BACKENDS];
      try {
        for (const o of await backend.apply(directory, list)) out.set(o.id, o);
      } catch (error) {
        // A Graph failure of one backend fails its own changes, not the others'; anything else (a
        // refused sign-in, a bug) stops the run as before.
        if (!(error instanceof Error) || error.name !== 'DirectoryError') throw error;
        for (const c of list) out.set(c.id, { id: c.id, result: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  const sessions = changes.filter((c) => c.backend === 'sessions');
  const due = sessions.filter((c) => c.after === undefined || out.get(c.after)?.result === 'made');
  for (const c of sessions) if (!due.includes(c)) out.set(c.id, { id: c.id, result: 'skipped', detail: `not needed: ${c.after} was not made in this run` });
  if (due.length > 0) for (const o of await revokeSessions(directory, due)) out.set(o.id, o);
  return out;
}
