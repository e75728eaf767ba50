import {
  checkComplaintRecord,
  checkOfferRecord,
  checkOrderDefectRecord,
  checkOrderRecord,
  checkProductRatingRecord,
  COMPLAINT_CATEGORIES,
  COMPLAINT_SOURCES,
  CURRENCIES,
  MARKETPLACE_CODES,
  MARKETPLACES,
  ORDER_DEFECT_KINDS,
  TEXT_LIMITS,
  unknownReference,
  type CurrencyCode,
  type MarketplaceCode,
  type QualityRecordProblem,
} from '@recertify/domain';
import type { FieldReader } from './import-values.js';
import type { OrderReference, QualityReferences } from './quality-references.js';
import type { RowRejection } from './rejects-writer.js';

/** What the import command loads, one kind of record per file. */
export const IMPORT_KINDS = ['offers', 'orders', 'order-defects', 'complaints', 'ratings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** A column of an import file (the same name is the key in NDJSON), for the header check and the docs. */
export interface ImportColumn {
  readonly name: string;
  readonly required: boolean;
}

/**
 * Where a kind's records go: the table, its content columns in the order a row's values come
 * (the first two are always `marketplace` and `external_id`, the upsert's key), which of them are
 * instants, and which (offer, day) columns feed the daily rollups.
 */
export interface ImportTable {
  readonly table: string;
  readonly columns: readonly string[];
  readonly instants: ReadonlySet<string>;
  /** Values a new row gets that an update leaves alone (e.g. an offer starts ACTIVE). */
  readonly onInsert: Readonly<Record<string, string>>;
  readonly rollup: { readonly offer: string; readonly day: string } | null;
  /**
   * Columns a record keeps for life under its external id (its seller, its order), each with the
   * file's column that sets it: a row that would change one is refused (CHANGED_OWNER).
   */
  readonly owner: ReadonlyArray<{ readonly column: string; readonly field: string }>;
  /**
   * After rows of this table moved to another (offer, day), bring their dependants' copies along
   * (an order's complaints and defects carry its offer, seller and order date).
   */
  readonly dependants: readonly string[];
  /**
   * A new row of this table is one more order of its (offer, day) and changes nothing else there
   * (no complaint or defect can name an order before it exists): a writer may add it to the day's
   * rollups instead of recomputing them. Orders only.
   */
  readonly newRowIsOneOrder: boolean;
}

export interface ReadRecord<P> {
  readonly line: number;
  readonly record: P;
}

/** A batch's records made into table rows (values in the table's column order), or rejected. */
export interface ResolvedBatch {
  readonly rows: unknown[][];
  readonly rejections: RowRejection[];
}

export interface ImportKindDefinition<P> {
  readonly kind: ImportKind;
  readonly columns: readonly ImportColumn[];
  readonly table: ImportTable;
  /**
   * Reads one record's fields and checks the record's own rules (the quality records' rules of
   * the domain, shared with the GraphQL upserts); problems go to the reader. `receivedAt` is when
   * the import started: instants after it are in the future.
   */
  read(reader: FieldReader, receivedAt: Date): P;
  /** The record's identity: marketplace and external id. */
  key(record: P): string;
  /** Looks up what the records refer to (offers, orders, sellers) and makes the table rows. */
  resolve(
    references: QualityReferences,
    records: ReadonlyArray<ReadRecord<P>>,
    receivedAt: Date,
  ): Promise<ResolvedBatch>;
}

/**
 * The domain's rules name fields as the GraphQL inputs do (`deliveredAt`, `price.amountMinor`);
 * the file's columns are the same names in snake case (`delivered_at`, `price_amount_minor`).
 */
export function columnOf(field: string): string {
  return field.replace(/\./g, '_').replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function rejectionsOf(line: number, problems: readonly QualityRecordProblem[]): RowRejection[] {
  return problems.map((p) => ({
    line,
    field: columnOf(p.field),
    rule: p.rule,
    message: `${columnOf(p.field)} ${p.message}`,
  }));
}

function report(reader: FieldReader, problems: readonly QualityRecordProblem[]): void {
  for (const p of problems) reader.reject(columnOf(p.field), p.rule, `${columnOf(p.field)} ${p.message}`);
}

const MARKETPLACE_LIST = [...MARKETPLACE_CODES];
const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

function keyOf(record: { marketplace: string; externalId: string }): string {
  return `${record.marketplace}\u0000${record.externalId}`;
}

function table(
  name: string,
  columns: readonly string[],
  options: Partial<Omit<ImportTable, 'table' | 'columns'>> = {},
): ImportTable {
  return {
    table: name,
    columns,
    instants: options.instants ?? new Set(),
    onInsert: options.onInsert ?? {},
    rollup: options.rollup ?? null,
    owner: options.owner ?? [],
    dependants: options.dependants ?? [],
    newRowIsOneOrder: options.newRowIsOneOrder ?? false,
  };
}

// --- offers ---------------------------------------------------------------------------------

interface OfferRecord {
  marketplace: string;
  externalId: string;
  sellerId: string;
  sku: string;
  productName: string;
  brand: string;
  category: string;
  condition: string;
  priceAmountMinor: number;
  priceCurrency: CurrencyCode;
}

const offers: ImportKindDefinition<OfferRecord> = {
  kind: 'offers',
  columns: [
    { name: 'marketplace', required: true },
    { name: 'external_id', required: true },
    { name: 'seller_id', required: true },
    { name: 'sku', required: true },
    { name: 'product_name', required: true },
    { name: 'brand', required: true },
    { name: 'category', required: true },
    { name: 'condition', required: true },
    { name: 'price_amount_minor', required: true },
    { name: 'price_currency', required: true },
  ],
  table: table(
    'offer',
    [
      'marketplace',
      'external_id',
      'seller_id',
      'sku',
      'product_name',
      'brand',
      'category',
      'condition',
      'price_amount_minor',
      'price_currency',
    ],
    { onInsert: { status: 'ACTIVE' }, owner: [{ column: 'seller_id', field: 'seller_id' }] },
  ),
  read(r) {
    const record: OfferRecord = {
      marketplace: r.oneOf('marketplace', MARKETPLACE_LIST),
      externalId: r.text('external_id', TEXT_LIMITS.externalId),
      sellerId: r.text('seller_id', 36),
      sku: r.text('sku'),
      productName: r.text('product_name'),
      brand: r.text('brand'),
      category: r.text('category'),
      condition: r.text('condition'),
      priceAmountMinor: r.integer('price_amount_minor'),
      priceCurrency: r.oneOf('price_currency', CURRENCY_CODES),
    };
    if (r.ok) report(r, checkOfferRecord(record, MARKETPLACES[record.marketplace as MarketplaceCode].currency));
    return record;
  },
  key: keyOf,
  async resolve(refs, records) {
    const sellers = await refs.sellers(records.map(({ record }) => record.sellerId));
    const taken = await refs.skuOwners(records.map(({ record }) => record));
    const rows: unknown[][] = [];
    const rejections: RowRejection[] = [];
    const skusInBatch = new Map<string, string>();
    for (const { line, record: o } of records) {
      if (!sellers.has(o.sellerId)) {
        rejections.push(...rejectionsOf(line, [unknownReference('sellerId', 'UNKNOWN_SELLER', o.sellerId)]));
        continue;
      }
      const skuKey = `${o.sellerId}\u0000${o.marketplace}\u0000${o.sku}`;
      const owner = skusInBatch.get(skuKey) ?? taken.get(skuKey);
      if (owner !== undefined && owner !== o.externalId) {
        rejections.push({
          line,
          field: 'sku',
          rule: 'SKU_TAKEN',
          message: `sku ${o.sku} is the seller's offer ${owner} in marketplace ${o.marketplace}`,
        });
        continue;
      }
      skusInBatch.set(skuKey, o.externalId);
      rows.push([
        o.marketplace,
        o.externalId,
        o.sellerId,
        o.sku,
        o.productName,
        o.brand,
        o.category,
        o.condition,
        o.priceAmountMinor,
        o.priceCurrency,
      ]);
    }
    return { rows, rejections };
  },
};

// --- orders ---------------------------------------------------------------------------------

interface OrderRecord {
  marketplace: string;
  externalId: string;
  offerExternalId: string;
  buyerReference: string;
  quantity: number;
  orderedAt: Date;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

const orders: ImportKindDefinition<OrderRecord> = {
  kind: 'orders',
  columns: [
    { name: 'marketplace', required: true },
    { name: 'external_id', required: true },
    { name: 'offer_external_id', required: true },
    { name: 'buyer_reference', required: true },
    { name: 'quantity', required: true },
    { name: 'ordered_at', required: true },
    { name: 'shipped_at', required: false },
    { name: 'delivered_at', required: false },
  ],
  table: table(
    'marketplace_order',
    [
      'marketplace',
      'external_id',
      'offer_id',
      'seller_id',
      'buyer_reference',
      'quantity',
      'ordered_at',
      'shipped_at',
      'delivered_at',
      'order_date',
    ],
    {
      instants: new Set(['ordered_at', 'shipped_at', 'delivered_at']),
      rollup: { offer: 'offer_id', day: 'order_date' },
      owner: [{ column: 'seller_id', field: 'offer_external_id' }],
      dependants: ['complaint', 'order_defect'],
      newRowIsOneOrder: true,
    },
  ),
  read(r, receivedAt) {
    const record: OrderRecord = {
      marketplace: r.oneOf('marketplace', MARKETPLACE_LIST),
      externalId: r.text('external_id', TEXT_LIMITS.externalId),
      offerExternalId: r.text('offer_external_id', TEXT_LIMITS.externalId),
      buyerReference: r.text('buyer_reference'),
      quantity: r.integer('quantity'),
      orderedAt: r.instant('ordered_at'),
      shippedAt: r.optionalInstant('shipped_at'),
      deliveredAt: r.optionalInstant('delivered_at'),
    };
    if (r.ok) report(r, checkOrderRecord(record, receivedAt));
    return record;
  },
  key: keyOf,
  async resolve(refs, records) {
    const found = await refs.offers(records.map(({ record }) => [record.marketplace, record.offerExternalId]));
    const rows: unknown[][] = [];
    const rejections: RowRejection[] = [];
    for (const { line, record: o } of records) {
      const offer = found.get(`${o.marketplace}\u0000${o.offerExternalId}`);
      if (!offer) {
        rejections.push(unknownOffer(line, o.marketplace, o.offerExternalId));
        continue;
      }
      rows.push([
        o.marketplace,
        o.externalId,
        offer.id,
        offer.sellerId,
        o.buyerReference,
        o.quantity,
        o.orderedAt,
        o.shippedAt,
        o.deliveredAt,
        refs.localDate(o.orderedAt, o.marketplace),
      ]);
    }
    return { rows, rejections };
  },
};

function unknownOffer(line: number, marketplace: string, externalId: string): RowRejection {
  return rejectionsOf(line, [unknownReference('offerExternalId', 'UNKNOWN_OFFER', externalId, marketplace)])[0]!;
}

function unknownOrder(line: number, marketplace: string, externalId: string): RowRejection {
  return rejectionsOf(line, [unknownReference('orderExternalId', 'UNKNOWN_ORDER', externalId, marketplace)])[0]!;
}

// --- order defects ----------------------------------------------------------------------------

interface OrderDefectRecord {
  marketplace: string;
  externalId: string;
  orderExternalId: string;
  kind: string;
  reportedAt: Date;
}

const orderDefects: ImportKindDefinition<OrderDefectRecord> = {
  kind: 'order-defects',
  columns: [
    { name: 'marketplace', required: true },
    { name: 'external_id', required: true },
    { name: 'order_external_id', required: true },
    { name: 'kind', required: true },
    { name: 'reported_at', required: true },
  ],
  table: table(
    'order_defect',
    ['marketplace', 'external_id', 'order_id', 'offer_id', 'seller_id', 'order_date', 'kind', 'reported_at'],
    {
      instants: new Set(['reported_at']),
      rollup: { offer: 'offer_id', day: 'order_date' },
      owner: [{ column: 'order_id', field: 'order_external_id' }],
    },
  ),
  read(r) {
    return {
      marketplace: r.oneOf('marketplace', MARKETPLACE_LIST),
      externalId: r.text('external_id', TEXT_LIMITS.externalId),
      orderExternalId: r.text('order_external_id', TEXT_LIMITS.externalId),
      kind: r.oneOf('kind', ORDER_DEFECT_KINDS),
      reportedAt: r.instant('reported_at'),
    };
  },
  key: keyOf,
  async resolve(refs, records, receivedAt) {
    const found = await refs.orders(records.map(({ record }) => [record.marketplace, record.orderExternalId]));
    const rows: unknown[][] = [];
    const rejections: RowRejection[] = [];
    for (const { line, record: d } of records) {
      const order = found.get(`${d.marketplace}\u0000${d.orderExternalId}`);
      if (!order) {
        rejections.push(unknownOrder(line, d.marketplace, d.orderExternalId));
        continue;
      }
      const problems = checkOrderDefectRecord(d, order, receivedAt);
      if (problems.length) {
        rejections.push(...rejectionsOf(line, problems));
        continue;
      }
      rows.push([
        d.marketplace,
        d.externalId,
        order.id,
        order.offerId,
        order.sellerId,
        order.orderDate,
        d.kind,
        d.reportedAt,
      ]);
    }
    return { rows, rejections };
  },
};

// --- complaints -----------------------------------------------------------------------------

interface ComplaintRecord {
  marketplace: string;
  externalId: string;
  orderExternalId: string;
  source: string;
  category: string;
  filedAt: Date;
  note: string | null;
}

const complaints: ImportKindDefinition<ComplaintRecord> = {
  kind: 'complaints',
  columns: [
    { name: 'marketplace', required: true },
    { name: 'external_id', required: true },
    { name: 'order_external_id', required: true },
    { name: 'source', required: true },
    { name: 'category', required: true },
    { name: 'filed_at', required: true },
    { name: 'note', required: false },
  ],
  table: table(
    'complaint',
    [
      'marketplace',
      'external_id',
      'order_id',
      'offer_id',
      'seller_id',
      'order_date',
      'source',
      'category',
      'filed_at',
      'note',
    ],
    {
      instants: new Set(['filed_at']),
      rollup: { offer: 'offer_id', day: 'order_date' },
      owner: [{ column: 'order_id', field: 'order_external_id' }],
    },
  ),
  read(r) {
    return {
      marketplace: r.oneOf('marketplace', MARKETPLACE_LIST),
      externalId: r.text('external_id', TEXT_LIMITS.externalId),
      orderExternalId: r.text('order_external_id', TEXT_LIMITS.externalId),
      source: r.oneOf('source', COMPLAINT_SOURCES),
      category: r.oneOf('category', COMPLAINT_CATEGORIES),
      filedAt: r.instant('filed_at'),
      note: r.optionalText('note'),
    };
  },
  key: keyOf,
  async resolve(refs, records, receivedAt) {
    const found = await refs.orders(records.map(({ record }) => [record.marketplace, record.orderExternalId]));
    const rows: unknown[][] = [];
    const rejections: RowRejection[] = [];
    for (const { line, record: c } of records) {
      const order = found.get(`${c.marketplace}\u0000${c.orderExternalId}`);
      if (!order) {
        rejections.push(unknownOrder(line, c.marketplace, c.orderExternalId));
        continue;
      }
      const problems = checkComplaintRecord(c, order, receivedAt);
      if (problems.length) {
        rejections.push(...rejectionsOf(line, problems));
        continue;
      }
      rows.push([
        c.marketplace,
        c.externalId,
        order.id,
        order.offerId,
        order.sellerId,
        order.orderDate,
        c.source,
        c.category,
        c.filedAt,
        c.note,
      ]);
    }
    return { rows, rejections };
  },
};

// --- ratings --------------------------------------------------------------------------------

interface RatingRecord {
  marketplace: string;
  externalId: string;
  offerExternalId: string;
  orderExternalId: string | null;
  stars: number;
  ratedAt: Date;
}

const ratings: ImportKindDefinition<RatingRecord> = {
  kind: 'ratings',
  columns: [
    { name: 'marketplace', required: true },
    { name: 'external_id', required: true },
    { name: 'offer_external_id', required: true },
    { name: 'order_external_id', required: false },
    { name: 'stars', required: true },
    { name: 'rated_at', required: true },
  ],
  table: table(
    'product_rating',
    ['marketplace', 'external_id', 'offer_id', 'order_id', 'seller_id', 'stars', 'rated_at', 'rated_date'],
    {
      instants: new Set(['rated_at']),
      rollup: { offer: 'offer_id', day: 'rated_date' },
      owner: [{ column: 'offer_id', field: 'offer_external_id' }],
    },
  ),
  read(r) {
    const record: RatingRecord = {
      marketplace: r.oneOf('marketplace', MARKETPLACE_LIST),
      externalId: r.text('external_id', TEXT_LIMITS.externalId),
      offerExternalId: r.text('offer_external_id', TEXT_LIMITS.externalId),
      orderExternalId: r.optionalText('order_external_id', TEXT_LIMITS.externalId),
      stars: r.integer('stars'),
      ratedAt: r.instant('rated_at'),
    };
    return record;
  },
  key: keyOf,
  async resolve(refs, records, receivedAt) {
    const offersFound = await refs.offers(records.map(({ record }) => [record.marketplace, record.offerExternalId]));
    const ordersFound = await refs.orders(
      records.flatMap(({ record }) =>
        record.orderExternalId === null ? [] : [[record.marketplace, record.orderExternalId] as const],
      ),
    );
    const rows: unknown[][] = [];
    const rejections: RowRejection[] = [];
    for (const { line, record: r } of records) {
      const offer = offersFound.get(`${r.marketplace}\u0000${r.offerExternalId}`);
      if (!offer) {
        rejections.push(unknownOffer(line, r.marketplace, r.offerExternalId));
        continue;
      }
      let order: OrderReference | null = null;
      if (r.orderExternalId !== null) {
        order = ordersFound.get(`${r.marketplace}\u0000${r.orderExternalId}`) ?? null;
        if (!order) {
          rejections.push(unknownOrder(line, r.marketplace, r.orderExternalId));
          continue;
        }
      }
      const problems = checkProductRatingRecord(r, offer.id, order, receivedAt);
      if (problems.length) {
        rejections.push(...rejectionsOf(line, problems));
        continue;
      }
      const orderId = order?.id ?? null;
      rows.push([
        r.marketplace,
        r.externalId,
        offer.id,
        orderId,
        offer.sellerId,
        r.stars,
        r.ratedAt,
        refs.localDate(r.ratedAt, r.marketplace),
      ]);
    }
    return { rows, rejections };
  },
};

export const IMPORT_KIND_DEFINITIONS: { readonly [K in ImportKind]: ImportKindDefinition<never> } = {
  offers: offers as ImportKindDefinition<never>,
  orders: orders as ImportKindDefinition<never>,
  'order-defects': orderDefects as ImportKindDefinition<never>,
  complaints: complaints as ImportKindDefinition<never>,
  ratings: ratings as ImportKindDefinition<never>,
};
