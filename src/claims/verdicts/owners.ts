/** Verdicts for the owners essay: the AI ranking, alpha as a "warrant", buybacks, the 18% cut and root's share (C32-C38). */
import { DTAO_DATE } from '../../metrics/dates.ts';
import { specAt } from '../../metrics/series.ts';
import { maxRootShare, quantityShare } from '../../metrics/split.ts';
import { formatTao } from '../../metrics/amount.ts';
import { sampledRootPayments } from '../../metrics/root.ts';
import { C38_BAND, C38_BOUNDS } from '../thresholds.ts';
import { CODE, DTAO_SPEC, EPOCH_CYCLE_BLOCKS } from '../code.ts';
import {
  citedEvidence,
  computedEvidence,
  dateOf,
  figure,
  figureEvidence,
  figureText,
  matches,
  pct,
  result,
  valueOf,
} from '../evidence.ts';
import { formulaOf } from '../../model/metrics.ts';
import type { Evidence, Verdict, VerdictFn, VerdictResult } from '../types.ts';
import { overWindows, windowNote } from '../windows.ts';

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
    citedEvidence(
      'The v2.0.11 runtime keeps alpha as stake shares per hotkey, coldkey and subnet',
      'Alpha (U64F64 shares)',
      CODE.alphaShares,
    ),
    citedEvidence(
      '… and lets holders move it: move_stake, transfer_stake (to another coldkey), swap_stake',
      'transfer_stake',
      CODE.swapStake,
    ),
  ];
  const reading =
    'alpha exists only as stake records in the Alpha map, with no token pallet or balances, so it is not an ordinary token; but transfer_stake hands it to another coldkey and unstaking or swap_stake turns it into TAO or another alpha, so it does change hands';
  const spec = specAt(data.snapshot, dateOf(figure(data, 'article-owner-cut')));
  if (!spec) return result('partly supported', `In the runtime line in use in April 2025 (v2.0.11), ${reading}.`, ev);
  ev.push({ label: `Runtime spec version (${spec.date})`, value: String(spec.specVersion), sources: [spec.source] });
  return spec.specVersion >= DTAO_SPEC
    ? result(
        'partly supported',
        `At block ${spec.block.toLocaleString('en-US')} (${spec.date}) the chain ran spec ${spec.specVersion}, a dTAO runtime: ${reading}.`,
        ev,
      )
    : result(
        'unverifiable',
        `At block ${spec.block.toLocaleString('en-US')} (${spec.date}) the chain ran spec ${spec.specVersion}, before dTAO (spec ${DTAO_SPEC}): there was no alpha yet.`,
        ev,
      );
};

/** C35: owners' usual way to lift price is announcing buybacks. Announcements and buys are not in daily reads. */
export const C35: VerdictFn = () =>
  result(
    'unverifiable',
    'Buyback announcements are made off chain, and the buys themselves are stake events by owner coldkeys, which daily reads of totals do not include; how common they were would need a count across subnets.',
    [],
  );

/**
 * C36: owners get 18% of alpha emission, which "always stays in the owners' hands". SubnetOwnerCut on chain, or the
 * docs' figure without chain data. Only the figure is tested (the owners' holdings are not in the data), so a matching
 * figure makes the claim partly supported, not supported.
 */
