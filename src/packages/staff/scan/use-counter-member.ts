import { useState } from 'react'
import type { ScannedMember } from '../../../core/contracts/staff'
import type { ScanState } from './use-scan'

/**
 * The member staff are serving at the counter: the last member scanned, kept
 * while staff scan again (a re-scan of the same member, a mistyped code) so
 * the purchase form keeps what was typed. Dropped when the scanner is cleared
 * (another store) or recognises another kind of code.
 */
export function useCounterMember(state: ScanState): ScannedMember | null {
  const [kept, setKept] = useState<ScannedMember | null>(null)
  const [seen, setSeen] = useState<ScanState>(state)
  // Derived from the scan state during render (not in an effect), so a new result never shows the old panel for a frame.
  if (seen !== state) {
    setSeen(state)
    if (state.status === 'idle') setKept(null)
    else if (state.status === 'ready') setKept(state.result.kind === 'member' ? state.result : null)
  }
  if (state.status === 'idle') return null
  if (state.status === 'ready') return state.result.kind === 'member' ? state.result : null
  return kept
}
