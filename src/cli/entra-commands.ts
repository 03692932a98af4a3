/** The CLI commands that talk to Entra and GitHub: grant, revoke, report, status, doctor. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { planLines, type RunPlan } from '../plan/plan.ts';
import type { EffectOutcome } from '../plan/effects.ts';
import { NO_WEBHOOKS, type EffectPorts } from '../execute/executor.ts';
import type { GitHub } from '../github/client.ts';
import { loadConfig } from '../config/config.ts';
import type { GroupResult } from '../reconcile/decide.ts';
import { whatHappened } from '../backends/outcome-words.ts';
import type { BranchContext } from '../commands/context.ts';
import { ConfigError, formatDiagnostic } from '../diagnostics.ts';
import { gitIn, isWorkTree } from '../git/git.ts';
import { workingTree } from '../repo/files.ts';
import { clock, COMMON, FORMAT, jsonWanted, repoRoot, type CliIo } from './io.ts';
import { EXIT } from './exit.ts';
import { MEMORY_KEY_MIN_LENGTH } from '../memory/memory.ts';
import { ROOT_COMMIT } from '../config/approved.ts';

/**
 * The pinned root of trust (invariant 23) from ACCESS_ROOT_COMMIT, the repository variable's name, so
 * that a laptop judges as the workflows do: export ACCESS_ROOT_COMMIT="$(gh variable get ACCESS_ROOT_COMMIT)".
 */
function pinned(): { root?: string } {
  const value = (process.env.ACCESS_ROOT_COMMIT ?? '').trim();
  if (value === '') return {};
  if (!ROOT_COMMIT.test(value))
    throw new ConfigError(
      `ACCESS_ROOT_COMMIT is ${JSON.stringify(value.slice(0, 80))}; it must be a full 40-character commit id in lower case (gh variable get ACCESS_ROOT_COMMIT).`,
    );
  return { root: value };
}

const ENTRA = {
  'tenant-id': { type: 'string' },
  cloud: { type: 'string' },
  'authority-host': { type: 'string' },
  'graph-endpoint': { type: 'string' },
  'arm-endpoint': { type: 'string' },
} as const;

/** The sign-in authority the CLI uses: --authority-host, else AZURE_AUTHORITY_HOST (as @azure/identity reads it), else the cloud's own. */
function authorityOf(values: { cloud?: string; 'authority-host'?: string }): string | undefined {
  return values['authority-host'] ?? (process.env.AZURE_AUTHORITY_HOST || undefined);
}

async function localDirectory(values: { 'tenant-id'?: string; cloud?: string; 'authority-host'?: string; 'graph-endpoint'?: string; 'arm-endpoint'?: string }) {
  const { directoryFromLocal } = await import('../entra/connect.ts');
  const tenantId = values['tenant-id'] ?? process.env.AZURE_TENANT_ID;
  const authorityHost = authorityOf(values);
  return directoryFromLocal({
    ...(tenantId ? { tenantId } : {}),
    ...(values.cloud ? { cloud: values.cloud } : {}),
    ...(authorityHost ? { authorityHost } : {}),
    ...(values['graph-endpoint'] ? { graphEndpoint: values['graph-endpoint'] } : {}),
    ...(values['arm-endpoint'] ? { armEndpoint: values['arm-endpoint'] } : {}),
  });
}

/** GitHub for the CLI: GITHUB_TOKEN (or GH_TOKEN), GITHUB_API_URL, and the repository from --github-repo, GITHUB_REPOSITORY or the origin remote. */
export async function localGitHub(root: string, repoOption: string | undefined) {
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
  if (!token)
    throw new ConfigError(
      "set GITHUB_TOKEN (or GH_TOKEN) to a token that can read this repository's pull requests and reviews, e.g. GITHUB_TOKEN=$(gh auth token).",
    );
  const given = repoOption ?? process.env.GITHUB_REPOSITORY;
  if (given !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(given))
    throw new ConfigError(`${repoOption !== undefined ? '--github-repo' : 'GITHUB_REPOSITORY'} "${given}" is not owner/name (for example acme/access).`);
  let full = given;
  if (!full) {
    const url =
      (
        await gitIn(root)
          .tryRun(['remote', 'get-url', 'origin'])
          .catch(() => undefined)
      )
        ?.toString('utf8')
        .trim() ?? '';
    // Only a remote on GitHub (or the GitHub Enterprise Server GITHUB_SERVER_URL names) says which repository.
    const host = (() => {
      try {
        return new URL(process.env.GITHUB_SERVER_URL ?? 'https://github.com').host;
      } catch {
        return 'github.com';
      }
    })();
    const onGitHub = url.includes(`@${host}:`) || url.includes(`://${host}/`) || url.includes(`@${host}/`);
    full = onGitHub ? /[/:]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(url)?.[1] : undefined;
    if (!full)
      throw new ConfigError(
        `which GitHub repository? ${url ? `The origin remote (${url}) is not on ${host}; ` : 'There is no origin remote; '}pass --github-repo owner/name.`,
      );
  }
  const { createGitHub } = await import('../github/client.ts');
  const [owner, name] = full.split('/') as [string, string];
  return { gh: createGitHub({ token, ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}) }), repo: { owner, repo: name } };
}

