import { describe, expect, it } from 'vitest';
import { serverConfig } from './config';

describe('the central server configuration', () => {
  it('takes a whole number of topic model workers, and refuses anything else in Russian', () => {
    expect(serverConfig({}).topicModelWorkers).toBeUndefined();
    expect(serverConfig({ OTKLIK_TOPIC_MODEL_WORKERS: '' }).topicModelWorkers).toBeUndefined();
    expect(serverConfig({ OTKLIK_TOPIC_MODEL_WORKERS: '0' }).topicModelWorkers).toBe(0);
    expect(serverConfig({ OTKLIK_TOPIC_MODEL_WORKERS: '3' }).topicModelWorkers).toBe(3);
    for (const bad of ['abc', '-1', '1.5', '65', '1e3', 'Infinity', ' ']) {
      expect(() => serverConfig({ OTKLIK_TOPIC_MODEL_WORKERS: bad }), bad).toThrow(
        /OTKLIK_TOPIC_MODEL_WORKERS: ожидается целое число от 0 до 64/,
      );
    }
  });
});
