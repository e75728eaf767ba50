import { IMAGE_VIEWS, type ImageView, MARKETPLACE_CODES, type MarketplaceCode } from '@recertify/domain';
import { graphqlEnum } from '../../graphql/enums.js';
import { registerEnumType } from 'type-graphql';

export const MarketplaceCodeEnum = graphqlEnum(MARKETPLACE_CODES, {
  name: 'MarketplaceCode',
  description: 'A marketplace: US (amazon.com), CA (amazon.ca), MX (amazon.com.mx).',
});
/** The domain's MarketplaceCode; the const above is the same values as a GraphQL enum. */
export type MarketplaceCodeEnum = MarketplaceCode;

export const ImageViewEnum = graphqlEnum(IMAGE_VIEWS, {
  name: 'ImageView',
  description: 'What a sample-unit image shows.',
  valuesConfig: {
    SHIPPING_BOX: { description: 'The box the unit ships in.' },
    INNER_PACKAGING: { description: 'Inside packaging and padding.' },
    SCREEN_ON: { description: 'The screen switched on (products with a screen only).' },
  },
});
/** The domain's ImageView; the const above is the same values as a GraphQL enum. */
export type ImageViewEnum = ImageView;

export enum WarrantyKindEnum {
  GUARANTEE_ACCEPTANCE = 'GUARANTEE_ACCEPTANCE',
  MINIMUM_DAYS = 'MINIMUM_DAYS',
}
registerEnumType(WarrantyKindEnum, {
  name: 'WarrantyKind',
  description: 'How a marketplace states its warranty requirement.',
  valuesConfig: {
    GUARANTEE_ACCEPTANCE: { description: 'The seller explicitly accepts the Renewed Guarantee.' },
    MINIMUM_DAYS: { description: 'The seller offers a warranty of at least a number of days from purchase.' },
  },
});
