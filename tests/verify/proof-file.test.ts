/**
 * A block's proof file checked as the browser checks it (src/verify/proof-file.ts, claim.ts): values proven and
 * decoded under the root of a header that hashes to the block; each way of tampering with the file fails, naming
 * the file and the field; a displayed number is verified only when it is the proven value (a sum only over subnets
 * the file proves registered).
 */
import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../../src/verify/bytes.ts';
import { describe as describeShown, provenFor } from '../../src/verify/claim.ts';
import { verifyProofFile } from '../../src/verify/proof-file.ts';
import { proofFixture, type FixtureValue, type ProofFile } from './fixture.ts';

const BLOCK = 5_000_123;
const SS58_ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const VALUES: FixtureValue[] = [
  { item: 'SubtensorModule.TotalIssuance', args: [], type: 'u64', value: 5_380_123_456_789_012n },
  { item: 'SubtensorModule.SubnetOwnerCut', args: [], type: 'u16', value: 11_796 },
  { item: 'SubtensorModule.TaoWeight', args: [], type: 'u64', value: 18_446_744_073_709_551_615n },
  { item: 'SubtensorModule.TotalNetworks', args: [], type: 'u16', value: 3 },
  { item: 'SenateMembers.Members', args: [], type: 'Vec<AccountId32>', value: [SS58_ALICE, SS58_ALICE] },
  { item: 'SubtensorModule.PendingRootDivs', args: [0], type: 'u64' }, // absent
  ...[0, 1, 7].flatMap((n, i): FixtureValue[] => [
    { item: 'SubtensorModule.NetworksAdded', args: [n], type: 'bool', value: true },
    { item: 'SubtensorModule.SubnetTAO', args: [n], type: 'u64', value: 1_000_000_000n * BigInt(10 ** i) },
  ]),
  { item: 'SubtensorModule.NetworksAdded', args: [9], type: 'bool', value: false },
  { item: 'SubtensorModule.SubnetTAO', args: [9], type: 'u64', value: 5n },
];

const fixture = proofFixture(BLOCK, VALUES);
const copy = async (): Promise<ProofFile> => structuredClone(await fixture);
const WHERE = `data/proofs/${BLOCK}.json`;

