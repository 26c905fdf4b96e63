/**
 * How many frames a session takes from its browsers: a token bucket, checked by the session's
 * Durable Object before a frame crosses into the app's isolate.
 *
 * What a person makes fastest: a held arrow key on a slider or a number input's step button (the
 * keyboard's auto-repeat, about 30 a second at its fastest setting), and a large grid's scroll bar
 * dragged end to end, which asks for a window of rows at each painted frame (60 a second, for as
 * long as the drag lasts). Typing sends on Enter or blur, a slider's drag on release. So: 40 a
 * second for as long as it lasts, and a burst of 200, which a drag at 60 a second takes 10 s to
 * spend. A script flooding the socket gets refusals after its first 200 frames.
 */

export const SESSION_FRAME_BURST = 200;
export const SESSION_FRAMES_PER_SECOND = 40;

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly burst: number,
    readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token at time `now` (milliseconds); false when there is none left. */
  take(now: number): boolean {
    // A clock that steps back (it may, across machines) refills nothing.
    const elapsed = Math.max(0, now - this.last);
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed / 1000) * this.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export const RATE_LIMITED_MESSAGE = `Too many frames: a session takes ${SESSION_FRAMES_PER_SECOND} a second, in bursts of up to ${SESSION_FRAME_BURST}. This one was dropped; nothing changed.`;
