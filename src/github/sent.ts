/**
 * Every request this process sent to GitHub, retries included, counted where they are sent
 * (github/client.ts, countRequests): the run's summary reports these, not an estimate. A module of its
 * own, with no imports, so that the action's door reads it without loading a client.
 */
export const GITHUB_SENT = { rest: 0, graphql: 0 };
