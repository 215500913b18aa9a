/**
 * Replies: what a person or organisation the report names (the article's author, the Opentensor Foundation, anyone
 * quoted) sent in answer, once received and accepted for publication (the policy is on /policy/#replies). They live in
 * content/replies.yaml, an empty list until one arrives, and are shown on the claim's page and in the changes log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseOrThrow } from '../data/errors.ts';
import { ClaimId, IsoDate } from '../model/ids.ts';
import { WebUrl } from '../model/schema.ts';

export const REPLIES_FILE = 'content/replies.yaml';

export const Reply = z.strictObject({
  /** the day the reply was received, YYYY-MM-DD */
  date: IsoDate,
  /** the claim it answers (content/claims.yaml), or null for a reply about the report as a whole */
  claim: ClaimId.nullable(),
  /** who replied, as they asked to be named */
  from: z.string().min(1),
  /** how they are named in the report: the article's author, the Foundation, … */
  role: z.string().min(1),
  /** where the reply can be read in full (an issue, a post), or null when it was sent privately and quoted here */
  url: WebUrl.nullable(),
  /** the reply, quoted or summarised in the replier's own terms */
  text: z.string().min(20),
  /** what the report did about it: a correction (with its date), a clarification, or why nothing changed */
  response: z.string().min(20),
});
export type Reply = z.infer<typeof Reply>;

export function parseReplies(input: unknown, file = REPLIES_FILE): Reply[] {
  // an empty YAML file parses as null: no replies yet
  return parseOrThrow(z.array(Reply), input ?? [], file);
}

/** The replies, validated; none when the file is absent. */
export function loadReplies(file = REPLIES_FILE): Reply[] {
  return existsSync(file) ? parseReplies(parseYaml(readFileSync(file, 'utf8')), file) : [];
}
