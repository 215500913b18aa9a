/** Command-line arguments of `npm run snapshot` (pure). */
import { parseArgs } from 'node:util';
import { FINNEY, FINNEY_ENDPOINTS } from '../../src/data/chain.ts';
import { ISO_DATE } from '../../src/model/ids.ts';

export const DEFAULT_ENDPOINTS = FINNEY_ENDPOINTS;
export const DEFAULT_OUT = 'public/data';
/**
 * Finney's first day: Finney launched on 2023-03-20 (shared reference ../shared/reference/subtensor.md, section 5.1
 * "Key events": "Finney launch (current genesis 0x2f05…) | 2023-03-20", from TaoStats as quoted by CryptoWiki). Its
 * genesis state is the previous chain's (Nakamoto's) balances and stakes, read from a snapshot.json when the chain
 * spec was built (opentensor/subtensor main, node/src/chain_spec/finney.rs, finney_mainnet_config and
 * finney_genesis). No Finney block is older, so `--since` before that day is refused on Finney instead of being
 * answered from a later day.
 */
export const FINNEY_FIRST_DAY = '2023-03-20';

export interface Options {
  endpoints: string[];
  out: string;
  /** first day of the history; null = the day of block 1 */
  since: string | null;
  /** snapshot as of this block number or hash; null = the finalized head */
  at: number | string | null;
  /** expected genesis hash; null = any chain */
  genesis: string | null;
  concurrency: number;
  /** starting pace, requests per second (0 = unpaced); slows down by itself on rate-limit errors */
  rps: number;
  timeoutMs: number;
  retries: number;
  /** replace an existing snapshot of another chain or an invalid one */
  replace: boolean;
  /** endpoints asked to confirm the block hashes, each with its operator (`--confirm URL=OPERATOR`) */
  confirm: Array<{ url: string; operator: string }>;
  /** read without read proofs, for nodes that serve none: the data is labelled unproven (a production build refuses it) */
  trustNode: boolean;
  /** accept a finalized head older than the one in <out>/snapshot.json (a lagging node), on purpose */
  allowOlderHead: boolean;
  /** past days re-read from the chain and compared with the file each run; Infinity with --verify-all */
  verify: number;
  /** largest reply accepted from a node, in bytes (refused before parsing) */
  maxReplyBytes: number;
  /** print the summary as one JSON line */
  json: boolean;
  help: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP = `Usage: npm run snapshot -- [options]

Reads the Bittensor chain and writes <out>/snapshot.json and <out>/subnets-daily.json (per-subnet values of
each sampled day), both validated against src/model/schema.ts and written atomically. Reuses the daily history
already in those files and fetches only missing days.

Options:
  --endpoint URL     WebSocket endpoint; repeat for fallbacks, tried in order
                     (default: ${DEFAULT_ENDPOINTS.join(', then ')})
  --out DIR          output directory (default: ${DEFAULT_OUT})
  --since YYYY-MM-DD first day of the daily history (default: the day of the first block); on Finney
                     not before ${FINNEY_FIRST_DAY}, Finney's first day: earlier days exist only in
                     pre-Finney (Nakamoto) records, which no Finney node holds
  --at BLOCK|HASH    snapshot as of that block (to reproduce a published figure); needs an explicit --out
  --genesis HASH|any expected genesis hash (default: Finney ${FINNEY.genesisHash.slice(0, 10)}…);
                     "any" accepts any chain; data from a chain other than Finney is marked "synthetic"
  --concurrency N    requests in flight at once (default: 4)
  --rps N            at most N requests per second to start with (default: 0 = no limit); the pace
                     halves by itself on HTTP 429 / rate-limit errors (public endpoints allow ~1/s)
  --timeout MS       per-request timeout in ms (default: 30000)
  --retries N        retries per endpoint after a transport or rate-limit error (default: 3)
  --confirm URL=NAME an endpoint run by NAME, asked to confirm the head's and every sampled block's hash
                     (repeatable); only endpoints of another operator than the one read from count; a
                     disagreement stops the run and shows both answers; without one the data is labelled
                     single-source
  --trust-node       read without read proofs (state_getReadProof), for a node that serves none (e.g.
                     chopsticks): the files are labelled "unproven" and a production build refuses them.
                     Without it every recorded value is verified under the state root of a header that
                     hashes to its block; a failed check stops the run with one line and writes nothing
  --replace          replace existing files of another chain, or ones that fail validation, and allow
                     dropping days the existing snapshot holds (e.g. a later --since)
  --allow-older-head accept a finalized head older than the existing snapshot's (a node lagging behind)
  --verify N         past days re-read from the chain and compared with the file each run (default: 3)
  --verify-all       re-read every past day and compare
  --max-reply-mb N   refuse a node's reply over N MB before parsing it (default: 16)
  --json             print the summary as one JSON line
  --help             this text

Exit status: 0 written (or already up to date), 1 failed (previous files untouched), 2 bad arguments.`;

function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`${name} expects a positive integer, got ${JSON.stringify(v)}`);
  return Number(v);
}

