import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/cli/exit.ts
var EXIT = {
  /** Done, and nothing needs attention. */
  ok: 0,
  /** Done, and something needs attention: an invalid request, a problem doctor found, a file out of date, a change or notice a run could not make. */
  attention: 1,
  /** Not done: a usage error, a configuration error, a refused sign-in, a service that cannot be reached, or an unexpected failure. */
  notDone: 2
};
var EXIT_HELP = [
  "Exit status, the same for every command:",
  "  0  done, nothing needs attention",
  "  1  done, something needs attention: an invalid request (validate, new, plan), a problem doctor found,",
  "     a form out of date (form --check), a change or notice a run could not make (grant, revoke)",
  "  2  not done: usage, configuration, sign-in, a service out of reach, or an unexpected failure"
];

export {
  EXIT,
  EXIT_HELP
};
