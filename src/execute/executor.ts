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
import type { ChangeOutcome } from '../backends/backend.ts';

/** A comment already on a pull request: its body, and whether a bot wrote it (by type, never by login). */
export interface PostedComment {
  body: string;
  bot: boolean;
}

export interface EffectPorts {
  listComments(pull: number): Promise<PostedComment[]>;
  /** Recent comments of many pull requests at once (undefined for one with more than it returns). */
  recentComments?: (pulls: number[]) => Promise<Map<number, PostedComment[] | undefined>>;
  postComment(pull: number, body: string): Promise<unknown>;
  /** The one answer on an issue-form issue: posted, edited in place, or left as it is. */
  answer?: (effect: Extract<Effect, { kind: 'answer' }>) => Promise<string>;
  /** The dashboard issue: created, edited or left as it is; what was done, in words. */
  dashboard?: (next: { body: string; stable: string }) => Promise<string>;
  /** A break-glass use's review issue (this run's own on a re-run): its number and what was done. */
  reviewIssue?: (effect: Extract<Effect, { kind: 'review-issue' }>) => Promise<string>;
  /** The memory branch (no memory key: undefined). */
  remember?: (change: MemoryChange) => Promise<string>;
  /** Chat notices (none configured: undefined). */
  notify?: (events: NotifyEvent[]) => Promise<Delivery[]>;
}

/** Why a notice was not sent when the run has no webhooks at all. */
export const NO_WEBHOOKS = 'no webhooks configured';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * New reminder comments one run posts at most. GitHub allows about 80 content-creating requests a
 * minute and 500 an hour, counted across REST, GraphQL and the web ("Rate limits for the REST API",
 * secondary rate limits), and a refusal there would also hold up the grants' comments. At four sweeps
 * an hour this is at most 100 reminders an hour; when more are due at once, the soonest-ending go
 * first (the plan orders them) and the rest are deferred to the next run, said in the run's log.
 */
export const NEW_REMINDERS_PER_RUN = 25;

/** Why a reminder due was not posted in this run. */
export const DEFERRED = `deferred to the next run (a run posts at most ${NEW_REMINDERS_PER_RUN} new reminders, to stay within GitHub's limits on new content)`;

/**
 * `changes`: what the run's Entra changes came to, by id: a notice that reports a change (its `after`
 * names it) is sent only when the change was made in this run.
 */
export async function executeEffects(
  effects: readonly Effect[],
  ports: EffectPorts,
  options: { newReminders?: number; changes?: ReadonlyMap<string, ChangeOutcome> } = {},
): Promise<EffectOutcome[]> {
  const out = new Map<string, EffectOutcome>();
  const seen = await existingComments(effects, ports);
  let reminders = options.newReminders ?? NEW_REMINDERS_PER_RUN;
  for (const e of effects) {
    if (e.kind === 'notice') continue;
    if (e.kind === 'comment' || e.kind === 'reminder') {
      const outcome = await commentEffect(e, ports, seen, e.kind === 'comment' || reminders > 0);
      if (e.kind === 'reminder' && outcome.status === 'done') reminders--;
      out.set(e.id, outcome);
    } else out.set(e.id, await issueLikeEffect(e, ports));
  }
  const notices = effects.filter((e): e is Extract<Effect, { kind: 'notice' }> => e.kind === 'notice');
  const made = (id: string) => out.get(id)?.status === 'done' || options.changes?.get(id)?.result === 'made';
  const due = notices.filter((n) => n.after === undefined || made(n.after));
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
  } else for (const n of due) out.set(n.id, { id: n.id, status: 'skipped', detail: NO_WEBHOOKS });
  return effects.map((e) => out.get(e.id) ?? { id: e.id, status: 'skipped', detail: 'not applied' });
}

/**
 * Comments and reminders: what is already there, for every pull request at once where the port can
 * (one query for 50), else (or for a pull request with many comments) one listing each, later.
 */
async function existingComments(effects: readonly Effect[], ports: EffectPorts): Promise<Map<number, Promise<PostedComment[]>>> {
  const seen = new Map<number, Promise<PostedComment[]>>();
  const pulls = effects.flatMap((e) => (e.kind === 'comment' || e.kind === 'reminder' ? [e.pull] : []));
  if (!ports.recentComments || pulls.length <= 1) return seen;
  try {
    for (const [pull, comments] of await ports.recentComments(pulls)) if (comments) seen.set(pull, Promise.resolve(comments));
  } catch {
    // Listed one by one instead; a failure there is recorded per effect.
  }
  return seen;
}

/**
 * Whether a comment is one this product posted with `marker`: the marker, in a comment a bot wrote.
 * Anyone can write a marker into a comment of their own, which must not silence the product's; and
 * the bot is told by type (REST `user.type`, GraphQL `__typename`), never by its login, which GraphQL
 * gives without `[bot]` and which differs for a GitHub App's token (docs/threat-model.md 67).
 */
export const isOwnComment = (c: PostedComment, marker: string): boolean => c.bot && c.body.includes(marker);

/** A comment or reminder, posted unless its marker is on the pull request already. */
async function commentEffect(
  e: Extract<Effect, { kind: 'comment' | 'reminder' }>,
  ports: EffectPorts,
  seen: Map<number, Promise<PostedComment[]>>,
  mayPost: boolean,
): Promise<EffectOutcome> {
  try {
    let listing = seen.get(e.pull);
    if (!listing && !mayPost) return { id: e.id, status: 'skipped', detail: DEFERRED };
    if (!listing) {
      listing = ports.listComments(e.pull);
      seen.set(e.pull, listing);
    }
    if ((await listing).some((c) => isOwnComment(c, e.marker))) return { id: e.id, status: 'already', detail: `already on #${e.pull}` };
    if (!mayPost) return { id: e.id, status: 'skipped', detail: DEFERRED };
    await ports.postComment(e.pull, e.body);
    return { id: e.id, status: 'done', detail: `posted on #${e.pull}` };
  } catch (error) {
    return { id: e.id, status: 'failed', detail: `not posted on #${e.pull}: ${message(error)}` };
  }
}

/** The memory branch, the dashboard, a review issue: each made once; a failure is recorded, never thrown. */
async function issueLikeEffect(e: Extract<Effect, { kind: 'remember' | 'dashboard' | 'review-issue' | 'answer' }>, ports: EffectPorts): Promise<EffectOutcome> {
  const id = e.id;
  try {
    if (e.kind === 'remember') {
      if (!ports.remember) return { id, status: 'skipped', detail: 'no memory key' };
      const commit = await ports.remember(e.change);
      return { id, status: 'done', detail: `remembered ${e.change.files.length} and forgot ${e.change.deletions.length} (commit ${commit.slice(0, 7)})` };
    }
    const port =
      e.kind === 'dashboard'
        ? ports.dashboard && (() => ports.dashboard!(e.next))
        : e.kind === 'answer'
          ? ports.answer && (() => ports.answer!(e))
          : ports.reviewIssue && (() => ports.reviewIssue!(e));
    if (!port) return { id, status: 'skipped', detail: `no way to write the ${e.kind}` };
    return { id, status: 'done', detail: await port() };
  } catch (error) {
    const why = message(error);
    if (e.kind === 'remember') return { id, status: 'failed', detail: `not remembered (${why}); the next run asks GitHub for these again` };
    return { id, status: 'failed', detail: `not written: ${why}` };
  }
}
