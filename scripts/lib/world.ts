/**
 * An access repository and its world, for end-to-end tests and the demo: a real git repository (pull
 * request branches, real merge commits on main), the twin with the matching Entra directory and GitHub
 * pull requests, and the bundled action run as the runner runs it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { pushEvent, pullRequestEvent, runAction, type ActionRun } from './actions-runner.ts';
import { workflowTokens, type Permissions } from '../twin/permissions.ts';
import { createRepo, type TestRepo } from './git-repo.ts';
import { checkedOut, GitObjects, setBranch } from './git-objects.ts';
import { refFromFiles } from '../twin/git-data.ts';
import type { GitHubReview, TwinSeed } from '../twin/state.ts';
import { Twin } from '../twin/twin.ts';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT = '0b7c8a2e-3f1d-4c5b-9e6a-1d2c3b4a5f60';
export const SUBJECT = 'repo:acme/access:environment:access-grant';
export const TOKEN = 'ghs_grant_job_token';
/** The app's service principal in the tenant (its tokens' oid). */
export const SERVICE_PRINCIPAL = '6c0e1f2a-3b4c-4d5e-8f70-91a2b3c4d5e6';

const HOUR = 3_600_000;

/**
 * The template's workflows, the one source of every job's token: a run of a command gets exactly the
 * `permissions:` block of the workflow that runs it, and the App token exactly what its step asks for.
 */
export const TEMPLATE_WORKFLOWS = fileURLToPath(new URL('../../template/.github/workflows/', import.meta.url));
export const WORKFLOW_OF = {
  validate: 'access-validate.yml',
  grant: 'access-grant.yml',
  revoke: 'access-revoke.yml',
  report: 'access-report.yml',
  doctor: 'access-doctor.yml',
  'break-glass': 'access-break-glass.yml',
  issue: 'access-request-form.yml',
  discover: 'access-discover.yml',
} as const;
export type WorkflowCommand = keyof typeof WORKFLOW_OF;

/** What the teams GitHub App is granted when it is registered as docs/setup.md (step 6) says. */
export const TEAMS_APP_PERMISSIONS: Permissions = { members: 'read', 'pull-requests': 'read' };

/** A workflow's tokens as the runner gives them to its job (the template's file unless a test passes its own text). */
export function templateTokens(command: WorkflowCommand, text?: string): ReturnType<typeof workflowTokens> {
  const source = text ?? readFileSync(`${TEMPLATE_WORKFLOWS}${WORKFLOW_OF[command]}`, 'utf8');
  let tokens = workflowsRead.get(source);
  if (!tokens) {
    tokens = workflowTokens(parse(source));
    workflowsRead.set(source, tokens);
  }
  return structuredClone(tokens);
}
/** Each workflow text's tokens, read once per process (a test starts the same few workflows again and again). */
const workflowsRead = new Map<string, ReturnType<typeof workflowTokens>>();

