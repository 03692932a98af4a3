// Progress on network work: which service a request went to, and when the live line is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsLine, progressMode, serviceOf, serviceUrls } from '../../src/cli/progress.ts';

test("requests are named by the service they went to: the given endpoints first, then Microsoft's and GitHub's hosts", () => {
  const services = serviceUrls(['doctor', '--graph-endpoint', 'https://127.0.0.1:9001', '--authority-host=https://127.0.0.1:9002/'], {
    GITHUB_API_URL: 'https://ghes.example.com/api/v3',
  });
  assert.equal(serviceOf('https://127.0.0.1:9001/v1.0/$batch', services), 'Graph');
  assert.equal(serviceOf('https://127.0.0.1:9002/tenant/oauth2/v2.0/token', services), 'sign-in');
  assert.equal(serviceOf('https://ghes.example.com/api/v3/repos/o/r', services), 'GitHub');
  assert.equal(serviceOf('https://ghes.example.com/api/graphql', services), 'ghes.example.com', 'a prefix is a whole path segment');
  assert.equal(serviceOf('https://graph.microsoft.us/v1.0/groups', services), 'Graph');
  assert.equal(serviceOf('https://management.azure.com/subscriptions', services), 'Azure Resource Manager');
  assert.equal(serviceOf('https://api.github.com/graphql', services), 'GitHub');
  assert.equal(
    countsLine(
      new Map([
        ['GitHub', 3],
        ['Graph', 12],
      ]),
    ),
    'GitHub 3, Graph 12',
  );
});

test('the live line is for a terminal; --progress forces lines, --no-progress and CI turn it off; both flags are taken out', () => {
  assert.deepEqual(progressMode(['status'], true, {}), { mode: 'terminal', rest: ['status'] });
  assert.deepEqual(progressMode(['status'], false, {}), { mode: 'off', rest: ['status'] });
  assert.deepEqual(progressMode(['status'], true, { CI: 'true' }), { mode: 'off', rest: ['status'] });
  assert.deepEqual(progressMode(['status', '--progress'], false, { CI: 'true' }), { mode: 'lines', rest: ['status'] });
  assert.deepEqual(progressMode(['--progress', 'status', '--no-progress'], true, {}), { mode: 'off', rest: ['status'] });
});

test('on a terminal the live line counts requests as they go and is erased before other output and at the end', async () => {
  const { watchNetwork } = await import('../../src/cli/progress.ts');
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const written: string[] = [];
  try {
    const watch = watchNetwork({ mode: 'terminal', services: [{ name: 'GitHub', url }], write: (t) => written.push(t), now: () => Date.now() });
    await (await fetch(`${url}/repos/acme/access`)).text();
    await (await fetch(`${url}/graphql`)).text();
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.ok(
      written.some((t) => /^\r\x1b\[K… \d+\.\d s: GitHub 2 requests$/.test(t)),
      JSON.stringify(written),
    );
    watch.clear();
    assert.equal(written.at(-1), '\r\x1b[K', 'erased before another line is written');
    watch.clear();
    assert.equal(written.filter((t) => t === '\r\x1b[K').length, 1, 'erased once: nothing to erase the second time');
    watch.stop();
    assert.ok(!written.some((t) => t.startsWith('Network:')), 'no totals on a terminal');
  } finally {
    server.close();
  }
});
