/** The command-line front door. Same engine as the action; output for people and editors. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { loadConfig } from '../config/config.ts';
import { draftRequest, keyAtLine, requestSchemaRef, requireLogin } from '../commands/new.ts';
import { reportHasErrors, validateTree, type ValidationReport } from '../commands/validate.ts';
import { clock, COMMON, FORMAT, jsonWanted, repoRoot, type CliIo } from './io.ts';
import { gitIn } from '../git/git.ts';
import { workingTree } from '../repo/files.ts';
import { EXIT, EXIT_HELP } from './exit.ts';

/**
 * The commands that talk to Entra or GitHub, and plan, are loaded only when run: `validate` and `new`
 * start without reading their code (the start-up figure in `npm run bench`).
 */
type EntraCommand = 'discoverCommand' | 'doctorCommand' | 'evidenceCommand' | 'grantCommand' | 'reportCommand' | 'statusCommand' | 'revokeCommand';
const entra =
  (name: EntraCommand) =>
  async (args: string[], io: CliIo): Promise<number> =>
    (await import('./entra-commands.ts'))[name](args, io);

/** The package's version, put in by the build. */
export { VERSION } from '../version.ts';
import { VERSION } from '../version.ts';
import { nearest } from '../nearest.ts';

/**
 * The one command table: the dispatcher and the help text are both made from it, so a command cannot
 * run without being documented, nor be documented without running.
 */
interface CommandEntry {
  name: string;
  /** Other names it answers to (the docs call the scheduled revoke "the sweep"). */
  aliases?: string[];
  /** Its usage: the synopsis, then lines of explanation. */
  usage: string[];
  /** Each option the synopsis names, as written there, and what it does (its --help lists them). */
  options?: Readonly<Record<string, string>>;
  run: (args: string[], io: CliIo) => Promise<number>;
}

