/**
 * An access repository and its world for end-to-end grant and revoke tests: a real git repository
 * (pull request branches, real merge commits on main), the twin with the matching Entra directory and
 * GitHub pull requests, and the bundled action run as the runner runs it.
 */
import { pushEvent, pullRequestEvent, runAction, type ActionRun } from '../../scripts/lib/actions-runner.ts';
import type { GitHubReview } from '../../scripts/twin/state.ts';
import { createRepo, type TestRepo } from './config.ts';
import { CLIENT, SUBJECT, TENANT, Twin } from './twin.ts';

export const GROUPS = {
  'prod-db-admins': '5b1c7f0e-0c3a-4a52-9a57-2f0e6c1f2d11',
  'k8s-prod-operators': '8e2d6a44-1f3b-4c7e-b5a9-6d0c2e8f4b13',
  'billing-readers': 'c3a9e7d2-5b4f-4e1a-8c6d-9f2b7e1a3c58',
} as const;
export const USERS = {
  octocat: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a01',
  monalisa: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a02',
  hubot: '2d7c9b1e-4f3a-4e8d-9a6b-1c5e7f2d8a40',
  breakglass: '0f9d4c1e-7a55-4d0c-9c6a-2b1e3f4a5d60',
  outsider: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
} as const;
export const TOKEN = 'ghs_grant_job_token';
const HOUR = 3_600_000;

