import Taro from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import { ApiError } from '../../../api';
import { BEST_COUPON, isCouponRefusal, type CouponChoice } from './coupon-choice';
import type { QuoteState } from './use-quote';

/**
 * A named coupon the server refuses (used meanwhile, the order changed under
 * its threshold…): say why and go back to the server's best coupon, which
 * re-quotes. Answers the handler for a refused `order.create`.
 */
export function useCouponFallback(choice: CouponChoice, setChoice: (next: CouponChoice) => void, quote: QuoteState, refresh: () => void) {
  const fallBack = useCallback(
    (message: string) => {
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
      if (choice.mode === 'best') refresh();
      else setChoice(BEST_COUPON);
    },
    [choice.mode, setChoice, refresh],
  );

  const refusal = quote.status === 'error' && quote.error instanceof ApiError && isCouponRefusal(quote.error.code) ? quote.error.message : null;
  useEffect(() => {
    if (refusal !== null && choice.mode !== 'best') fallBack(refusal);
  }, [refusal, choice.mode, fallBack]);

  return fallBack;
}