/** A dry run's plan: JSON (--format json) or one line per change and effect, with ids and reasons. */
function printPlan(io: CliIo, plan: RunPlan, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(plan, null, 2));
    return;
  }
  if (plan.degraded) io.err(`warning: ${plan.degraded}`);
  const lines = planLines(plan);
  io.out(`Plan at ${plan.head.slice(0, 7)} (dry run: nothing is changed):`);
  for (const line of lines.length > 0 ? lines : ['nothing to change.']) io.out(`  ${line}`);
}

/**
 * The CLI's ports for the same executor as the action: comments on pull requests with GITHUB_TOKEN,
 * chat notices to the webhooks in ACCESS_WEBHOOKS (the action's `webhooks` secret, same lines), none
 * without it.
 */
async function cliPorts(gh: GitHub, repo: { owner: string; repo: string }): Promise<EffectPorts> {
  const { githubEffectPorts } = await import('../execute/github-ports.ts');
  const { notify, parseWebhooks } = await import('../notify/notify.ts');
  const hooks = process.env.ACCESS_WEBHOOKS ? parseWebhooks(process.env.ACCESS_WEBHOOKS) : [];
  return { ...(await githubEffectPorts(gh, repo)), ...(hooks.length > 0 ? { notify: (events) => notify(hooks, events) } : {}) };
}

/** What making the effects did, one line each; notices without webhooks are said once. */
function presentCliEffects(io: CliIo, outcomes: readonly EffectOutcome[]): EffectOutcome[] {
  const unsent = outcomes.filter((o) => o.status === 'skipped' && o.detail === NO_WEBHOOKS).length;
  for (const o of outcomes) if (!(o.status === 'skipped' && o.detail === NO_WEBHOOKS)) io.out(`${o.id}: ${o.status}: ${o.detail}`);
  if (unsent > 0) io.err(`${unsent} notice${unsent === 1 ? '' : 's'} not sent: set ACCESS_WEBHOOKS to the webhooks secret's lines to send them.`);
  return [...outcomes];
}

export async function revokeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...ENTRA, ...FORMAT, 'dry-run': { type: 'boolean' }, 'github-repo': { type: 'string' } },
    strict: true,
  });
  const json = jsonWanted(values.format);
  if (json && !values['dry-run']) throw new ConfigError('--format json prints the plan of a dry run: add --dry-run.');
  const root = repoRoot(values.repo, io);
  const { gh, repo } = await localGitHub(root, values['github-repo']);
  const { planRevoke, applyRevoke } = await import('../commands/revoke.ts');
  const git = gitIn(root);
  const now = clock(values.at, io);
  const ctx = {
    git,
    gh,
    repo,
    directory: await localDirectory(values),
    now,
    dryRun: values['dry-run'] ?? false,
    requireCurrentHead: true,
    ...pinned(),
  };
  const planned = await planRevoke(ctx);
  if (planned.report.dryRun) {
    printPlan(io, planned.plan, json);
    return planned.report.failed ? EXIT.attention : EXIT.ok;
  }
  // The same reminders and notices as the scheduled sweep (each reminder once per request version).
  const { report, outcomes } = await applyRevoke(planned, ctx, await cliPorts(gh, repo));
  if (report.degraded) io.err(`warning: ${report.degraded}`);
  printChanges(io, report.groups, false);
  const made = presentCliEffects(io, outcomes.effects);
  io.out('Sweep finished.');
  return report.failed || made.some((o) => o.status === 'failed') ? EXIT.attention : EXIT.ok;
}

