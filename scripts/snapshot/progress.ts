/** Progress of a long backfill: one updating line on a TTY, plain periodic lines otherwise (CI logs). */
export class Progress {
  readonly total: number;
  done = 0;
  readonly #start = Date.now();
  readonly #tty: boolean;
  readonly #intervalMs: number;
  #last = 0;
  readonly #requests: () => number;
  readonly #write: (s: string) => void;

  constructor(
    total: number,
    requests: () => number,
    opts: { tty?: boolean; intervalMs?: number; write?: (s: string) => void } = {},
  ) {
    this.total = total;
    this.#requests = requests;
    this.#tty = opts.tty ?? Boolean(process.stderr.isTTY);
    this.#intervalMs = opts.intervalMs ?? (this.#tty ? 200 : Number(process.env.SNAPSHOT_PROGRESS_MS ?? 10_000));
    this.#write = opts.write ?? ((s) => process.stderr.write(s));
  }

  line(): string {
    const elapsed = (Date.now() - this.#start) / 1000;
    const rate = this.done / Math.max(elapsed, 1e-3);
    const eta = this.done > 0 ? (this.total - this.done) / rate : NaN;
    const pct = this.total ? Math.floor((100 * this.done) / this.total) : 100;
    return `days ${this.done}/${this.total} (${pct}%), ${this.#requests()} requests, ${elapsed.toFixed(0)} s elapsed, ETA ${Number.isFinite(eta) ? `${Math.ceil(eta)} s` : '?'}`;
  }

  tick(n = 1): void {
    this.done += n;
    const now = Date.now();
    if (now - this.#last < this.#intervalMs && this.done < this.total) return;
    this.#last = now;
    this.#write(this.#tty ? `\r\x1b[2K${this.line()}` : `progress: ${this.line()}\n`);
  }

  end(): void {
    if (this.#tty && this.total > 0) this.#write('\n');
  }
}