function positiveNumber(name: string, v: string): number {
  if (!/^(\d+(\.\d+)?|\.\d+)$/.test(v) || Number(v) <= 0)
    throw new UsageError(`${name} expects a positive number, got ${JSON.stringify(v)}`);
  return Number(v);
}

export function parseCli(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        endpoint: { type: 'string', multiple: true },
        out: { type: 'string' },
        since: { type: 'string' },
        at: { type: 'string' },
        genesis: { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        rps: { type: 'string' },
        retries: { type: 'string' },
        replace: { type: 'boolean' },
        'trust-node': { type: 'boolean' },
        confirm: { type: 'string', multiple: true },
        'allow-older-head': { type: 'boolean' },
        verify: { type: 'string' },
        'verify-all': { type: 'boolean' },
        'max-reply-mb': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const v = parsed.values;
  const endpoints = v.endpoint ?? DEFAULT_ENDPOINTS;
  for (const e of endpoints)
    if (!/^wss?:\/\/[^\s]+$/.test(e))
      throw new UsageError(`--endpoint expects a ws:// or wss:// URL, got ${JSON.stringify(e)}`);
  let since: string | null = null;
  if (v.since !== undefined) {
    if (
      !ISO_DATE.test(v.since) ||
      Number.isNaN(Date.parse(`${v.since}T00:00:00Z`)) ||
      new Date(`${v.since}T00:00:00Z`).toISOString().slice(0, 10) !== v.since
    )
      throw new UsageError(`--since expects a date as YYYY-MM-DD, got ${JSON.stringify(v.since)}`);
    since = v.since;
  }
  let at: number | string | null = null;
  if (v.at !== undefined) {
    if (/^\d+$/.test(v.at)) at = Number(v.at);
    else if (/^0x[0-9a-fA-F]{64}$/.test(v.at)) at = v.at.toLowerCase();
    else throw new UsageError(`--at expects a block number or a 0x-prefixed 32-byte hash, got ${JSON.stringify(v.at)}`);
    if (v.out === undefined)
      throw new UsageError(
        `--at writes a historical snapshot: give it its own --out DIR so ${DEFAULT_OUT} is not replaced`,
      );
  }
  let genesis: string | null = FINNEY.genesisHash;
  if (v.genesis !== undefined) {
    if (v.genesis === 'any') genesis = null;
    else if (/^0x[0-9a-fA-F]{64}$/.test(v.genesis)) genesis = v.genesis.toLowerCase();
    else
      throw new UsageError(`--genesis expects a 0x-prefixed 32-byte hash or "any", got ${JSON.stringify(v.genesis)}`);
  }
  if (since !== null && genesis === FINNEY.genesisHash && since < FINNEY_FIRST_DAY)
    throw new UsageError(
      `--since ${since}: Finney's first block dates from ${FINNEY_FIRST_DAY} and its genesis holds the balances and stakes ` +
        `carried over from the Nakamoto chain; the days before it exist only in pre-Finney (Nakamoto) records, which no Finney node holds. ` +
        `Give --since ${FINNEY_FIRST_DAY} or later, or leave --since out to start at Finney's first block.`,
    );
  const retries = v.retries === '0' ? 0 : positiveInt('--retries', v.retries, 3);
  const confirm = (v.confirm ?? []).map((c) => {
    const m = /^(wss?:\/\/[^\s=]+)=(.+)$/.exec(c);
    if (!m) throw new UsageError(`--confirm expects URL=OPERATOR (a ws:// or wss:// URL), got ${JSON.stringify(c)}`);
    return { url: m[1], operator: m[2].trim() };
  });
  return {
    endpoints,
    out: v.out ?? DEFAULT_OUT,
    since,
    at,
    genesis,
    concurrency: positiveInt('--concurrency', v.concurrency, 4),
    rps: v.rps === undefined || v.rps === '0' ? 0 : positiveNumber('--rps', v.rps),
    timeoutMs: positiveInt('--timeout', v.timeout, 30_000),
    retries,
    replace: v.replace ?? false,
    trustNode: v['trust-node'] ?? false,
    confirm,
    allowOlderHead: v['allow-older-head'] ?? false,
    verify: v['verify-all'] ? Infinity : v.verify === '0' ? 0 : positiveInt('--verify', v.verify, 3),
    maxReplyBytes: Math.round(positiveNumber('--max-reply-mb', v['max-reply-mb'] ?? '16') * 1024 * 1024),
    json: v.json ?? false,
    help: v.help ?? false,
  };
}
