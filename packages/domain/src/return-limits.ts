import { CUSTOM_RMA_MAX_LENGTH } from './rma.js';
import { SKU_MAX_LENGTH } from './return-authorization.js';

/*
 * The most characters (or items) each input of the returns feature may hold: the length of the
 * column that stores it, so the server refuses more before any SQL and the web's fields stop there.
 */
export const RETURN_TEXT_LIMITS = {
  /** return_request.external_id: the marketplace's own id of the request. */
  externalId: 100,
  /** return_request.order_external_id. */
  orderId: 100,
  sku: SKU_MAX_LENGTH,
  /** An item's category name (matches category_return_window.category_name). */
  category: 100,
  /** An item's title as the buyer saw it. */
  itemTitle: 300,
  /** return_request.buyer_comment. */
  buyerComment: 2000,
  buyerName: 120,
  buyerEmail: 254,
  /** return_message.body: a reply to the buyer. */
  message: 2000,
  /** return_request.closed_note: why the seller closed it, in words. */
  closeNote: 500,
  rma: CUSTOM_RMA_MAX_LENGTH,
  /** return_settings.rma_prefix. */
  rmaPrefix: 8,
  /** An RMA or an order id typed in the queue's search box. */
  search: 100,
  addressName: 120,
  addressLine: 200,
  city: 100,
  region: 100,
  postalCode: 20,
  country: 2,
} as const;

export const RETURN_LIST_LIMITS = {
  /** Requests one bulk call acts on. */
  bulkIds: 1000,
  /** Items of one return request. */
  items: 50,
  /** Quantity of one item. */
  quantity: 10_000,
} as const;
