/**
 * The bench's terminal output: one line per step, stamped with the time since the run began. On a
 * terminal a status line under them keeps ticking (the running section and its elapsed time), so
 * a long step shows it is alive; in CI (no TTY) only the plain lines are printed.
 */
const CLEAR_LINE = "\r\x1b[2K";

export class Progress {
  private readonly started = performance.now();
  private readonly tty = Boolean(process.stdout.isTTY);
  private status: string | undefined;
  private statusSince = 0;
  private timer: NodeJS.Timeout | undefined;

  /** Seconds since the run began, as printed. */
  elapsed(): string {
    return `${((performance.now() - this.started) / 1000).toFixed(1)}s`;
  }

  line(message: string): void {
    if (this.tty && this.status) process.stdout.write(CLEAR_LINE);
    process.stdout.write(`[bench ${this.elapsed().padStart(7)}] ${message}\n`);
    this.drawStatus();
  }

  /** Shows `status` (a section running) on the ticking line until `clearStatus`. */
  setStatus(status: string): void {
    this.status = status;
    this.statusSince = performance.now();
    if (!this.tty) return;
    this.drawStatus();
    this.timer ??= setInterval(() => this.drawStatus(), 1000);
    this.timer.unref();
  }

  clearStatus(): void {
    this.status = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.tty) process.stdout.write(CLEAR_LINE);
  }

  private drawStatus(): void {
    if (!this.tty || !this.status) return;
    const seconds = Math.round((performance.now() - this.statusSince) / 1000);
    process.stdout.write(`${CLEAR_LINE}  … ${this.status} (${seconds} s)`);
  }
}
