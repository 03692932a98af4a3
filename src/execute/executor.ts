/**
 * The one executor of a run's GitHub and chat effects (plan/effects.ts): each effect made once and
 * idempotently (a comment or reminder is not posted again when its marker is already on the pull
 * request), each failure recorded beside the plan and never stopping an unrelated effect, notices
 * only for effects that were made. Retries and pacing are the clients' (Octokit's retry and
 * throttling plugins; notify's per-webhook pacing and Retry-After), configured in one place each.
 */
import type { Effect, EffectOutcome } from '../plan/effects.ts';
import type { MemoryChange } from '../memory/memory.ts';
import type { Delivery, NotifyEvent } from '../notify/notify.ts';

export interface EffectPorts {
  listComments(pull: number): Promise<{ body: string }[]>;
  /** Recent comments of many pull requests at once (undefined for one with more than it returns). */
  recentComments?: (pulls: number[]) => Promise<Map<number, string[] | undefined>>;
  postComment(pull: number, body: string): Promise<unknown>;
  /** The memory branch (no memory key: undefined). */
  remember?: (change: MemoryChange) => Promise<string>;
  /** Chat notices (none configured: undefined). */
  notify?: (events: NotifyEvent[]) => Promise<Delivery[]>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function executeEffects(effects: readonly Effect[], ports: EffectPorts): Promise<EffectOutcome[]> {
  const out = new Map<string, EffectOutcome>();
  // Comments and reminders: what is already there, for every pull request at once where the port
  // can (one query for 50), else (or for a pull request with many comments) one listing each.
  const seen = new Map<number, Promise<{ body: string }[]>>();
  const pulls = effects.flatMap((e) => (e.kind === 'comment' || e.kind === 'reminder' ? [e.pull] : []));
  if (ports.recentComments && pulls.length > 1) {
    try {
      for (const [pull, bodies] of await ports.recentComments(pulls)) if (bodies) seen.set(pull, Promise.resolve(bodies.map((body) => ({ body }))));
    } catch {
      // Listed one by one below; a failure there is recorded per effect.
    }
  }
  for (const e of effects) {
    if (e.kind === 'notice') continue;
    if (e.kind === 'remember') {
      out.set(e.id, await rememberEffect(e.id, e.change, ports));
      continue;
    }
    try {
      let listing = seen.get(e.pull);
      if (!listing) {
        listing = ports.listComments(e.pull);
        seen.set(e.pull, listing);
      }
      if ((await listing).some((c) => c.body.includes(e.marker))) {
        out.set(e.id, { id: e.id, status: 'already', detail: `already on #${e.pull}` });
        continue;
      }
      await ports.postComment(e.pull, e.body);
      out.set(e.id, { id: e.id, status: 'done', detail: `posted on #${e.pull}` });
    } catch (error) {
      out.set(e.id, { id: e.id, status: 'failed', detail: `not posted on #${e.pull}: ${message(error)}` });
    }
  }
  const notices = effects.filter((e): e is Extract<Effect, { kind: 'notice' }> => e.kind === 'notice');
  const due = notices.filter((n) => n.after === undefined || out.get(n.after)?.status === 'done');
  for (const n of notices) if (!due.includes(n)) out.set(n.id, { id: n.id, status: 'skipped', detail: `not sent: ${n.after} was not made in this run` });
  if (due.length > 0 && ports.notify) {
    // One call for every notice, so that each webhook's messages are paced together.
    const all = await ports.notify(due.map((n) => n.event));
    for (const n of due) {
      const deliveries = all.filter((d) => d.event === n.event);
      const failed = deliveries.filter((d) => !d.ok);
      const failures = failed.map((f) => `a ${f.service} notification for ${f.target} was not delivered (${f.detail})`);
      const messages = { sent: deliveries.length, delivered: deliveries.length - failed.length };
      out.set(
        n.id,
        deliveries.length === 0
          ? { id: n.id, status: 'skipped', detail: 'no webhook for this group' }
          : failed.length === 0
            ? { id: n.id, status: 'done', detail: `${deliveries.length} delivered`, messages }
            : { id: n.id, status: 'failed', detail: failures.join('; '), failures, messages },
      );
    }
  } else for (const n of due) out.set(n.id, { id: n.id, status: 'skipped', detail: 'no webhooks configured' });
  return effects.map((e) => out.get(e.id) ?? { id: e.id, status: 'skipped', detail: 'not applied' });
}

/** A memory write that fails costs the next run re-reads, nothing more: recorded, never thrown. */
async function rememberEffect(id: string, change: MemoryChange, ports: EffectPorts): Promise<EffectOutcome> {
  if (!ports.remember) return { id, status: 'skipped', detail: 'no memory key' };
  try {
    const commit = await ports.remember(change);
    return { id, status: 'done', detail: `remembered ${change.files.length} and forgot ${change.deletions.length} (commit ${commit.slice(0, 7)})` };
  } catch (error) {
    return { id, status: 'failed', detail: `not remembered (${message(error)}); the next run asks GitHub for these again` };
  }
}
