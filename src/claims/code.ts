/**
 * Citations of the subtensor source at tag v2.0.11 (spec_version 261, tagged 2025-04-11, the runtime line in use
 * when the article was written), for claims that concern what the runtime could do rather than a measured value.
 * Each was read in the public repository at the commit below; the line anchors point at the cited code.
 */
import { SUBTENSOR_REPO, subtensorCode } from '../model/code-ref.ts';
import type { CitedSource } from '../model/schema.ts';

const COMMIT = '6b86ebf30d3fb83f9d43ed4ce713c43204394e67';
/** The citation of `path` (at `lines`, a `#L…` anchor, when given) in the subtensor repository at `commit`. */
const atCommit = (
  commit: string,
  tag: string,
  path: string,
  lines: string,
  title: string,
  quote?: string,
): CitedSource => ({
  kind: 'cited',
  by: 'publication',
  ref: 'subtensor-repo',
  url: `${subtensorCode(commit, path).url}${lines ? `#${lines}` : ''}`,
  title: `${SUBTENSOR_REPO} ${tag}, ${title}`,
  ...(quote ? { quote } : {}),
});
/** The same at v2.0.11. */
const at = (path: string, lines: string, title: string, quote?: string): CitedSource =>
  atCommit(COMMIT, 'v2.0.11', path, lines, title, quote);

/** The spec that introduced dTAO, with move_stake, transfer_stake and swap_stake (tag v2.0.0). */
export { DTAO_SPEC } from '../model/upgrades.ts';

export const CODE = {
  runtimePallets: at(
    'runtime/src/lib.rs',
    'L1402-L1437',
    'runtime pallets (construct_runtime!)',
    'Aura: pallet_aura = 3, Grandpa: pallet_grandpa = 4, … Sudo: pallet_sudo = 12',
  ),
  governanceLimits: at(
    'runtime/src/lib.rs',
    'L470-L480',
    'Triumvirate and Senate size limits',
    'CouncilMaxMembers: u32 = 3; … SenateMaxMembers: u32 = 12',
  ),
  sudo: at('runtime/src/lib.rs', 'L612-L617', 'pallet_sudo in the runtime', 'impl pallet_sudo::Config for Runtime'),
  swapStake: at(
    'pallets/subtensor/src/macros/dispatches.rs',
    'L1619-L1720',
    'move_stake, transfer_stake and swap_stake extrinsics',
    'pub fn swap_stake(origin, hotkey, origin_netuid, destination_netuid, alpha_amount)',
  ),
  alphaShares: at(
    'pallets/subtensor/src/lib.rs',
    'L1050-L1060',
    'Alpha storage map (stake shares per hotkey, coldkey, subnet)',
    'pub type Alpha<T: Config> = StorageNMap<…, U64F64, // Shares',
  ),
  /** run_coinbase step 4: every block's TAO emission goes into the subnet pools (SubnetTAO, TotalStake, TotalIssuance). */
  injection: at(
    'pallets/subtensor/src/coinbase/run_coinbase.rs',
    'L112-L140',
    'run_coinbase, step 4: TAO injected into each subnet pool',
    'SubnetTAO::<T>::mutate(*netuid_i, |total| { *total = total.saturating_add(tao_in_i); })',
  ),
  /** run_coinbase step 6: root's share of each subnet's alpha is sold in the pool for TAO and kept in PendingRootDivs. */
  rootSell: at(
    'pallets/subtensor/src/coinbase/run_coinbase.rs',
    'L164-L208',
    'run_coinbase, step 6: root alpha sold for TAO (swap_alpha_for_tao) into PendingRootDivs',
    'let root_tao: u64 = Self::swap_alpha_for_tao(*netuid_i, tou64!(root_alpha));',
  ),
  /** distribute_dividends_and_incentives: root's TAO dividends are credited to root stake. */
  rootDivsCredited: at(
    'pallets/subtensor/src/coinbase/run_coinbase.rs',
    'L474-L500',
    'distribute_dividends_and_incentives: root TAO dividends credited to root stake',
    'Self::increase_stake_for_hotkey_on_subnet(&hotkey, Self::get_root_netuid(), tou64!(root_tao));',
  ),
  /** increase_stake_for_hotkey_on_subnet changes only the hotkey's share pool, not SubnetTAO or TotalStake. */
  shareCreditOnly: at(
    'pallets/subtensor/src/staking/stake_utils.rs',
    'L532-L535',
    'increase_stake_for_hotkey_on_subnet: updates the share pool only',
    'alpha_share_pool.update_value_for_all(amount as i64);',
  ),
  /** swap_alpha_for_tao lowers the subnet's SubnetTAO and TotalStake by the TAO paid out. */
  swapAlphaForTao: at(
    'pallets/subtensor/src/staking/stake_utils.rs',
    'L732-L759',
    'swap_alpha_for_tao: SubnetTAO and TotalStake reduced by the TAO paid',
    'SubnetTAO::<T>::mutate(netuid, |total| { *total = total.saturating_sub(tao); });',
  ),
  /** A subnet's epoch runs every tempo + 1 blocks (default tempo 360), when PendingRootDivs is paid out and reset. */
  epochCycle: at(
    'pallets/subtensor/src/coinbase/run_coinbase.rs',
    'L217-L262',
    'run_coinbase, step 7: PendingRootDivs drained at each subnet’s epoch',
    'let pending_tao: u64 = PendingRootDivs::<T>::get(netuid); PendingRootDivs::<T>::insert(netuid, 0);',
  ),
} as const;

