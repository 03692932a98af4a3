// Release step: the template's workflows name the release by its tag in git (a commit cannot name its
// own id); the package the release publishes pins it by that tag's commit instead, with the version
// in a comment, as every other action is pinned. A tag can be moved by anyone who can push tags; a
// commit id cannot, and Dependabot updates both the id and the comment.
//   node scripts/pin-template.ts v1.1.0 <commit id of the tag>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const PIN = /uses: access-as-code\/access-as-code@(v\d+\.\d+\.\d+|[0-9a-f]{40})(?: # [^\n]*)?/g;

/** The release a pin names: its tag, or for a commit the version its comment names (undefined without one). */
function pinVersion(whole: string, ref: string): string | undefined {
  return ref.startsWith('v') ? ref : /# (v\d+\.\d+\.\d+)\b/.exec(whole)?.[1];
}

/** Every pin of the action in a workflow's text, with the release it names. */
export function actionPins(text: string): { ref: string; version: string | undefined }[] {
  return [...text.matchAll(PIN)].map((m) => ({ ref: m[1]!, version: pinVersion(m[0], m[1]!) }));
}

/** The workflow text with every pin of the action replaced by the commit, the version in a comment. */
export function pinByCommit(text: string, tag: string, commit: string): string {
  if (!/^v\d+\.\d+\.\d+$/.test(tag)) throw new Error(`"${tag}" is not a release tag (v1.2.3).`);
  if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`"${commit}" is not a full commit id (40 hexadecimal characters).`);
  return text.replace(PIN, (whole, ref: string) => {
    const named = pinVersion(whole, ref) ?? ref;
    if (named !== tag && ref !== commit)
      throw new Error(`a workflow pins ${named}, but the release is ${tag}: the template must name the version being released.`);
    return `uses: access-as-code/access-as-code@${commit} # ${tag}`;
  });
}

if (import.meta.main) {
  try {
    const [tag = '', commit = ''] = process.argv.slice(2);
    const dir = 'template/.github/workflows';
    let pinned = 0;
    for (const name of readdirSync(dir)) {
      const path = `${dir}/${name}`;
      const before = readFileSync(path, 'utf8');
      const after = pinByCommit(before, tag, commit);
      pinned += actionPins(after).length;
      writeFileSync(path, after);
    }
    if (pinned === 0) throw new Error(`no workflow in ${dir} uses access-as-code/access-as-code.`);
    process.stdout.write(`Pinned ${pinned} uses of access-as-code in ${dir} to ${commit} (${tag}).\n`);
  } catch (error) {
    process.stderr.write(`pin-template: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
