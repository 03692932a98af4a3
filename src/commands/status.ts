/**
 * `status`: who holds access right now, per group, from the requests on the default branch and the
 * members Entra lists: until when and through which request, standing exemptions, and members with
 * no request (drift). Reads only: the reconciler's plan without applying it.
 */
import { BACKENDS } from '../backends/index.ts';
import { reconcile } from '../reconcile/reconcile.ts';
import { GitHubFacts } from '../github/graphql.ts';
import { statusOf, type StatusReport } from '../report/status.ts';
import type { BranchContext } from './context.ts';

export async function status(ctx: BranchContext): Promise<StatusReport> {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const report = await reconcile({ git: ctx.git, githubFacts, directory: ctx.directory, now: ctx.now, dryRun: true, ...(ctx.root ? { root: ctx.root } : {}) });
  const out = statusOf(report, ctx.now);
  // What each group confers, beside who holds it: the reviewer's question, asked of Graph (reads only).
  const { catalogueOfPolicy, accessLines } = await import('../entra/catalogue.ts');
  const catalogue = await catalogueOfPolicy(ctx.directory, report.config.policy, ctx.now);
  const unknown = new Set<string>();
  for (const g of out.groups) {
    const access = catalogue?.groups.find((a) => a.group === g.group);
    if (!access) continue;
    g.confers = accessLines({ ...access, unknown: [] });
    for (const u of access.unknown) unknown.add(u);
  }
  if (unknown.size > 0) out.confersUnknown = [...unknown];
  return out;
}

export function renderStatus(s: StatusReport): string[] {
  const out: string[] = [];
  if (s.degraded) out.push(`warning: ${s.degraded}`);
  for (const g of s.groups) {
    out.push(`${g.group} (${g.mode}${BACKENDS[g.backend].label ? `, ${BACKENDS[g.backend].label}` : ''})`);
    if (g.error) out.push(`  ${g.error}`);
    else if (g.members.length === 0) out.push('  nobody');
    for (const m of g.members) out.push(`  ${m.who.padEnd(24)} ${m.note ?? m.holds}${m.file ? `  ${m.file}` : ''}`);
    for (const line of g.confers ?? []) out.push(`  confers: ${line}`);
  }
  if (s.confersUnknown) out.push(`What the groups confer is not fully known: ${s.confersUnknown.join('; ')}.`);
  return out;
}