/** The epoch cycle of a subnet at the default tempo (INITIAL_SUBNET_TEMPO = 360 in v2.0.11 runtime/src/lib.rs L980): tempo + 1 blocks. */
export const EPOCH_CYCLE_BLOCKS = 361;

/** Code of other runtimes than v2.0.11, each at the commit read. */
export const OTHER_CODE = {
  /** v3.1.6 (spec 283): the migration that set SubnetTAO[0] to the stakers' root stake. */
  fixRootSubnetTao: atCommit(
    'e9bbb6134984b1f9f63f5e55408faad7628eb059',
    'v3.1.6 (spec 283)',
    'pallets/subtensor/src/migrations/migrate_fix_root_subnet_tao.rs',
    'L22-L40',
    'migrate_fix_root_subnet_tao',
    'SubnetTAO::<T>::insert(NetUid::ROOT, total_stake);',
  ),
  /** Finney's launch code (2023-03-20): emission per subnet by Yuma consensus (epoch) and drained to hotkeys. */
  finneyEpoch: atCommit(
    'c88a37247b9c018825a7e1980c7cfaeb751764df',
    'at Finney’s launch (2023-03-20)',
    'pallets/subtensor/src/epoch.rs',
    'L12',
    'epoch_dense: Yuma consensus emission to miners and validators',
    'pub fn epoch_dense( netuid: u16, rao_emission: u64 ) -> Vec<(T::AccountId, u64)>',
  ),
  /** Finney's genesis: balances and stakes loaded from a snapshot of the Nakamoto chain (snapshot.json). */
  finneyGenesis: atCommit(
    'c88a37247b9c018825a7e1980c7cfaeb751764df',
    'at Finney’s launch (2023-03-20)',
    'node/src/chain_spec.rs',
    'L143-L200',
    'finney_config: genesis stakes and balances from Nakamoto data',
    '// Configure storage from nakamoto data',
  ),
  /** Finney's launch code: the sudo key set every subnet's share of each block's emission (until spec 127). */
  finneySudoEmission: atCommit(
    'c88a37247b9c018825a7e1980c7cfaeb751764df',
    'at Finney’s launch (2023-03-20)',
    'pallets/subtensor/src/lib.rs',
    'L1202-L1212',
    'sudo_set_emission_values: the sudo key sets each subnet’s emission',
    'pub fn sudo_set_emission_values( origin: OriginFor<T>, netuids: Vec<u16>, emission: Vec<u64> )',
  ),
  /** … checked only to be root, to cover every subnet and to sum to the block emission (networks.rs). */
  finneySetEmissionValues: atCommit(
    'c88a37247b9c018825a7e1980c7cfaeb751764df',
    'at Finney’s launch (2023-03-20)',
    'pallets/subtensor/src/networks.rs',
    'L180-L213',
    'do_set_emission_values: ensure_root, then any split that sums to the block emission',
    'ensure!( emission.iter().sum::<u64>() as u64 == Self::get_block_emission(), Error::<T>::InvalidEmissionValues);',
  ),
  /** … and each block queues EmissionValues[netuid] into the subnet's PendingEmission (block_step.rs). */
  finneyGenerateEmission: atCommit(
    'c88a37247b9c018825a7e1980c7cfaeb751764df',
    'at Finney’s launch (2023-03-20)',
    'pallets/subtensor/src/block_step.rs',
    'L80-L90',
    'generate_emission: each block queues the subnet’s EmissionValues',
    'let new_queued_emission = EmissionValues::<T>::get( netuid );',
  ),
  /** Only the sudo key could create a subnet before spec 133 (do_add_network: ensure_root). */
  finneySudoAddNetwork: atCommit(
    'c88a37247b9c018825a7e1980c7cfaeb751764df',
    'at Finney’s launch (2023-03-20)',
    'pallets/subtensor/src/lib.rs',
    'L1153-L1160',
    'sudo_add_network: only the sudo key creates subnets',
    'pub fn sudo_add_network( origin: OriginFor<T>, netuid: u16, tempo: u16, modality: u16 )',
  ),
  finneyDrain: atCommit(
    'c88a37247b9c018825a7e1980c7cfaeb751764df',
    'at Finney’s launch (2023-03-20)',
    'pallets/subtensor/src/block_step.rs',
    'L61-L124',
    'drain_emission and generate_emission: each epoch’s emission paid to hotkeys',
    'Self::emit_inflation_through_hotkey_account( &hotkey, *amount );',
  ),
} as const;
