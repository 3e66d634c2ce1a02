/** Fields an order bought from a live room carries (added to the order document; `source` stays the shop's). */
export interface LiveAttribution {
  liveRoomId: string;
  /** `live:<roomId>`: how reports group orders by where they came from. */
  sourceTag: string;
}

export const liveSourceTag = (roomId: string): string => `live:${roomId}`;

/** The attribution of an order created with `liveRoomId`, or nothing. */
export function liveAttributionOf(liveRoomId: string | undefined): LiveAttribution | Record<string, never> {
  return liveRoomId ? { liveRoomId, sourceTag: liveSourceTag(liveRoomId) } : {};
}
