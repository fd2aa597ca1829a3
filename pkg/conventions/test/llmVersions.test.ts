import { isLlmVersion } from '../src';

describe('isLlmVersion', () => {
  it('accepts the release names providers use', () => {
    for (const v of ['v7', 'gpt-4.1-mini-2025-04-14', 'meta.llama3-1-70b-instruct-v1:0', '2026_09']) {
      expect(isLlmVersion(v)).toBe(true);
    }
  });

  it('refuses free text, long values and empty ones', () => {
    for (const v of ['', ' v7', 'v7 ', 'Summarise this: {{input}}', 'a'.repeat(65), '-v7', 'v7\n']) {
      expect(isLlmVersion(v)).toBe(false);
    }
  });
});
