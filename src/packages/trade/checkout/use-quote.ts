import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call } from '../../../api';
import type { QuoteInput, QuoteView } from '../../../core/contracts/order';

export type QuoteState =
  | { status: 'idle' }
  | { status: 'loading'; quote: QuoteView | null }
  | { status: 'ready'; quote: QuoteView }
  | { status: 'error'; error: ApiError | Error; quote: null };

const DEBOUNCE_MS = 250;

/**
 * Asks the server what `input` costs whenever it changes (debounced while
 * typing); only the answer to the latest input is kept. A null input (e.g. an
 * address still incomplete) asks nothing.
 */
export function useQuote(input: QuoteInput | null) {
  const [state, setState] = useState<QuoteState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const key = input ? JSON.stringify(input) : null;
  const latest = useRef(0);

  useEffect(() => {
    const seq = ++latest.current;
    if (!key) {
      setState({ status: 'idle' });
      return;
    }
    setState((previous) => ({ status: 'loading', quote: previous.status === 'ready' || previous.status === 'loading' ? previous.quote : null }));
    const timer = setTimeout(() => {
      call('order', 'quote', JSON.parse(key) as QuoteInput).then(
        (quote) => seq === latest.current && setState({ status: 'ready', quote }),
        (error: unknown) =>
          seq === latest.current && setState({ status: 'error', quote: null, error: error instanceof Error ? error : new Error(String(error)) }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, refresh };
}
