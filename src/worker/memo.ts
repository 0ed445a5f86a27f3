/**
 * Drawings already made, by the hash of what they were made from (a chart's
 * spec and data; an SVG and a width). The preview keeps its charts' SVGs in
 * one and the worker its PNGs in another, so a text edit redraws no chart
 * and rasterises no PNG again; a one-off build never asks twice and only
 * pays the hashing.
 */
import { createHash } from 'node:crypto';

export class Memo<T> {
  private readonly entries = new Map<string, T>();

  /** At most `most` entries: the oldest goes first (the preview's charts of long ago). */
  constructor(private readonly most: number) {}

  async remember(from: unknown, make: () => T | Promise<T>): Promise<T> {
    const key = hashOf(from);
    return this.get(key) ?? this.set(key, await make());
  }

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): T {
    this.entries.set(key, value);
    if (this.entries.size > this.most)
      this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64');
}
