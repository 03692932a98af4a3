/** Signing keys and JWTs for the twin's Entra and Actions OIDC issuers (jose). */
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';

export interface Issuer {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

export async function createIssuer(kid: string): Promise<Issuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
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
