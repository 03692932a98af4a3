import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  createAssignedIssue,
  createIssue,
  editComment,
  issuesWithLabel,
  issuesWithLabelAll,
  pinIssue,
  setIssueBody
} from "./chunk-26JLZQL2.js";
import "./chunk-OZ6IWOJH.js";
export {
  createAssignedIssue,
  createIssue,
  editComment,
  issuesWithLabel,
  issuesWithLabelAll,
  pinIssue,
  setIssueBody
};
