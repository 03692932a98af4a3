import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  authorOf,
  createAssignedIssue,
  createIssue,
  editComment,
  issuesWithLabel,
  issuesWithLabelAll,
  pinIssue,
  setIssueBody
} from "./chunk-VXJK4BJA.js";
import "./chunk-OZ6IWOJH.js";
export {
  authorOf,
  createAssignedIssue,
  createIssue,
  editComment,
  issuesWithLabel,
  issuesWithLabelAll,
  pinIssue,
  setIssueBody
};