const COMMAND_TABLE: CommandEntry[] = [
  {
    name: 'init',
    usage: [
      'init [--org ORG] [--github-repo OWNER/NAME] [--create-app [--broad] [--read-only-app]]',
      'write an access repository here from the template (policy, identities, CODEOWNERS,',
      'workflows, form), never over a file, and print the commands that finish the set-up;',
      '--create-app runs them with your az and gh sign-ins: the Entra app registration with its',
      'federated credential, the repository variables, the access-grant environment and its memory key;',
      'the app changes only the groups of a restricted administrative unit it makes (--broad: any group),',
      "and for azureRole entries writes only the policy's roles, for users (a delegation condition)",
    ],
    options: {
      '--org ORG': 'the GitHub organisation whose teams approve (replaces the example "acme" in CODEOWNERS and the policy)',
      '--github-repo OWNER/NAME': 'the access repository on GitHub (default: the origin remote), for the commands printed',
      '--create-app': 'make the app registration, environment, variables and federated credential now, with your az and gh',
      '--broad': 'with --create-app: tenant-wide GroupMember.ReadWrite.All instead of a restricted administrative unit',
      '--read-only-app': 'with --create-app: also a read-only app and the access-read environment, for report and discover',
    },
    run: async (a, io) => (await import('./init.ts')).initCommand(a, io),
  },
  { name: 'validate', usage: ['validate [paths...]', 'check request files, the policy, identities and CODEOWNERS'], run: (a, io) => validateCommand(a, io) },
  {
    name: 'new',
    usage: [
      'new --group G --for 4h --justification "..." [--ticket T] [--requester LOGIN]',
      'write a valid request file at the right path; --for counts',
      'from the merge (duration:), --until TIME sets a fixed end',
    ],
    options: {
      '--group G': 'the group, a key of groups: in the policy',
      '--for 4h': "how long, counted from the merge (m, h or d; at most the group's maxDuration)",
      '--until TIME': 'a fixed end instead (RFC 3339 with an offset)',
      '--justification "..."': 'why, 10 to 500 characters',
      '--ticket T': 'the ticket, where the group requires one',
      '--requester LOGIN': 'your GitHub login (default: git config github.user)',
    },
    run: (a, io) => newCommand(a, io),
  },
  {
    name: 'plan',
    usage: [
      'plan [--base REF] [--github-repo OWNER/NAME]',
      'what merging your changes under requests/ would change in Entra',
      '(against the merge base with REF; default origin/main or main), and, with',
      'GITHUB_TOKEN set, what each requested group confers, from the access dashboard',
    ],
    options: {
      '--base REF': 'compare with the merge base of REF (default: origin/main, else main)',
      '--github-repo OWNER/NAME': 'the repository whose access dashboard says what each group confers',
    },
    run: async (a, io) => (await import('./plan.ts')).planCommand(a, io),
  },
  {
    name: 'grant',
    usage: [
      'grant [--before SHA] [--dry-run]',
      "the grant job's reconciliation: verify every request on main,",
      'add what is approved and missing, remove what ended',
      '(prints what became of the request files changed since SHA, and comments on',
      'their pull requests with GITHUB_TOKEN and sends notices as the grant job does;',
      '--dry-run: the plan, every change and effect, changing nothing; --format json)',
    ],
    options: {
      '--before SHA': 'say what became of the request files changed since this commit',
      '--dry-run': 'print the plan (every change and effect) and change nothing',
    },
    run: entra('grantCommand'),
  },
  {
    name: 'revoke',
    aliases: ['sweep'],
    usage: [
      'revoke [--dry-run]',
      'the sweep (also "access-as-code sweep"): the same reconciliation, with reminders on the pull requests',
      'and chat notices (to the webhooks in ACCESS_WEBHOOKS), as the scheduled sweep',
      '(--dry-run: the plan, every change and effect, changing nothing; --format json)',
    ],
    options: { '--dry-run': 'print the plan (every change and effect) and change nothing' },
    run: entra('revokeCommand'),
  },
  {
    name: 'report',
    usage: ['report [--out FILE]', 'active grants, drift, overdue expiries and figures, as Markdown'],
    options: { '--out FILE': 'write the Markdown there instead of standard output' },
    run: entra('reportCommand'),
  },
  {
    name: 'evidence',
    usage: [
      'evidence --from TIME [--to TIME] [--format csv|json] [--out FILE]',
      'one row per grant in the period (requests and break-glass): who asked, who approved',
      'and when, granted, planned end, ended, removed by what and how late (docs/evidence.md)',
    ],
    options: {
      '--from TIME': 'the start of the period (RFC 3339)',
      '--to TIME': 'its end (default: now)',
      '--format csv|json': 'the rows as CSV (default) or JSON',
      '--out FILE': 'write there instead of standard output',
    },
    run: entra('evidenceCommand'),
  },
  {
    name: 'status',
    usage: [
      'status [--mine [--requester LOGIN]] [--at TIME]',
      'who holds access now, per group, until when and through which request;',
      "with a past --at, who held it then, from git and GitHub's records",
    ],
    options: {
      '--mine': 'only your own access (your login: --requester, else git config github.user)',
      '--requester LOGIN': 'with --mine: whose access, by GitHub login',
      '--at TIME': 'who held access at that time, from git and GitHub’s records',
    },
    run: entra('statusCommand'),
  },
  {
    name: 'form',
    usage: ['form [--check]', 'write .github/ISSUE_TEMPLATE/access-request.yml from the policy (or check it)'],
    options: { '--check': 'write nothing; exit 1 when the form there does not match the policy' },
    run: (a, io) => formCommand(a, io),
  },
  {
    name: 'discover',
    usage: [
      'discover [--write [--branch NAME]] [--format json]',
      'privileged groups outside the policy: why, what they confer, their standing members with',
      'last sign-in and days active, and who moves to just-in-time; --write proposes them',
      '(audit mode, standing exemptions with reasons) on a new branch to open a pull request from',
    ],
    options: {
      '--write': 'propose the groups found as policy entries (audit mode, standing exemptions) on a new branch',
      '--branch NAME': 'the branch --write makes (default: access-as-code/discover-<date>)',
      '--format json': 'the findings as one JSON object',
    },
    run: entra('discoverCommand'),
  },
  {
    name: 'doctor',
    usage: [
      'doctor [--tenant-id T] [--cloud C] [--authority-host URL] [--graph-endpoint URL]',
      "sign in to Entra and check the policy's groups, identities and the app's permissions",
    ],
    options: {
      '--tenant-id T': 'the Entra tenant (default: AZURE_TENANT_ID)',
      '--cloud C': 'public, usgov, usgov-dod or china',
      '--authority-host URL': 'the sign-in endpoint, for a cloud not listed',
      '--graph-endpoint URL': 'the Graph endpoint, for a cloud not listed',
    },
    run: entra('doctorCommand'),
  },
];

