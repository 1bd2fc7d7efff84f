import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const credentialsSchema = z.object({
  serverUrl: z.url(),
  deviceId: z.uuid(),
  token: z.string().min(20),
  officeCode: z.string(),
  officeName: z.string(),
  /** The desk's Ed25519 private key (PKCS#8 PEM) that signs its offline packages. */
  signingKey: z.string().optional(),
  /** The central's X25519 public key (base64 SPKI) that packages are encrypted to. */
  packageKey: z.string().optional(),
  /** An administrator allowed plain http:// to a server beyond this machine. */
  allowInsecureHttp: z.boolean().optional(),
});
export type Credentials = z.output<typeof credentialsSchema>;

/**
 * Where a desk keeps what enrollment gave it. The Electron shell encrypts it with safeStorage;
 * under plain Node (the browser harness, tests) it is a file readable by its owner only.
 */
export interface CredentialStore {
  load(): Credentials | null;
  save(credentials: Credentials): void;
  clear(): void;
}

/** Text-level storage the shell can wrap (encrypt) before it touches the disk. */
export interface SecretCodec {
  encode(text: string): Buffer;
  decode(data: Buffer): string;
}

export const plain: SecretCodec = {
  encode: (t) => Buffer.from(t, 'utf8'),
  decode: (d) => d.toString('utf8'),
};

export function createFileCredentialStore(
  path: string,
  codec: SecretCodec = plain,
): CredentialStore {
  return {
    load() {
      if (!existsSync(path)) return null;
      const parsed = credentialsSchema.safeParse(JSON.parse(codec.decode(readFileSync(path))));
      return parsed.success ? parsed.data : null;
    },
    save(credentials) {
      writeFileSync(path, codec.encode(JSON.stringify(credentials)), { mode: 0o600 });
      chmodSync(path, 0o600);
    },
    clear() {
      rmSync(path, { force: true });
    },
  };
}
