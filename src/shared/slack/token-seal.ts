import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Envelope encryption for the tokens Kept stores: each record gets a fresh 256-bit data key, the tokens are
 * sealed with it (AES-256-GCM, the workspace key as associated data, so a record copied onto another workspace
 * does not open), and the data key itself is wrapped by the key-encryption key: a local key (`KEPT_TOKEN_KEY`)
 * or a Cloud KMS key (`KEPT_KMS_KEY`), which never leaves KMS.
 */
export interface SealedTokens {
  readonly v: 1;
  /** Which key-encryption key wrapped the data key (`local:<fingerprint>` or `kms:<key name>`). */
  readonly kek: string;
  readonly wrappedKey: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

/** What wraps and unwraps data keys. */
export interface KeyWrap {
  readonly id: string;
  wrap(dataKey: Buffer, aad: Buffer): Promise<string>;
  unwrap(wrapped: string, aad: Buffer): Promise<Buffer>;
}

/** The part of Cloud KMS's `KeyManagementServiceClient` Kept uses (tests pass a fake of it). */
export interface KmsClient {
  encrypt(request: {
    name: string;
    plaintext: Buffer;
    additionalAuthenticatedData: Buffer;
  }): Promise<[{ ciphertext?: Uint8Array | string | null }, ...unknown[]]>;
  decrypt(request: {
    name: string;
    ciphertext: Buffer;
    additionalAuthenticatedData: Buffer;
  }): Promise<[{ plaintext?: Uint8Array | string | null }, ...unknown[]]>;
}

const GCM_IV_BYTES = 12;

function gcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; data: Buffer } {
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
}

function gcmOpen(key: Buffer, sealed: { iv: Buffer; tag: Buffer; data: Buffer }, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.data), decipher.final()]);
}

/** A 32-byte key given in base64 (`openssl rand -base64 32`). */
export function decodeKey(base64: string): Buffer | undefined {
  const key = Buffer.from(base64.trim(), 'base64');
  return key.length === 32 && key.toString('base64') === base64.trim() ? key : undefined;
}

