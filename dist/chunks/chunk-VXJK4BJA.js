import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/github/issues.ts
function authorOf(user) {
  return { author: user?.login ?? "", authorBot: user?.type === "Bot" };
}
async function editComment(gh, repo, id, body) {
  await gh.rest.issues.updateComment({ ...repo, comment_id: id, body });
}
async function issuesWithLabel(gh, repo, label) {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, labels: label, state: "open", per_page: 100 });
  return issues.filter((i) => !i.pull_request).map((i) => ({ number: i.number, ...authorOf(i.user), body: i.body ?? "", nodeId: i.node_id }));
}
async function createIssue(gh, repo, title, body, labels) {
  const { data } = await gh.rest.issues.create({ ...repo, title, body, labels });
  return { number: data.number, ...authorOf(data.user), body: data.body ?? "", nodeId: data.node_id };
}
async function setIssueBody(gh, repo, number, body) {
  await gh.rest.issues.update({ ...repo, issue_number: number, body });
}
async function pinIssue(gh, issueNodeId) {
  try {
    await gh.graphql("mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number } } }", { id: issueNodeId });
    return void 0;
  } catch (error) {
    const errors = error.errors;
    const why = errors?.length ? errors.map((e) => String(e.message)).join("; ") : error.message.replace(/\s+/g, " ");
    return /3 pinned issues/.test(why) ? `${why} (GitHub pins at most three issues per repository: unpin one, and the next sweep pins the dashboard).` : why;
  }
}
async function issuesWithLabelAll(gh, repo, label, detail = () => true, alsoBy) {
  const labelled = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, labels: label, state: "all", per_page: 100 });
  const byBot = alsoBy ? await gh.paginate(gh.rest.issues.listForRepo, { ...repo, creator: alsoBy, state: "all", per_page: 100 }) : [];
  const issues = [...new Map([...labelled, ...byBot].map((i) => [i.number, i])).values()];
  const out = [];
  for (const i of issues.filter((x) => !x.pull_request)) {
    const base = {
      number: i.number,
      ...authorOf(i.user),
      body: i.body ?? "",
      nodeId: i.node_id,
      state: i.state === "closed" ? "closed" : "open",
      createdAt: i.created_at
    };
    if (base.state === "closed" && i.state_reason !== "completed") base.closed = { by: "", at: i.closed_at ?? "", reason: i.state_reason ?? null };
    else if (base.state === "closed" && detail(base)) {
      const events = await gh.paginate(gh.rest.issues.listEvents, { ...repo, issue_number: i.number, per_page: 100 });
      const last = [...events].reverse().find((e) => e.event === "closed" || e.event === "reopened");
      if (last?.event === "closed" && last.actor?.login) base.closed = { by: last.actor.login, at: last.created_at, reason: last.state_reason ?? null };
    }
    out.push(base);
  }
  return out;
}
async function createAssignedIssue(gh, repo, title, body, labels, assignees) {
  try {
    const { data } = await gh.rest.issues.create({ ...repo, title, body, labels, assignees });
    return { number: data.number, ...authorOf(data.user), body: data.body ?? "", nodeId: data.node_id, unassigned: [] };
  } catch (error) {
    const e = error;
    if (e.status !== 422 || assignees.length === 0) throw error;
    const named = (e.response?.data?.errors ?? []).filter((x) => x.field === "assignees").map((x) => String(x.value));
    const unassigned = named.length > 0 ? assignees.filter((a) => named.some((n) => n.toLowerCase() === a.toLowerCase())) : assignees;
    const rest = assignees.filter((a) => !unassigned.includes(a));
    const note = `

${unassigned.map((a) => `@${a}`).join(", ")}: GitHub would not assign ${unassigned.length === 1 ? "you" : "you"} to this issue (only people with write access to the repository, or organisation members with read access, can be assigned), so you are mentioned instead.`;
    const { data } = await gh.rest.issues.create({ ...repo, title, body: `${body}${note}`, labels, assignees: rest });
    return { number: data.number, ...authorOf(data.user), body: data.body ?? "", nodeId: data.node_id, unassigned };
  }
}

export {
  authorOf,
  editComment,
  issuesWithLabel,
  createIssue,
  setIssueBody,
  pinIssue,
  issuesWithLabelAll,
  createAssignedIssue
};
