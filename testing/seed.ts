/**
 * The seeded history of the chain tests: known values written into the first block of each UTC day, days
 * made with dev_timeTravel, a real runtime upgrade (spec 103 -> 218) part-way. Returns what was seeded, the
 * ground truth the snapshot must reproduce.
 */
import { Keyring } from '@polkadot/api';
import { SPEC_218, type Dev } from './chopsticks.ts';

export const DAY = 86_400_000;
const TAO = 1_000_000_000n;

export interface SeededDay {
  date: string;
  /** first block at or after 00:00 UTC of `date` */
  block: number;
  hash: string;
  /** runtime that executed the block */
  spec: number;
  /** how the day boundary was made: 'next' = a new block right after midnight, 'travel' = the head moved past midnight */
  how: 'next' | 'travel';
  values: Record<string, string | null>;
}

const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
export const ACCOUNTS = {
  alice: keyring.addFromUri('//Alice').address,
  bob: keyring.addFromUri('//Bob').address,
  charlie: keyring.addFromUri('//Charlie').address,
  dave: keyring.addFromUri('//Dave').address,
};

/** Values of day number i (global index): increasing issuance, known stake and pools. */
export function dayValues(i: number, dtao: boolean) {
  const ti = 1_000_000n * TAO + BigInt(i) * 7_200n * TAO + 123n;
  const v = {
    totalIssuance: ti,
    balancesIssuance: ti - 400_000n * TAO - BigInt(i),
    totalStake: 400_000n * TAO + BigInt(i) * 1_000n * TAO,
    subnets: dtao ? [0, 1, 2, 5] : [0, 1, 3],
    tao: dtao
      ? { 0: 300_000n * TAO + BigInt(i), 1: 1_000n * TAO + BigInt(i) * 3n, 2: 2_000n * TAO, 5: 77n * TAO + 5n }
      : null,
  };
  return v;
}

export function seedStorage(i: number, dtao: boolean): Record<string, unknown> {
  const v = dayValues(i, dtao);
  const sm: Record<string, unknown> = {
    TotalIssuance: v.totalIssuance.toString(),
    TotalStake: v.totalStake.toString(),
    TotalNetworks: v.subnets.length,
    NetworksAdded: [0, 1, 2, 3, 4, 5].map((n) => [[n], v.subnets.includes(n)]),
  };
  const out: Record<string, unknown> = {
    SubtensorModule: sm,
    Balances: { TotalIssuance: v.balancesIssuance.toString() },
  };
  if (dtao && v.tao) {
    sm.SubnetTAO = Object.entries(v.tao).map(([n, x]) => [[Number(n)], x.toString()]);
    sm.SubnetAlphaIn = v.subnets.map((n) => [[n], (BigInt(n) * 10n * TAO + 1n).toString()]);
    sm.SubnetAlphaOut = v.subnets.map((n) => [[n], (BigInt(n) * 20n * TAO + 2n).toString()]);
    sm.SubnetMechanism = v.subnets.map((n) => [[n], n === 0 ? 0 : 1]);
    sm.SubnetOwner = v.subnets.map((n) => [[n], n === 0 ? ACCOUNTS.alice : ACCOUNTS.bob]);
    sm.NetworkRegisteredAt = v.subnets.map((n) => [[n], 1000 + n]);
    sm.TokenSymbol = v.subnets.map((n) => [[n], `S${n}`]);
    sm.SubnetIdentities = [
      [[1], { subnetName: 'Apex', githubRepo: 'https://example.invalid/apex', subnetContact: '' }],
    ];
    sm.SubnetOwnerCut = 11_796;
    out.SenateMembers = { Members: [ACCOUNTS.alice, ACCOUNTS.bob] };
    out.TriumvirateMembers = { Members: [ACCOUNTS.charlie] };
  }
  return out;
}

