/** Identity of the Bittensor main chain (Finney), from ../shared/reference/subtensor.md section 1. */
export const FINNEY = {
  name: 'Bittensor (Finney)',
  genesisHash: '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03',
  ss58Prefix: 42,
  decimals: 9,
  symbol: 'TAO',
} as const;

/** Finney's public WebSocket endpoints (the snapshot's defaults, in order; also allowed by the site's connect-src). */
export const FINNEY_ENDPOINTS = ['wss://entrypoint-finney.opentensor.ai:443', 'wss://archive.chain.opentensor.ai:443'];

/**
 * Who runs each public Finney endpoint. The snapshot reads from the first that answers and asks an endpoint of
 * another operator to confirm the block hashes (`--confirm URL=OPERATOR` adds one); with only one operator the data
 * is labelled single-source. Both defaults are run by the Opentensor Foundation (their domain, opentensor.ai).
 */
export const FINNEY_OPERATORS: ReadonlyArray<{ url: string; operator: string }> = FINNEY_ENDPOINTS.map((url) => ({
  url,
  operator: 'Opentensor Foundation',
}));

/** The operator of an endpoint: from FINNEY_OPERATORS or `known`, else named by its host. */
export function operatorOf(url: string, known: ReadonlyArray<{ url: string; operator: string }> = []): string {
  const hit = [...FINNEY_OPERATORS, ...known].find((e) => e.url === url);
  if (hit) return hit.operator;
  try {
    return `the operator of ${new URL(url).host}`;
  } catch {
    return `the operator of ${url}`;
  }
}
