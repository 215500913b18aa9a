/**
 * Every claim's record (./claim-record.ts) for this build, in id order, and the claims dataset built from them
 * (/data/claims.json and /data/claims.csv, schema /data/claims.schema.json from src/site/schemas/claims.schema.json).
 */
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { claimRecord, RATING_SCALE, RATING_VALUE, type ClaimRecord } from './claim-record.ts';
import { siteCorrections, siteData, siteReplies, siteVersion, url } from './data.ts';
import { licenceField } from './licence.ts';

export const CLAIMS_SCHEMA_FILE = 'src/site/schemas/claims.schema.json';

export async function claimRecords(site: URL | undefined): Promise<ClaimRecord[]> {
  const claims = (await getCollection('claims')).map((c) => c.data).sort((a, b) => a.id.localeCompare(b.id));
  return claims.map((c) =>
    claimRecord(c, siteData(), {
      log: siteCorrections(),
      replies: siteReplies(),
      pageUrl: new URL(url(`claims/${c.id}/`), site).href,
    }),
  );
}

/** /data/claims.json: the records with the version they belong to, the rating scale and the licence. */
export async function claimsDataset(site: URL | undefined) {
  const v = siteVersion();
  return {
    title: 'taoproof claims dataset: every claim of @0xLogicrw’s critique of Bittensor’s tokenomics, with its verdict',
    schema: new URL(url('data/claims.schema.json'), site).href,
    licence: licenceField(new URL(url(''), site).href),
    version: {
      commit: v.commit,
      built: v.built,
      dataKind: v.data.kind,
      block: v.data.block,
      blockHash: v.data.hash,
      dataAsOf: v.data.asOf,
    },
    ratingScale: {
      ...RATING_SCALE,
      values: RATING_VALUE,
      note: 'unverifiable and opinion have no number: the data cannot decide the one, the other is not judged',
    },
    claims: await claimRecords(site),
  };
}

/** The published JSON Schema of /data/claims.json. */
export const claimsSchema = (): string => readFileSync(CLAIMS_SCHEMA_FILE, 'utf8');
