import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  FORM_LABEL,
  FORM_PATH,
  formProblems,
  issueForm,
  readFormAnswers
} from "./chunk-SKIEI43W.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-GUX3DBMW.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  FORM_LABEL,
  FORM_PATH,
  formProblems,
  issueForm,
  readFormAnswers
};
