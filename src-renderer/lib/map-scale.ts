/**
 * How much to shrink place markers so a map stays readable: a district's hundred-odd
 * hamlets at full size, a province's thousands (a merged database) as small dots.
 */
export function markerScale(places: number): number {
  return places > 1000 ? 0.4 : places > 400 ? 0.7 : 1;
}

/** Above this many bases (a province's commune posts) they are drawn as dots, not pins. */
export const MAX_BASE_PINS = 60;
