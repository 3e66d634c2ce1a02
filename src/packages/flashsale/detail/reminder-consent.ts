import { askSubscribe, type ConsentOutcome } from '../../../utils/subscribe'

/**
 * Before `flashsale.remind` records the request, the customer is asked for a
 * one-time subscription to the 开抢提醒 template (weapp: WeChat's dialog, H5:
 * its imitation) and the answer is reported to `notify.subscribe`. Called
 * synchronously from the 提醒我 tap, before anything is awaited.
 */
export type ReminderConsent = ConsentOutcome

export function askReminderConsent(): Promise<ReminderConsent> {
  return askSubscribe('flashSaleRemind')
}
