import type { Tx } from '../../db/client.js';
import { randomToken, sha256Hex } from '../../lib/tokens.js';
import type { Outbox } from '../mail/mail.outbox.js';
import { findOrganizationName } from '../orgs/orgs.repo.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { DefinitionOf } from './assignments.definitions.js';
import { type AssignmentRow, findLiveLinkOfSupplier } from './assignments.repo.js';
import { insertPortalLink } from './portal-links.repo.js';

/** A link works until this many days after the due date (late answers are still welcome). */
export const LINK_DAYS_AFTER_DUE = 60;

export const linkExpiry = (dueDate: string, now = Date.now()) =>
  new Date(Math.max(Date.parse(`${dueDate}T23:59:59Z`), now) + LINK_DAYS_AFTER_DUE * 86_400_000);

type LinkedRow = Pick<
  AssignmentRow,
  'id' | 'supplierId' | 'supplierName' | 'templateId' | 'dueDate' | 'message'
>;

export interface MintedLink {
  token: string;
  expiresAt: Date;
  /** The contact it was e-mailed to; null when no e-mail could carry it. */
  recipient: string | null;
  delivery: 'email' | 'handed_over';
  /** The outbox message that carries it, when e-mailed. */
  mailId: string | null;
}

interface Deps {
  outbox: Pick<Outbox, 'queue' | 'configured'>;
  suppliers: Pick<SuppliersRepo, 'findSupplier'>;
  definitionOf: DefinitionOf;
  publicUrl: string;
}

/**
 * Minting portal links and the e-mails that carry them. A token exists only in this call's answer and,
 * sealed, in the outbox until sent; the database keeps its SHA-256 (portal_links). The assignment row must
 * exist first (a link references it).
 */
export const createLinks = ({ outbox, suppliers, definitionOf, publicUrl }: Deps) => {
  const portalUrl = (token: string) => `${publicUrl}/portal/${token}`;

  /** The supplier's first contact e-mail, when a mailer can reach it. */
  const recipientOf = async (tx: Tx, orgId: string, supplierId: string) =>
    outbox.configured
      ? ((await suppliers.findSupplier(tx, orgId, supplierId))?.contacts.find((c) => c.email)?.email ?? null)
      : null;

  const questionnaireTitle = async (tx: Tx, orgId: string, templateId: string) => {
    const def = await definitionOf(tx, orgId, templateId);
    return def.title[def.defaultLocale] ?? '';
  };

  return {
    portalUrl,
    recipientOf,

    /** A first link (or one replacing them all), e-mailed as an invitation when it can be. */
    async invite(
      tx: Tx,
      orgId: string,
      row: LinkedRow,
      purpose: 'invitation' | 'reissue',
      { recurring = false }: { recurring?: boolean } = {},
    ): Promise<MintedLink> {
      const token = randomToken();
      const expiresAt = linkExpiry(row.dueDate);
      await insertPortalLink(tx, {
        orgId,
        assignmentId: row.id,
        tokenHash: sha256Hex(token),
        purpose,
        expiresAt,
      });
      const recipient = await recipientOf(tx, orgId, row.supplierId);
      let mailId: string | null = null;
      if (recipient) {
        ({ id: mailId } = await outbox.queue(tx, orgId, {
          to: recipient,
          params: {
            kind: 'questionnaire_invitation',
            organisation: await findOrganizationName(tx, orgId),
            supplierName: row.supplierName,
            questionnaire: await questionnaireTitle(tx, orgId, row.templateId),
            dueDate: row.dueDate,
            message: row.message,
            reissued: purpose === 'reissue',
            ...(recurring ? { recurring } : {}),
          },
          link: portalUrl(token),
          entityType: 'assignment',
          entityId: row.id,
        }));
      }
      return { token, expiresAt, recipient, delivery: recipient ? 'email' : 'handed_over', mailId };
    },

    /**
     * A reminder's link: one more link with the assignment's current expiry, e-mailed to `recipient`; the
     * earlier links keep working (a supplier answering in an open tab is not cut off).
     */
    async remind(
      tx: Tx,
      orgId: string,
      row: LinkedRow & Pick<AssignmentRow, 'linkExpiresAt'>,
      recipient: string,
      overdue: boolean,
    ): Promise<string> {
      const token = randomToken();
      await insertPortalLink(tx, {
        orgId,
        assignmentId: row.id,
        tokenHash: sha256Hex(token),
        purpose: 'reminder',
        expiresAt: row.linkExpiresAt ?? linkExpiry(row.dueDate),
      });
      const { id } = await outbox.queue(tx, orgId, {
        to: recipient,
        params: {
          kind: 'questionnaire_reminder',
          organisation: await findOrganizationName(tx, orgId),
          supplierName: row.supplierName,
          questionnaire: await questionnaireTitle(tx, orgId, row.templateId),
          dueDate: row.dueDate,
          overdue,
        },
        link: portalUrl(token),
        entityType: 'assignment',
        entityId: row.id,
      });
      return id;
    },

    /**
     * The supplier's questionnaire whose link works longest (the portal opens on any live link of the
     * supplier), or undefined when it has none: what a message about something else can carry.
     */
    liveLinkOf: (tx: Tx, orgId: string, supplierId: string, now = new Date()) =>
      findLiveLinkOfSupplier(tx, orgId, supplierId, now),

    /**
     * A message about something else than a questionnaire (an overdue remediation task), carrying a fresh
     * link to the supplier's portal: one more link of the questionnaire `live` (liveLinkOf), with its expiry.
     */
    async mailWithPortalLink(
      tx: Tx,
      orgId: string,
      live: { assignmentId: string; expiresAt: Date },
      recipient: string,
      mail: Omit<Parameters<Outbox['queue']>[2], 'to' | 'link'>,
    ): Promise<string> {
      const token = randomToken();
      await insertPortalLink(tx, {
        orgId,
        assignmentId: live.assignmentId,
        tokenHash: sha256Hex(token),
        purpose: 'reminder',
        expiresAt: live.expiresAt,
      });
      const { id } = await outbox.queue(tx, orgId, { ...mail, to: recipient, link: portalUrl(token) });
      return id;
    },
  };
};
export type Links = ReturnType<typeof createLinks>;
