/**
 * The schema of content/replies.yaml: what a person or organisation the report names sent in answer, once received
 * and accepted for publication (the policy is on /policy/#replies). Loading: src/data/replies.ts.
 */
import { z } from 'zod';
import { ClaimId, IsoDate } from './ids.ts';
import { WebUrl } from './schema.ts';

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

/** content/replies.yaml: every reply, oldest first. */
export const Replies = z.array(Reply);
