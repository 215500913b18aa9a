/**
 * Replies: what a person or organisation the report names (the article's author, the Opentensor Foundation, anyone
 * quoted) sent in answer, once received and accepted for publication (the policy is on /policy/#replies). They live in
 * content/replies.yaml, an empty list until one arrives, and are shown on the claim's page and in the changes log.
 * Their schema is src/model/replies.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Replies, type Reply } from '../model/replies.ts';
import { parseOrThrow } from './errors.ts';

export const REPLIES_FILE = 'content/replies.yaml';

export function parseReplies(input: unknown, file = REPLIES_FILE): Reply[] {
  // an empty YAML file parses as null: no replies yet
  return parseOrThrow(Replies, input ?? [], file);
}

/** The replies, validated; none when the file is absent. */
export function loadReplies(file = REPLIES_FILE): Reply[] {
  return existsSync(file) ? parseReplies(parseYaml(readFileSync(file, 'utf8')), file) : [];
}
