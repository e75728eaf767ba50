import {
  IMAGE_VIEWS,
  type ImageView,
  MARKETPLACE_CODES,
  type MarketplaceCode,
  WARRANTY_KINDS,
  type WarrantyKind,
} from '@recertify/domain';
import { graphqlEnum } from '../../graphql/enums.js';

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

export const WarrantyKindEnum = graphqlEnum(WARRANTY_KINDS, {
  name: 'WarrantyKind',
  description: 'How a marketplace states its warranty requirement.',
  valuesConfig: {
    GUARANTEE_ACCEPTANCE: { description: 'The seller explicitly accepts the Renewed Guarantee.' },
    MINIMUM_DAYS: { description: 'The seller offers a warranty of at least a number of days from purchase.' },
  },
});
/** The domain's WarrantyKind; the const above is the same values as a GraphQL enum. */
export type WarrantyKindEnum = WarrantyKind;