export const C36: VerdictFn = (data) => {
  const claimed = figure(data, 'article-owner-cut');
  const CUT = figureText(claimed);
  const ev: Evidence[] = [figureEvidence(claimed)];
  const docs = data.reference.figures.find((f) => f.id === 'default-owner-cut');
  if (docs) ev.push(figureEvidence(docs));
  const holding = `Only the ${CUT} is tested: that the cut “always stays in the owners’ hands” cannot be tested here, so the claim as a whole is at most partly supported: it needs the stake of each subnet’s owner keys (SubnetOwner, SubnetOwnerHotkey) over time, which daily totals do not include; the owner cut is paid as alpha stake that the owner can unstake at any time (v2.0.11 distribute_dividends_and_incentives, increase_stake_for_hotkey_and_coldkey_on_subnet).`;
  const q = data.snapshot.current.subnetOwnerCut;
  const onChain = data.snapshot.kind !== 'cited' && q?.source.kind === 'chain' ? quantityShare(q, 'owner-cut') : null;
  if (onChain) {
    ev.push(computedEvidence('SubnetOwnerCut on chain', pct(onChain.value, 2), onChain));
    const at =
      q?.source.kind === 'chain'
        ? `block ${q.source.block.toLocaleString('en-US')} (the snapshot’s head, not April 2025)`
        : 'the head block';
    return matches(valueOf(claimed), onChain.value)
      ? result(
          'partly supported',
          `At ${at} SubnetOwnerCut was ${q?.value}/65535 = ${pct(onChain.value, 2)}, the article’s ${CUT}. ${holding}`,
          ev,
        )
      : result(
          'contradicted',
          `At ${at} SubnetOwnerCut was ${q?.value}/65535 = ${pct(onChain.value, 2)}, not the article’s ${CUT}. ${holding}`,
          ev,
        );
  }
  if (!docs)
    return result(
      'unverifiable',
      `This build has no chain read of SubnetOwnerCut and no cited figure for it. ${holding}`,
      ev,
    );
  return matches(valueOf(claimed), valueOf(docs))
    ? result(
        'partly supported',
        `The Bittensor docs give the owner’s cut under dTAO as ${pct(valueOf(docs), 0)}, as the article says (the runtime default is 11,796/65,535). ${holding}`,
        ev,
      )
    : result(
        'contradicted',
        `The Bittensor docs give the owner’s cut as ${pct(valueOf(docs), 0)}, not ${CUT}. ${holding}`,
        ev,
      );
};

/** C38's verdict on an estimated share of TAO emission paid to root: one third ± C38_BAND, else contradicted. */
function c38Verdict(share: number): Verdict {
  return share >= C38_BOUNDS.low && share <= C38_BOUNDS.high ? 'supported' : 'contradicted';
}

/**
 * C38: up to one third of daily TAO emission flows to root. The author's reading (M1): from dTAO to April 2025 all TAO
 * emission went into the pools (v2.0.11 run_coinbase.rs L112-L140) and root's alpha was sold for TAO (L164-L208),
 * so TAO paid to root over TAO emitted is a share of emission in TAO, which the article's 150k / 450k estimates.
 * Judged on the series up to the article's date only, with the runtime rule of those days (specs 233-333).
 */
