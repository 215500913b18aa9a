/** Verdicts for the premine essay: TAO mined before subnets and the 62.5% share (C05-C10). */
import type { ChartData } from '../../charts/types.ts';
import { formatTao, ratio } from '../../metrics/amount.ts';
import { chainAt, figure, figureEvidence, needsChain, observationEvidence, relativeGap, result, tao, TOLERANCE } from '../evidence.ts';
import type { Evidence, VerdictFn } from '../types.ts';

const SUBNETS_LAUNCH = '2023-10-02';
const optionalFigure = (data: ChartData, id: string) => data.reference.figures.find((f) => f.id === id);

/** C05: Kusanagi launched on 3 January 2021: a dated event with a citation (it predates the Finney chain). */
export const C05: VerdictFn = (data) => {
  const claimed = '2021-01-03';
  const article = figure(data, 'article-mined-before-subnets').source;
  const ev: Evidence[] = [{ label: 'The article: Kusanagi launch', value: claimed, sources: [{ ...article, quote: '2021年1月3日の「Kusanagi」のリリース' }] }];
  const launch = data.reference.events.find((e) => e.id === 'kusanagi');
  if (!launch) return result('unverifiable', 'No cited launch date for Kusanagi is in the reference data, and Kusanagi predates the Finney chain, so chain data cannot date it.', ev);
  ev.push({ label: `${launch.source.title}: ${launch.label}`, value: launch.date, sources: [launch.source] });
  const carry = optionalFigure(data, 'kusanagi-carry-over');
  if (carry) ev.push(figureEvidence(carry));
  return launch.date === claimed
    ? result('supported', `The Taostats history (quoted by CryptoWiki) dates Kusanagi’s start to ${launch.date}, as the article says. It leaves out that Kusanagi halted in mid-May 2021${carry ? ` and that its ${formatTao(BigInt(carry.value))} carried over to Nakamoto` : ''}; the current chain, Finney, started in 2023.`, ev)
    : result('contradicted', `The cited history dates Kusanagi’s start to ${launch.date}, not ${claimed} as the article says.`, ev);
};

/** C07: "no documentation of how pre-subnet TAO was distributed or where it went". The history and the balances are public. */
export const C07: VerdictFn = (data) => {
  const carry = optionalFigure(data, 'kusanagi-carry-over');
  const at = chainAt(data, 'totalIssuance', SUBNETS_LAUNCH);
  const ev: Evidence[] = [];
  if (carry) ev.push(figureEvidence(carry));
  if (at) ev.push(observationEvidence('SubtensorModule.TotalIssuance at the subnet launch', at));
  if (ev.length === 0) return result('unverifiable', 'This build has neither the cited history of the early networks nor a chain read of issuance at the subnet launch.', ev);
  const parts = [
    carry && `the Taostats history quoted by CryptoWiki records the early networks and the ${formatTao(BigInt(carry.value))} carried from Kusanagi to Nakamoto`,
    at && `the Finney chain’s own state shows ${formatTao(at.value)} issued by ${at.date} (block ${at.block?.toLocaleString('en-US')}), held in accounts anyone can read`,
  ].filter(Boolean);
  return result('contradicted', `The early distribution is on record: ${parts.join(', and ')}. Who owns those accounts is the part that stays open.`, ev);
};

/** C08: VC backing implies the early TAO went to insiders. Ownership is not in the data. */
export const C08: VerdictFn = (data) => {
  const mined = figure(data, 'article-mined-before-subnets');
  const at = chainAt(data, 'totalIssuance', SUBNETS_LAUNCH);
  const ev: Evidence[] = [figureEvidence(mined)];
  if (at) ev.push(observationEvidence('SubtensorModule.TotalIssuance at the subnet launch', at));
  return result(
    'unverifiable',
    `${at ? `The chain shows ${formatTao(at.value)} issued by ${at.date}, but it` : 'The chain'} records amounts and addresses, not owners: nothing in the data links early block rewards to insiders, and the premise (VC funding) is not a chain fact.`,
    ev,
  );
};

