import { Clock } from '../../src/util/clock.js'

/** A clock whose sleeps jump time forward at once, recording each wait. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = []
  constructor(private time: number = Date.now()) {}

  now(): number {
    return this.time
  }

  async sleep(ms: number): Promise<void> {
    if (ms <= 0) return
    this.sleeps.push(ms)
    this.time += ms
  }
}
