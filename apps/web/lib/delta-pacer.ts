// Shows a streamed answer as it grows. Pieces of an answer often arrive together (one network
// read holds several server-sent events), and React would paint them as one change; the pacer
// hands them on one animation frame at a time, so the answer visibly grows piece by piece. When
// pieces pile up it hands on several per frame, so a long answer never lags far behind.

/** A backlog is worked off in about this many frames (a quarter of a second at 60 Hz). */
const CATCH_UP_FRAMES = 15;

export type FrameScheduler = (callback: () => void) => () => void;

/** requestAnimationFrame, falling back to a timer where frames do not run (hidden tabs). */
export const animationFrames: FrameScheduler = (callback) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    callback();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, 100);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export class DeltaPacer {
  private queue: string[] = [];
  private cancelFrame: (() => void) | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(
    /** Receives the pieces of one frame, in order. */
    private readonly apply: (pieces: string[]) => void,
    private readonly schedule: FrameScheduler = animationFrames,
  ) {}

  push(piece: string): void {
    if (piece === '') return;
    this.queue.push(piece);
    this.cancelFrame ??= this.schedule(() => this.frame());
  }

  /** Resolves once every piece pushed so far has been applied. */
  idle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Applies whatever is left at once (the answer is complete, or was stopped). */
  flush(): void {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    if (this.queue.length > 0) this.apply(this.queue.splice(0));
    this.settle();
  }

  /** Drops what is left (the view moved on to another conversation). */
  cancel(): void {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    this.queue = [];
    this.settle();
  }

  private frame(): void {
    this.cancelFrame = undefined;
    const count = Math.max(1, Math.ceil(this.queue.length / CATCH_UP_FRAMES));
    this.apply(this.queue.splice(0, count));
    if (this.queue.length > 0) this.cancelFrame = this.schedule(() => this.frame());
    else this.settle();
  }

  private settle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