function usageLines(entry: Pick<CommandEntry, 'usage'>): string[] {
  const [synopsis, ...explain] = entry.usage;
  const head = `  access-as-code ${synopsis}`;
  const pad = ' '.repeat(41);
  // A short synopsis takes its first explanation on the same line, as before.
  if (head.length < 40 && explain.length > 0) return [`${head.padEnd(41)}${explain[0]}`, ...explain.slice(1).map((l) => `${pad}${l}`)];
  return [head, ...explain.map((l) => `${pad}${l}`)];
}

export const USAGE = [
  'access-as-code: just-in-time Entra ID group membership through pull requests',
  '',
  'Usage:',
  ...COMMAND_TABLE.flatMap(usageLines),
  ...usageLines({ usage: ['help', 'show this text (also --help on any command)'] }),
  ...usageLines({ usage: ['version', 'the version (also --version)'] }),
  '',
  'Options for every command:',
  '  --repo DIR     the access repository (default: the nearest folder up from here with .github/access-policy.yaml)',
  '  --at TIME      judge as if it were this RFC 3339 time, e.g. to check a request ahead of time',
  '  --format json  validate, plan, status, doctor, report and evidence: one JSON object on stdout,',
  '                 for scripts; grant and revoke with --dry-run: the plan',
  '  --progress     count the requests to GitHub, Graph and sign-in on stderr as they go, also when',
  '                 stderr is not a terminal (a terminal gets a live line anyway); --no-progress: none',
  '',
  'Entra and GitHub (grant, revoke, report, evidence, status, discover, doctor; plan for what groups confer):',
  '  --tenant-id T --cloud public|usgov|usgov-dod|china --authority-host URL --graph-endpoint URL --arm-endpoint URL',
  '                 which Entra; sign-in with AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or a certificate in the',
  '                 environment, else "az login"',
  '  --github-repo OWNER/NAME   the repository (default: GITHUB_REPOSITORY, else the origin remote);',
  '                 GITHUB_TOKEN (or GH_TOKEN) reads its pull requests and reviews, GITHUB_API_URL for GitHub Enterprise Server',
  '',
  ...EXIT_HELP,
].join('\n');

