export interface Report {
  /** Prints `name: median … (p10 … p90 …, n runs) unit` for a list of samples. */
  samples(name: string, values: number[], unit: string): void;
  /** Prints one figure. */
  figure(name: string, value: number | string, unit?: string): void;
}

export interface BenchModule {
  default(report: Report): Promise<void>;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

export function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

const fmt = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));

export function createReport(prefix: string): Report {
  return {
    samples(name, values, unit) {
      const s = [...values].sort((a, b) => a - b);
      console.log(
        `  ${prefix}.${name}: median ${fmt(quantile(s, 0.5))} ${unit} (p10 ${fmt(quantile(s, 0.1))}, p90 ${fmt(quantile(s, 0.9))}, n=${s.length})`,
      );
    },
    figure(name, value, unit = '') {
      console.log(
        `  ${prefix}.${name}: ${typeof value === 'number' ? fmt(value) : value}${unit ? ` ${unit}` : ''}`,
      );
    },
  };
}
