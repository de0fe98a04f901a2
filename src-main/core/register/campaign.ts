import { z } from 'zod';
import { campaign } from '../model';

/** The campaign form: the model's fields, with a message key when the deadline comes first. */
export const campaignRecord = z
  .object(campaign.shape)
  .refine((c) => c.deadline >= c.startDate, { path: ['deadline'], message: 'deadlineBeforeStart' });
export type CampaignRecord = z.infer<typeof campaignRecord>;
