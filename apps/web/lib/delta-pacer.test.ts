import { describe, expect, it } from 'vitest';
import { DeltaPacer, type FrameScheduler } from './delta-pacer';

/** A scheduler whose frames run when the test says so. */
function manualFrames() {
  const pending: (() => void)[] = [];
  const schedule: FrameScheduler = (callback) => {
    pending.push(callback);
    return () => pending.splice(pending.indexOf(callback), 1);
  };
  return { schedule, runFrame: () => pending.shift()?.(), get waiting() { return pending.length; } };
}

describe('DeltaPacer', () => {
  it('paints pieces that arrive together one frame at a time, in order', () => {
    const frames = manualFrames();
    const painted: string[][] = [];
    const pacer = new DeltaPacer((pieces) => painted.push(pieces), frames.schedule);
    for (const piece of ['The launch ', 'is on ', '14 March ', '2031.']) pacer.push(piece);
    expect(painted).toEqual([]);
    frames.runFrame();
    frames.runFrame();
    expect(painted).toEqual([['The launch '], ['is on ']]);
    frames.runFrame();
    frames.runFrame();
    expect(painted.flat().join('')).toBe('The launch is on 14 March 2031.');
    expect(painted).toHaveLength(4);
    expect(frames.waiting).toBe(0);
  });

  it('catches up with a long backlog in a bounded number of frames', () => {
    const frames = manualFrames();
    const painted: string[][] = [];
    const pacer = new DeltaPacer((pieces) => painted.push(pieces), frames.schedule);
    for (let i = 0; i < 300; i++) pacer.push(`w${i} `);
    let guard = 0;
    while (frames.waiting > 0 && guard++ < 1000) frames.runFrame();
    expect(painted.flat()).toHaveLength(300);
    expect(painted.length).toBeGreaterThan(10);
    expect(painted.length).toBeLessThanOrEqual(60);
  });

  it('resolves idle() when everything is painted; flush paints the rest at once, cancel drops it', async () => {
    const frames = manualFrames();
    const painted: string[] = [];
    const pacer = new DeltaPacer((pieces) => painted.push(...pieces), frames.schedule);
    pacer.push('a');
    pacer.push('b');
    let idle = false;
    const waiting = pacer.idle().then(() => (idle = true));
    frames.runFrame();
    await Promise.resolve();
    expect(idle).toBe(false);
    pacer.flush();
    await waiting;
    expect(painted).toEqual(['a', 'b']);
    expect(frames.waiting).toBe(0);

    pacer.push('c');
    pacer.cancel();
    await pacer.idle();
    expect(painted).toEqual(['a', 'b']);
  });
});