export function iso(msFromNow: number): string {
  return new Date(Date.now() + msFromNow).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function requestYaml(fields: { requester: string; group: keyof typeof GROUPS | string; expiresIn?: number; expires?: string; ticket?: string }): string {
  return [
    'version: 1',
    `requester: ${fields.requester}`,
    `group: ${fields.group}`,
    `expires: "${fields.expires ?? iso(fields.expiresIn ?? HOUR)}"`,
    'justification: "Needed for the change window CHG-310"',
    ...(fields.ticket ? [`ticket: ${fields.ticket}`] : []),
    '',
  ].join('\n');
}

export interface Pull {
  number: number;
  branch: string;
  author: string;
  base: string;
  head: string;
  commits: { sha: string; author: string; committer: string }[];
  reviews: GitHubReview[];
}

export class Scenario {
  readonly repo: TestRepo;
  readonly twin: Twin;
  private nextPull = 1;
  private nextReview = 1;

  private constructor(repo: TestRepo, twin: Twin) {
    this.repo = repo;
    this.twin = twin;
  }

  static async start(options: { roleAssignable?: boolean } = {}): Promise<Scenario> {
    const repo = createRepo();
    const twin = await Twin.start({
      seed: {
        users: [
          { id: USERS.octocat, userPrincipalName: 'octocat@contoso.com' },
          { id: USERS.monalisa, userPrincipalName: 'monalisa@contoso.com' },
          { id: USERS.hubot, userPrincipalName: 'hubot@contoso.com' },
          { id: USERS.breakglass, userPrincipalName: 'breakglass@contoso.com' },
          { id: USERS.outsider, userPrincipalName: 'outsider@contoso.com' },
        ],
        groups: Object.entries(GROUPS).map(([name, id]) => ({ id, displayName: name, isAssignableToRole: options.roleAssignable === true && name === 'k8s-prod-operators' })),
        apps: [{ tenantId: TENANT, clientId: CLIENT, roles: ['GroupMember.ReadWrite.All', 'User.ReadBasic.All'], federatedSubjects: [SUBJECT] }],
        repos: [{ owner: 'acme', name: 'access', gitDir: repo.dir }],
        teams: { 'acme/sre-leads': ['lead1', 'lead2'], 'acme/dba-leads': ['dba1', 'octocat'], 'acme/finops': ['fin1'] },
        githubTokens: [TOKEN],
        oidcSubject: SUBJECT,
      },
    });
    return new Scenario(repo, twin);
  }

  /** A branch off main with one commit per entry of `pushes`, authored by `author` (or as given). */
  openPull(author: string, ...pushes: { files: Record<string, string | null>; by?: string }[]): Pull {
    const number = this.nextPull++;
    const branch = `pr-${number}`;
    this.repo.git('switch', '-q', 'main');
    const base = this.repo.head();
    this.repo.git('switch', '-q', '-c', branch);
    const commits = pushes.map((p) => ({ sha: this.repo.commit(`pr ${number}`, p.files), author: p.by ?? author, committer: p.by ?? author }));
    this.repo.git('switch', '-q', 'main');
    return { number, branch, author, base, head: commits[commits.length - 1]!.sha, commits, reviews: [] };
  }

  /** Adds a commit to an open pull request (a push after review). */
  push(pull: Pull, files: Record<string, string | null>, by = pull.author): void {
    this.repo.git('switch', '-q', pull.branch);
    const sha = this.repo.commit(`pr ${pull.number} again`, files);
    this.repo.git('switch', '-q', 'main');
    pull.commits.push({ sha, author: by, committer: by });
    pull.head = sha;
  }

  review(pull: Pull, reviewer: string, state: GitHubReview['state'] = 'APPROVED', commitId = pull.head): void {
    pull.reviews.push({ id: this.nextReview++, user: reviewer, state, commit_id: commitId, submitted_at: new Date(Date.now() + this.nextReview * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') });
  }

  /** Merges with a real merge commit on main and tells the twin's GitHub about the merged pull request. */
  merge(pull: Pull): { before: string; after: string } {
    this.repo.git('switch', '-q', 'main');
    const before = this.repo.head();
    this.repo.git('merge', '-q', '--no-ff', '-m', `Merge pull request #${pull.number}`, pull.branch);
    const after = this.repo.head();
    this.registerMerged(pull, after);
    return { before, after };
  }

  registerMerged(pull: Pull, mergeSha: string): void {
    const files = this.repo
      .git('diff', '--name-status', '--no-renames', `${pull.base}...${pull.head}`)
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [code, filename] = line.split('\t') as [string, string];
        return { filename, status: code === 'A' ? ('added' as const) : code === 'D' ? ('removed' as const) : ('modified' as const) };
      });
    const mergedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.twin.addPull('acme', 'access', {
      number: pull.number,
      title: `Access request #${pull.number}`,
      body: '',
      user: pull.author,
      state: 'closed',
      merged: true,
      created_at: mergedAt,
      merged_at: mergedAt,
      merge_commit_sha: mergeSha,
      head: { sha: pull.head, ref: pull.branch },
      base: { sha: pull.base, ref: 'main' },
      files,
      commits: pull.commits,
      reviews: pull.reviews,
    });
  }

  /** A commit straight on main, with no pull request. */
  directPush(files: Record<string, string | null>): { before: string; after: string } {
    this.repo.git('switch', '-q', 'main');
    const before = this.repo.head();
    return { before, after: this.repo.commit('direct push', files) };
  }

  grant(push: { before: string; after: string }, options: { ref?: string; eventName?: string; killAfterMs?: number } = {}): Promise<ActionRun> {
    const eventName = options.eventName ?? 'push';
    return runAction({
      workspace: this.repo.dir,
      inputs: { command: 'grant', 'dry-run': 'false', 'github-token': TOKEN, 'tenant-id': TENANT, 'client-id': CLIENT, 'authority-host': this.twin.urls.authorityHost, 'graph-endpoint': this.twin.urls.graph },
      eventName,
      event: eventName === 'push' ? pushEvent({ ...push, ...(options.ref ? { ref: options.ref } : {}) }) : pullRequestEvent({ number: 1, author: 'octocat', base: push.before, head: push.after }),
      env: { ...this.twin.env(), GITHUB_REPOSITORY: 'acme/access', GITHUB_REF: options.ref ?? 'refs/heads/main' },
      ...(options.killAfterMs !== undefined ? { killAfterMs: options.killAfterMs } : {}),
    });
  }

  /** A membership made earlier (by a past grant, or outside access-as-code). */
  addMember(group: keyof typeof GROUPS, login: keyof typeof USERS): void {
    this.twin.state.groups.get(GROUPS[group])!.members.add(USERS[login]);
  }

  /** A request that was merged with approval earlier; `expiresIn` may be negative (already expired). */
  approvedRequest(login: 'octocat' | 'monalisa' | 'hubot', group: keyof typeof GROUPS, expiresIn: number, options: { file?: string; approver?: string; ticket?: string } = {}): { pull: Pull; file: string } {
    const file = options.file ?? `requests/${group}/${login}-${this.nextPull}.yaml`;
    const pull = this.openPull(login, { files: { [file]: requestYaml({ requester: login, group, expiresIn, ...(options.ticket ? { ticket: options.ticket } : {}) }) } });
    const approvers = options.approver ? [options.approver] : group === 'k8s-prod-operators' ? ['lead1'] : group === 'billing-readers' ? ['fin1'] : ['dba1', 'monalisa'];
    for (const a of approvers) this.review(pull, a);
    this.merge(pull);
    return { pull, file };
  }

  revoke(options: { dryRun?: boolean; killAfterMs?: number } = {}): Promise<ActionRun> {
    return runAction({
      workspace: this.repo.dir,
      inputs: { command: 'revoke', 'dry-run': String(options.dryRun ?? false), 'github-token': TOKEN, 'tenant-id': TENANT, 'client-id': CLIENT, 'authority-host': this.twin.urls.authorityHost, 'graph-endpoint': this.twin.urls.graph },
      eventName: 'schedule',
      event: { schedule: '*/15 * * * *' },
      env: { ...this.twin.env(), GITHUB_REPOSITORY: 'acme/access', GITHUB_REF: 'refs/heads/main' },
      ...(options.killAfterMs !== undefined ? { killAfterMs: options.killAfterMs } : {}),
    });
  }

  report(): Promise<ActionRun> {
    return runAction({
      workspace: this.repo.dir,
      inputs: { command: 'report', 'github-token': TOKEN, 'tenant-id': TENANT, 'client-id': CLIENT, 'authority-host': this.twin.urls.authorityHost, 'graph-endpoint': this.twin.urls.graph },
      eventName: 'workflow_dispatch',
      event: {},
      env: { ...this.twin.env(), GITHUB_REPOSITORY: 'acme/access', GITHUB_REF: 'refs/heads/main' },
    });
  }

  members(group: keyof typeof GROUPS): string[] {
    const names = Object.fromEntries(Object.entries(USERS).map(([login, id]) => [id, login]));
    return this.twin.members(GROUPS[group]).map((id) => names[id] ?? id).sort();
  }

  comments(pull: Pull): string[] {
    return this.twin.state.repos.get('acme/access')!.comments.filter((c) => c.issue === pull.number).map((c) => c.body);
  }

  async stop(): Promise<void> {
    await this.twin.stop();
    this.repo.remove();
  }
}
