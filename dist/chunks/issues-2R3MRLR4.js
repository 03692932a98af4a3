import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  createIssue,
  editComment,
  issuesWithLabel,
  pinIssue,
  setIssueBody
} from "./chunk-C66F4P4Z.js";
import "./chunk-OZ6IWOJH.js";
export {
  createIssue,
  editComment,
  issuesWithLabel,
  pinIssue,
  setIssueBody
};
