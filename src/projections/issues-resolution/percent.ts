/**
 * A percent figure as FIGURES.md gives it: 100 x numerator / denominator to one decimal
 * place, half away from zero; a zero denominator gives null with the reason.
 */
export interface PercentFigure {
  value: number | null;
  numerator: number;
  denominator: number;
  reason?: string;
}

export function percent(numerator: number, denominator: number, reasonWhenNone: string): PercentFigure {
  if (denominator === 0) return { value: null, numerator, denominator, reason: reasonWhenNone };
  return { value: toOneDecimal(100 * numerator, denominator), numerator, denominator };
}

/**
 * numerator / denominator to one decimal place, half away from zero, computed on whole
 * numbers so that 12.25 does not become 12.2 through binary fractions.
 */
export function toOneDecimal(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  if (Number.isInteger(n) && Number.isInteger(d)) return (sign * Math.floor((20 * n + d) / (2 * d))) / 10;
  return (sign * Math.round((10 * n) / d)) / 10;
}

/** The middle value (the mean of the two middle ones for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : toOneDecimal(sorted[middle - 1] + sorted[middle], 2);
}
