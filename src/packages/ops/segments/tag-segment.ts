import { call } from '../../../api'
import type { TagSegmentResult } from '../../../core/contracts/crm'

/**
 * Tags a whole segment: crm.tagSegment answers one chunk and a cursor, so it
 * is called again with that cursor until `done`. Tagging is idempotent, so a
 * run started again after a failure repeats nothing harmful.
 */
export async function tagWholeSegment(segmentId: string, tag: string, onProgress: (tagged: number) => void, stopped: () => boolean = () => false): Promise<number> {
  let cursor: string | null = null
  let tagged = 0
  for (;;) {
    const chunk: TagSegmentResult = await call('crm', 'tagSegment', { segmentId, tag, cursor })
    tagged += chunk.tagged
    onProgress(tagged)
    if (chunk.done || !chunk.cursor || stopped()) return tagged
    cursor = chunk.cursor
  }
}
