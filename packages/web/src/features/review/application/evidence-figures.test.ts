import { describe, expect, it } from 'vitest';
import { imageChecklist, imagesFiguresOf, odrFiguresOf, requiredViewsOf } from './evidence-figures';

const EIGHT = ['SHIPPING_BOX', 'INNER_PACKAGING', 'TOP', 'BOTTOM', 'FRONT', 'BACK', 'LEFT', 'RIGHT'] as const;

describe('imagesFiguresOf', () => {
  const figures = {
    imageCount: 9,
    minimumImages: 8,
    screenOnRequired: true,
    requiredViews: [...EIGHT, 'SCREEN_ON'],
    missingViews: ['SCREEN_ON'],
  };

  it('reads the figures the domain writes', () => {
    expect(imagesFiguresOf(figures)).toEqual(figures);
  });

  it.each([
    ['not an object', 'x'],
    ['a count that is not a number', { ...figures, imageCount: '9' }],
    ['an unknown view', { ...figures, missingViews: ['SIDEWAYS'] }],
    ['no screen flag', { ...figures, screenOnRequired: undefined }],
  ])('refuses %s', (_case, value) => {
    expect(imagesFiguresOf(value)).toBeNull();
  });
});

describe('odrFiguresOf', () => {
  it.each([
    [
      'an existing seller with orders',
      { existingSeller: true, orders: 660, defectiveOrders: 3, rateBps: 45, maximumBps: 80, windowDays: 90 },
    ],
    [
      'a new seller',
      { existingSeller: false, orders: null, defectiveOrders: null, rateBps: null, maximumBps: 80, windowDays: 90 },
    ],
  ])('reads %s', (_case, figures) => {
    expect(odrFiguresOf(figures)).toEqual(figures);
  });

  it('refuses figures of another criterion', () => {
    expect(odrFiguresOf({ accepted: true })).toBeNull();
  });
});

describe('imageChecklist', () => {
  it('counts each required view, missing ones at 0, and adds views shown beyond the rules', () => {
    const images = [
      { view: 'FRONT' as const },
      { view: 'FRONT' as const },
      { view: 'BACK' as const },
      { view: 'SCREEN_ON' as const },
    ];
    expect(imageChecklist(images, ['SHIPPING_BOX', 'FRONT', 'BACK'])).toEqual([
      { view: 'SHIPPING_BOX', required: true, count: 0 },
      { view: 'FRONT', required: true, count: 2 },
      { view: 'BACK', required: true, count: 1 },
      { view: 'SCREEN_ON', required: false, count: 1 },
    ]);
  });
});

describe('requiredViewsOf', () => {
  const policy = { requiredViews: [...EIGHT], screenProductsRequireScreenOn: true };

  it('takes the views the snapshot judged against', () => {
    const figures = imagesFiguresOf({
      imageCount: 8,
      minimumImages: 8,
      screenOnRequired: false,
      requiredViews: ['FRONT'],
      missingViews: [],
    });
    expect(requiredViewsOf(figures, policy, true)).toEqual({ views: ['FRONT'], screenOnRequired: false });
  });

  it.each([
    [true, [...EIGHT, 'SCREEN_ON'], true],
    [false, [...EIGHT], false],
  ])('without a snapshot, products with a screen %s: %j', (hasScreen, views, screenOnRequired) => {
    expect(requiredViewsOf(null, policy, hasScreen)).toEqual({ views, screenOnRequired });
  });
});
