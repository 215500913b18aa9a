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
