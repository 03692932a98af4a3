import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker
} from "./chunk-D75NT24Z.js";
import "./chunk-3YBRR53F.js";
import "./chunk-Z2D5KCFL.js";
import {
  isRemoval
} from "./chunk-MWQVXUG5.js";
import "./chunk-PBUMGLFG.js";
import "./chunk-VXJK4BJA.js";
import "./chunk-6NE6BD2Q.js";
import "./chunk-IRH65NBS.js";
import "./chunk-JA3VKW6T.js";
import "./chunk-YXSG3U74.js";
import "./chunk-NVDCARJL.js";
import "./chunk-5KKP6ZYX.js";
import "./chunk-B6AP5XYV.js";
import "./chunk-M5VK2URL.js";
import "./chunk-LXQIYYNM.js";
import "./chunk-GCVGB4KO.js";
import "./chunk-MQ6TBSEP.js";
import "./chunk-GA7CILCS.js";
import "./chunk-IM5DW627.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import "./chunk-LRULQWW5.js";
import "./chunk-B4AF7QQP.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-AVZCSXTZ.js";
import {
  noticeId
} from "./chunk-BLGGZSH3.js";
import "./chunk-34OC5ZRV.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-UYXB32ID.js";
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
