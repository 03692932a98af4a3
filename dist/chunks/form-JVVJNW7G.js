import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  FORM_LABEL,
  FORM_PATH,
  formProblems,
  issueForm,
  readFormAnswers
} from "./chunk-XXDK4IFQ.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-7XIZWMDY.js";
import "./chunk-OZ6IWOJH.js";
export {
  FORM_LABEL,
  FORM_PATH,
  formProblems,
  issueForm,
  readFormAnswers
};
