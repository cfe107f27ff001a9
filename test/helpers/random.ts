/** A small seeded PRNG (mulberry32), so random tests replay exactly from their seed. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A bigint in [min, max], uniform enough for tests over ranges up to 2^96. */
  big(min: bigint, max: bigint): bigint {
    const span = max - min + 1n;
    let value = 0n;
    for (let i = 0; i < 4; i++) value = (value << 32n) | BigInt(Math.floor(this.next() * 4294967296));
    return min + (value % span);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** The seed a random test uses: SEED from the environment to replay a failure, else the default. */
export function seedFrom(defaultSeed: number): number {
  const fromEnv = process.env.SEED;
  return fromEnv ? Number(fromEnv) : defaultSeed;
}