/** Each change the run made or tried, a failed one with the service's reason (a 403 names the permission). */
function printChanges(io: CliIo, groups: readonly GroupResult[], failedOnly: boolean): void {
  for (const g of groups) {
    if (g.error) io.out(`${g.group}: ${g.error}`);
    for (const d of g.dispositions) {
      if (d.action === 'keep' || (failedOnly && d.outcome !== 'failed')) continue;
      io.out(
        `${g.group}: ${d.type} ${d.id} ${whatHappened(g, d, false)} (${d.reason}${d.files.length ? `: ${d.files.join(', ')}` : ''})${d.outcome === 'failed' && d.detail ? `: ${d.detail}` : ''}`,
      );
    }
  }
}

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, ...ENTRA, ...FORMAT, out: { type: 'string' }, 'github-repo': { type: 'string' } }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const { gh, repo } = await localGitHub(root, values['github-repo']);
  const { collectReport } = await import('../commands/report.ts');
  const { renderReport } = await import('../report/render.ts');
  const git = gitIn(root);
  // ACCESS_MEMORY_KEY (the grant environment's secret) lets the report read the standing members the sweep records each day.
  const key = process.env.ACCESS_MEMORY_KEY ?? '';
  const memory = key.length >= MEMORY_KEY_MIN_LENGTH ? { memory: { key, repository: `${repo.owner}/${repo.repo}` } } : {};
  const data = await collectReport({ git, gh, repo, directory: await localDirectory(values), now: clock(values.at, io), ...memory, ...pinned() });
  const markdown = json ? JSON.stringify(data, null, 2) : renderReport(data);
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), markdown);
    io.out(`Wrote ${values.out}.`);
  } else io.out(markdown);
  // No false green: without GitHub no request could be verified, and the exit status says so.
  if (data.degraded) io.err(`warning: GitHub could not be read, so no request was verified: ${data.degraded}`);
  return data.degraded ? EXIT.attention : EXIT.ok;
}

/** `evidence --from T [--to T] [--format csv|json] [--out FILE]`: one row per grant in the period, for auditors. */
export async function evidenceCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...ENTRA, ...FORMAT, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, 'github-repo': { type: 'string' } },
    strict: true,
  });
  const now = clock(values.at, io);
  if (!values.from) throw new ConfigError('evidence needs --from, an RFC 3339 time such as 2026-10-01T00:00:00Z (and --to, default now).');
  const from = clock(values.from, io, '--from');
  const to = values.to ? clock(values.to, io, '--to') : now;
  if (from >= to) throw new ConfigError(`--from (${values.from}) must be before --to (${values.to ?? 'now'}).`);
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new ConfigError(`--format "${format}" is not known for evidence: use csv or json.`);
  const root = repoRoot(values.repo, io);
  const { gh, repo } = await localGitHub(root, values['github-repo']);
  const { collectEvidence, evidenceCsv } = await import('../commands/evidence.ts');
  const rows = await collectEvidence({ git: gitIn(root), gh, repo, directory: await localDirectory(values), now, from, to, ...pinned() });
  const text =
    format === 'json' ? `${JSON.stringify({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), rows }, null, 2)}\n` : evidenceCsv(rows);
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), text);
    io.err(`Wrote ${rows.length} row${rows.length === 1 ? '' : 's'} to ${values.out}.`);
  } else io.out(text.replace(/\n$/, ''));
  return EXIT.ok;
}

