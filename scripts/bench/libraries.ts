/**
 * Which libraries a bundle file holds, told by a name each defines (the bundle keeps no package
 * names): the start-up figure (`npm run bench`) and test/e2e/cli.test.ts read what a command loaded
 * with these.
 */

/** @azure/identity (ClientAssertionCredential) and the Graph client (GraphRequest): needed only to sign in to Entra. */
export const ENTRA_LIBRARIES = /ClientAssertionCredential|GraphRequest/;

/** @actions/core (ACTIONS_ID_TOKEN_REQUEST_URL) and @actions/github (getOctokitOptions): the action's, never the command line's. */
export const ACTIONS_LIBRARIES = /ACTIONS_ID_TOKEN_REQUEST_URL|getOctokitOptions/;
