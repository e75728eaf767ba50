import { IMAGE_VIEWS, type ImagesFigures, type ImageView, type OdrFigures } from '@recertify/domain';

/**
 * The figures of a criterion arrive as untyped JSON (the stored eligibility snapshot). These
 * readers accept the shape the domain writes and nothing else, so a page never trusts a guess.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isCountOrNull = (value: unknown): value is number | null => value === null || isCount(value);
const isView = (value: unknown): value is ImageView => IMAGE_VIEWS.includes(value as ImageView);
const isViewList = (value: unknown): value is ImageView[] => Array.isArray(value) && value.every(isView);

export function imagesFiguresOf(figures: unknown): ImagesFigures | null {
  if (!isObject(figures)) return null;
  const { imageCount, minimumImages, screenOnRequired, requiredViews, missingViews } = figures;
  if (!isCount(imageCount) || !isCount(minimumImages) || typeof screenOnRequired !== 'boolean') return null;
  if (!isViewList(requiredViews) || !isViewList(missingViews)) return null;
  return { imageCount, minimumImages, screenOnRequired, requiredViews, missingViews };
}

export function odrFiguresOf(figures: unknown): OdrFigures | null {
  if (!isObject(figures)) return null;
  const { existingSeller, orders, defectiveOrders, rateBps, maximumBps, windowDays } = figures;
  if (typeof existingSeller !== 'boolean' || !isCount(maximumBps) || !isCount(windowDays)) return null;
  if (!isCountOrNull(orders) || !isCountOrNull(defectiveOrders) || !isCountOrNull(rateBps)) return null;
  return { existingSeller, orders, defectiveOrders, rateBps, maximumBps, windowDays };
}

/** One line of the image checklist: a view, whether the rules require it, and how many images show it. */
export interface ViewCheck {
  readonly view: ImageView;
  readonly required: boolean;
  readonly count: number;
}

/**
 * The required views against the images, in the domain's view order: every required view, then
 * any other view the seller added (SCREEN_ON for a product without a screen, say).
 */
export function imageChecklist(
  images: ReadonlyArray<{ view: ImageView }>,
  requiredViews: readonly ImageView[],
): ViewCheck[] {
  const count = (view: ImageView) => images.filter((image) => image.view === view).length;
  return IMAGE_VIEWS.filter((view) => requiredViews.includes(view) || count(view) > 0).map((view) => ({
    view,
    required: requiredViews.includes(view),
    count: count(view),
  }));
}

/**
 * The views the application is judged against: as the snapshot recorded them, or else from the
 * policy version (SCREEN_ON added when the products have a screen and the policy asks for it).
 */
export function requiredViewsOf(
  figures: ImagesFigures | null,
  policy: { requiredViews: readonly ImageView[]; screenProductsRequireScreenOn: boolean } | null,
  productsHaveScreen: boolean,
): { views: readonly ImageView[]; screenOnRequired: boolean } {
  if (figures) return { views: figures.requiredViews, screenOnRequired: figures.screenOnRequired };
  const screenOnRequired = productsHaveScreen && Boolean(policy?.screenProductsRequireScreenOn);
  const views = IMAGE_VIEWS.filter(
    (view) => (policy?.requiredViews ?? []).includes(view) || (view === 'SCREEN_ON' && screenOnRequired),
  );
  return { views, screenOnRequired };
}