/** Wraps data keys with a local 256-bit key (AES-256-GCM); its id is a fingerprint, never the key. */
export class LocalKeyWrap implements KeyWrap {
  readonly id: string;
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the token key must be 32 bytes');
    this.id = `local:${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
  }

  async wrap(dataKey: Buffer, aad: Buffer): Promise<string> {
    const { iv, tag, data } = gcmSeal(this.key, dataKey, aad);
    return Buffer.concat([iv, tag, data]).toString('base64');
  }

  async unwrap(wrapped: string, aad: Buffer): Promise<Buffer> {
    const raw = Buffer.from(wrapped, 'base64');
    return gcmOpen(
      this.key,
      { iv: raw.subarray(0, GCM_IV_BYTES), tag: raw.subarray(GCM_IV_BYTES, GCM_IV_BYTES + 16), data: raw.subarray(GCM_IV_BYTES + 16) },
      aad,
    );
  }
}

/** Wraps data keys with a Cloud KMS key (`projects/…/cryptoKeys/…`); KMS picks the key version and keeps old ones readable. */
export class KmsKeyWrap implements KeyWrap {
  readonly id: string;
  private client: Promise<KmsClient> | undefined;
  constructor(
    private readonly keyName: string,
    private readonly connect: () => Promise<KmsClient>,
  ) {
    this.id = `kms:${keyName}`;
  }

  private kms(): Promise<KmsClient> {
    this.client ??= this.connect();
    return this.client;
  }

  async wrap(dataKey: Buffer, aad: Buffer): Promise<string> {
    const [response] = await (await this.kms()).encrypt({ name: this.keyName, plaintext: dataKey, additionalAuthenticatedData: aad });
    if (!response.ciphertext) throw new Error('Cloud KMS returned no ciphertext');
    return Buffer.from(response.ciphertext as Uint8Array).toString('base64');
  }

  async unwrap(wrapped: string, aad: Buffer): Promise<Buffer> {
    const [response] = await (await this.kms()).decrypt({ name: this.keyName, ciphertext: Buffer.from(wrapped, 'base64'), additionalAuthenticatedData: aad });
    if (!response.plaintext) throw new Error('Cloud KMS returned no plaintext');
    return Buffer.from(response.plaintext as Uint8Array);
  }
}

/** Seals with the current key-encryption key; opens with it or any previous one (and says when a record needs re-sealing). */
export class TokenSeal {
  /** Unwrapped data keys by wrapped form: KMS is asked once per record, not once per request. */
  private readonly dataKeys = new Map<string, Buffer>();

  constructor(
    private readonly current: KeyWrap,
    private readonly previous: readonly KeyWrap[] = [],
  ) {}

  async seal(fields: Record<string, string>, associatedData: string): Promise<SealedTokens> {
    const aad = Buffer.from(associatedData, 'utf8');
    const dataKey = randomBytes(32);
    const { iv, tag, data } = gcmSeal(dataKey, Buffer.from(JSON.stringify(fields), 'utf8'), aad);
    const wrappedKey = await this.current.wrap(dataKey, aad);
    return { v: 1, kek: this.current.id, wrappedKey, iv: iv.toString('base64'), tag: tag.toString('base64'), data: data.toString('base64') };
  }

  /** The sealed fields, and whether they were sealed under a key other than the current one. */
  async open(sealed: SealedTokens, associatedData: string): Promise<{ fields: Record<string, string>; stale: boolean }> {
    const aad = Buffer.from(associatedData, 'utf8');
    const wrap = [this.current, ...this.previous].find((k) => k.id === sealed.kek);
    if (!wrap) throw new Error(`tokens sealed under an unknown key (${sealed.kek}): set it as KEPT_TOKEN_KEY_PREVIOUS`);
    const cacheKey = `${sealed.kek}|${associatedData}|${sealed.wrappedKey}`;
    let dataKey = this.dataKeys.get(cacheKey);
    if (!dataKey) {
      dataKey = await wrap.unwrap(sealed.wrappedKey, aad);
      if (this.dataKeys.size >= 1_000) this.dataKeys.delete(this.dataKeys.keys().next().value!);
      this.dataKeys.set(cacheKey, dataKey);
    }
    const plaintext = gcmOpen(
      dataKey,
      { iv: Buffer.from(sealed.iv, 'base64'), tag: Buffer.from(sealed.tag, 'base64'), data: Buffer.from(sealed.data, 'base64') },
      aad,
    );
    return { fields: JSON.parse(plaintext.toString('utf8')) as Record<string, string>, stale: wrap !== this.current };
  }
}

/** How the configuration names the keys: a Cloud KMS key or a local one, and local keys still accepted for reading. */
export interface TokenKeys {
  readonly kmsKeyName: string | undefined;
  /** Base64, 32 bytes; the current key when no KMS key is set. */
  readonly key: string | undefined;
  readonly previousKeys: readonly string[];
}

/** The seal the configuration describes; the KMS client is loaded only when a KMS key is named, on first use. */
export function tokenSealFrom(keys: TokenKeys, connectKms: () => Promise<KmsClient> = defaultKmsClient): TokenSeal {
  const local = (base64: string) => new LocalKeyWrap(decodeKey(base64) ?? Buffer.alloc(0));
  const current = keys.kmsKeyName ? new KmsKeyWrap(keys.kmsKeyName, connectKms) : keys.key ? local(keys.key) : undefined;
  if (!current) throw new Error('OAuth distribution needs KEPT_TOKEN_KEY or KEPT_KMS_KEY to seal the stored tokens');
  const previous = [...(keys.kmsKeyName && keys.key ? [keys.key] : []), ...keys.previousKeys].map(local);
  return new TokenSeal(current, previous);
}

async function defaultKmsClient(): Promise<KmsClient> {
  const { KeyManagementServiceClient } = await import('@google-cloud/kms');
  return new KeyManagementServiceClient() as unknown as KmsClient;
}
