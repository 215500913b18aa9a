import { describe, expect, test } from 'vitest';
import {
  formatCompact,
  formatPercent,
  formatTao,
  formatTaoChange,
  rao,
  RAO_PER_TAO,
  ratio,
  raoToTao,
  taoToRao,
} from '../../src/metrics/amount.ts';

const TAO = RAO_PER_TAO;

describe('amounts in RAO', () => {
  test('rao parses integer strings exactly and refuses anything else', () => {
    expect(rao('21000000000000000')).toBe(21_000_000n * TAO);
    expect(rao('-5')).toBe(-5n);
    expect(() => rao('1.5')).toThrow(/integer decimal string of RAO/);
    expect(() => rao('')).toThrow();
  });

  test('raoToTao is exact to the RAO below 9M TAO', () => {
    expect(raoToTao(1_500_000_000n)).toBe(1.5);
    expect(raoToTao(1n)).toBe(1e-9);
    expect(raoToTao(8_610_000n * TAO)).toBe(8_610_000);
    expect(raoToTao(5_380_000n * TAO + 123_456_789n)).toBe(5_380_000.123456789);
  });

  test('taoToRao round-trips and truncates below the RAO', () => {
    expect(taoToRao('1.5')).toBe(1_500_000_000n);
    expect(taoToRao(0.000000001)).toBe(1n);
    expect(taoToRao('-2')).toBe(-2n * TAO);
    expect(taoToRao('1.1234567899')).toBe(1_123_456_789n);
    expect(taoToRao(raoToTao(450_000n * TAO))).toBe(450_000n * TAO);
    expect(() => taoToRao('abc')).toThrow(/decimal TAO amount/);
  });

  test('ratio divides in bigint first: exact to 12 decimals, even past float range', () => {
    expect(ratio(1n, 3n)).toBe(0.333333333333);
    expect(ratio(5_380_000n * TAO, 8_610_000n * TAO)).toBe(0.624854819976);
    expect(ratio(2n ** 80n, 2n ** 81n)).toBe(0.5);
    expect(ratio(2n ** 80n + 1n, 2n ** 80n)).toBe(1);
    expect(ratio(-150n, 450n)).toBe(-0.333333333333);
    expect(ratio(1n, 0n)).toBeNaN();
  });

  test('display formats', () => {
    expect(formatTao(8_610_000n * TAO)).toBe('8.61M TAO');
    expect(formatTao(450_000n * TAO)).toBe('450k TAO');
    expect(formatTao(12_500_000_000n)).toBe('12.5 TAO');
    expect(formatCompact(-150_000)).toBe('-150k');
    expect(formatCompact(2e9)).toBe('2B');
    expect(formatPercent(0.625)).toBe('62.5%');
    expect(formatPercent(Number.NaN)).toBe('n/a');
    expect(formatTaoChange(-150_000n * TAO)).toBe('−150k TAO');
    expect(formatTaoChange(7_200n * TAO)).toBe('+7,200 TAO');
  });
});