export type { CliIo } from './io.ts';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const d of sortDiagnostics([...error.diagnostics])) io.err(formatDiagnostic(d));
      io.err(`access-as-code: ${error.message}`);
      return EXIT.notDone;
    }
    // Entra refused the sign-in or a Graph call cannot succeed: the message says what to configure.
    if (
      error instanceof Error &&
      (error.name === 'SignInError' || error.name === 'DirectoryError' || error.name === 'GitHubUnavailableError' || error.name === 'GitHubPermissionError')
    ) {
      io.err(`access-as-code: ${error.message}`);
      return EXIT.notDone;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`access-as-code: ${error.message}\n\n${USAGE}`);
      return EXIT.notDone;
    }
    // Not one of the failures the commands explain (those are reported where they happen): a defect.
    io.err(`access-as-code: unexpected failure (a defect; please report it with this line): ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.notDone;
  }
}

/** Options every command takes, which may also come before the command ("access-as-code --repo X status"). */
const GLOBAL_WITH_VALUE = new Set(['--repo', '--at', '--format']);

/** The command and its arguments, with global options given before the command moved after it. */
export function commandLine(argv: readonly string[]): { command: string | undefined; rest: string[] } {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('--') && GLOBAL_WITH_VALUE.has(argv[i]!.split('=')[0]!)) {
    const takesNext = !argv[i]!.includes('=');
    leading.push(...argv.slice(i, takesNext ? i + 2 : i + 1));
    i += takesNext ? 2 : 1;
  }
  return { command: argv[i], rest: [...argv.slice(i + 1), ...leading] };
}

/** One command's help: its synopsis and explanation, then the options every command takes. */
/** One or two examples per command, shown by its --help (as gh's help does). */
const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  init: ['access-as-code init --org acme', 'access-as-code init --org acme --create-app --read-only-app'],
  validate: ['access-as-code validate', 'access-as-code validate requests/prod-db-admins/octocat-restore.yaml'],
  new: ['access-as-code new --group prod-db-admins --for 2h --justification "Restore the replica after INC-1234" --ticket INC-1234'],
  plan: ['access-as-code plan', 'access-as-code plan --base origin/main --format json'],
  grant: ['access-as-code grant --dry-run', 'access-as-code grant --dry-run --format json'],
  revoke: ['access-as-code sweep --dry-run', 'ACCESS_WEBHOOKS="default slack https://hooks.slack.com/..." access-as-code revoke'],
  report: ['access-as-code report --out report.md'],
  evidence: ['access-as-code evidence --from 2026-10-01T00:00:00Z --to 2026-12-31T23:59:59Z --format csv --out evidence.csv'],
  status: ['access-as-code status', 'access-as-code status --at 2026-11-24T18:00:00Z --format json'],
  form: ['access-as-code form', 'access-as-code form --check'],
  discover: ['access-as-code discover', 'access-as-code discover --write'],
  doctor: ['access-as-code doctor'],
};

function commandHelp(entry: CommandEntry): string {
  const examples = EXAMPLES[entry.name] ?? [];
  const options = Object.entries(entry.options ?? {});
  const width = Math.max(0, ...options.map(([flag]) => flag.length)) + 2;
  return [
    `Usage:`,
    ...usageLines(entry),
    ...(options.length > 0 ? ['', 'Options:', ...options.map(([flag, what]) => `  ${flag.padEnd(width)}${what}`)] : []),
    ...(examples.length > 0 ? ['', 'Examples:', ...examples.map((e) => `  ${e}`)] : []),
    '',
    ...USAGE.slice(USAGE.indexOf('Options for every command:')).split('\n'),
  ].join('\n');
}

/** The options a command names in its usage, and the ones every command takes. */
function optionsOf(entry: CommandEntry | undefined): string[] {
  const named = (entry?.usage.join(' ') ?? '').match(/--[a-z][a-z-]*/g) ?? [];
  return [...new Set([...named, ...GLOBAL_WITH_VALUE, '--help'])];
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const { command, rest } = commandLine(argv);
  if (command === '--version' || command === '-V' || command === 'version') {
    io.out(VERSION);
    return EXIT.ok;
  }
  const entry = COMMAND_TABLE.find((c) => c.name === command || (command !== undefined && c.aliases?.includes(command)));
  // Help is an answer, not a usage error: "access-as-code validate --help" exits 0.
  if (entry && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(commandHelp(entry));
    return EXIT.ok;
  }
  if (entry) return runEntry(entry, rest, io);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command === undefined ? EXIT.notDone : EXIT.ok;
  }
  const guess = nearest(
    command,
    COMMAND_TABLE.flatMap((c) => [c.name, ...(c.aliases ?? [])]),
  );
  io.err(`access-as-code: unknown command "${command}".${guess ? ` Did you mean "${guess}"?` : ''} "access-as-code help" lists the commands.`);
  return EXIT.notDone;
}

/** Runs a command; an option it does not know is a usage error with the nearest one it does. */
async function runEntry(entry: CommandEntry, rest: string[], io: CliIo): Promise<number> {
  // --at means the same in every command, and a value it cannot mean is refused in every command too.
  const atIndex = rest.findIndex((a) => a === '--at' || a.startsWith('--at='));
  if (atIndex >= 0) clock(rest[atIndex]!.startsWith('--at=') ? rest[atIndex]!.slice(5) : rest[atIndex + 1], io);
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (!(error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) throw error;
    const unknown = /option '(--?[^'\s]+)'/.exec(error.message)?.[1];
    // Never "did you mean" the very option refused: a global option this command does not take is said so.
    const guess = unknown
      ? nearest(
          unknown,
          optionsOf(entry).filter((o) => o !== unknown),
        )
      : undefined;
    // The command's own usage, not the whole help: "--help" shows the rest.
    io.err(
      `access-as-code ${entry.name}: ${error.message.split('. ')[0]}.${guess ? ` Did you mean ${guess}?` : ''}\n\nUsage:\n${usageLines(entry).join('\n')}\n\n"access-as-code ${entry.name} --help" describes every option.`,
    );
    return EXIT.notDone;
  }
}

/** Request files added or changed against the default branch (none outside a git repository). */
async function freshRequests(root: string): Promise<Set<string>> {
  const { DEFAULT_BASES, mergeBase, workingChanges } = await import('./changes.ts');
  const git = gitIn(root);
  const base = await mergeBase(git, DEFAULT_BASES).catch(() => undefined);
  if (!base) return new Set();
  return new Set((await workingChanges(git, base)).filter((c) => c.status !== 'deleted').map((c) => c.path));
}

async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ...COMMON, ...FORMAT }, allowPositionals: true, strict: true });
  const json = jsonWanted(values.format);
  const root = repoRoot(values.repo, io);
  const files = workingTree(root);
  let paths: string[] | undefined;
  if (positionals.length > 0) {
    paths = [];
    for (const p of positionals) {
      const rel = relative(root, resolve(io.cwd, p)).split(sep).join('/');
      if (rel.startsWith('..') || isAbsolute(rel)) throw new ConfigError(`${p} is outside the repository ${root}.`);
      const inside = await files.list(rel);
      if (inside.length > 0) paths.push(...inside.filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')));
      else if (existsSync(resolve(root, rel))) paths.push(rel);
      else throw new ConfigError(`${p} does not exist.`);
    }
  }
  // With no paths, requests that are new or changed against the default branch are judged as their
  // pull request will be (a request that passes here passes there), the others as history.
  const fresh = paths ? new Set<string>() : await freshRequests(root);
  const report = await validateTree(files, clock(values.at, io), paths, fresh);
  if (json) {
    const requests = report.verdicts.map((v) => ({
      file: v.file,
      valid: v.valid,
      ...(v.request
        ? {
            group: v.request.group,
            requester: v.request.requester,
            ends: v.request.durationMs !== undefined ? { duration: v.request.duration } : { expires: v.request.expires },
          }
        : {}),
      problems: sortDiagnostics([...v.diagnostics]),
    }));
    io.out(
      JSON.stringify(
        {
          checked: requests.length,
          valid: requests.filter((r) => r.valid).length,
          invalid: requests.filter((r) => !r.valid).length,
          requests,
          problems: sortDiagnostics([...report.diagnostics]),
        },
        null,
        2,
      ),
    );
  } else printReport(report, io, fresh);
  return reportHasErrors(report) ? EXIT.attention : EXIT.ok;
}

export function printReport(report: ValidationReport, io: CliIo, fresh: ReadonlySet<string> = new Set()): void {
  const all: Diagnostic[] = [...report.diagnostics, ...report.verdicts.flatMap((v) => v.diagnostics)];
  // One output contract for every command: problems on stderr, the result on stdout.
  for (const d of sortDiagnostics(all)) io.err(formatDiagnostic(d));
  const invalid = report.verdicts.filter((v) => !v.valid).length;
  const n = report.verdicts.length;
  const judgedNew = report.verdicts.filter((v) => fresh.has(v.file)).length;
  io.out(
    `${n} request${n === 1 ? '' : 's'} checked: ${n - invalid} valid, ${invalid} invalid.${judgedNew > 0 ? ` ${judgedNew} new or changed against the default branch, judged as ${judgedNew === 1 ? 'its pull request' : 'their pull requests'} will be.` : ''}`,
  );
}

async function newCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...COMMON,
      group: { type: 'string' },
      for: { type: 'string' },
      until: { type: 'string' },
      justification: { type: 'string' },
      ticket: { type: 'string' },
      requester: { type: 'string' },
    },
    strict: true,
  });
  const missing = (['group', 'for', 'justification'] as const).filter((k) =>
    k === 'for' ? values.for === undefined && values.until === undefined : values[k] === undefined,
  );
  if (missing.length > 0) {
    throw new ConfigError(
      `missing ${missing.map((m) => `--${m}`).join(', ')}. Example: access-as-code new --group prod-db-admins --for 2h --justification "Restore the replica after INC-1234" --ticket INC-1234`,
    );
  }
  const root = repoRoot(values.repo, io);
  const requester = requireLogin(values.requester ?? (await gitUser(root)));
  const config = await loadConfig(workingTree(root));
  const result = draftRequest(
    {
      group: values.group!,
      ...(values.for !== undefined ? { duration: values.for } : {}),
      ...(values.until !== undefined ? { until: values.until } : {}),
      justification: values.justification!,
      requester,
      now: clock(values.at, io),
      schema: requestSchemaRef(root, VERSION),
      ...(values.ticket !== undefined ? { ticket: values.ticket } : {}),
    },
    config,
    (path) => existsSync(resolve(root, path)),
  );
  if (!result.ok) {
    // The file was never written, so the problems are told against the options that produced them.
    for (const d of sortDiagnostics([...result.diagnostics]).filter((x) => x.severity === 'error'))
      io.err(`access-as-code new: ${optionFor(d.line, result.draftText)}${inOptions(d.message)}`);
    io.err('access-as-code: no file written; fix the options above and run the command again.');
    return EXIT.attention;
  }
  const target = resolve(root, result.draft.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, result.draft.text, { flag: 'wx' });
  io.out(`Wrote ${result.draft.path} (${result.draft.ends}).`);
  if (result.draft.alongside)
    io.out(
      `You already have ${result.draft.alongside}; this is a second request. To change that one instead (extend it, or end it early), edit or delete it in a pull request.`,
    );
  io.out("Next: commit it on a new branch and open a pull request; the folder's code owners approve it, and merging grants the access.");
  return EXIT.ok;
}

/** A request file's fix said in the options that set it: `duration: 4h` is `--for 4h`, `expires:` is `--until`. */
function inOptions(message: string): string {
  return message
    .replace(/add a line "ticket: <id>"/, 'pass --ticket <id>')
    .replace(/\bduration: (\d[\dhmd]*)/g, '--for $1')
    .replace(/\bexpires: "?([^"\s,]+)"?/g, '--until $1');
}

/** Which option set the line of the drafted file a problem is on, as "--option: ". */
function optionFor(line: number | undefined, text: string): string {
  const key = keyAtLine(text, line);
  const option: Record<string, string> = {
    requester: '--requester',
    group: '--group',
    duration: '--for',
    expires: '--until',
    justification: '--justification',
    ticket: '--ticket',
  };
  return key && option[key] ? `${option[key]}: ` : '';
}

/** `form [--check]`: writes the issue form from the policy, or says whether the one there matches it. */
async function formCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, check: { type: 'boolean' } }, strict: true });
  const root = repoRoot(values.repo, io);
  const { FORM_PATH, formProblems, issueForm } = await import('../form/form.ts');
  const config = await loadConfig(workingTree(root));
  const target = resolve(root, FORM_PATH);
  if (values.check) {
    const current = existsSync(target) ? await readFile(target, 'utf8') : undefined;
    if (current === undefined) {
      io.err(`access-as-code: there is no ${FORM_PATH}; run "access-as-code form" to write it.`);
      return EXIT.attention;
    }
    const problems = formProblems(current, config.policy);
    for (const d of problems) io.err(formatDiagnostic(d));
    if (problems.length === 0) io.out(`${FORM_PATH} matches the policy.`);
    return problems.length > 0 ? EXIT.attention : EXIT.ok;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, issueForm(config.policy));
  io.out(
    `Wrote ${FORM_PATH} (${config.policy.groups.size} group${config.policy.groups.size === 1 ? '' : 's'} in its list). Commit it; validate checks that it keeps matching the policy.`,
  );
  return EXIT.ok;
}

async function gitUser(root: string): Promise<string | undefined> {
  const out = await gitIn(root)
    .tryRun(['config', '--get', 'github.user'])
    .catch(() => undefined);
  const login = out?.toString('utf8').trim();
  return login === '' ? undefined : login;
}
