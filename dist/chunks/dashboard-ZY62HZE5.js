import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  ISSUE_BODY_LIMIT,
  REFRESH_MS,
  blastHeadline,
  isDashboard,
  needsEdit,
  publishedCatalogue,
  publishedDrift,
  publishedPending,
  renderDashboard,
  slotLateness
} from "./chunk-C2MQCPTH.js";
import "./chunk-P3ZVJOTG.js";
import "./chunk-FD3EZJRF.js";
import "./chunk-P2JL6JJG.js";
import "./chunk-LRULQWW5.js";
import "./chunk-OZ6IWOJH.js";
export {
  DASHBOARD_LABEL,
  DASHBOARD_TITLE,
  ISSUE_BODY_LIMIT,
  REFRESH_MS,
  blastHeadline,
  isDashboard,
  needsEdit,
  publishedCatalogue,
  publishedDrift,
  publishedPending,
  renderDashboard,
  slotLateness
};
