/** Signing keys and JWTs for the twin's Entra and Actions OIDC issuers (jose). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeShared } from './tls.ts';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';

export interface Issuer {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

/**
 * An issuer's RSA key pair (RS256, as Entra and GitHub's OIDC issuer sign). With a shared authority
 * folder (`keyDir`, the test suite's TWIN_CA_DIR) the pair is made once and read by every twin after it,
 * as a real issuer's key outlives any one client: a fresh RSA key costs about 40 ms of CPU, twice per twin.
 */
export async function createIssuer(kid: string, keyDir?: string): Promise<Issuer> {
  const file = keyDir ? join(keyDir, `issuer-${kid}.json`) : undefined;
  if (file && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
    const privateKey = (await importJWK(saved.privateJwk, 'RS256', { extractable: true })) as CryptoKey;
    const publicKey = (await importJWK(saved.publicJwk, 'RS256', { extractable: true })) as CryptoKey;
    return { kid, privateKey, publicKey, jwk: { ...saved.publicJwk, kid, alg: 'RS256', use: 'sig' } };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  if (file) writeShared(file, JSON.stringify({ privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) }));
  return { kid, privateKey, publicKey, jwk };
}

export function sign(issuer: Issuer, claims: JWTPayload, ttlSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: issuer.kid, typ: 'JWT' })
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + ttlSeconds)
    .sign(issuer.privateKey);
}

export async function verify(issuer: Issuer, token: string, options: { audience?: string | string[]; issuer?: string }): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, issuer.publicKey, { algorithms: ['RS256'], ...options });
  return payload;
}
