/** Verdicts for the premine essay: TAO mined before subnets and the 62.5% share (C05-C10). */
import type { ReportData } from '../../model/schema.ts';
import { breaksCrossed } from '../../model/breaks.ts';
import { formatTao, ratio } from '../../metrics/amount.ts';
import { ARTICLE_DATE } from '../../metrics/dates.ts';
import { OTHER_CODE } from '../code.ts';
import {
  breakEvidence,
  chainAt,
  citedEvidence,
  breakNote,
  figure,
  figureEvidence,
  figureText,
  needsChain,
  observationEvidence,
  relativeGap,
  result,
  said,
  tao,
  TOLERANCE,
} from '../evidence.ts';
import type { Evidence, VerdictFn } from '../types.ts';
import { formulaOf } from '../../model/metrics.ts';

const SUBNETS_LAUNCH = '2023-10-02';
const optionalFigure = (data: ReportData, id: string) => data.reference.figures.find((f) => f.id === id);

/** C05: Kusanagi launched on 3 January 2021: a dated event with a citation (it predates the Finney chain). */
export const C05: VerdictFn = (data) => {
  const claimed = '2021-01-03';
  const article = figure(data, 'article-mined-before-subnets').source;
  const ev: Evidence[] = [
    {
      label: 'The article: Kusanagi launch',
      value: claimed,
      sources: [{ ...article, quote: '2021年1月3日の「Kusanagi」のリリース' }],
    },
  ];
  const launch = data.reference.events.find((e) => e.id === 'kusanagi');
  if (!launch)
    return result(
      'unverifiable',
      'No cited launch date for Kusanagi is in content/reference.yaml, and Kusanagi predates the Finney chain, so chain data cannot date it.',
      ev,
    );
  ev.push({ label: `${launch.source.title}: ${launch.label}`, value: launch.date, sources: [launch.source] });
  const carry = optionalFigure(data, 'kusanagi-carry-over');
  if (carry) ev.push(figureEvidence(carry));
  return launch.date === claimed
    ? result(
        'supported',
        `The Taostats history (quoted by CryptoWiki) dates Kusanagi’s start to ${launch.date}, as the article says. It leaves out that Kusanagi halted in mid-May 2021${carry ? ` and that its ${formatTao(BigInt(carry.value))} carried over to Nakamoto` : ''}; the current chain, Finney, started in 2023.`,
        ev,
      )
    : result(
        'contradicted',
        `The cited history dates Kusanagi’s start to ${launch.date}, not ${claimed} as the article says.`,
        ev,
      );
};

/** Finney's first block carried the Nakamoto chain's state over; earlier TAO can be seen only in its balances then. */
const FINNEY_START = '2023-03-20';

/**
 * C07: "no documentation of how pre-subnet TAO was distributed or where it went". For Finney's months before subnets
 * (2023-03-20 to 2023-10-02) the payouts and balances are public state, and the rule inside each subnet (Yuma
 * consensus) is public code; but each subnet's share of the block's emission was set by the sudo key
 * (sudo_set_emission_values, c88a3724 lib.rs L1202; any split summing to the block emission, networks.rs L180-213;
 * queued each block by generate_emission, block_step.rs L80-90), and only the sudo key could create a subnet
 * (sudo_add_network), until spec 133 (October 2023): a discretionary split, not a documented rule. Most of the 5.38M
 * was mined before Finney, on Kusanagi and Nakamoto, whose rules this report has not read. So: unverifiable.
 */