/** Expected series values for day i, as the snapshot writes them. */
export function expectedValues(i: number, dtao: boolean, authorities: number): Record<string, string | null> {
  const v = dayValues(i, dtao);
  const sumNonRoot = v.tao ? Object.entries(v.tao).reduce((s, [n, x]) => (n === '0' ? s : s + x), 0n) : null;
  return {
    totalIssuance: v.totalIssuance.toString(),
    balancesIssuance: v.balancesIssuance.toString(),
    totalStake: v.totalStake.toString(),
    rootStake: v.tao ? v.tao[0].toString() : null,
    subnetTao: sumNonRoot === null ? null : sumNonRoot.toString(),
    subnetCount: String(v.subnets.length),
    taoInEmission: null, // SubnetTaoInEmission is absent from both runtimes
    pendingRootDivs: null, // PendingRootDivs is absent from both runtimes
    taoWeight: null, // a per-netuid map in 218, absent in 103
    senateSize: dtao ? '2' : null,
    triumvirateSize: dtao ? '1' : null,
    authorityCount: String(authorities),
    subnetOwnerCut: dtao ? '11796' : null, // SubtensorModule.SubnetOwnerCut: absent from 103 (spec < 133), seeded in 218
    excessTao: null, // SubnetExcessTao exists from spec 411 only
  };
}

export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Append `count` days after the head's day, seeding each day's first block. Day i of the whole history uses
 * dayValues(i). The boundary is made two ways, alternating: a block built just after midnight, or the head
 * itself moved a few hours past midnight (its predecessor then has to be read to prove it is the first).
 */
export async function addDays(
  dev: Dev,
  firstIndex: number,
  count: number,
  dtao: boolean,
  spec: number,
  authorities: number,
): Promise<SeededDay[]> {
  const out: SeededDay[] = [];
  for (let k = 0; k < count; k++) {
    const i = firstIndex + k;
    const head = await dev.head();
    const ts = await dev.timestampAt(head.hash);
    const M = Math.floor(ts / DAY) * DAY + DAY;
    const how: SeededDay['how'] = i % 3 === 2 ? 'travel' : 'next';
    if (how === 'travel') {
      await dev.timeTravel(M + 3 * 3_600_000 + 1234);
    } else {
      await dev.timeTravel(M - 1000 - (i % 2) * 500); // the next block lands a slot later, just past midnight
      await dev.newBlock();
    }
    await dev.setStorage(seedStorage(i, dtao));
    const first = await dev.head();
    out.push({
      date: dateOf(M),
      block: first.number,
      hash: first.hash,
      spec,
      how,
      values: expectedValues(i, dtao, authorities),
    });
    await dev.newBlock(1 + (i % 2)); // more blocks in the day
  }
  return out;
}

export interface History {
  days: SeededDay[];
  upgradeBlock: number;
}

/** The whole seeded history: `pre` days on spec 103, the upgrade, `post` days on spec 218. */
export async function buildHistory(dev: Dev, start: string, pre: number, post: number): Promise<History> {
  // block 1 (built at start-up with the wall clock) becomes the first block of `start`. Chopsticks builds it before it
  // listens, but a failed build is only logged (its block builder catches the error) and the head stays the genesis:
  // seen twice in full runs, where day 0 then became the genesis. Build it here then, as the start-up would have.
  if ((await dev.head()).number < 1) await dev.newBlock();
  await dev.timeTravel(Date.parse(`${start}T00:00:00Z`) + 5000);
  await dev.setStorage(seedStorage(0, false));
  const b1 = await dev.head();
  const auth103 = 6;
  const days: SeededDay[] = [
    {
      date: start,
      block: b1.number,
      hash: b1.hash,
      spec: 103,
      how: 'travel',
      values: expectedValues(0, false, auth103),
    },
  ];
  await dev.newBlock();
  days.push(...(await addDays(dev, 1, pre - 1, false, 103, auth103)));
  await dev.upgrade(SPEC_218);
  const upgradeBlock = (await dev.head()).number;
  const auth218 = await authorities(dev);
  days.push(...(await addDays(dev, pre, post, true, 218, auth218)));
  return { days, upgradeBlock };
}

export async function authorities(dev: Dev): Promise<number> {
  const head = await dev.head();
  const v = await dev.raw(
    '0x' +
      Buffer.from(await import('@polkadot/util-crypto').then((m) => m.xxhashAsU8a('Aura', 128))).toString('hex') +
      Buffer.from((await import('@polkadot/util-crypto')).xxhashAsU8a('Authorities', 128)).toString('hex'),
    head.hash,
  );
  if (!v) return 0;
  const first = parseInt(v.slice(2, 4), 16);
  return first >> 2; // compact length (< 64)
}