/** `status [--mine] [--format json]`: who holds access now, per group, and until when. */
export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...ENTRA, ...FORMAT, mine: { type: 'boolean' }, requester: { type: 'string' }, 'github-repo': { type: 'string' } },
    strict: true,
  });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  let login: string | undefined;
  if (values.mine) {
    login =
      values.requester ??
      (
        await gitIn(root)
          .tryRun(['config', '--get', 'github.user'])
          .catch(() => undefined)
      )
        ?.toString('utf8')
        .trim();
    if (!login)
      throw new ConfigError('--mine needs your GitHub login: pass --requester <login>, or set it once with "git config --global github.user <login>".');
  }
  const { gh, repo } = await localGitHub(root, values['github-repo']);
  const at = clock(values.at, io);
  // A time in the past: who held what then, from git and GitHub's records (the evidence), not from
  // Entra's members now.
  if (at < io.now() - 60_000)
    return statusThen(io, { git: gitIn(root), gh, repo, directory: await localDirectory(values), now: io.now(), ...pinned() }, at, login, json);
  const { status, renderStatus } = await import('../commands/status.ts');
  const directory = await localDirectory(values);
  const report = await status({ git: gitIn(root), gh, repo, directory, now: at, ...pinned() });
  if (login) {
    const me = login.toLowerCase();
    // People, not logins: a member with no request is listed by object id, so yours are found through
    // the Entra user your login maps to in the identities.
    const ref = (await loadConfig(workingTree(root))).identities.users.get(me);
    if (!ref)
      throw new ConfigError(
        `${login} is not in .github/access-identities.yaml, so no access can be granted to that login; check the login (--requester, or git config github.user), or add it to the identities in a pull request.`,
      );
    const userId = (await directory.resolveUser(ref).catch(() => undefined))?.id.toLowerCase();
    for (const g of report.groups) g.members = g.members.filter((m) => m.who.toLowerCase() === me || (userId !== undefined && m.id.toLowerCase() === userId));
    // Yours only: who holds what, not what the groups confer.
    for (const g of report.groups) delete g.confers;
    delete report.confersUnknown;
    report.groups = report.groups.filter((g) => g.members.length > 0);
  }
  if (json) io.out(JSON.stringify(report, null, 2));
  else {
    for (const line of renderStatus(report)) io.out(line);
    if (login && report.groups.length === 0) io.out(`${login} holds no access through the managed groups.`);
  }
  // Without GitHub's word the listing is Entra's side only (which requests are approved is not known):
  // shown, but not a success.
  return report.degraded ? EXIT.attention : EXIT.ok;
}

/** `status --at <past time>`: the grants in force then, per group, with the request or run that held each. */
async function statusThen(io: CliIo, ctx: BranchContext, at: number, login: string | undefined, json: boolean): Promise<number> {
  const { collectEvidence, heldAt } = await import('../commands/evidence.ts');
  const rows = heldAt(await collectEvidence({ ...ctx, from: at, to: at + 1 }), at, login);
  if (json) {
    io.out(JSON.stringify({ at: new Date(at).toISOString(), holders: rows }, null, 2));
    return EXIT.ok;
  }
  io.out(`At ${new Date(at).toISOString()}, from git and GitHub's records (requests and break-glass; members added outside access-as-code are not in them):`);
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  if (groups.length === 0) io.out('  nobody held access through a request or break-glass.');
  for (const g of groups) {
    io.out(g);
    for (const r of rows.filter((x) => x.group === g))
      io.out(
        `  ${r.requester.padEnd(24)} ${r.kind === 'break-glass' ? 'break-glass' : 'request'} since ${r.grantedAt}, until ${r.endedAt || r.plannedEnd}${r.endedAt !== '' && Date.parse(r.endedAt) <= at ? ` (ended, removed ${r.removedAt || 'later'})` : ''}  ${r.source}${r.pullRequest ? ` ${r.pullRequest}` : ''}`,
      );
  }
  return EXIT.ok;
}

export async function doctorCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, ...ENTRA, ...FORMAT }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const config = await loadConfig(workingTree(root));
  const { doctor } = await import('../commands/doctor.ts');
  const directory = await localDirectory(values);
  const { resolveCloud } = await import('../entra/cloud.ts');
  const authorityHost = authorityOf(values);
  // Said first, so that a sign-in failure below is read against the authority that was tried.
  io.err(
    `Signing in through ${resolveCloud({ ...(values.cloud ? { cloud: values.cloud } : {}), ...(authorityHost ? { authorityHost } : {}) }).authorityHost}${values['authority-host'] ? ' (--authority-host)' : authorityHost ? ' (AZURE_AUTHORITY_HOST)' : ''}.`,
  );
  const report = await doctor(config, directory);
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return report.diagnostics.some((d) => d.severity === 'error') ? EXIT.attention : EXIT.ok;
  }
  for (const g of report.groups) {
    io.out(`${g.name.padEnd(24)} ${g.problem ? `PROBLEM: ${g.problem}` : `ok: "${g.displayName}", ${g.members} member${g.members === 1 ? '' : 's'}`}`);
    for (const line of g.confers ?? []) io.out(`${' '.repeat(25)}confers: ${line}`);
  }
  const unresolved = report.identities.filter((i) => !i.resolved).map((i) => i.login);
  io.out(
    `identities: ${report.identities.length - unresolved.length} of ${report.identities.length} resolve to Entra users${unresolved.length ? ` (not found: ${unresolved.join(', ')})` : ''}.`,
  );
  for (const line of report.identity?.lines ?? []) io.out(line);
  io.out(
    "GitHub's side (the ruleset on main, the access-grant environment, the labels, each workflow's permissions) is checked by the access-doctor workflow, with the job's own token: run it from the Actions tab.",
  );
  for (const d of report.diagnostics) io.err(formatDiagnostic(d));
  return report.diagnostics.some((d) => d.severity === 'error') ? EXIT.attention : EXIT.ok;
}

