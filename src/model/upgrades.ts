/**
 * The runtime upgrades whose exact block the report reads "before" (pure data, no zod). For each spec here the
 * snapshot (scripts/snapshot/upgrades.ts) finds the first block that ran that spec or a later one, between the two
 * sampled days whose runtimes bracket it, and records the values at its parent, the last block the old runtime ran
 * (schema.ts `Upgrade`). The metrics read those values where they mean "at dTAO" (src/metrics/upgrades.ts).
 */

/** The spec that introduced dTAO (opentensor/subtensor tag v2.0.0, on Finney 2025-02-13): migrate_rao runs in its first block. */
export const DTAO_SPEC = 233;

/** Specs whose upgrade block the snapshot finds: the first block running each (or a later spec, when one day held two upgrades). */
export const UPGRADES_READ: readonly number[] = [DTAO_SPEC];
