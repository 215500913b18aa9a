/** The daily series' fields, without zod, so browser code can import them cheaply. */
/**
 * The daily series' fields: each is read at the first block of a UTC day from the storage item named here.
 * A point's provenance for a field is (point.block, point.hash, SERIES_FIELDS[field].item).
 */
export const SERIES_FIELDS = {
  totalIssuance: { item: 'SubtensorModule.TotalIssuance', unit: 'rao', label: 'Issued TAO' },
  balancesIssuance: { item: 'Balances.TotalIssuance', unit: 'rao', label: 'Balances issuance' },
  totalStake: { item: 'SubtensorModule.TotalStake', unit: 'rao', label: 'Total stake' },
  rootStake: { item: 'SubtensorModule.SubnetTAO[0]', unit: 'rao', label: 'Root stake' },
  subnetTao: { item: 'Σ SubtensorModule.SubnetTAO[netuid>0]', unit: 'rao', label: 'TAO in subnet pools' },
  subnetCount: { item: 'SubtensorModule.TotalNetworks', unit: 'count', label: 'Subnets (incl. root)' },
  taoInEmission: { item: 'Σ SubtensorModule.SubnetTaoInEmission', unit: 'rao', label: 'TAO into pools per block' },
  pendingRootDivs: { item: 'Σ SubtensorModule.PendingRootDivs', unit: 'rao', label: 'Pending root dividends' },
  taoWeight: { item: 'SubtensorModule.TaoWeight', unit: 'u64-fraction', label: 'TAO weight' },
  senateSize: { item: 'SenateMembers.Members', unit: 'count', label: 'Senate members' },
  triumvirateSize: { item: 'TriumvirateMembers.Members', unit: 'count', label: 'Triumvirate members' },
  authorityCount: { item: 'Aura.Authorities', unit: 'count', label: 'Block authors (Aura)' },
} as const satisfies Record<string, { item: string; unit: string; label: string }>;
export type SeriesField = keyof typeof SERIES_FIELDS;
export const SERIES_FIELD_NAMES = Object.keys(SERIES_FIELDS) as SeriesField[];

/** Storage items behind the columns of the per-subnet table (`snapshot.subnets.rows`). */
export const SUBNET_ITEMS = {
  name: 'SubtensorModule.SubnetIdentitiesV3 (or V2/V1).subnet_name',
  symbol: 'SubtensorModule.TokenSymbol',
  mechanism: 'SubtensorModule.SubnetMechanism',
  owner: 'SubtensorModule.SubnetOwner',
  registeredAt: 'SubtensorModule.NetworkRegisteredAt',
  tao: 'SubtensorModule.SubnetTAO',
  alphaIn: 'SubtensorModule.SubnetAlphaIn',
  alphaOut: 'SubtensorModule.SubnetAlphaOut',
  taoInEmission: 'SubtensorModule.SubnetTaoInEmission',
} as const;
