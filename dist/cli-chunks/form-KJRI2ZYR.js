import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  FORM_LABEL,
  FORM_PATH,
  formProblems,
  issueForm,
  readFormAnswers
} from "./chunk-F5YRJOGB.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  FORM_LABEL,
  FORM_PATH,
  formProblems,
  issueForm,
  readFormAnswers
};
