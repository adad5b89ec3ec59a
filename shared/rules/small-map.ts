/**
 * A string-keyed map for the handful of codes per number and keywords per code: two parallel arrays
 * with a linear scan. Much smaller than a Map per entry, which matters with millions of numbers.
 */
export class SmallMap<V> {
  readonly k: string[] = [];
  readonly v: V[] = [];

  get size(): number {
    return this.k.length;
  }

  get(key: string): V | undefined {
    const i = this.k.indexOf(key);
    return i < 0 ? undefined : this.v[i];
  }

  has(key: string): boolean {
    return this.k.indexOf(key) >= 0;
  }

  set(key: string, value: V): this {
    const i = this.k.indexOf(key);
    if (i < 0) {
      this.k.push(key);
      this.v.push(value);
    } else this.v[i] = value;
    return this;
  }

  delete(key: string): boolean {
    const i = this.k.indexOf(key);
    if (i < 0) return false;
    this.k.splice(i, 1);
    this.v.splice(i, 1);
    return true;
  }

  values(): readonly V[] {
    return this.v;
  }

  keys(): readonly string[] {
    return this.k;
  }

  entries(): [string, V][] {
    return this.k.map((key, i) => [key, this.v[i]!]);
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries()[Symbol.iterator]();
  }
}
