// A message that sends a person to a part of the documentation must name a part that exists: a
// quoted heading or bold phrase, or a numbered step of docs/setup.md ("step 4" is "## 4. ...",
// "step 2a" is "**a. ...**" under "## 2.").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('every pointer into docs/ from a message names a heading, a bold phrase or a step that exists', () => {
  const pointers = new Set<string>();
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/docs\/([a-z-]+\.md), (?:step (\d+)([a-z])?|"([^"]{3,80})")/g)) pointers.add(JSON.stringify([m[1], m[2], m[3], m[4]]));
  }
  assert.ok(pointers.size >= 5, 'the pattern still finds the pointers');
  for (const p of pointers) {
    const [doc, step, sub, quoted] = JSON.parse(p) as [string, string | undefined, string | undefined, string | undefined];
    const text = readFileSync(join('docs', doc), 'utf8');
    if (quoted) {
      assert.ok(
        new RegExp(`^#+ .*${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|\\*\\*(?:[a-z]\\. )?${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm').test(
          text,
        ),
        `${doc} has "${quoted}"`,
      );
      continue;
    }
    const section = text.split(/^## /m).find((s) => s.startsWith(`${step}. `));
    assert.ok(section, `${doc} has a step ${step}`);
    if (sub) assert.match(section, new RegExp(`\\*\\*${sub}\\. `), `${doc} step ${step} has a part ${sub}`);
  }
});
