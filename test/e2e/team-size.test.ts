// A requester team's size costs nothing (issue 35): who may request is asked of GitHub per requester and
// team, never by listing the team, so a requester past the 10,100th member is judged like any other,
// with a bounded number of requests, and a search that matches more people than a page is read to
// its end before anyone is called "not a member".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scenario } from '../helpers/scenario.ts';

const HOUR = 3_600_000;

test('a requester in a team of more than 10,100 members is judged correctly, with a bounded number of GitHub requests', async () => {
  const s = await Scenario.begin();
  try {
    // @acme/sre (a requester team of prod-db-admins): 12,000 members who sort before hubot, 150 of
    // them with "hubot" in their login (GitHub's member search matches substrings), then hubot.
    const sre = s.twin.state.teams.get('acme/sre')!;
    sre.clear();
    for (let i = 0; i < 11_850; i++) sre.add(`aaa-${String(i).padStart(5, '0')}`);
    for (let i = 0; i < 150; i++) sre.add(`ahubot-${String(i).padStart(3, '0')}`);
    sre.add('hubot');
    s.approvedRequest('hubot', 'prod-db-admins', HOUR, { ticket: 'INC-1' });
    // monalisa is in no listed team and not listed by login: refused, though approved.
    s.approvedRequest('monalisa', 'prod-db-admins', HOUR, { ticket: 'INC-2', approver: 'dba1' });
    s.twin.log.clear();
    const run = await s.revoke();
    assert.deepEqual(s.members('prod-db-admins'), ['hubot'], run.stdout);
    assert.match(run.summary, /monalisa may not request prod-db-admins/);
    // Listing the team would take 121 pages of 100; asking about hubot and monalisa takes one query,
    // and one more page for hubot's search (151 matches).
    const graphql = s.twin.log.count('github', (r) => r.path === '/graphql');
    const all = s.twin.log.count('github');
    assert.ok(graphql <= 8, `${graphql} GraphQL queries`);
    assert.ok(all <= 14, `${all} GitHub requests`);
  } finally {
    await s.stop();
  }
});
