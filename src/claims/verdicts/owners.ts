/** Verdicts for the owners essay: the AI ranking, alpha as a "warrant", buybacks, the 18% cut and root's share (C32-C38). */
import { DTAO_DATE } from '../../metrics/dates.ts';
import { specAt } from '../../metrics/series.ts';
import { maxRootShare, quantityShare, rootTaoEstimate, splitParams, subnetSplits } from '../../metrics/split.ts';
import { CODE, DTAO_SPEC } from '../code.ts';
import { citedEvidence, computedEvidence, dateOf, figure, figureEvidence, matches, pct, result, TOLERANCE, valueOf } from '../evidence.ts';
import type { Evidence, VerdictFn } from '../types.ts';

/** C32: the win-win made Bittensor the No. 1 crypto-AI project by market cap. Rankings are market data, not chain data. */
export const C32: VerdictFn = (data) =>
  result(
    'unverifiable',
    'Market-cap rankings are market data, not chain data, and no ranking for April 2025 is cited in the reference figures; that the win-win caused the ranking is the author’s opinion.',
    [figureEvidence(figure(data, 'article-market-cap'))],
  );

/** C34: alpha is a "warrant" from staking, not a circulating token. It is a stake record, but it moves between coldkeys. */
export const C34: VerdictFn = (data) => {
  const ev: Evidence[] = [
    citedEvidence('The v2.0.11 runtime keeps alpha as stake shares per hotkey, coldkey and subnet', 'Alpha (U64F64 shares)', CODE.alphaShares),
    citedEvidence('… and lets holders move it: move_stake, transfer_stake (to another coldkey), swap_stake', 'transfer_stake', CODE.swapStake),
  ];
  const reading = 'alpha exists only as stake records in the Alpha map, with no token pallet or balances, so it is not an ordinary token; but transfer_stake hands it to another coldkey and unstaking or swap_stake turns it into TAO or another alpha, so it does change hands';
  const spec = specAt(data.snapshot, dateOf(figure(data, 'article-owner-cut')));
  if (!spec) return result('partly supported', `In the runtime line in use in April 2025 (v2.0.11), ${reading}.`, ev);
  ev.push({ label: `Runtime spec version (${spec.date})`, value: String(spec.specVersion), sources: [spec.source] });
  return spec.specVersion >= DTAO_SPEC
    ? result('partly supported', `At block ${spec.block.toLocaleString('en-US')} (${spec.date}) the chain ran spec ${spec.specVersion}, a dTAO runtime: ${reading}.`, ev)
    : result('unverifiable', `At block ${spec.block.toLocaleString('en-US')} (${spec.date}) the chain ran spec ${spec.specVersion}, before dTAO (spec ${DTAO_SPEC}): there was no alpha yet.`, ev);
};

/** C35: owners' usual way to lift price is announcing buybacks. Announcements and buys are not in daily reads. */
export const C35: VerdictFn = () =>
  result(
    'unverifiable',
    'Buyback announcements are made off chain, and the buys themselves are stake events by owner coldkeys, which daily reads of totals do not include; how common they were would need a count across subnets.',
    [],
  );

/** C36: owners get 18% of alpha emission. SubnetOwnerCut on chain, or the docs' figure without chain data. */
export const C36: VerdictFn = (data) => {
  const claimed = figure(data, 'article-owner-cut');
  const ev: Evidence[] = [figureEvidence(claimed)];
  const docs = data.reference.figures.find((f) => f.id === 'default-owner-cut');
  if (docs) ev.push(figureEvidence(docs));
  const holding = 'Whether owners keep their cut or sell it needs their stake changes, which daily reads do not include, and receiving a cut does not rule out buying back.';
  const q = data.snapshot.current.subnetOwnerCut;
  const onChain = data.snapshot.kind !== 'reference' && q?.source.kind === 'chain' ? quantityShare(q, 'SubnetOwnerCut') : null;
  if (onChain) {
    ev.push(computedEvidence('SubnetOwnerCut on chain', pct(onChain.value, 2), onChain));
    const at = q?.source.kind === 'chain' ? `block ${q.source.block.toLocaleString('en-US')}` : 'the head block';
    return matches(valueOf(claimed), onChain.value)
      ? result('supported', `At ${at} SubnetOwnerCut was ${q?.value}/65535 = ${pct(onChain.value, 2)}, the article’s 18%. ${holding}`, ev)
      : result('contradicted', `At ${at} SubnetOwnerCut was ${q?.value}/65535 = ${pct(onChain.value, 2)}, not the article’s 18%. ${holding}`, ev);
  }
  if (!docs) return result('unverifiable', `This build has no chain read of SubnetOwnerCut and no cited figure for it. ${holding}`, ev);
  return matches(valueOf(claimed), valueOf(docs))
    ? result('supported', `The Bittensor docs give the owner’s cut under dTAO as ${pct(valueOf(docs), 0)}, as the article says (the runtime default is 11,796/65,535). ${holding}`, ev)
    : result('contradicted', `The Bittensor docs give the owner’s cut as ${pct(valueOf(docs), 0)}, not 18%. ${holding}`, ev);
};

/** C38: up to 1/3 of daily TAO emission flows to root. Root's share is taken in alpha; valued at pool prices it can be set against TAO emission. */
export const C38: VerdictFn = (data) => {
  const claimed = figure(data, 'article-root-emission-share');
  const ev: Evidence[] = [figureEvidence(claimed)];
  const p = splitParams(data.snapshot);
  const units = 'Root’s share is taken from each subnet’s alpha emission and sold for TAO, so “one third of TAO emission” mixes units';
  if (!p) return result('unverifiable', `${units}; this build has neither the owner cut nor the TAO weight to compute it.`, ev);
  const cap = maxRootShare(p.ownerCut.value);
  ev.push(computedEvidence('Root’s largest possible share of a subnet’s alpha emission', pct(cap), { formula: '(1 − SubnetOwnerCut) / 2', inputs: p.ownerCut.inputs }));
  const splits = subnetSplits(data.snapshot, p);
  const est = rootTaoEstimate(data.snapshot, p);
  if (splits.length === 0 || !est)
    return result('unverifiable', `${units}: with an owner cut of ${pct(p.ownerCut.value, 0)}, root takes at most ${pct(cap, 0)} of a subnet’s alpha, less as its alpha supply grows. Setting it against TAO emission needs the subnets table (pool reserves and alpha supply per subnet) and the dividends actually paid.`, ev);
  const shares = splits.map((x) => x.root);
  ev.push(
    computedEvidence(`Root’s share of alpha emission across ${splits.length} subnets`, `${pct(Math.min(...shares))} to ${pct(Math.max(...shares))}`, { formula: 'TaoWeight × SubnetTAO[0] / (TaoWeight × SubnetTAO[0] + alpha issuance) × (1 − owner cut) / 2', inputs: [...est.inputs] }),
    computedEvidence('Root’s alpha for one block at spot prices, as a share of the block’s TAO emission', pct(est.value.share), est),
  );
  const lead = `${units}. Valued at spot prices, root’s alpha for one block at the subnets table’s block was worth ${pct(est.value.share)} of that block’s TAO emission (an upper estimate: selling moves the price)`;
  return est.value.share <= valueOf(claimed) * (1 + TOLERANCE)
    ? result('partly supported', `${lead}, within the article’s “up to one third”; one block since ${DTAO_DATE} is not a day’s flow.`, ev)
    : result('contradicted', `${lead}, more than the article’s “up to one third”.`, ev);
};
