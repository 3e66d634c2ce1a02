import Taro from '@tarojs/taro'
import { call } from '../api'
import type { TemplateConfigView } from '../core/contracts/notify'
import { NOTIFY_TEMPLATES, SUBSCRIBE_MOMENTS, type SubscribeMoment, type TemplateKey } from '../core/notify/templates'
import { isWeapp } from './platform'

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'
export type ConsentOutcome = 'accepted' | 'rejected' | 'not-asked'

/** WeChat asks for at most 3 templates in one dialog. */
const MAX_TEMPLATES = 3

/** The bundled template config; `notify.templates` replaces it once loaded (ids configured on the server). */
let config: TemplateConfigView = {
  templates: Object.values(NOTIFY_TEMPLATES).map((t) => ({ key: t.key, templateId: t.templateId, title: t.title })),
  moments: SUBSCRIBE_MOMENTS
}
let loading: Promise<void> | null = null

/** Loads the server's template config early (a page that may ask later calls this on show); failures keep the bundled one. */
export function preloadSubscribeTemplates(): Promise<void> {
  loading ??= call('notify', 'templates', {})
    .then((view) => {
      config = view
    })
    .catch(() => {
      loading = null
    })
  return loading
}

function templatesOf(moment: SubscribeMoment) {
  const keys = (config.moments[moment] ?? []).slice(0, MAX_TEMPLATES)
  return keys.flatMap((key) => config.templates.filter((t) => t.key === key))
}

/** H5: a dialog imitating WeChat's subscribe prompt (允许 / 拒绝). */
async function askOnH5(titles: string[]): Promise<SubscribeAnswer> {
  const res = await Taro.showModal({
    title: '发送以下消息',
    content: `${titles.join('、')}\n接收服务通知，及时获取订单与活动进展`,
    confirmText: '允许',
    cancelText: '拒绝',
    confirmColor: '#07c160'
  })
  return res.confirm ? 'accept' : 'reject'
}

/** weapp: WeChat's own dialog; answers per template id. */
async function askOnWeapp(ids: string[]): Promise<Record<string, SubscribeAnswer>> {
  const res = (await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
  const answers: Record<string, SubscribeAnswer> = {}
  for (const id of ids) {
    const value = res[id]
    if (value === 'accept' || value === 'reject' || value === 'ban' || value === 'filter') answers[id] = value
  }
  return answers
}

/**
 * Asks the customer to allow the moment's notifications, then reports every
 * answer to `notify.subscribe` (an accepted one adds one send to the quota, a
 * refusal is recorded too). Call it synchronously from the tap (WeChat opens
 * the dialog only from a user gesture), before anything else is awaited.
 * Never throws: consent must not block the action it accompanies.
 */
export async function askSubscribe(moment: SubscribeMoment): Promise<ConsentOutcome> {
  const templates = templatesOf(moment)
  if (templates.length === 0) return 'not-asked'
  const results: Partial<Record<TemplateKey, SubscribeAnswer>> = {}
  try {
    if (isWeapp()) {
      const answers = await askOnWeapp(templates.map((t) => t.templateId))
      for (const t of templates) {
        const answer = answers[t.templateId]
        if (answer) results[t.key] = answer
      }
    } else {
      const answer = await askOnH5(templates.map((t) => t.title))
      for (const t of templates) results[t.key] = answer
    }
  } catch {
    // The dialog failed (an old WeChat, a closed page): nothing was answered.
    return 'not-asked'
  }
  if (Object.keys(results).length === 0) return 'not-asked'
  await call('notify', 'subscribe', { results }).catch(() => undefined)
  return Object.values(results).includes('accept') ? 'accepted' : 'rejected'
}
