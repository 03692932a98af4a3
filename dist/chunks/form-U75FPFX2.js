import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  FORM_LABEL,
  FORM_PATH,
  formProblems,
  issueForm,
  readFormAnswers
} from "./chunk-ZEOJWJHX.js";
import "./chunk-34OC5ZRV.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-OZ6IWOJH.js";
export {
  FORM_LABEL,
  FORM_PATH,
  formProblems,
  issueForm,
  readFormAnswers
};