/** `grant [--before A]`: what the grant job does, run by hand: reconcile, and report on what changed since A. */
export async function grantCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...ENTRA, ...FORMAT, before: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'github-repo': { type: 'string' } },
    strict: true,
  });
  const json = jsonWanted(values.format);
  if (json && !values['dry-run']) throw new ConfigError('--format json prints the plan of a dry run: add --dry-run.');
  const root = repoRoot(values.repo, io);
  const git = gitIn(root);
  const { gh, repo } = await localGitHub(root, values['github-repo']);
  const { planGrant, applyGrant } = await import('../commands/grant.ts');
  const directory = await localDirectory(values);
  const planned = await planGrant({
    git,
    gh,
    repo,
    directory,
    before: values.before ?? '0000000000000000000000000000000000000000',
    now: clock(values.at, io),
    requireCurrentHead: true,
    dryRun: values['dry-run'] ?? false,
    ...pinned(),
  });
  if (planned.report.dryRun) {
    printPlan(io, planned.plan, json);
    return planned.report.failed ? EXIT.attention : EXIT.ok;
  }
  // The plan a dry run prints, made: the Entra changes, then the same comments and notices as the grant job.
  const { report, outcomes } = await applyGrant(planned, { directory, ports: await cliPorts(gh, repo) });
  if (report.degraded) io.err(`warning: ${report.degraded}`);
  for (const item of report.items) io.out(`${item.file}: ${item.outcome}: ${item.detail}`);
  if (report.items.length === 0) io.out('No request files changed between the two commits.');
  // The rest of the reconciliation: what failed is said with Entra's reason, whatever file it concerns.
  printChanges(io, report.groups, true);
  const made = presentCliEffects(io, outcomes.effects);
  return report.failed || made.some((o) => o.status === 'failed') ? EXIT.attention : EXIT.ok;
}

/** `discover [--write] [--format json]`: privileged groups outside the policy, their standing members and usage, and a proposal. */
export async function discoverCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, ...ENTRA, ...FORMAT, write: { type: 'boolean' }, branch: { type: 'string' } }, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const config = await loadConfig(workingTree(root));
  const directory = await localDirectory(values);
  const { discover, renderDiscovery } = await import('../commands/discover.ts');
  const now = clock(values.at, io);
  io.err('Reading the tenant (read-only): role assignments, administrator app roles, groups, members and their sign-ins…');
  const found = await discover(directory, config.policy, now);
  if (json) io.out(JSON.stringify(found, null, 2));
  else for (const line of renderDiscovery(found)) io.out(line);
  // "None found" while something could not be read is no answer: said, and the exit status says so (no false green).
  const blind = found.groups.length === 0 && found.azureRoles.length === 0 && found.unknown.length > 0;
  if (!values.write) return blind ? EXIT.attention : EXIT.ok;
  if (!(await isWorkTree(gitIn(root))))
    throw new ConfigError(`${root} is not a git repository: --write proposes the change on a new branch. Run it in a clone of the access repository.`);
  const { writeProposal } = await import('./discover-write.ts');
  const branch = values.branch ?? `access-as-code/discover-${new Date(now).toISOString().slice(0, 10)}`;
  const written = await writeProposal(gitIn(root), root, config, found, now, branch);
  if (written.added.length === 0) {
    io.err(
      blind
        ? 'Nothing written: what could not be read (above) may hide groups to onboard.'
        : 'Nothing to onboard: no discovered group can be managed by access-as-code (see above).',
    );
    return blind ? EXIT.attention : EXIT.ok;
  }
  io.err(
    [
      `Wrote the proposal on branch ${written.branch}: ${written.added.join(', ')} join the policy in audit mode, with standing exemptions for the members who stay.`,
      'Nothing changed in Entra. Next:',
      `  git push -u origin ${written.branch}    and open a pull request; its check shows what the change does`,
      '  once merged, the sweep reports (never removes) their members without a request;',
      '  switching a group to "mode: enforce" is its own reviewed change, and its check lists whom it removes.',
    ].join('\n'),
  );
  return EXIT.ok;
}
