import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a valid RFC 9562 UUID of version 7', () => {
    const id = uuidv7();
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('carries its millisecond timestamp so keys sort by creation time', () => {
    const t = Date.UTC(2026, 2, 1, 10, 0, 0, 123);
    expect(uuidv7(t).slice(0, 13).replace('-', '')).toBe(t.toString(16).padStart(12, '0'));
    const ids = [uuidv7(t), uuidv7(t + 1), uuidv7(t + 1000), uuidv7(t + 86_400_000)];
    expect([...ids].sort()).toEqual(ids);
  });

  it('is unique within one millisecond', () => {
    const t = Date.now();
    expect(new Set(Array.from({ length: 10_000 }, () => uuidv7(t))).size).toBe(10_000);
  });
});
