/**
 * Variable names of the exact model, in one place: the model writes them, the solution
 * reader reads them back. Team-shifts are numbered i, slots g, hamlets h (0-based), services
 * s; a route's places are 0 for its base and h + 1 for hamlet h. No name starts with "e"
 * (the LP reader would take it for an exponent after a number).
 */
export const names = {
  /** Team-shift i has a route (binary). */
  used: (i: number): string => `u${i}`,
  /** Team-shift i drives from place x to place y (binary). */
  arc: (i: number, x: number, y: number): string => `a${i}_${x}_${y}`,
  /** Team-shift i stops at hamlet h (binary). */
  visit: (i: number, h: number): string => `y${i}_${h}`,
  /** Minute work starts at hamlet h (integer). */
  start: (i: number, h: number): string => `t${i}_${h}`,
  /** Minutes of work booked at hamlet h (integer). */
  work: (i: number, h: number): string => `w${i}_${h}`,
  /** Venue quota of service s at hamlet h (integer). */
  quota: (i: number, h: number, s: number): string => `q${i}_${h}_${s}`,
  /** Home visits of service s at hamlet h (integer). */
  home: (i: number, h: number, s: number): string => `k${i}_${h}_${s}`,
  /** Venue people of service s taken at hamlet h in shifts before slot g. */
  before: (g: number, h: number, s: number): string => `c${g}_${h}_${s}`,
  /** Team t works a weekday evening on day d (binary). */
  evening: (t: number, d: number): string => `v${t}_${d}`,
};
