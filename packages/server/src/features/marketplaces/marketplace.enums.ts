import { registerEnumType } from 'type-graphql';

export enum MarketplaceCodeEnum {
  US = 'US',
  CA = 'CA',
  MX = 'MX',
}
registerEnumType(MarketplaceCodeEnum, {
  name: 'MarketplaceCode',
  description: 'A marketplace: US (amazon.com), CA (amazon.ca), MX (amazon.com.mx).',
});

export enum ImageViewEnum {
  SHIPPING_BOX = 'SHIPPING_BOX',
  INNER_PACKAGING = 'INNER_PACKAGING',
  TOP = 'TOP',
  BOTTOM = 'BOTTOM',
  FRONT = 'FRONT',
  BACK = 'BACK',
  LEFT = 'LEFT',
  RIGHT = 'RIGHT',
  SCREEN_ON = 'SCREEN_ON',
}
registerEnumType(ImageViewEnum, {
  name: 'ImageView',
  description: 'What a sample-unit image shows.',
  valuesConfig: {
    SHIPPING_BOX: { description: 'The box the unit ships in.' },
    INNER_PACKAGING: { description: 'Inside packaging and padding.' },
    SCREEN_ON: { description: 'The screen switched on (products with a screen only).' },
  },
});

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
