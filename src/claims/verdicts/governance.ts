/** Verdicts for the governance essay: who produces blocks and who can change the chain (C01-C04). */
import type { ReportData } from '../../model/schema.ts';
import { dateOfBlock, governanceAt, sudoKey } from '../../metrics/governance.ts';
import type { Sample } from '../../metrics/series.ts';
import { CODE } from '../code.ts';
import { citedEvidence, dateOf, figure, figureEvidence, figureText, result } from '../evidence.ts';
import type { Evidence, VerdictFn } from '../types.ts';

/** The v2.0.11 runtime's size limits (CODE.governanceLimits: CouncilMaxMembers, SenateMaxMembers). */
const RUNTIME_CAPS = { triumvirate: 3, senate: 12 } as const;

/** The date the article describes (its figures are dated 2025-04-17). */
const articleDate = (data: ReportData) => dateOf(figure(data, 'article-senate-size'));

const sizeText = (x: Sample) => (x.value === null ? 'absent from the runtime' : x.value.toLocaleString('en-US'));
function sampleEvidence(label: string, x: Sample): Evidence {
  return { label: `${label} (${x.date})`, value: sizeText(x), sources: [x.source] };
}
const valueOfCount = (f: { value: string }) => Number(f.value);
const atBlock = (x: Sample) => `block ${x.block?.toLocaleString('en-US')} (${x.date})`;

/** C01: neither PoW nor PoS. The April 2025 runtime produces blocks with Aura, a fixed authority list, and finalises with GRANDPA. */
export const C01: VerdictFn = (data) => {
  const ev: Evidence[] = [
    citedEvidence(
      'The v2.0.11 runtime’s pallets: Aura for block production, GRANDPA for finality; no staking, election or proof-of-work pallet',
      'Aura + GRANDPA',
      CODE.runtimePallets,
    ),
  ];
  const aura = governanceAt(data.snapshot, articleDate(data)).authorityCount;
  if (!aura)
    return result(
      'supported',
      'The runtime in use in April 2025 (v2.0.11) produces blocks with Aura, a list of authorities that only a root call can change, and finalises them with GRANDPA: proof of authority, neither proof of work nor proof of stake. This build has no chain read of the authority set.',
      ev,
    );
  ev.push(sampleEvidence('Aura.Authorities, number of block authors', aura));
  if (aura.value === null)
    return result(
      'contradicted',
      `At ${atBlock(aura)} the runtime had no Aura authority set, so blocks were not produced by a fixed list of authorities.`,
      ev,
    );
  return result(
    'supported',
    `At ${atBlock(aura)} blocks were produced by ${aura.value} Aura authorities, a fixed list changed only by a root call, and finalised by GRANDPA: proof of authority, neither proof of work nor proof of stake.`,
    ev,
  );
};

/** C02: the Foundation runs a one-party chain; "black box". Sudo is the one-party part; the code and state are public. */
export const C02: VerdictFn = (data) => {
  const ev: Evidence[] = [
    citedEvidence('The v2.0.11 runtime includes pallet_sudo: one key can make any root call', 'pallet_sudo', CODE.sudo),
  ];
  const tail =
    '“Black box” does not hold: the runtime’s code is public on GitHub and every storage item can be read by anyone. Who stands behind the key needs an outside label.';
  const sudo = sudoKey(data.snapshot);
  if (!sudo)
    return result(
      'partly supported',
      `The runtime in use in April 2025 includes pallet_sudo, through which a single key can change anything on the chain, so one party can run it. ${tail}`,
      ev,
    );
  const when = `block ${sudo.value.block.toLocaleString('en-US')}${dateOfBlock(data.snapshot, sudo.value.block) ? ` (${dateOfBlock(data.snapshot, sudo.value.block)})` : ''}`;
  ev.push({ label: `Sudo.Key at ${when}`, value: sudo.value.key ?? 'no key', sources: sudo.inputs });
  return sudo.value.key
    ? result(
        'partly supported',
        `At ${when} the sudo key was held by ${sudo.value.key}: one account could make any root call, which is one-party control. ${tail}`,
        ev,
      )
    : result(
        'partly supported',
        `At ${when} the runtime had no sudo key, but the runtime in use in April 2025 included pallet_sudo, so one key could then change anything. ${tail}`,
        ev,
      );
};

