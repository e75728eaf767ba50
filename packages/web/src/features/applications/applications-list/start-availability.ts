import { checkCanApply, type ApplyRefusal, type MarketplaceCode } from '@recertify/domain';
import type { MyApplicationRowFragment, MyMarketplaceApprovalRowFragment } from './applications-list.generated';

/**
 * Why the seller may not start an application in `marketplace` now, or null when it may: the
 * domain's apply rule (the server's too) over its applications and approvals, so the button says
 * beforehand what the server would answer.
 */
export function startRefusal(
  marketplace: MarketplaceCode,
  applications: readonly Pick<MyApplicationRowFragment, 'marketplace' | 'status'>[],
  approvals: readonly Pick<MyMarketplaceApprovalRowFragment, 'marketplace' | 'grantedThrough'>[],
): ApplyRefusal | null {
  return checkCanApply(marketplace, [
    ...applications.map(({ marketplace: code, status }) => ({ marketplace: code, status })),
    ...approvals.map(({ marketplace: code, grantedThrough }) => ({
      marketplace: code,
      status: 'APPROVED' as const,
      grantedThrough,
    })),
  ]);
}
