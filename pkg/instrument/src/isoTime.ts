/** The last instant Date#toISOString writes with a four-digit year (9999-12-31T23:59:59.999Z). */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

/**
 * RFC 3339 UTC time with milliseconds, exactly as Date#toISOString writes it, for epoch ms. Log lines
 * of one request fall in the same minute: the "YYYY-MM-DDTHH:MM:" part is formatted once per minute
 * and only seconds and milliseconds per line, which avoids a Date per line.
 */
export class IsoTimeFormatter {
  private minute = -1;
  private prefix = '';

  format(epochMs: number): string {
    const ms = Math.trunc(epochMs);
    if (!(ms >= 0 && ms <= LAST_FOUR_DIGIT_YEAR_MS)) {
      return new Date(epochMs).toISOString();
    }
    const minute = Math.floor(ms / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.prefix = new Date(minute * 60_000).toISOString().slice(0, 17);
    }
    const inMinute = ms - minute * 60_000;
    const seconds = Math.floor(inMinute / 1000);
    const millis = inMinute - seconds * 1000;
    return `${this.prefix}${seconds < 10 ? '0' : ''}${seconds}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
  }
}
