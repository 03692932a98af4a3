/**
 * Certificates for the twin. Real clients only talk to Graph over https (the Graph client attaches the
 * token only to https hosts) and @azure/identity refuses an http authority, so the twin serves HTTPS
 * with a certificate issued at start by a local certificate authority. Clients trust that authority
 * through NODE_EXTRA_CA_CERTS, which Node reads when a process starts: the authority must exist before
 * the client processes start, the server certificate is made when the twin starts.
 * The certificate library is loaded only to issue one: with a shared authority folder most twins read
 * the certificate another issued, and loading the library costs a test process about 0.2 s of CPU.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyAndCert {
  key: string;
  cert: string;
}

export interface Authority extends KeyAndCert {
  /** The CA certificate file, for NODE_EXTRA_CA_CERTS. */
  certPath: string;
  dir: string;
}

const DAY = 24 * 3_600_000;

export async function createAuthority(dir = mkdtempSync(join(tmpdir(), 'aac-twin-ca-'))): Promise<Authority> {
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  const { generate } = await import('selfsigned');
  const ca = await generate([{ name: 'commonName', value: 'access-as-code twin local CA' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 7 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const certPath = join(dir, 'ca.pem');
  writeFileSync(certPath, ca.cert);
  writeFileSync(join(dir, 'ca-key.pem'), ca.private, { mode: 0o600 });
  return { key: ca.private, cert: ca.cert, certPath, dir };
}

export function readAuthority(dir: string): Authority {
  const certPath = join(dir, 'ca.pem');
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(join(dir, 'ca-key.pem'), 'utf8'), certPath, dir };
}

/** A server certificate for loopback (127.0.0.1, ::1, localhost), signed by the authority. */
export async function issueServerCertificate(ca: KeyAndCert): Promise<KeyAndCert> {
  const now = Date.now();
  const { generate } = await import('selfsigned');
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 2 * DAY),
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { key: leaf.private, cert: leaf.cert };
}

/**
 * The loopback server certificate; with a shared authority folder (the test suite's TWIN_CA_DIR) it is
 * issued once and read by every twin after it (issuing one costs about 30 ms of CPU per twin).
 */
export async function serverCertificate(ca: KeyAndCert, dir?: string): Promise<KeyAndCert> {
  const file = dir ? join(dir, 'server.json') : undefined;
  if (file && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as KeyAndCert & { issuedAt: number };
    if (Date.now() - saved.issuedAt < DAY) return { key: saved.key, cert: saved.cert };
  }
  const leaf = await issueServerCertificate(ca);
  if (file) {
    writeShared(file, JSON.stringify({ ...leaf, issuedAt: Date.now() }));
  }
  return leaf;
}

/** Writes a file other twins may read at any moment: whole, then renamed, so none reads half of it. */
export function writeShared(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}
