import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  MEMORY_BRANCH,
  MEMORY_COMMIT_FILES
} from "./chunk-OSJQDFGN.js";
import "./chunk-OZ6IWOJH.js";

// src/memory/write.ts
var README = `# access-as-code memory

Written by the access-as-code grant and sweep jobs: what GitHub said about the merged pull requests of
active access requests, so that each run asks GitHub only about what changed, and the verdict of each
break-glass review issue's close as the sweep first judged it (verdicts/). Each file carries a MAC
made with the memory key, a secret of the grant environment; a file without a valid MAC is ignored.
Deleting this branch is safe: the next run asks GitHub again.
`;
async function writeMemory(gh, repo, change, message) {
  try {
    return await write(gh, repo, change, message);
  } catch (error) {
    const e = error;
    const said = e.errors?.length ? e.errors.map((x) => x.message ?? "").join("; ") : `${e.status ? `HTTP ${e.status}: ` : ""}${e.message ?? String(error)}`;
    const permission = e.status === 403 || /not accessible by integration/i.test(said);
    throw new Error(`GitHub refused to write the ${MEMORY_BRANCH} branch: ${said}${permission ? '. The workflow needs "contents: write" to remember' : ""}`, {
      cause: error
    });
  }
}
async function write(gh, repo, change, message) {
  let head = change.expectedHead;
  let deletions = change.deletions;
  for (let i = 0; i === 0 || i < change.files.length; i += MEMORY_COMMIT_FILES) {
    head = await writeOne(gh, repo, { expectedHead: head, files: change.files.slice(i, i + MEMORY_COMMIT_FILES), deletions }, message);
    deletions = [];
  }
  return head;
}
async function writeOne(gh, repo, change, message) {
  if (!change.expectedHead) {
    const files = [{ path: "README.md", content: README }, ...change.files];
    const { data: tree } = await gh.rest.git.createTree({
      ...repo,
      tree: files.map((f) => ({ path: f.path, mode: "100644", type: "blob", content: f.content }))
    });
    const { data: commit } = await gh.rest.git.createCommit({ ...repo, message, tree: tree.sha, parents: [] });
    await gh.rest.git.createRef({ ...repo, ref: `refs/heads/${MEMORY_BRANCH}`, sha: commit.sha });
    return commit.sha;
  }
  const input = {
    branch: { repositoryNameWithOwner: `${repo.owner}/${repo.repo}`, branchName: MEMORY_BRANCH },
    expectedHeadOid: change.expectedHead,
    message: { headline: message },
    fileChanges: {
      additions: change.files.map((f) => ({ path: f.path, contents: Buffer.from(f.content, "utf8").toString("base64") })),
      deletions: change.deletions.map((path) => ({ path }))
    }
  };
  const answer = await gh.graphql(
    "mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }",
    { input }
  );
  const oid = answer.createCommitOnBranch?.commit?.oid;
  if (typeof oid !== "string") throw new Error("GitHub did not say which commit it made");
  return oid;
}
export {
  writeMemory
};
