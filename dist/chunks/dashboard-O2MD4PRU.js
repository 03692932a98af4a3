import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  ISSUE_BODY_LIMIT,
  REFRESH_MS,
  SWEEP_SCHEDULE,
  blastHeadline,
  editedByPerson,
  isDashboard,
  needsEdit,
  publishedCatalogue,
  publishedDrift,
  publishedPending,
  renderDashboard,
  slotLateness
} from "./chunk-DOCLHBMY.js";
import "./chunk-VDWJA76S.js";
import "./chunk-HJJGYVXC.js";
import "./chunk-34OC5ZRV.js";
import "./chunk-LRULQWW5.js";
import "./chunk-3L64JI35.js";
import "./chunk-OZ6IWOJH.js";
export {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  ISSUE_BODY_LIMIT,
  REFRESH_MS,
  SWEEP_SCHEDULE,
  blastHeadline,
  editedByPerson,
  isDashboard,
  needsEdit,
  publishedCatalogue,
  publishedDrift,
  publishedPending,
  renderDashboard,
  slotLateness
};
