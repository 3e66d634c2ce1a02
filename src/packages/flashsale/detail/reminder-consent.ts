/**
 * The hook for the notifications issue: before `flashsale.remind` records the
 * request, WeChat must be asked for a one-time subscription to the 开抢提醒
 * template (`Taro.requestSubscribeMessage({ tmplIds })`, weapp only). WeChat
 * opens that dialog only from a tap, so this is called synchronously from the
 * 提醒我 tap, before anything is awaited.
 *
 * There is no template (and no outbox to count the quota) yet: nothing is
 * asked and the answer is 'not-asked'. The notifications issue fills this in
 * and passes the answer on to the server.
 */
export type ReminderConsent = 'accepted' | 'rejected' | 'not-asked'

export function askReminderConsent(): Promise<ReminderConsent> {
  return Promise.resolve('not-asked')
}