export const C38: VerdictFn = (data) => {
  const claimed = figure(data, 'article-root-emission-share');
  const date = dateOf(claimed);
  const paidFig = figure(data, 'article-root-autosell');
  const injected = figure(data, 'article-pool-injection');
  const THIRD = figureText(claimed);
  const own = formulaOf('autosell-share', {
    'paid to root': figureText(paidFig),
    'injected into pools': figureText(injected),
  });
  const ev: Evidence[] = [
    figureEvidence(claimed),
    {
      label: 'The article’s own ratio: TAO paid to root over TAO emitted into the pools since dTAO',
      value: pct(valueOf(paidFig) / valueOf(injected)),
      formula: own,
      sources: [paidFig.source, injected.source],
    },
    citedEvidence(
      'The April 2025 runtime puts all TAO emission into the subnet pools',
      'run_coinbase step 4',
      CODE.injection,
    ),
    citedEvidence(
      '… and sells root’s share of each subnet’s alpha for TAO, paid to root',
      'run_coinbase step 6',
      CODE.rootSell,
    ),
  ];
  const docsCut = data.reference.figures.find((f) => f.id === 'default-owner-cut');
  const cap = docsCut ? maxRootShare(valueOf(docsCut)) : null;
  if (docsCut && cap !== null)
    ev.push({
      label: 'Root’s largest possible share of a subnet’s alpha emission',
      value: pct(cap),
      formula: formulaOf('max-root-share'),
      sources: [docsCut.source],
    });
  const noParam = `No protocol parameter equals ${THIRD}: root’s share is the root proportion (TaoWeight × SubnetTAO[0] against the subnet’s alpha issuance) of the validators’ half${cap !== null ? `, at most ${pct(cap, 0)} of a subnet’s alpha` : ''}, and the TAO it fetches depends on pool prices`;
  const est = sampledRootPayments(data.snapshot, date, DTAO_DATE, EPOCH_CYCLE_BLOCKS);
  if (!est)
    return result(
      'unverifiable',
      `Read as the author means it, TAO paid to root over TAO emitted into the pools since dTAO, the article’s own ${own} gives ${pct(valueOf(paidFig) / valueOf(injected), 0)}: a share of emission in TAO, since until spec 334 all emission went into the pools and root’s alpha was sold for TAO. ${noParam}. This build has no daily reads of PendingRootDivs and SubnetTaoInEmission from ${DTAO_DATE} to ${date} to estimate the real share; a share between ${pct(C38_BOUNDS.low)} and ${pct(C38_BOUNDS.high)} would bear the claim out.`,
      ev,
    );
  const share = Number(est.value.total) / Number(est.value.injected);
  ev.push(
    computedEvidence(
      `Estimated TAO paid to root, ${DTAO_DATE} to ${date} (${est.value.days} of ${est.value.span} days)`,
      formatTao(est.value.total),
      est,
    ),
    computedEvidence('… as a share of the TAO emitted into the pools over the same days', pct(share), est),
  );
  const verdict = c38Verdict(share);
  const windows = windowNote(
    verdict,
    overWindows(
      date,
      (from) => {
        const w = sampledRootPayments(data.snapshot, date, from, EPOCH_CYCLE_BLOCKS);
        if (!w) return { verdict: null, value: '', sources: [] };
        const x = Number(w.value.total) / Number(w.value.injected);
        return { verdict: c38Verdict(x), value: pct(x), sources: w.inputs };
      },
      DTAO_DATE,
    ),
    'root’s share of the TAO emitted',
  );
  ev.push(windows.evidence);
  const lead = `From daily reads (${est.value.days} days from ${DTAO_DATE} to ${date}, runtimes that sold root’s alpha for TAO), root received an estimated ${formatTao(est.value.total)}, ${pct(share)} of the TAO emitted into the pools`;
  const sampling =
    ' No single day decides it: each subnet’s PendingRootDivs empties at its epoch, when (block + netuid + 1) is a multiple of 361, so consecutive netuids empty at consecutive blocks and one day’s block reads 0.25 to 1.75 times the mean; only the average over the days counts.';
  const tail = `${noParam}. Bounds: ${pct(C38_BOUNDS.low)} to ${pct(C38_BOUNDS.high)} (${THIRD} ± ${pct(C38_BAND, 0)}, for the one-block-a-day estimate).${sampling}${windows.text}`;
  const flipCondition = `An estimated share from dTAO to ${date} above ${pct(C38_BOUNDS.high)} would make this contradicted (more than ${THIRD}), between ${pct(C38_BOUNDS.low)} and ${pct(C38_BOUNDS.high)} supported, below ${pct(C38_BOUNDS.low)} contradicted (less than ${THIRD}); it was ${pct(share)}.`;
  const done = (reason: string): VerdictResult => ({ ...result(verdict, reason, ev), flipCondition });
  if (share > C38_BOUNDS.high) return done(`${lead}: more than the article’s “up to ${THIRD}”. ${tail}`);
  if (verdict === 'supported') return done(`${lead}: about ${THIRD}, as the article says. ${tail}`);
  return done(`${lead}: well under ${THIRD}. ${tail}`);
};