export const C07: VerdictFn = (data) => {
  const carry = optionalFigure(data, 'kusanagi-carry-over');
  const at = chainAt(data, 'totalIssuance', SUBNETS_LAUNCH);
  const start = chainAt(data, 'totalIssuance', FINNEY_START);
  const ev: Evidence[] = [
    citedEvidence(
      'Finney’s code at launch: each subnet’s emission split among miners and validators by Yuma consensus',
      'epoch_dense',
      OTHER_CODE.finneyEpoch,
    ),
    citedEvidence('… and paid to their hotkeys at each epoch', 'drain_emission', OTHER_CODE.finneyDrain),
    citedEvidence(
      'But each subnet’s share of every block’s emission was set by the sudo key, in any split summing to the block emission',
      'sudo_set_emission_values',
      OTHER_CODE.finneySudoEmission,
    ),
    citedEvidence(
      '… checked only to be a root call covering every subnet',
      'do_set_emission_values',
      OTHER_CODE.finneySetEmissionValues,
    ),
    citedEvidence(
      '… and queued into each subnet’s pending emission every block',
      'generate_emission',
      OTHER_CODE.finneyGenerateEmission,
    ),
    citedEvidence('Only the sudo key could create a subnet', 'sudo_add_network', OTHER_CODE.finneySudoAddNetwork),
    citedEvidence(
      'Finney’s genesis loaded the stakes and balances of the Nakamoto chain, not its history',
      'finney_config',
      OTHER_CODE.finneyGenesis,
    ),
  ];
  if (carry) ev.push(figureEvidence(carry));
  if (start)
    ev.push(
      observationEvidence(
        'SubtensorModule.TotalIssuance at Finney’s first day (state carried over from Nakamoto)',
        start,
      ),
    );
  if (at) ev.push(observationEvidence('SubtensorModule.TotalIssuance at the subnet launch', at));
  const finney = `For the TAO mined on Finney before subnets (from ${FINNEY_START}${start && at ? `: ${formatTao(at.value - start.value)} of the ${formatTao(at.value)} issued by ${at.date}` : ''}) what is public is the payouts and balances, which are Finney state anyone can read, and the rule inside each subnet (Yuma consensus split a subnet’s emission among its miners and validators); what was discretionary is the split between subnets: until October 2023 the sudo key set each subnet’s share of every block’s emission (sudo_set_emission_values, any split summing to the block emission) and alone could create subnets (sudo_add_network), by no published rule`;
  const before = `most of the ${said(data, 'article-mined-before-subnets')} was mined on the earlier chains, Kusanagi (from January 2021) and Nakamoto (from November 2021)${carry ? `, with ${formatTao(BigInt(carry.value))} carried from Kusanagi to Nakamoto according to the Taostats history` : ''}, whose distribution rules this report has not read; Finney’s first block carried their balances over, not their history`;
  return result(
    'unverifiable',
    `${finney}. So for those months the claim is wrong about where the TAO went, and half right about the rules: the split was recorded, not ruled. And ${before}. Only pre-Finney records (the Nakamoto chain’s code and blocks) could settle the rest. Who owns the accounts stays open either way.`,
    ev,
  );
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
  const later = breaksCrossed('totalIssuance', at.date, ARTICLE_DATE);
  ev.push(...later.map((b) => breakEvidence(b, 'after this read')));
  const note = later.length
    ? ` The counter read here was later recomputed from balances and stake (${later.map((b) => `break “${b.id}”, about ${b.date}`).join('; ')}), so this read carries whatever drift it had in 2023.`
    : '';
  const gap = relativeGap(Number(claimed.value), Number(at.value));
  return gap <= TOLERANCE
    ? result(
        'supported',
        `The chain held ${tao(at).toLocaleString('en-US', { maximumFractionDigits: 0 })} TAO issued on ${at.date}, within ${(gap * 100).toFixed(1)}% of the article's ${figureText(claimed)}.${note}`,
        ev,
      )
    : result(
        'contradicted',
        `The chain held ${tao(at).toLocaleString('en-US', { maximumFractionDigits: 0 })} TAO issued on ${at.date}, ${(gap * 100).toFixed(1)}% away from the article's ${figureText(claimed)}.${note}`,
        ev,
      );
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
    {
      label: 'The article’s own inputs, recomputed',
      value: `${(own * 100).toFixed(2)}%`,
      formula: formulaOf('issuance-share', {
        'issued before subnets': figureText(mined),
        'issued at the article': figureText(supply),
      }),
      sources: [mined.source, supply.source],
    },
  ];
  const arithmeticOk = Math.abs(own - Number(share.value)) < 0.001;
  const before = chainAt(data, 'totalIssuance', '2023-10-02');
  const then = chainAt(data, 'totalIssuance', ARTICLE_DATE);
  if (!before || !then)
    return result(
      'unverifiable',
      `${arithmeticOk ? 'The arithmetic holds' : 'The arithmetic does not hold'} (${(own * 100).toFixed(2)}%), but this build has no chain issuance for 2023-10-02 and 2025-04-17, and no data can show who owns the early TAO.`,
      ev,
    );
  const chainShare = ratio(before.value, then.value);
  ev.push(
    observationEvidence('Issued by the subnet launch', before),
    observationEvidence('Issued at the time of writing', then),
    {
      label: 'Share issued before subnets, from the chain',
      value: `${(chainShare * 100).toFixed(1)}%`,
      formula: formulaOf('issuance-share', {
        'issued before subnets': `TotalIssuance(${before.date})`,
        'issued at the article': `TotalIssuance(${then.date})`,
      }),
      sources: [before.source, then.source],
    },
  );
  const crossed = breakNote(before.date, then.date, breaksCrossed('totalIssuance', before.date, then.date));
  ev.push(...crossed.evidence);
  const supplyGap = relativeGap(Number(supply.value), Number(then.value));
  if (supplyGap > TOLERANCE)
    return result(
      'contradicted',
      `Issuance at the time of writing was ${tao(then).toLocaleString('en-US', { maximumFractionDigits: 0 })} TAO, not ${figureText(supply)} (${(supplyGap * 100).toFixed(1)}% off).${crossed.text}`,
      ev,
    );
  const shareGap = relativeGap(Number(share.value), chainShare);
  if (shareGap > TOLERANCE)
    return result(
      'contradicted',
      `The chain gives ${(chainShare * 100).toFixed(1)}% of issued TAO as mined before subnets, not the article's ${figureText(share)} (${(shareGap * 100).toFixed(1)}% off), though its supply at the time matches; and that early TAO sits with insiders is an assumption the chain cannot support.${crossed.text}`,
      ev,
    );
  return result(
    'partly supported',
    `The chain gives ${(chainShare * 100).toFixed(1)}% of issued TAO as mined before subnets, within ${(shareGap * 100).toFixed(1)}% of the article's ${figureText(share)}; that it sits with insiders is an assumption the chain cannot support: early TAO went to miners and validators and has moved since.${crossed.text}`,
    ev,
  );
};
