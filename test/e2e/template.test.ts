// The documented way to adopt access-as-code: a separate access repository made from template/, with
// only requests/ and .github/, whose workflows run the released action. Here the bundled action runs
// against such a repository the way the runner runs it, and the packed command line is installed
// from its tarball and used in it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { AccessWorld } from '../../scripts/lib/world.ts';
import { pullRequestEvent, runAction } from '../../scripts/lib/actions-runner.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = join(ROOT, 'template');
const policy = parse(readFileSync(join(TEMPLATE, '.github/access-policy.yaml'), 'utf8')) as { groups: Record<string, { id: string }> };
const identities = parse(readFileSync(join(TEMPLATE, '.github/access-identities.yaml'), 'utf8')) as { users: Record<string, { upn?: string; id?: string }> };
const temp: string[] = [];
// One suite, so that its hooks apply to this file's tests alone when files share a process (scripts/test.ts).
describe('template', () => {
  after(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  }

  test('template/ holds only requests/ and .github/ (and a README), and its workflows run the released action', () => {
    assert.deepEqual(readdirSync(TEMPLATE).sort(), ['.github', 'README.md', 'requests']);
    assert.match(
      readFileSync(join(TEMPLATE, '.github/dependabot.yml'), 'utf8'),
      /package-ecosystem: github-actions/,
      'the template keeps its pinned actions up to date',
    );
    for (const file of readdirSync(join(TEMPLATE, '.github/workflows'))) {
      const text = readFileSync(join(TEMPLATE, '.github/workflows', file), 'utf8');
      // Pinned to a release, as docs/setup.md tells users to pin it (Dependabot moves the pin).
      assert.match(text, /uses: access-as-code\/access-as-code@v\d+\.\d+\.\d+ # the release this template comes with; Dependabot moves it\n/, file);
      assert.doesNotMatch(text, /uses: \.\//, `${file} runs the action from a checkout the access repository does not have`);
      // The same workflow as this repository's own, which runs the action from the checkout.
      assert.equal(
        text.replace(/uses: access-as-code\/access-as-code@v[^\n]*/, 'uses: ./'),
        readFileSync(join(ROOT, '.github/workflows', file), 'utf8'),
        `${file} differs from .github/workflows/${file}`,
      );
    }
  });

  test('in a repository made from template/: new (run in requests/) writes a request naming the released schema, the bundled action validates it, and merging with approval grants it', async () => {
    const users = Object.entries(identities.users).map(([login, ref], i) => ({
      id: ref.id ?? `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      userPrincipalName: ref.upn ?? `${login}@contoso.com`,
    }));
    const world = await AccessWorld.start(TEMPLATE, {
      users,
      groups: Object.entries(policy.groups).map(([name, g]) => ({ id: g.id, displayName: name })),
      teams: { 'acme/sre-leads': ['lead1'], 'acme/dba-leads': ['dba1'], 'acme/finops': ['fin1'], 'acme/platform-security': ['sec1'] },
    });
    const { repo, twin } = world;
    try {
      assert.ok(!existsSync(join(repo.dir, 'schemas')) && !existsSync(join(repo.dir, 'action.yml')), 'no copy of the project in the access repository');
      const made = await run(
        process.execPath,
        [
          join(ROOT, 'dist/cli.js'),
          'new',
          '--group',
          'k8s-prod-operators',
          '--for',
          '1h',
          '--justification',
          'Drain the node pool for CHG-310',
          '--ticket',
          'CHG-310',
          '--requester',
          'hubot',
        ],
        join(repo.dir, 'requests'),
      );
      assert.equal(made.code, 0, made.err);
      const path = /^Wrote (\S+) /m.exec(made.out)![1]!;
      assert.equal(path, 'requests/k8s-prod-operators/hubot-chg-310.yaml');
      const text = readFileSync(join(repo.dir, path), 'utf8');
      assert.match(
        text,
        /^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/access-as-code\/access-as-code\/v1\/schemas\/access-request\.schema\.json\n/,
      );
      rmSync(join(repo.dir, path));

      const pull = world.openPull('hubot', { files: { [path]: text } });
      const check = await runAction({
        workspace: repo.dir,
        inputs: { command: 'validate' },
        eventName: 'pull_request',
        event: pullRequestEvent({ number: pull.number, author: 'hubot', base: pull.base, head: pull.head }),
      });
      assert.equal(check.exitCode, 0, check.stdout);
      assert.deepEqual(
        JSON.parse(check.outputs.requests!).map((r: { file: string; verdict: string }) => [r.file, r.verdict]),
        [[path, 'valid']],
      );

      world.review(pull, 'lead1');
      const granted = await world.grant(world.merge(pull));
      assert.equal(granted.exitCode, 0, granted.stdout);
      assert.deepEqual(world.memberIds(policy.groups['k8s-prod-operators']!.id), [identities.users.hubot!.id]);
    } finally {
      await twin.stop();
      repo.remove();
    }
  });

  test('the packed command line installs from its tarball with no other download and works from a subfolder of an access repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aac-pack-'));
    temp.push(dir);
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    const tarball = join(dir, packed);
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    assert.ok(listing.includes('package/dist/cli.js') && listing.includes('package/LICENSE'), listing.join('\n'));
    // The template comes with the package: init writes it.
    assert.ok(
      listing.includes('package/template/.github/access-policy.yaml') && listing.includes('package/template/.github/workflows/access-grant.yml'),
      'the template for init',
    );
    // The guides travel with the command: docs/setup.md wherever the package is installed.
    assert.ok(listing.includes('package/docs/setup.md') && listing.includes('package/docs/README.md'), 'the docs');
    assert.deepEqual(
      listing.filter((f) => /^package\/(src|test|scripts|node_modules)\//.test(f)),
      [],
      'only what the command line needs',
    );
    // --offline: the package must not need anything from the registry.
    execFileSync('npm', ['install', '--global', '--offline', '--prefix', join(dir, 'prefix'), tarball], { cwd: dir, stdio: 'pipe' });
    const bin = join(dir, 'prefix', 'bin', 'access-as-code');
    const version = await run(bin, ['--version'], dir);
    assert.equal(version.out.trim(), (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);

    const access = join(dir, 'access');
    execFileSync('cp', ['-R', TEMPLATE, access]);
    const checked = await run(bin, ['validate'], join(access, 'requests'));
    assert.equal(checked.code, 0, checked.err + checked.out);
    assert.equal(checked.out.trim(), '0 requests checked: 0 valid, 0 invalid.');
    // init from the installed package writes the template it carries.
    const fresh = join(dir, 'fresh');
    mkdirSync(fresh);
    const made = await run(bin, ['init', '--org', 'contoso'], fresh);
    assert.equal(made.code, 0, made.err + made.out);
    assert.match(readFileSync(join(fresh, '.github/CODEOWNERS'), 'utf8'), /@contoso\/platform-security/);
  });
});
