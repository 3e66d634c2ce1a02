import type { SubscribeView, TemplateConfigView } from '../../../core/contracts/notify';
import { quotaId } from '../../../core/notify/rules';
import { isTemplateKey, NOTIFY_TEMPLATES, SUBSCRIBE_MOMENTS, TEMPLATE_KEYS, type TemplateKey } from '../../../core/notify/templates';
import type { ServiceDeps } from '../order/deps';
import { NotifyCollections, type ConsentDoc, type QuotaDoc } from './records';

type Answer = ConsentDoc['answer'];

/**
 * Records the answers of one `requestSubscribeMessage`: each accepted
 * one-time subscription adds one quota unit; every answer (refusals too)
 * is kept in `notify_consents`. Unknown template keys are ignored.
 */
export async function subscribe(deps: ServiceDeps, openid: string, results: Record<string, Answer>): Promise<SubscribeView> {
  const now = deps.now();
  const quota: SubscribeView['quota'] = {};
  const ignored: string[] = [];
  for (const [key, answer] of Object.entries(results)) {
    if (!isTemplateKey(key)) {
      ignored.push(key);
      continue;
    }
    quota[key] = await recordAnswer(deps, openid, key, answer, now);
  }
  return { quota, ignored };
}

async function recordAnswer(deps: ServiceDeps, openid: string, template: TemplateKey, answer: Answer, now: number): Promise<number> {
  const accepted = answer === 'accept' ? 1 : 0;
  return deps.db.runTransaction(async (tx) => {
    const ref = tx.collection<QuotaDoc>(NotifyCollections.quota).doc(quotaId(openid, template));
    const current = (await ref.get()).data;
    const next: QuotaDoc = {
      openid,
      template,
      available: (current?.available ?? 0) + accepted,
      accepted: (current?.accepted ?? 0) + accepted,
      rejected: (current?.rejected ?? 0) + (answer === 'reject' || answer === 'ban' ? 1 : 0),
      updatedAt: now,
    };
    await ref.set(next);
    await tx.collection<ConsentDoc>(NotifyCollections.consents).add({ openid, template, answer, at: now });
    return next.available;
  });
}

/** The template configuration the client needs to ask for consent. */
export function templateConfig(): TemplateConfigView {
  return {
    templates: TEMPLATE_KEYS.map((key) => ({ key, templateId: NOTIFY_TEMPLATES[key].templateId, title: NOTIFY_TEMPLATES[key].title })),
    moments: SUBSCRIBE_MOMENTS,
  };
}
