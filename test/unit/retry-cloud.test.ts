// The retry policy and cloud endpoints: pure rules, tested without a network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOUDS, isKnownAuthority, resolveCloud } from '../../src/entra/cloud.ts';
import { DEFAULT_RETRY, MAX_RETRY_AFTER_MS, delayBeforeRetry, isTransient, retryAfterMs } from '../../src/entra/retry.ts';
import { ConfigError } from '../../src/diagnostics.ts';

test('Retry-After in seconds or as an HTTP date', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs('0.5'), 500);
  const now = Date.parse('2026-11-24T10:00:00Z');
  assert.equal(retryAfterMs('Tue, 24 Nov 2026 10:00:07 GMT', now), 7000);
  assert.equal(retryAfterMs('Tue, 24 Nov 2026 09:59:00 GMT', now), 0, 'a date in the past means now');
  assert.equal(retryAfterMs(undefined), undefined);
  assert.equal(retryAfterMs('soon'), undefined);
});

test('the server’s Retry-After wins over backoff, up to a sane maximum', () => {
  const policy = { ...DEFAULT_RETRY, random: () => 0.5 };
  assert.equal(delayBeforeRetry(1, policy, 4000), 4000);
  assert.equal(delayBeforeRetry(1, policy, 10 * 3_600_000), MAX_RETRY_AFTER_MS);
});

test('without Retry-After: exponential backoff with full jitter, capped', () => {
  const at = (random: number, attempt: number) => delayBeforeRetry(attempt, { ...DEFAULT_RETRY, random: () => random });
  assert.deepEqual(
    [1, 2, 3, 4].map((a) => at(0.999999, a)),
    [1000, 2000, 4000, 8000],
  );
  assert.equal(at(0.5, 3), 2000, 'jitter spreads the wait between 0 and the ceiling');
  assert.equal(at(0.999999, 30), DEFAULT_RETRY.maxDelayMs);
  assert.equal(at(0, 5), 0);
});

test('only throttling, unavailability, gateway errors and dropped connections are transient', () => {
  assert.deepEqual([0, 429, 502, 503, 504].map(isTransient), [true, true, true, true, true]);
  assert.deepEqual([400, 401, 403, 404, 409, 500].map(isTransient), [false, false, false, false, false, false]);
});

test('named clouds map to their sign-in and Graph hosts', () => {
  assert.deepEqual(resolveCloud({}), CLOUDS.public);
  assert.deepEqual(resolveCloud({ cloud: 'usgov' }), {
    authorityHost: 'https://login.microsoftonline.us',
    graphEndpoint: 'https://graph.microsoft.us',
    tokenExchangeAudience: 'api://AzureADTokenExchangeUSGov',
    armEndpoint: 'https://management.usgovcloudapi.net',
  });
  assert.deepEqual(resolveCloud({ cloud: 'china' }), {
    authorityHost: 'https://login.chinacloudapi.cn',
    graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn',
    tokenExchangeAudience: 'api://AzureADTokenExchangeChina',
    armEndpoint: 'https://management.chinacloudapi.cn',
  });
  assert.equal(resolveCloud({ cloud: 'usgov-dod' }).graphEndpoint, 'https://dod-graph.microsoft.us');
});

test('explicit endpoints override the cloud, must be https, and lose trailing slashes', () => {
  assert.deepEqual(
    resolveCloud({ authorityHost: 'https://login.example.test/', graphEndpoint: 'https://graph.example.test:8443/', armEndpoint: 'https://arm.example.test/' }),
    {
      authorityHost: 'https://login.example.test',
      graphEndpoint: 'https://graph.example.test:8443',
      tokenExchangeAudience: 'api://AzureADTokenExchange',
      armEndpoint: 'https://arm.example.test',
    },
  );
  assert.throws(
    () => resolveCloud({ armEndpoint: 'http://arm.example.test' }),
    (e: unknown) => e instanceof ConfigError && /arm-endpoint .* must use https/.test(e.message),
  );
  assert.throws(
    () => resolveCloud({ graphEndpoint: 'http://graph.example.test' }),
    (e: unknown) => e instanceof ConfigError && /must use https/.test(e.message),
  );
  assert.throws(() => resolveCloud({ cloud: 'mars' }), /cloud "mars" is not known\. Use one of public, usgov, usgov-dod, china/);
});

test('instance discovery is kept for Microsoft authorities and skipped for others', () => {
  assert.equal(isKnownAuthority('https://login.microsoftonline.com'), true);
  assert.equal(isKnownAuthority('https://127.0.0.1:4443'), false);
});
