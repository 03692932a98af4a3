import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  noticeId
} from "./chunk-HDW45ONF.js";
import {
  reminderBody,
  reminderMarker
} from "./chunk-JPBU5H6I.js";
import "./chunk-VDM5VYMN.js";
import "./chunk-NRGJNQL6.js";
import "./chunk-2ODKMUE3.js";
import {
  isRemoval
} from "./chunk-ZSIHYLEF.js";
import "./chunk-TI756ABX.js";
import "./chunk-PLEK36JM.js";
import "./chunk-L62VLEMM.js";
import "./chunk-6243XALH.js";
import "./chunk-ENFYODNC.js";
import "./chunk-LDXIIFYA.js";
import "./chunk-32YB757P.js";
import "./chunk-YY62HETB.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-KKT3OYJW.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-DKSCVU2J.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-GUX3DBMW.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import "./chunk-QLTQFRLC.js";
import "./chunk-BBEUIQHO.js";
import "./chunk-COOZ5Q7T.js";
import "./chunk-LJOL2TRB.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-425VGJGT.js";
import "./chunk-IQ3S3PKL.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";

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
  const removals = new Map(report.changes.filter(isRemoval).map((c) => [`${c.group}:${c.member}`, c.id]));
  for (const g of report.groups) {
    for (const d of g.dispositions.filter((x) => x.action === "remove")) {
      const event = {
        kind: "removed",
        group: g.group,
        who: names.get(`${g.group}:${d.id}`) ?? d.id,
        why: d.reason === "drift" ? "drift" : "ended",
        ...d.files[0] ? { file: d.files[0] } : {}
      };
      const after = removals.get(`${g.group}:${d.id}`);
      effects.push({ id: noticeId(event), kind: "notice", event, reason: `${d.id} removed from ${g.group} (${d.reason})`, ...after ? { after } : {} });
    }
  }
  return effects;
}
export {
  revokeEffects
};