/** C03: Triumvirate = 3 OTF staff, Senate = top 12 validators; compared with the chain's member counts in April 2025. */
export const C03: VerdictFn = (data) => {
  const senateClaim = figure(data, 'article-senate-size');
  const triClaim = figure(data, 'article-triumvirate-size');
  const [SENATE, TRI] = [figureText(senateClaim), figureText(triClaim)];
  const caps = `${RUNTIME_CAPS.triumvirate} and ${RUNTIME_CAPS.senate}`;
  const capsAsSaid =
    RUNTIME_CAPS.senate === valueOfCount(senateClaim) && RUNTIME_CAPS.triumvirate === valueOfCount(triClaim)
      ? 'as the article says'
      : `against the article’s ${TRI} and ${SENATE}`;
  const ev: Evidence[] = [
    figureEvidence(senateClaim),
    figureEvidence(triClaim),
    citedEvidence(
      'The v2.0.11 runtime’s limits: Triumvirate (CouncilMaxMembers) and Senate (SenateMaxMembers)',
      caps,
      CODE.governanceLimits,
    ),
  ];
  const docs = data.reference.figures.find((f) => f.id === 'senate-max-members');
  if (docs) ev.push(figureEvidence(docs));
  const at = governanceAt(data.snapshot, dateOf(senateClaim));
  const senate = at.senateSize;
  const tri = at.triumvirateSize;
  if (!senate || !tri)
    return result(
      'unverifiable',
      `The docs describe the Triumvirate as Opentensor Foundation employees and the Senate as the top delegates by stake, and the runtime caps them at ${caps}, ${capsAsSaid}; but caps are not members. How many actually sat in April 2025 needs a chain read of both member lists, which this build does not have: ${SENATE} and ${TRI} would bear the claim out.`,
      ev,
    );
  ev.push(
    sampleEvidence('SenateMembers.Members, count', senate),
    sampleEvidence('TriumvirateMembers.Members, count', tri),
  );
  const senateOk = senate.value === BigInt(senateClaim.value);
  const triOk = tri.value === BigInt(triClaim.value);
  const verdict = senateOk && triOk ? 'supported' : senateOk || triOk ? 'partly supported' : 'contradicted';
  const count = (x: Sample, body: string) =>
    x.value === null ? `no ${body} (the pallet was absent)` : `a ${body} of ${x.value}`;
  return result(
    verdict,
    `On ${senate.date} the chain had ${count(senate, 'Senate')} and ${count(tri, 'Triumvirate')}; the article says ${SENATE} and ${TRI}.${verdict === 'supported' ? ' That they are the top delegates and Foundation staff is the docs’ description, not a chain fact.' : ''}`,
    ev,
  );
};

/** C04: all of them are insiders. The data hold addresses, not the people behind them. */
export const C04: VerdictFn = (data) => {
  const ev: Evidence[] = [];
  const docs = data.reference.figures.find((f) => f.id === 'senate-max-members');
  if (docs) ev.push(figureEvidence(docs));
  const g = data.snapshot.kind === 'cited' ? null : data.snapshot.governance;
  const base =
    'The docs make the Triumvirate Foundation staff, so that half holds by definition; Senate seats go to the largest delegates by stake, and';
  if (!g?.senate)
    return result(
      'unverifiable',
      `${base} this build has no list of Senate members; even with one, the chain holds addresses, not who is behind them.`,
      ev,
    );
  const src = (item: string) => ({ kind: 'chain' as const, block: g.block, hash: g.hash, item });
  ev.push({
    label: `Senate members at block ${g.block.toLocaleString('en-US')}`,
    value: String(g.senate.length),
    sources: [src('SenateMembers.Members')],
  });
  return result(
    'unverifiable',
    `${base} the ${g.senate.length} Senate addresses at block ${g.block.toLocaleString('en-US')} carry no identities in this data, so whether each is an insider cannot be shown.`,
    ev,
  );
};
