import { SpanIdIndex } from '../src/derive/spanIdIndex';
import { Rng } from '../src/testing';

describe('span id index', () => {
  it('finds every hex id it holds and none it does not, at any load', () => {
    const rng = new Rng(3);
    const ids = Array.from({ length: 5000 }, () => rng.hex(16));
    const index = new SpanIdIndex(ids.length);
    ids.forEach((id, i) => index.add(id, i));
    ids.forEach((id, i) => expect(index.get(id)).toBe(i));
    for (let k = 0; k < 2000; k++) {
      expect(index.get(rng.hex(16))).toBe(-1);
    }
  });

  it('tells apart ids that share a half (probing on collisions)', () => {
    const index = new SpanIdIndex(4);
    const ids = ['00000000aaaaaaaa', '00000001aaaaaaaa', 'aaaaaaaa00000000', 'aaaaaaaa00000001', '0000000000000000'];
    ids.forEach((id, i) => index.add(id, i));
    expect(ids.map((id) => index.get(id))).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps ids that are not 16 lower-case hex characters in a map', () => {
    const index = new SpanIdIndex(4);
    index.add('missing-1', 7);
    index.add('ABCDEF0123456789', 8);
    index.add('not-an-id!', 9);
    expect([index.get('missing-1'), index.get('ABCDEF0123456789'), index.get('not-an-id!')]).toEqual([7, 8, 9]);
    expect(index.get('abcdef0123456789')).toBe(-1);
  });
});
