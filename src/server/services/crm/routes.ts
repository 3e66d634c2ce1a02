import * as z from 'zod';
import { crmContracts } from '../../../core/contracts/crm';
import { defineRoute } from '../../kit/define-route';
import type { ActionContext, Role } from '../../kit/types';
import { writeAudit } from '../staff/audit';
import { campaignView, createCampaign, listCampaigns, saveJourney, setCampaignState } from './campaigns';
import { memberCharts } from './charts';
import { counterProfile, memberProfile } from './member-profile';
import { listMembers } from './members';
import { rebuildProfiles } from './rebuild';
import { deleteSegment, listSegments, previewSegment, saveSegment, segmentView } from './segments';
import { saveCrmSettings } from './settings-admin';
import { loadCrmSettings } from './settings';
import { deleteTag, listTags, saveTag, tagMembers, tagSegment } from './tags';
import { runCrmTick } from './tick';

const operators: readonly Role[] = ['operator'];
const staff: readonly Role[] = ['staff'];
const operatorsAndTimer: readonly Role[] = ['operator', 'system'];
const timer: readonly Role[] = ['system'];

/** Operator routes always have an openid. */
const operatorOf = (ctx: ActionContext): string => ctx.caller.openid as string;

/** The `crm` function (私域运营): operators; `counterProfile` for staff at the counter; `tick` the timer. */
export const crmRoutes = {
  members: defineRoute({ schema: crmContracts.members.input, roles: operators, handler: (input, ctx) => listMembers(ctx, input) }),
  member: defineRoute({ schema: crmContracts.member.input, roles: operators, handler: (input, ctx) => memberProfile(ctx, input.openid) }),
  counterProfile: defineRoute({ schema: crmContracts.counterProfile.input, roles: staff, handler: (input, ctx) => counterProfile(ctx, ctx.caller, input) }),
  tag: defineRoute({ schema: crmContracts.tag.input, roles: operators, handler: (input, ctx) => tagMembers(ctx, operatorOf(ctx), input) }),
  tagSegment: defineRoute({ schema: crmContracts.tagSegment.input, roles: operators, handler: (input, ctx) => tagSegment(ctx, operatorOf(ctx), input) }),
  tags: defineRoute({ schema: crmContracts.tags.input, roles: operators, handler: (_input, ctx) => listTags(ctx) }),
  saveTag: defineRoute({ schema: crmContracts.saveTag.input, roles: operators, handler: (input, ctx) => saveTag(ctx, operatorOf(ctx), input) }),
  deleteTag: defineRoute({ schema: crmContracts.deleteTag.input, roles: operators, handler: (input, ctx) => deleteTag(ctx, operatorOf(ctx), input.name) }),
  segments: defineRoute({ schema: crmContracts.segments.input, roles: operators, handler: (_input, ctx) => listSegments(ctx) }),
  segment: defineRoute({ schema: crmContracts.segment.input, roles: operators, handler: (input, ctx) => segmentView(ctx, input.segmentId) }),
  saveSegment: defineRoute({ schema: crmContracts.saveSegment.input, roles: operators, handler: (input, ctx) => saveSegment(ctx, operatorOf(ctx), input) }),
  deleteSegment: defineRoute({ schema: crmContracts.deleteSegment.input, roles: operators, handler: (input, ctx) => deleteSegment(ctx, operatorOf(ctx), input.segmentId) }),
  previewSegment: defineRoute({ schema: crmContracts.previewSegment.input, roles: operators, handler: (input, ctx) => previewSegment(ctx, input.filter) }),
  charts: defineRoute({ schema: crmContracts.charts.input, roles: operators, handler: (_input, ctx) => memberCharts(ctx) }),
  createCampaign: defineRoute({ schema: crmContracts.createCampaign.input, roles: operators, handler: (input, ctx) => createCampaign(ctx, operatorOf(ctx), input) }),
  campaigns: defineRoute({ schema: crmContracts.campaigns.input, roles: operators, handler: (input, ctx) => listCampaigns(ctx, input.kind) }),
  campaign: defineRoute({ schema: crmContracts.campaign.input, roles: operators, handler: (input, ctx) => campaignView(ctx, input.campaignId) }),
  pauseCampaign: defineRoute({ schema: crmContracts.pauseCampaign.input, roles: operators, handler: (input, ctx) => setCampaignState(ctx, operatorOf(ctx), input.campaignId, 'pause') }),
  resumeCampaign: defineRoute({ schema: crmContracts.resumeCampaign.input, roles: operators, handler: (input, ctx) => setCampaignState(ctx, operatorOf(ctx), input.campaignId, 'resume') }),
  cancelCampaign: defineRoute({ schema: crmContracts.cancelCampaign.input, roles: operators, handler: (input, ctx) => setCampaignState(ctx, operatorOf(ctx), input.campaignId, 'cancel') }),
  saveJourney: defineRoute({ schema: crmContracts.saveJourney.input, roles: operators, handler: (input, ctx) => saveJourney(ctx, operatorOf(ctx), input) }),
  settings: defineRoute({ schema: crmContracts.settings.input, roles: operators, handler: (_input, ctx) => loadCrmSettings(ctx.db) }),
  saveSettings: defineRoute({ schema: crmContracts.saveSettings.input, roles: operators, handler: (input, ctx) => saveCrmSettings(ctx, operatorOf(ctx), input.settings) }),
  rebuild: defineRoute({
    schema: crmContracts.rebuild.input,
    roles: operatorsAndTimer,
    handler: async (input, ctx) => {
      const report = await rebuildProfiles(ctx, { cursor: input.cursor ?? null });
      if (ctx.caller.openid && report.done) {
        await writeAudit(ctx.db, { staffOpenid: ctx.caller.openid, storeId: '', action: 'rebuildProfiles', target: '会员画像', result: 'ok', at: ctx.now() });
      }
      return report;
    },
  }),
  /** The timer trigger (every minute): deliveries, idle carts, the daily re-score and journeys. */
  tick: defineRoute({ schema: z.object({}), roles: timer, handler: (_input, ctx) => runCrmTick(ctx) }),
};
