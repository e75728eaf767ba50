import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { checkOfferRecord, unknownReference, type QualityRecordProblem } from '@recertify/domain';
import { MoneyValue } from '../../graphql/money.types.js';
import { OrganizationKind } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { Marketplace } from '../marketplaces/marketplace.entity.js';
import { Offer } from './offer.entity.js';
import { throwIfProblems, type Upserted } from './quality-ingestion.js';
import type { UpsertOfferInput } from './quality-records.types.js';

/**
 * Creates or updates an offer by (marketplace, external id). The seller is fixed for life; the
 * SKU may change but stays unique per seller and marketplace. Offers carry no figures of their
 * own, so an offer change touches no rollup. `status` is never set here: it is evaluation's.
 */
export async function upsertOffer(em: EntityManager, input: UpsertOfferInput): Promise<Upserted<Offer>> {
  const marketplace = await em.findOneOrFail(Marketplace, { code: input.marketplace });
  const problems: QualityRecordProblem[] = checkOfferRecord(
    {
      ...input,
      priceAmountMinor: input.price.amountMinor,
      priceCurrency: input.price.currency,
    },
    marketplace.currency,
  );
  const existing = await em.findOne(Offer, { marketplace: input.marketplace, externalId: input.externalId });
  const seller = await em.findOne(Organization, { id: input.sellerId, kind: OrganizationKind.SELLER });
  if (!seller) problems.push(unknownReference('sellerId', 'UNKNOWN_SELLER', input.sellerId));
  if (existing && existing.seller.id !== input.sellerId) {
    problems.push({
      field: 'sellerId',
      rule: 'CHANGED_OWNER',
      message: `offer ${JSON.stringify(input.externalId)} belongs to another seller; an offer's seller never changes`,
    });
  }
  const skuHolder = await em.findOne(
    Offer,
    { seller: input.sellerId, marketplace: input.marketplace, sku: input.sku },
    { fields: ['id', 'externalId'] },
  );
  if (skuHolder && skuHolder.id !== existing?.id) {
    problems.push({
      field: 'sku',
      rule: 'SKU_TAKEN',
      message: `the seller lists SKU ${JSON.stringify(input.sku)} in ${input.marketplace} as offer ${JSON.stringify(skuHolder.externalId)} already`,
    });
  }
  throwIfProblems(problems);

  const content = {
    sku: input.sku,
    productName: input.productName,
    brand: input.brand,
    category: input.category,
    condition: input.condition,
  };
  if (!existing) {
    const offer = new Offer({
      seller: Reference.create(seller!),
      marketplace: input.marketplace,
      externalId: input.externalId,
      ...content,
      price: new MoneyValue(input.price),
    });
    em.persist(offer);
    await em.flush();
    return { outcome: 'CREATED', record: offer };
  }
  const priceChanged =
    existing.price.amountMinor !== input.price.amountMinor || existing.price.currency !== input.price.currency;
  const changed = (Object.keys(content) as Array<keyof typeof content>).some((key) => existing[key] !== content[key]);
  if (!changed && !priceChanged) return { outcome: 'UNCHANGED', record: existing };
  Object.assign(existing, content);
  if (priceChanged) existing.price = new MoneyValue(input.price);
  existing.version += 1;
  await em.flush();
  return { outcome: 'UPDATED', record: existing };
}