describe('proof files', () => {
  test('every value is proven under the header’s state root and decoded', async () => {
    const f = await copy();
    const b = verifyProofFile(f, BLOCK, f.hash, WHERE);
    expect(b.block).toBe(BLOCK);
    expect(Object.fromEntries(b.values.map((v) => [`${v.item}[${v.args}]`, v.value]))).toEqual({
      'SubtensorModule.TotalIssuance[]': '5380123456789012',
      'SubtensorModule.SubnetOwnerCut[]': '11796',
      'SubtensorModule.TaoWeight[]': '18446744073709551615',
      'SubtensorModule.TotalNetworks[]': '3',
      'SenateMembers.Members[]': [SS58_ALICE, SS58_ALICE],
      'SubtensorModule.PendingRootDivs[0]': null,
      'SubtensorModule.NetworksAdded[0]': true,
      'SubtensorModule.SubnetTAO[0]': '1000000000',
      'SubtensorModule.NetworksAdded[1]': true,
      'SubtensorModule.SubnetTAO[1]': '10000000000',
      'SubtensorModule.NetworksAdded[7]': true,
      'SubtensorModule.SubnetTAO[7]': '100000000000',
      'SubtensorModule.NetworksAdded[9]': false,
      'SubtensorModule.SubnetTAO[9]': '5',
    });
  });

  const tampered: Array<[string, (f: ProofFile) => void, RegExp]> = [
    [
      'a byte of the header',
      (f) => (f.header = f.header.slice(0, -2) + (f.header.endsWith('00') ? '01' : '00')),
      /header: the header hashes to 0x[0-9a-f]{64}, not to the block hash/,
    ],
    ['the file’s block', (f) => (f.block += 1), /: block: the file is for block 5000124, not 5000123/],
    ['the file’s hash', (f) => (f.hash = `0x${'ab'.repeat(32)}`), /: hash: the file is for "0xabab/],
    [
      'a key pointed at another item',
      (f) => (f.values[0].key = f.values[3].key),
      /values\[0\]\.key: 0x[0-9a-f]+ is not the key of SubtensorModule\.TotalIssuance/,
    ],
    [
      'an item the verifier does not know',
      (f) => (f.values[0].item = 'SubtensorModule.Nonexistent'),
      /values\[0\]\.item: the verifier does not know the key layout/,
    ],
    [
      'args of a plain item',
      (f) => (f.values[0].args = [1]),
      /values\[0\]\.item: SubtensorModule\.TotalIssuance is a plain value/,
    ],
    [
      'a type that does not fit the bytes',
      (f) => (f.values[1].type = 'u64'),
      /values\[1\] \(SubtensorModule\.SubnetOwnerCut\): the u64 value 0x[0-9a-f]+ does not decode: ends early/,
    ],
    ['the format', (f) => ((f as { format: number }).format = 2), /: format: expected 1, got 2/],
    ['nodes that are not hex', (f) => (f.nodes[0] = 'zz'), /: nodes: expected a list of hex trie nodes/],
  ];
  for (const [what, edit, message] of tampered)
    test(`tampered: ${what}`, async () => {
      const f = await copy();
      const hash = f.hash;
      edit(f);
      expect(() => verifyProofFile(f, BLOCK, hash, WHERE)).toThrow(message);
      expect(() => verifyProofFile(f, BLOCK, hash, WHERE)).toThrow(new RegExp(`^${WHERE}: `));
    });

  test('tampered: every byte of every node, changed in turn, fails the file or leaves its values as they were', async () => {
    const f = await copy();
    const good = verifyProofFile(f, BLOCK, f.hash, WHERE).values.map((v) => v.value);
    let failed = 0;
    for (let i = 0; i < f.nodes.length; i++) {
      const bytes = hexToBytes(f.nodes[i]);
      for (let j = 0; j < bytes.length; j += 7) {
        const g = structuredClone(f);
        const b = bytes.slice();
        b[j] ^= 0x01;
        g.nodes[i] = bytesToHex(b);
        let values: unknown;
        try {
          values = verifyProofFile(g, BLOCK, f.hash, WHERE).values.map((v) => v.value);
        } catch (e) {
          expect((e as Error).message).toMatch(/the proof does not reach the key/);
          failed++;
          continue;
        }
        expect(values).toEqual(good); // a node no value's path uses
      }
    }
    expect(failed).toBeGreaterThan(40);
  });

  test('a self-consistent proof under another root is refused: the root is the header’s', async () => {
    const other = await proofFixture(BLOCK, [{ ...VALUES[0], value: 1n }], 99);
    const f = await copy();
    f.nodes = other.nodes;
    expect(() => verifyProofFile(f, BLOCK, f.hash, WHERE)).toThrow(
      /values\[0\] \(SubtensorModule\.TotalIssuance\): the proof does not reach the key: the root node 0x[0-9a-f]+ is not in the proof/,
    );
  });
});

describe('a displayed number against the proven values', () => {
  const block = fixture.then((f) => verifyProofFile(f, BLOCK, f.hash, WHERE));
  test('plain values, entries, counts, absence and sums', async () => {
    const b = await block;
    const at = `in the state of block 5,000,123 (hash ${b.hash})`;
    expect(describeShown(b, { item: 'SubtensorModule.TotalIssuance', value: '5380123456789012' })).toEqual({
      ok: true,
      message: `verified: SubtensorModule.TotalIssuance = 5,380,123,456,789,012 ${at}.`,
    });
    expect(describeShown(b, { item: 'SubtensorModule.TotalIssuance', value: '5380123456789013' })).toEqual({
      ok: false,
      message: `failed: the page shows SubtensorModule.TotalIssuance = 5,380,123,456,789,013, but ${at} it is 5,380,123,456,789,012.`,
    });
    expect(provenFor(b, { item: 'SubtensorModule.SubnetTAO[0]', value: '1000000000' }).matches).toBe(true);
    expect(provenFor(b, { item: 'SenateMembers.Members', value: '2' }).matches).toBe(true);
    expect(provenFor(b, { item: 'SubtensorModule.PendingRootDivs[0]', value: null }).matches).toBe(true);
    expect(provenFor(b, { item: 'SubtensorModule.PendingRootDivs[0]', value: '0' }).matches).toBe(false);
    // netuid 9 holds a SubnetTAO entry but is not registered (NetworksAdded false): not in the sum
    expect(describeShown(b, { item: 'Σ SubtensorModule.SubnetTAO[netuid>0]', value: '110000000000' })).toEqual({
      ok: true,
      message: `verified: Σ SubtensorModule.SubnetTAO[netuid>0] = 110,000,000,000 ${at}; the sum over the 2 subnets the file proves registered.`,
    });
    expect(provenFor(b, { item: 'Σ SubtensorModule.SubnetTAO', value: '111000000000' }).matches).toBe(true);
    expect(() => provenFor(b, { item: 'SubtensorModule.TotalStake', value: '1' })).toThrow(
      /the proof file has no value for SubtensorModule\.TotalStake/,
    );
    expect(() => provenFor(b, { item: 'Σ SubtensorModule.SubnetAlphaIn', value: '1' })).toThrow(
      /no value of SubtensorModule\.SubnetAlphaIn\[0\] for the sum/,
    );
    expect(() => provenFor(b, { item: 'SubtensorModule.SubnetTAO (or V2)', value: '1' })).toThrow(
      /does not read the item/,
    );
  });
});
