import { z } from 'zod';
import { IdSchema, requiredText, text } from './common.js';
import { RevisionSchema } from './revision.js';
import { PublishResultSchema } from './what-if.js';

// Four-eyes publishing: publishing a policy rescores every supplier, so an organisation can require a second
// administrator to approve it. An admin asks for a draft (pinned at the revision they reviewed) to be
// published; another admin approves (the publish happens then) or rejects it, each with a comment; the
// requester may withdraw it. While a request is pending the draft is frozen.

export const PUBLISH_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const PublishRequestStatusSchema = z.enum(PUBLISH_REQUEST_STATUSES);
export type PublishRequestStatus = z.infer<typeof PublishRequestStatusSchema>;

const CommentSchema = text(2000, { multiline: true });

/** One request to publish a draft, and its outcome. */
export const PublishRequestSchema = z.object({
  id: IdSchema,
  policyId: IdSchema,
  /** The draft's revision the requester reviewed: the approval publishes exactly that, or answers 409. */
  policyRevision: z.number().int(),
  status: PublishRequestStatusSchema,
  requestedBy: z.object({ id: IdSchema.nullable(), name: z.string().nullable() }),
  comment: z.string(),
  createdAt: z.string(),
  decidedBy: z.object({ id: IdSchema.nullable(), name: z.string().nullable() }).nullable(),
  decisionComment: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type PublishRequest = z.infer<typeof PublishRequestSchema>;

export const PublishRequestCreateSchema = z.object({
  /** Why this draft should be published: what the approver reads first. */
  comment: requiredText(2000, 'A comment', { multiline: true }),
  /** The draft's revision that was reviewed (as its ETag); a stale one answers 409. */
  revision: RevisionSchema,
});
export type PublishRequestCreate = z.infer<typeof PublishRequestCreateSchema>;

/** Approving may say nothing more; rejecting must say why. */
export const PublishApproveSchema = z.object({ comment: CommentSchema.optional() });
export type PublishApprove = z.infer<typeof PublishApproveSchema>;
export const PublishRejectSchema = z.object({
  comment: requiredText(2000, 'A comment', { multiline: true }),
});
export type PublishReject = z.infer<typeof PublishRejectSchema>;
export const PublishWithdrawSchema = z.object({ comment: CommentSchema.optional() });
export type PublishWithdraw = z.infer<typeof PublishWithdrawSchema>;

export const PublishRequestsQuerySchema = z.object({
  policyId: IdSchema.optional(),
  status: PublishRequestStatusSchema.optional(),
});
export type PublishRequestsQuery = z.infer<typeof PublishRequestsQuerySchema>;

export const PublishRequestListSchema = z.object({ items: z.array(PublishRequestSchema) });

export const PublishApprovedSchema = z.object({
  request: PublishRequestSchema,
  publish: PublishResultSchema,
});
export type PublishApproved = z.infer<typeof PublishApprovedSchema>;

/** Whether publishing needs a second admin's approval, and where that comes from. */
export const PublishApprovalSettingSchema = z.object({
  required: z.boolean(),
  /** "default": derived from the number of active admins; "explicit": an admin set it. */
  source: z.enum(['default', 'explicit']),
  activeAdmins: z.number().int(),
  /** Plain words for the screen: why the rule is on or off. */
  reason: z.string(),
});
export type PublishApprovalSetting = z.infer<typeof PublishApprovalSettingSchema>;

/** `required: null` goes back to the default (on with two or more active admins). */
export const PublishApprovalSettingUpdateSchema = z.object({ required: z.boolean().nullable() });
export type PublishApprovalSettingUpdate = z.infer<typeof PublishApprovalSettingUpdateSchema>;
