import { randomBytes } from 'crypto';
import { DbError, DbErrorCode, type Db } from '../../db';
import { MemberCollections } from './records';

export const CODE_SECRET_ID = 'member_code_secret';
const MIN_SECRET_LENGTH = 16;

interface CodeSecretDoc {
  secret: string;
  createdAt: number;
}

const cached = new WeakMap<Db, string>();

/**
 * The member-code HMAC secret: env SIYU_MEMBER_CODE_SECRET, else one random
 * secret kept in `settings/member_code_secret`, created by whichever call
 * comes first (`add`: a duplicate means another instance created it, so read
 * that one). Cached per database.
 */
export async function memberCodeSecret(db: Db, now: number, env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  const fromEnv = env.SIYU_MEMBER_CODE_SECRET;
  if (fromEnv && fromEnv.length >= MIN_SECRET_LENGTH) return fromEnv;
  const known = cached.get(db);
  if (known) return known;
  const secret = (await readSecret(db)) ?? (await createSecret(db, now));
  cached.set(db, secret);
  return secret;
}

async function readSecret(db: Db): Promise<string | null> {
  const { data } = await db.collection<CodeSecretDoc>(MemberCollections.settings).doc(CODE_SECRET_ID).get();
  const secret = data[0]?.secret;
  return typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH ? secret : null;
}

async function createSecret(db: Db, now: number): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  try {
    await db.collection<CodeSecretDoc>(MemberCollections.settings).add({ _id: CODE_SECRET_ID, secret, createdAt: now });
    return secret;
  } catch (error) {
    if (!(error instanceof DbError && error.code === DbErrorCode.DuplicateKey)) throw error;
  }
  const theirs = await readSecret(db);
  if (!theirs) throw new Error('settings/member_code_secret exists but holds no usable secret');
  return theirs;
}
