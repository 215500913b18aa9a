/** Verdicts for the premine essay: TAO mined before subnets and the 62.5% share (C05-C10). */
import { ratio } from '../../metrics/amount.ts';
import { chainAt, figure, figureEvidence, needsChain, observationEvidence, relativeGap, result, tao, TOLERANCE } from '../evidence.ts';
import type { VerdictFn } from '../types.ts';

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
