import type { EntityManager } from '@mikro-orm/knex';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { InputCheck, notFound } from '../../errors/app-error.js';
import { Role } from '../accounts/accounts.enums.js';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { Complaint } from './complaint.entity.js';
import { refreshQualityRollups } from './quality-rollups.js';
import { complaintAlreadyInvalidated } from './quality.errors.js';

export const COMPLAINT_INVALIDATED = 'COMPLAINT_INVALIDATED';

/**
 * A reviewer takes a complaint out of RQS, saying why (SPEC 5): the complaint stays, marked with
 * who, when and why; the audit log keeps the same; the order's rollup row is refreshed (the order
 * stays defective while another valid complaint remains). A guarded update makes a second
 * invalidation, even a concurrent one, a COMPLAINT_ALREADY_INVALIDATED refusal that changes nothing.
 */
export async function invalidateComplaint(
  em: EntityManager,
  principal: Principal,
  input: { complaintId: string; reason: string },
  now: Date,
): Promise<Complaint> {
  const reviewer = requireUser(principal, Role.REVIEWER);
  const reason = input.reason.trim();
  new InputCheck().require(reason.length > 0, 'reason', 'say why the complaint does not count').throwIfAny();
  const complaint = await em.findOne(Complaint, { id: input.complaintId });
  if (!complaint) throw notFound('That complaint');
  if (complaint.invalidatedAt) throw complaintAlreadyInvalidated(complaint.invalidatedAt, complaint.invalidationReason);

  const changes = {
    invalidatedAt: now,
    invalidatedBy: reviewer.user.id,
    invalidationReason: reason,
    version: complaint.version + 1,
  };
  const updated = await em.nativeUpdate(Complaint, { id: complaint.id, invalidatedAt: null }, changes);
  if (updated === 0) {
    const current = await em.findOneOrFail(Complaint, { id: complaint.id }, { refresh: true });
    throw complaintAlreadyInvalidated(current.invalidatedAt!, current.invalidationReason);
  }
  recordAudit(em, {
    principal,
    action: COMPLAINT_INVALIDATED,
    subjectType: 'Complaint',
    subjectId: complaint.id,
    data: {
      reason,
      orderId: complaint.order.id,
      sellerId: complaint.seller.id,
      marketplace: complaint.marketplace,
      externalId: complaint.externalId,
    },
    at: now,
  });
  await em.flush();
  await refreshQualityRollups(em, { offerDays: [{ offerId: complaint.offer.id, day: complaint.orderDate }] });
  // The managed entity still holds the values read before the guarded update.
  Object.assign(complaint, { ...changes, invalidatedBy: em.getReference(User, reviewer.user.id, { wrapped: true }) });
  return complaint;
}