/** C10: running validators pushes insiders' share above 62.5%. Delegated stake belongs to its delegators. */
export const C10: VerdictFn = (data) => {
  const share = figure(data, 'article-insider-share');
  return result(
    'unverifiable',
    'A validator does not own the stake delegated to it: that belongs to the delegators, who can move it. The data hold no per-validator stake or operator identities, so the share held by the Foundation and investors cannot be computed.',
    [figureEvidence(share)],
  );
};

/** C06: 5.38M TAO mined by the subnet launch (2023-10-02). */
export const C06: VerdictFn = (data) => {
  const claimed = figure(data, 'article-mined-before-subnets');
  const at = chainAt(data, 'totalIssuance', '2023-10-02');
  const ev = [figureEvidence(claimed)];
  if (!at) return needsChain('issuance on 2 October 2023', ev);
  ev.push(observationEvidence('SubtensorModule.TotalIssuance', at));
  const gap = relativeGap(Number(claimed.value), Number(at.value));
  return gap <= TOLERANCE
    ? result('supported', `The chain held ${tao(at).toLocaleString('en-US', { maximumFractionDigits: 0 })} TAO issued on ${at.date}, within ${(gap * 100).toFixed(1)}% of the article's 5.38M.`, ev)
    : result('contradicted', `The chain held ${tao(at).toLocaleString('en-US', { maximumFractionDigits: 0 })} TAO issued on ${at.date}, ${(gap * 100).toFixed(1)}% away from the article's 5.38M.`, ev);
};

/** C09: 5.38M / 8.61M = 62.5% of TAO in insiders' hands. The arithmetic and supply are checkable; ownership is not. */
export const C09: VerdictFn = (data) => {
  const mined = figure(data, 'article-mined-before-subnets');
  const supply = figure(data, 'article-issued-supply');
  const share = figure(data, 'article-insider-share');
  const own = ratio(BigInt(mined.value), BigInt(supply.value));
  const ev = [
    figureEvidence(mined),
    figureEvidence(supply),
    { label: 'The article’s own inputs, recomputed', value: `${(own * 100).toFixed(2)}%`, formula: '5.38M / 8.61M', sources: [mined.source, supply.source] },
  ];
  const arithmeticOk = Math.abs(own - Number(share.value)) < 0.001;
  const before = chainAt(data, 'totalIssuance', '2023-10-02');
  const then = chainAt(data, 'totalIssuance', '2025-04-17');
  if (!before || !then)
    return result(
      'unverifiable',
      `${arithmeticOk ? 'The arithmetic holds' : 'The arithmetic does not hold'} (${(own * 100).toFixed(2)}%), but this build has no chain issuance for 2023-10-02 and 2025-04-17, and no data can show who owns the early TAO.`,
      ev,
    );
  const chainShare = ratio(before.value, then.value);
  ev.push(observationEvidence('Issued by the subnet launch', before), observationEvidence('Issued at the time of writing', then), {
    label: 'Share issued before subnets, from the chain',
    value: `${(chainShare * 100).toFixed(1)}%`,
    formula: 'TotalIssuance(2023-10-02) / TotalIssuance(2025-04-17)',
    sources: [before.source, then.source],
  });
  const supplyGap = relativeGap(Number(supply.value), Number(then.value));
  if (supplyGap > TOLERANCE)
    return result('contradicted', `Issuance at the time of writing was ${tao(then).toLocaleString('en-US', { maximumFractionDigits: 0 })} TAO, not 8.61M (${(supplyGap * 100).toFixed(1)}% off).`, ev);
  return result(
    'partly supported',
    `The chain gives ${(chainShare * 100).toFixed(1)}% of issued TAO as mined before subnets, close to the article's 62.5%; that it sits with insiders is an assumption the chain cannot support: early TAO went to miners and validators and has moved since.`,
    ev,
  );
};