export function iso(msFromNow: number): string {
  return new Date(Date.now() + msFromNow).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function requestYaml(fields: { requester: string; group: string; expiresIn?: number; expires?: string; duration?: string; ticket?: string }): string {
  return [
    'version: 1',
    `requester: ${fields.requester}`,
    `group: ${fields.group}`,
    fields.duration !== undefined ? `duration: ${fields.duration}` : `expires: "${fields.expires ?? iso(fields.expiresIn ?? HOUR)}"`,
    'justification: "Needed for the change window CHG-310"',
    ...(fields.ticket ? [`ticket: ${fields.ticket}`] : []),
    '',
  ].join('\n');
}

/**
 * The repository settings docs/setup.md recommends, as GitHub reports them: the ruleset on main (step
 * 5: the grant relies on GitHub for who pushed), the grant environment, deployable from main alone
 * (step 4), and the labels the workflows use (step 9).
 */
export function recommendedSetUp(twin: Twin, repo = 'acme/access'): void {
  const r = twin.state.repos.get(repo)!;
  r.labels = new Set(['access-request', 'access-dashboard', 'access-break-glass']);
  r.environments.set('access-grant', { policy: { protected_branches: false, custom_branch_policies: true }, patterns: [{ name: 'main', type: 'branch' }] });
  r.rules.push({
    type: 'pull_request',
    parameters: {
      required_approving_review_count: 1,
      require_code_owner_review: true,
      dismiss_stale_reviews_on_push: true,
      require_last_push_approval: true,
      required_review_thread_resolution: false,
    },
  });
}

export interface Pull {
  number: number;
  branch: string;
  author: string;
  base: string;
  head: string;
  commits: { sha: string; author: string; committer: string; signer?: string }[];
  reviews: GitHubReview[];
}

export class AccessWorld {
  readonly repo: TestRepo;
  readonly twin: Twin;
  protected nextPull = 1;
  private nextReview = 1;
  /** The grant environment's memory key, given to grant and revoke runs when set (docs/setup.md). */
  memoryKey: string | undefined;
  /**
   * Whether the teams GitHub App is set up (the variable ACCESS_APP_CLIENT_ID): then each workflow's
   * create-github-app-token step runs and its token is the action's teams-token.
   */
  teamsApp = true;
  /** Workflow text a test uses instead of the template's (a block with a permission taken out). */
  readonly workflowText = new Map<WorkflowCommand, string>();

  protected constructor(repo: TestRepo, twin: Twin) {
    this.repo = repo;
    this.twin = twin;
  }

  /**
   * A repository whose first commit is `configFrom` (policy, identities, CODEOWNERS), and a twin seeded
   * with `seed` plus the app registration, the repository and the grant job's token.
   */
  static async create(configFrom: string, seed: TwinSeed): Promise<{ repo: TestRepo; twin: Twin }> {
    // An access repository holds its workflows too: the break-glass record is checked against its workflow file.
    const repo = createRepo({ configFrom, workflowsFrom: fileURLToPath(new URL('../../.github/workflows', import.meta.url)) });
    const twin = await Twin.start({
      seed: {
        ...seed,
        apps: [
          {
            tenantId: TENANT,
            clientId: CLIENT,
            roles: ['GroupMember.ReadWrite.All', 'User.ReadBasic.All', 'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'],
            federatedSubjects: [SUBJECT],
            clientSecret: 'twin-client-secret',
            servicePrincipalId: SERVICE_PRINCIPAL,
          },
        ],
        repos: [{ owner: 'acme', name: 'access', gitDir: repo.dir }],
        githubTokens: [TOKEN],
        oidcSubject: SUBJECT,
      },
    });
    // The recommended ruleset on main (docs/setup.md, step 5): the grant relies on GitHub for who pushed.
    recommendedSetUp(twin);
    return { repo, twin };
  }

  static async start(configFrom: string, seed: TwinSeed): Promise<AccessWorld> {
    const { repo, twin } = await AccessWorld.create(configFrom, seed);
    return new AccessWorld(repo, twin);
  }

  /** A person closes an issue (or reopens it), as GitHub records it: state, closed_by and the event. */
  closeIssue(number: number, by: string, reason: 'completed' | 'not_planned' | 'reopen'): void {
    const issue = this.twin.state.repos.get('acme/access')!.issues.get(number)!;
    const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (reason === 'reopen') Object.assign(issue, { state: 'open', closed_by: undefined, state_reason: null });
    else Object.assign(issue, { state: 'closed', closed_by: by, state_reason: reason });
    issue.events = [
      ...(issue.events ?? []),
      {
        id: this.twin.state.nextId++,
        event: reason === 'reopen' ? 'reopened' : 'closed',
        actor: by,
        created_at: at,
        ...(reason === 'reopen' ? {} : { state_reason: reason }),
      },
    ];
    issue.updated_at = at;
  }

  /** The next issue or pull request number: GitHub numbers both in one sequence. */
  nextNumber(): number {
    const known = this.twin.state.repos.get('acme/access');
    const taken = known ? Math.max(0, ...known.pulls.keys(), ...known.issues.keys()) : 0;
    const number = Math.max(this.nextPull, taken + 1, (known?.lastNumber ?? 0) + 1);
    this.nextPull = number + 1;
    if (known) known.lastNumber = number;
    return number;
  }

  /** A branch off main with one commit per entry of `pushes`, authored by `author` (or as given). */
  openPull(author: string, ...pushes: { files: Record<string, string | null>; by?: string; signer?: string }[]): Pull {
    const number = this.nextNumber();
    const branch = `pr-${number}`;
    const who = (p: (typeof pushes)[number]) => ({ author: p.by ?? author, committer: p.by ?? author, ...(p.signer ? { signer: p.signer } : {}) });
    // The branch's commits written as objects, main staying checked out (scripts/lib/git-objects.ts);
    // git itself where they cannot be.
    const quick = this.commitsOnBranch(
      branch,
      this.repo.head(),
      pushes.map((p) => p.files),
      `pr ${number}`,
    );
    if (quick) {
      const commits = quick.map((sha, i) => ({ sha, ...who(pushes[i]!) }));
      return { number, branch, author, base: quick.base, head: commits[commits.length - 1]!.sha, commits, reviews: [] };
    }
    this.repo.git('switch', '-q', 'main');
    const base = this.repo.head();
    this.repo.git('switch', '-q', '-c', branch);
    const commits = pushes.map((p) => ({
      sha: Object.keys(p.files).length === 0 ? this.repo.emptyCommit(`pr ${number}`) : this.repo.commit(`pr ${number}`, p.files),
      ...who(p),
    }));
    this.repo.git('switch', '-q', 'main');
    return { number, branch, author, base, head: commits[commits.length - 1]!.sha, commits, reviews: [] };
  }

  /**
   * Commits on a branch that is not checked out, written as objects while main stays checked out (a
   * new branch from `from`, or more commits on an existing one); undefined when git must make them.
   */
  private commitsOnBranch(
    branch: string,
    from: string,
    changes: readonly Record<string, string | null>[],
    message: string,
  ): (string[] & { base: string }) | undefined {
    // git itself when: main is not checked out, the branch exists but has moved from `from` (or is
    // new and named like an existing one), or a test dates its commits (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE).
    if (checkedOut(this.repo.dir) !== 'main' || changes.length === 0) return undefined;
    if (process.env.GIT_AUTHOR_DATE !== undefined || process.env.GIT_COMMITTER_DATE !== undefined) return undefined;
    const tip = refFromFiles(this.repo.dir, branch);
    if (tip !== undefined && tip !== from) return undefined;
    const objects = new GitObjects(this.repo.dir);
    const shas: string[] = [];
    let parent = from;
    for (const files of changes) {
      const sha = objects.commitOn(parent, files, message);
      if (!sha) return undefined;
      shas.push((parent = sha));
    }
    setBranch(this.repo.dir, branch, parent);
    return Object.assign(shas, { base: from });
  }

  /** Adds a commit to an open pull request (a push after review). */
  push(pull: Pull, files: Record<string, string | null>, by = pull.author): void {
    const quick = this.commitsOnBranch(pull.branch, pull.head, [files], `pr ${pull.number} again`);
    let sha = quick?.[0];
    if (!sha) {
      this.repo.git('switch', '-q', pull.branch);
      sha = this.repo.commit(`pr ${pull.number} again`, files);
      this.repo.git('switch', '-q', 'main');
    }
    pull.commits.push({ sha, author: by, committer: by });
    pull.head = sha;
  }

  /** `git diff --name-status [-M|--no-renames] base...head` of a pull request, read in this process where it can be. */
  private pullNameStatus(pull: Pull, renames: boolean): string[] {
    const objects = new GitObjects(this.repo.dir);
    // base...head compares with their merge base, which is the base itself when the head descends from it.
    const quick = objects.isAncestor(pull.base, pull.head) === true ? objects.nameStatus(pull.base, pull.head, renames) : undefined;
    return (
      quick ??
      this.repo
        .git('diff', '--name-status', renames ? '-M' : '--no-renames', `${pull.base}...${pull.head}`)
        .split('\n')
        .filter(Boolean)
    );
  }

  review(pull: Pull, reviewer: string, state: GitHubReview['state'] = 'APPROVED', commitId = pull.head): void {
    // GitHub requests a review from the code-owner teams and records a member's review as made on
    // behalf of them, with the team's membership at that moment.
    const codeowners = new GitObjects(this.repo.dir).fileAt(pull.base, '.github/CODEOWNERS') ?? this.repo.git('show', `${pull.base}:.github/CODEOWNERS`);
    const teams = [...this.twin.state.teams]
      .filter(
        ([team, members]) =>
          members.has(reviewer.toLowerCase()) && new RegExp(`(^|\\s)@${team.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\s|$)`, 'im').test(codeowners),
      )
      .map(([team]) => team);
    pull.reviews.push({
      id: this.nextReview++,
      user: reviewer,
      state,
      commit_id: commitId,
      submitted_at: new Date(Date.now() + this.nextReview * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(teams.length > 0 ? { on_behalf_of: teams } : {}),
    });
  }

  /** Merges with a real merge commit on main and tells the twin's GitHub about the merged pull request. */
  merge(pull: Pull): { before: string; after: string } {
    if (checkedOut(this.repo.dir) !== 'main') this.repo.git('switch', '-q', 'main');
    const before = this.repo.head();
    this.repo.git('merge', '-q', '--no-ff', '-m', `Merge pull request #${pull.number}`, pull.branch);
    const after = this.repo.head();
    this.registerMerged(pull, after);
    return { before, after };
  }

  /** A squash merge: one new commit on main with the pull request's changes, as GitHub's "Squash and merge" makes. */
  squashMerge(pull: Pull): { before: string; after: string } {
    this.repo.git('switch', '-q', 'main');
    const before = this.repo.head();
    this.repo.git('merge', '-q', '--squash', pull.branch);
    this.repo.git('commit', '-q', '--allow-empty', '-m', `Squashed #${pull.number}`);
    const after = this.repo.head();
    this.registerMerged(pull, after);
    return { before, after };
  }

  /** A rebase merge: each commit of the pull request replayed on main, as GitHub's "Rebase and merge" makes. */
  rebaseMerge(pull: Pull): { before: string; after: string } {
    this.repo.git('switch', '-q', 'main');
    const before = this.repo.head();
    const landed: string[] = [];
    for (const c of pull.commits) {
      this.repo.git('cherry-pick', '--allow-empty', '--keep-redundant-commits', c.sha);
      landed.push(this.repo.head());
    }
    const after = this.repo.head();
    this.registerMerged(pull, after, landed);
    return { before, after };
  }

  /**
   * Tells the twin's GitHub about a merged pull request. Its files are listed as GitHub lists them:
   * a rename is one "renamed" entry that names the old path in previous_filename.
   */
  /** Tells the twin's GitHub about a pull request that is open (waiting for review). */
  registerOpen(pull: Pull): void {
    const files = this.pullNameStatus(pull, false).map((line) => {
      const [code, path] = line.split('\t') as [string, string];
      return { filename: path, status: code === 'A' ? ('added' as const) : code === 'D' ? ('removed' as const) : ('modified' as const) };
    });
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.twin.addPull('acme', 'access', {
      number: pull.number,
      title: `Access request #${pull.number}`,
      body: '',
      user: pull.author,
      state: 'open',
      merged: false,
      created_at: now,
      merged_at: null,
      merge_commit_sha: null,
      head: { sha: pull.head, ref: pull.branch },
      base: { sha: pull.base, ref: 'main' },
      files,
      commits: pull.commits,
      reviews: pull.reviews,
    });
  }

  registerMerged(pull: Pull, mergeSha: string, landed: string[] = [], base = 'main'): void {
    const files = this.pullNameStatus(pull, true).map((line) => {
      const [code, first, second] = line.split('\t') as [string, string, string | undefined];
      if (code.startsWith('R')) return { filename: second!, status: 'renamed' as const, previous_filename: first };
      return { filename: first, status: code === 'A' ? ('added' as const) : code === 'D' ? ('removed' as const) : ('modified' as const) };
    });
    // GitHub merges after the reviews it counted: the merge time is never before the last review.
    const lastReview = Math.max(0, ...pull.reviews.map((r) => Date.parse(r.submitted_at)));
    const mergedAt = new Date(Math.max(Date.now(), lastReview + 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
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
      base: { sha: pull.base, ref: base },
      files,
      commits: pull.commits,
      reviews: pull.reviews,
      ...(landed.length > 0 ? { landed } : {}),
    });
  }

  /**
   * A change to the access configuration made the approved way: a pull request by `author`, approved
   * by the code owners of .github/ (`approvers`, members of their team), merged.
   */
  approvedConfigChange(
    files: Record<string, string | null>,
    options: { author?: string; approvers?: string[] } = {},
  ): { before: string; after: string; number: number } {
    const pull = this.openPull(options.author ?? 'octocat', { files });
    for (const a of options.approvers ?? ['sec1', 'sec2']) this.review(pull, a);
    return { ...this.merge(pull), number: pull.number };
  }

  /** A commit straight on main, with no pull request. */
  directPush(files: Record<string, string | null>): { before: string; after: string } {
    this.repo.git('switch', '-q', 'main');
    const before = this.repo.head();
    return { before, after: this.repo.commit('direct push', files) };
  }

  /**
   * The job token (`github-token`, as action.yml's default github.token) and teams-token a run of
   * `command` gets from its workflow, issued by the twin with exactly the workflow's permissions.
   */
  jobInputs(command: WorkflowCommand): Record<string, string> {
    const tokens = templateTokens(command, this.workflowText.get(command));
    const file = WORKFLOW_OF[command];
    const inputs: Record<string, string> = { 'github-token': this.twin.issueJobToken(tokens.block, file) };
    if (this.teamsApp && tokens.appToken !== undefined)
      inputs['teams-token'] = this.twin.issueAppToken(tokens.appToken === 'all' ? undefined : tokens.appToken, TEAMS_APP_PERMISSIONS);
    return inputs;
  }

  /** The runner's variables naming the workflow a run belongs to (GITHUB_WORKFLOW_REF, as GitHub sets it). */
  workflowEnv(command: WorkflowCommand, ref = 'refs/heads/main'): Record<string, string> {
    return { GITHUB_WORKFLOW_REF: `acme/access/.github/workflows/${WORKFLOW_OF[command]}@${ref}` };
  }

  grant(
    push: { before: string; after: string },
    options: { ref?: string; eventName?: string; killAfterMs?: number; env?: Record<string, string>; inputs?: Record<string, string> } = {},
  ): Promise<ActionRun> {
    const eventName = options.eventName ?? 'push';
    return runAction({
      workspace: this.repo.dir,
      inputs: {
        command: 'grant',
        'dry-run': 'false',
        ...this.jobInputs('grant'),
        'tenant-id': TENANT,
        'client-id': CLIENT,
        'authority-host': this.twin.urls.authorityHost,
        'graph-endpoint': this.twin.urls.graph,
        ...(this.memoryKey ? { 'memory-key': this.memoryKey } : {}),
        ...options.inputs,
      },
      eventName,
      event:
        eventName === 'push'
          ? pushEvent({ ...push, ...(options.ref ? { ref: options.ref } : {}) })
          : pullRequestEvent({ number: 1, author: 'octocat', base: push.before, head: push.after }),
      env: { ...this.twin.env(), ...this.workflowEnv('grant'), GITHUB_REPOSITORY: 'acme/access', GITHUB_REF: options.ref ?? 'refs/heads/main', ...options.env },
      ...(options.killAfterMs !== undefined ? { killAfterMs: options.killAfterMs } : {}),
    });
  }

  revoke(options: { dryRun?: boolean; killAfterMs?: number; killWhen?: () => boolean; inputs?: Record<string, string> } = {}): Promise<ActionRun> {
    return runAction({
      workspace: this.repo.dir,
      inputs: {
        command: 'revoke',
        'dry-run': String(options.dryRun ?? false),
        ...this.jobInputs('revoke'),
        'tenant-id': TENANT,
        'client-id': CLIENT,
        'authority-host': this.twin.urls.authorityHost,
        'graph-endpoint': this.twin.urls.graph,
        ...(this.memoryKey ? { 'memory-key': this.memoryKey } : {}),
        ...options.inputs,
      },
      eventName: 'schedule',
      event: { schedule: '*/15 * * * *' },
      env: { ...this.twin.env(), ...this.workflowEnv('revoke'), GITHUB_REPOSITORY: 'acme/access', GITHUB_REF: 'refs/heads/main' },
      ...(options.killAfterMs !== undefined ? { killAfterMs: options.killAfterMs } : {}),
      ...(options.killWhen ? { killWhen: options.killWhen } : {}),
    });
  }

  report(): Promise<ActionRun> {
    return runAction({
      workspace: this.repo.dir,
      inputs: {
        command: 'report',
        ...this.jobInputs('report'),
        'tenant-id': TENANT,
        'client-id': CLIENT,
        ...(this.memoryKey ? { 'memory-key': this.memoryKey } : {}),
        'authority-host': this.twin.urls.authorityHost,
        'graph-endpoint': this.twin.urls.graph,
      },
      eventName: 'workflow_dispatch',
      event: {},
      env: { ...this.twin.env(), ...this.workflowEnv('report'), GITHUB_REPOSITORY: 'acme/access', GITHUB_REF: 'refs/heads/main' },
    });
  }

  /** The pull request check (access-validate.yml) on a pull request. */
  validate(pull: Pull): Promise<ActionRun> {
    return runAction({
      workspace: this.repo.dir,
      // The job token, read-only: the check reads the dashboard for what each group confers.
      inputs: { command: 'validate', ...this.jobInputs('validate') },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: pull.number, author: pull.author, base: pull.base, head: pull.head }),
      env: {
        ...this.twin.env(),
        ...this.workflowEnv('validate', `refs/pull/${pull.number}/merge`),
        GITHUB_REPOSITORY: 'acme/access',
        GITHUB_REF: `refs/pull/${pull.number}/merge`,
      },
    });
  }

  /** The access-doctor workflow's run: the set-up check with the app's own identity. */
  doctor(options: { inputs?: Record<string, string> } = {}): Promise<ActionRun> {
    return runAction({
      workspace: this.repo.dir,
      inputs: {
        command: 'doctor',
        ...this.jobInputs('doctor'),
        'tenant-id': TENANT,
        'client-id': CLIENT,
        'authority-host': this.twin.urls.authorityHost,
        'graph-endpoint': this.twin.urls.graph,
        ...options.inputs,
      },
      eventName: 'workflow_dispatch',
      event: {},
      env: { ...this.twin.env(), ...this.workflowEnv('doctor'), GITHUB_REPOSITORY: 'acme/access', GITHUB_REF: 'refs/heads/main' },
    });
  }

  /** Member ids of an Entra group, sorted. */
  memberIds(groupId: string): string[] {
    return this.twin.members(groupId);
  }

  comments(pull: Pull): string[] {
    return this.twin.state.repos
      .get('acme/access')!
      .comments.filter((c) => c.issue === pull.number)
      .map((c) => c.body);
  }

  async stop(): Promise<void> {
    await this.twin.stop();
    this.repo.remove();
  }
}
