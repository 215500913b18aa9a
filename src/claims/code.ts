/**
 * Citations of the subtensor source at tag v2.0.11 (spec_version 261, tagged 2025-04-11, the runtime line in use
 * when the article was written), for claims that concern what the runtime could do rather than a measured value.
 * Each was read in the public repository at the commit below; the line anchors point at the cited code.
 */
import type { CitedSource } from '../data/schema.ts';

const COMMIT = '6b86ebf30d3fb83f9d43ed4ce713c43204394e67';
const at = (path: string, lines: string, title: string, quote?: string): CitedSource => ({
  kind: 'cited',
  by: 'publication',
  ref: 'subtensor-repo',
  url: `https://github.com/opentensor/subtensor/blob/${COMMIT}/${path}#${lines}`,
  title: `opentensor/subtensor v2.0.11, ${title}`,
  ...(quote ? { quote } : {}),
});

/** The spec that introduced dTAO, with move_stake, transfer_stake and swap_stake (tag v2.0.0). */
export const DTAO_SPEC = 233;

export const CODE = {
  runtimePallets: at('runtime/src/lib.rs', 'L1402-L1437', 'runtime pallets (construct_runtime!)', 'Aura: pallet_aura = 3, Grandpa: pallet_grandpa = 4, … Sudo: pallet_sudo = 12'),
  governanceLimits: at('runtime/src/lib.rs', 'L470-L480', 'Triumvirate and Senate size limits', 'CouncilMaxMembers: u32 = 3; … SenateMaxMembers: u32 = 12'),
  sudo: at('runtime/src/lib.rs', 'L612-L617', 'pallet_sudo in the runtime', 'impl pallet_sudo::Config for Runtime'),
  swapStake: at('pallets/subtensor/src/macros/dispatches.rs', 'L1619-L1720', 'move_stake, transfer_stake and swap_stake extrinsics', 'pub fn swap_stake(origin, hotkey, origin_netuid, destination_netuid, alpha_amount)'),
  alphaShares: at('pallets/subtensor/src/lib.rs', 'L1050-L1060', 'Alpha storage map (stake shares per hotkey, coldkey, subnet)', 'pub type Alpha<T: Config> = StorageNMap<…, U64F64, // Shares'),
} as const;
