// A one-line progress bar on stderr for long runs on a terminal. Silent everywhere else (CI logs, pipes).

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

/** Below this many files a run is quick enough that a bar would only flicker. */
export const PROGRESS_MIN_FILES = 40;

export class Progress {
  private lastDraw = 0;
  private drawn = false;

  private constructor(private readonly stream: ProgressStream, private readonly total: number) {}

  /** A progress bar, or undefined when it should not be shown. */
  static create(stream: ProgressStream, total: number): Progress | undefined {
    return stream.isTTY && total > PROGRESS_MIN_FILES ? new Progress(stream, total) : undefined;
  }

  update(done: number, current: string): void {
    const now = Date.now();
    // Redraw at most every 50 ms; terminals are slow at this.
    if (done < this.total && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    // Some terminals (and pseudo-terminals) report 0 columns; assume a classic 80.
    const columns = this.stream.columns || 80;
    const width = Math.max(10, Math.min(30, columns - 50));
    const filled = Math.round((done / this.total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const room = columns - width - 20;
    const name = room < 8 ? '' : current.length > room ? `…${current.slice(current.length - room + 1)}` : current;
    this.stream.write(`\r\u001b[K${bar} ${done}/${this.total} ${name}`);
    this.drawn = true;
  }

  /** Erases the bar so the report starts on a clean line. */
  done(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
