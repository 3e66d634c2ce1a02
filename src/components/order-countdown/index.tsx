import { Text } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { formatCountdown } from './format';
import { serverNow, syncServerClock } from './server-clock';
import './index.scss';

interface Props {
  /** The server's deadline (epoch ms). */
  expiresAt: number;
  /** Called once when the countdown reaches zero. */
  onExpire?: () => void;
}

const TICK_MS = 1000;

/** A live "mm:ss" to a deadline set by the server, measured against the server's clock. */
export default function OrderCountdown({ expiresAt, onExpire }: Props) {
  const [left, setLeft] = useState(() => expiresAt - serverNow());
  const expireRef = useRef(onExpire);
  expireRef.current = onExpire;

  useEffect(() => {
    let fired = false;
    let stopped = false;
    const tick = () => {
      if (stopped) return;
      const msLeft = expiresAt - serverNow();
      setLeft(msLeft);
      if (msLeft <= 0 && !fired) {
        fired = true;
        clearInterval(timer);
        expireRef.current?.();
      }
    };
    const timer = setInterval(tick, TICK_MS);
    void syncServerClock().then(tick);
    tick();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [expiresAt]);

  return (
    <Text className='order-countdown' data-testid='order-countdown'>
      {formatCountdown(left)}
    </Text>
  );
}

export { formatCountdown } from './format';
export { serverNow, syncServerClock } from './server-clock';
