import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

// src/notify/notify.ts
function parseWebhooks(text) {
  const hooks = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const [target, service, url, ...rest] = line.split(/\s+/);
    const where = `line ${i + 1} of the webhooks input`;
    if (rest.length > 0 || !url) throw new ConfigError(`${where} must read "<group or default> <slack or teams> <https URL>".`);
    if (service !== "slack" && service !== "teams") throw new ConfigError(`${where}: the service must be slack or teams.`);
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`${where}: the webhook is not a URL.`);
    }
    if (parsed.protocol !== "https:") throw new ConfigError(`${where}: the webhook must use https.`);
    hooks.push({ target, service, url });
  });
  return hooks;
}
function hooksFor(hooks, group) {
  const own = hooks.filter((h) => h.target === group);
  return own.length > 0 ? own : hooks.filter((h) => h.target === "default");
}
var LOUD = (e) => e.kind === "break-glass" ? ":rotating_light: " : "";
var HEADLINE = {
  granted: "Access granted",
  refused: "Access request refused",
  reminder: "Access ends soon",
  removed: "Access removed",
  "break-glass": "BREAK-GLASS access granted"
};
function summary(e) {
  const pull = "pull" in e && e.pull !== void 0 ? ` (#${e.pull})` : "";
  switch (e.kind) {
    case "granted":
      return `${e.who} is a member of ${e.group} until ${e.until}${pull}.`;
    case "refused":
      return `${e.who}'s request for ${e.group} was not granted${pull}.`;
    case "reminder":
      return `${e.who}'s membership of ${e.group} ends at ${e.until}${pull}.`;
    case "break-glass":
      return `${e.who} granted themselves ${e.group} until ${e.until} with break-glass, without review; code owners review it in #${e.issue}.`;
    case "removed":
      return e.why === "drift" ? `${e.who} was removed from ${e.group}: no request covered the membership (drift).` : `${e.who}'s membership of ${e.group} ended and was removed.`;
  }
}
var slackEscape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
var slackCode = (text) => `\`${slackEscape(text.replace(/`/g, "'").replace(/[\r\n]+/g, " "))}\``;
function slackPayload(e) {
  const detail = e.kind === "refused" ? `
Why: ${slackCode(e.reason)}` : e.kind === "break-glass" ? `
Reason: ${slackCode(e.reason)}` : "file" in e && e.file ? `
Request: ${slackCode(e.file)}` : "";
  return { text: `${LOUD(e)}*${HEADLINE[e.kind]}*: ${slackEscape(summary(e))}${detail}`, unfurl_links: false, unfurl_media: false };
}
function teamsPayload(e) {
  const plain = (text) => ({ type: "RichTextBlock", inlines: [{ type: "TextRun", text }] });
  const body = [
    { type: "TextBlock", text: HEADLINE[e.kind], weight: "Bolder", wrap: true, ...e.kind === "break-glass" ? { color: "Attention", size: "Large" } : {} },
    plain(summary(e))
  ];
  if (e.kind === "refused") body.push(plain(`Why: ${e.reason}`));
  else if (e.kind === "break-glass") body.push(plain(`Reason: ${e.reason}`));
  else if ("file" in e && e.file) body.push(plain(`Request: ${e.file}`));
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: { $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.4", body }
      }
    ]
  };
}
var PER_WEBHOOK_INTERVAL_MS = 1e3;
var MAX_RETRY_AFTER_MS = 1e4;
var ATTEMPTS = 3;
function judgeAnswer(service, status, text) {
  const reason = text.replace(/[\u0000-\u001f]+/g, " ").trim().slice(0, 200);
  if (status === 429) return { ok: false, retryAfterMs: 0, detail: `the webhook answered 429${reason ? ` ${reason}` : ""} (rate limited)` };
  if (status < 200 || status >= 300) return { ok: false, detail: `the webhook answered ${status}${reason ? ` ${reason}` : ""}` };
  if (service === "teams" && /delivery failed/i.test(reason)) return { ok: false, detail: `Teams answered ${status} but did not deliver it: ${reason}` };
  return { ok: true, detail: status === 202 ? "accepted" : "sent" };
}
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function notify(hooks, events, options = {}) {
  const send = options.fetch ?? fetch;
  const interval = options.intervalMs ?? PER_WEBHOOK_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? 5e3;
  const byUrl = /* @__PURE__ */ new Map();
  for (const e of events) for (const h of hooksFor(hooks, e.group)) byUrl.set(h.url, [...byUrl.get(h.url) ?? [], { e, h }]);
  const out = [];
  const deliver = async (e, h) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await send(h.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(h.service === "slack" ? slackPayload(e) : teamsPayload(e)),
          signal: AbortSignal.timeout(timeoutMs)
        });
        const judged = judgeAnswer(h.service, res.status, await res.text().catch(() => ""));
        if (judged.retryAfterMs !== void 0) {
          const after = Number(res.headers.get("retry-after"));
          const wait = Number.isFinite(after) && after >= 0 ? after * 1e3 : interval;
          if (attempt < ATTEMPTS && wait <= MAX_RETRY_AFTER_MS) {
            await sleep(Math.max(wait, interval));
            continue;
          }
        }
        return { event: e, target: h.target, service: h.service, ok: judged.ok, detail: `${e.kind}: ${judged.detail}` };
      } catch (error) {
        const timedOut = error.name === "TimeoutError";
        return {
          event: e,
          target: h.target,
          service: h.service,
          ok: false,
          detail: `${e.kind}: ${timedOut ? `no answer within ${timeoutMs / 1e3} s` : "the webhook could not be reached"}`
        };
      }
    }
  };
  await Promise.all(
    [...byUrl.values()].map(async (jobs) => {
      for (const [i, { e, h }] of jobs.entries()) {
        if (i > 0) await sleep(interval);
        out.push(await deliver(e, h));
      }
    })
  );
  return out;
}
export {
  hooksFor,
  judgeAnswer,
  notify,
  parseWebhooks,
  slackPayload,
  teamsPayload
};
