import { base64ToHex, hexToBase64, normalizeId, SPAN_ID_BYTES, TRACE_ID_BYTES } from '../src';

describe('ids', () => {
  it('keeps lower-case hex of full width as it is', () => {
    expect(normalizeId('0af7651916cd43dd8448eb211c80319c', TRACE_ID_BYTES)).toEqual({
      ok: true,
      id: '0af7651916cd43dd8448eb211c80319c',
      zero: false,
    });
    expect(normalizeId('b7ad6b7169203331', SPAN_ID_BYTES)).toMatchObject({ ok: true, id: 'b7ad6b7169203331' });
  });

  it('lower-cases upper-case hex (the OTLP example file writes it so)', () => {
    expect(normalizeId('5B8EFFF798038103D269B633813FC60C', TRACE_ID_BYTES).id).toBe('5b8efff798038103d269b633813fc60c');
    expect(normalizeId('EEE19B7EC3C1B174', SPAN_ID_BYTES).id).toBe('eee19b7ec3c1b174');
  });

  it('pads short hex: Jaeger drops the leading zeros of 64-bit trace ids', () => {
    expect(normalizeId('d269b633813fc60c', TRACE_ID_BYTES).id).toBe('0000000000000000d269b633813fc60c');
    expect(normalizeId('1', SPAN_ID_BYTES).id).toBe('0000000000000001');
  });

  it('decodes base64 of the id bytes (Tempo v1, protobuf JSON), padded, unpadded or URL-safe', () => {
    const trace = '0af7651916cd43dd8448eb211c80319c';
    const b64 = hexToBase64(trace);
    expect(b64).toBe('CvdlGRbNQ92ESOshHIAxnA==');
    expect(normalizeId(b64, TRACE_ID_BYTES)).toEqual({ ok: true, id: trace, zero: false });
    expect(normalizeId(b64.replace(/=+$/, ''), TRACE_ID_BYTES).id).toBe(trace);
    const span = 'fbff7e3ffeffffff';
    const standard = hexToBase64(span);
    expect(standard).toBe('+/9+P/7///8=');
    expect(normalizeId(standard, SPAN_ID_BYTES).id).toBe(span);
    expect(normalizeId(standard.replace(/\+/g, '-').replace(/\//g, '_'), SPAN_ID_BYTES).id).toBe(span);
  });

  it('marks all-zero ids (some exporters write them for "no parent")', () => {
    expect(normalizeId('0000000000000000', SPAN_ID_BYTES)).toMatchObject({ ok: true, zero: true });
    expect(normalizeId('AAAAAAAAAAA=', SPAN_ID_BYTES)).toMatchObject({ ok: true, zero: true });
  });

  it('refuses what is neither, keeping it as given', () => {
    for (const bad of ['not-an-id!', 'g'.repeat(16), 'abc'.repeat(12), 'CvdlGRbNQ92ESOshHIAx', '']) {
      expect(normalizeId(bad, TRACE_ID_BYTES)).toEqual({ ok: false, id: bad });
    }
    // Base64 of the wrong number of bytes.
    expect(base64ToHex('AAAA', SPAN_ID_BYTES)).toBeUndefined();
  });

  it('round-trips random ids through base64', () => {
    for (let i = 0; i < 200; i++) {
      const hex = Array.from({ length: 32 }, (_, k) => ((i * 7 + k * 13) % 16).toString(16)).join('');
      expect(base64ToHex(hexToBase64(hex), TRACE_ID_BYTES)).toBe(hex);
    }
  });
});
