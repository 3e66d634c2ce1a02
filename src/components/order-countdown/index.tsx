import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Countdown from '../../native/react/Countdown';
import { serverOffset, syncServerClock } from './server-clock';
import './index.scss';

interface Props {
  /** The server's deadline (epoch ms). */
  expiresAt: number;
  /** Called once when the countdown reaches zero. */
  onExpire?: () => void;
}

/**
 * A live countdown to a deadline set by the server, measured against the
 * server's clock. On weapp it is the native <native-countdown> (pages using
 * it list it in usingComponents), on H5 its React twin.
 */
export default function OrderCountdown({ expiresAt, onExpire }: Props) {
  const [offset, setOffset] = useState(serverOffset);

  useEffect(() => {
    let live = true;
    void syncServerClock().then(() => live && setOffset(serverOffset()));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Text className='order-countdown' data-testid='order-countdown'>
      <Countdown deadline={expiresAt} offset={offset} onEnd={onExpire} />
    </Text>
  );
}

export { serverNow, syncServerClock } from './server-clock';
