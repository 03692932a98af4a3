import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker
} from "./chunk-CXU5NJIO.js";
import "./chunk-TVAACYFX.js";
import "./chunk-7RTO7R3A.js";
import "./chunk-IJEJVHO6.js";
import "./chunk-5UPGTYDQ.js";
import "./chunk-NVDCARJL.js";
import "./chunk-FFU4HTRI.js";
import "./chunk-4PD3FXDZ.js";
import "./chunk-RL4FXHQR.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-DW3DZREC.js";
import "./chunk-26JLZQL2.js";
import "./chunk-P2JL6JJG.js";
import "./chunk-DZ42VBVO.js";
import "./chunk-YFVOOMZS.js";
import "./chunk-M7RVTPVM.js";
import "./chunk-KIYU2QCJ.js";
import "./chunk-RGVUSR7S.js";
import "./chunk-JIQDPLUX.js";
import "./chunk-KAUG6AWK.js";
import "./chunk-PM7GH4VV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-NEDHP5PK.js";
import {
  noticeId
} from "./chunk-BLGGZSH3.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-57O6DGYV.js";
import "./chunk-O2IOJ6N3.js";
import "./chunk-TS7CM3PC.js";
import "./chunk-OZ6IWOJH.js";

// src/notices/revoke.ts
function revokeEffects(report, now) {
  const effects = [];
  for (const r of report.reminders) {
    const marker = reminderMarker(r);
    const id = `reminder:#${r.pull}:${r.file}:${r.expires}`;
    effects.push({ id, kind: "reminder", pull: r.pull, marker, body: reminderBody(r, now), reason: `${r.file} ends at ${r.expires}` });
    const event = { kind: "reminder", group: r.group, who: r.requester, until: r.expires, pull: r.pull };
    effects.push({ id: noticeId(event), kind: "notice", event, reason: `reminder for ${r.file}`, after: id });
  }
  const names = new Map(report.status.groups.flatMap((g) => g.members.map((m) => [`${g.group}:${m.id}`, m.who])));
  for (const g of report.groups) {
    for (const d of g.dispositions.filter((x) => x.action === "remove" && x.outcome === "removed")) {
      const event = {
        kind: "removed",
        group: g.group,
        who: names.get(`${g.group}:${d.id}`) ?? d.id,
        why: d.reason === "drift" ? "drift" : "ended",
        ...d.files[0] ? { file: d.files[0] } : {}
      };
      effects.push({ id: noticeId(event), kind: "notice", event, reason: `${d.id} removed from ${g.group} (${d.reason})` });
    }
  }
  return effects;
}
export {
  revokeEffects
};
