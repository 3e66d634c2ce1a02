import EntryCard from '../entry-card'

export const WALLET_URL = '/packages/wallet/index/index'

/** 我的 → 我的储值: balance, top-up plans (充值有礼), ledger (issue 14). A link only: the page lives in its subpackage. */
export default function WalletEntry() {
  return <EntryCard icon='储' iconColor='#3a3f55' title='我的储值' note='充值有礼，下单可用余额支付' url={WALLET_URL} testId='me-entry-wallet' />
}
