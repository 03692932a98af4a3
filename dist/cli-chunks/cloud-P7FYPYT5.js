import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  CLOUDS,
  isKnownAuthority,
  resolveCloud
} from "./chunk-IQ3S3PKL.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  CLOUDS,
  isKnownAuthority,
  resolveCloud
};
