import {
  convertMoney,
  largestAmountAtOrBelow,
  localDateOf,
  type CurrencyCode,
  type ExchangeRate,
  type IsoDate,
  type Money,
} from '@recertify/domain';
import { formatMoney } from '@recertify/domain';
import type { MarketplacePolicyFragment, PolicyParametersFragment } from './program-rules.generated';
import { formatDate } from '../../ui/format';
import { IMAGE_VIEW_NAMES } from '../../ui/labels';

interface Props {
  marketplace: MarketplacePolicyFragment;
  exchangeRates: ExchangeRate[];
}

export function MarketplacePolicyCard({ marketplace, exchangeRates }: Props) {
  const policy = marketplace.policyInForce;
  const today = localDateOf(new Date(), marketplace.timeZone);
  return (
    <article className="card" aria-labelledby={`marketplace-${marketplace.code}`} data-marketplace={marketplace.code}>
      <header className="card-header">
        <h2 id={`marketplace-${marketplace.code}`}>
          <span className="marketplace-code">{marketplace.code}</span> {marketplace.name}
        </h2>
        <p className="muted">
          Currency {marketplace.currency} · days counted in {marketplace.timeZone}
        </p>
      </header>
      {policy ? (
        <>
          <p className="version-line">
            Version {policy.version}, in force since {formatDate(policy.effectiveFrom)}
            {policy.notes ? ` — ${policy.notes}` : ''}
          </p>
          <PolicyTable
            policy={policy}
            localCurrency={marketplace.currency}
            localEquivalent={(money) => equivalent(money, marketplace.currency, exchangeRates, today)}
            localLimitAtOrBelow={(money) => limitAtOrBelow(money, marketplace.currency, exchangeRates, today)}
          />
        </>
      ) : (
        <p className="notice">No policy version is in force yet in this marketplace.</p>
      )}
      <VersionHistory marketplace={marketplace} />
    </article>
  );
}

function equivalent(money: Money, to: CurrencyCode, rates: ExchangeRate[], onDate: IsoDate): string | null {
  if (money.currency === to) return null;
  try {
    return formatMoney(convertMoney(money, to, rates, onDate));
  } catch {
    return null; // No rate on file: the threshold is shown in USD only.
  }
}

/**
 * An "at or below" limit in the local currency is the rule's own boundary, not a rounded figure:
 * 15.00 USD at 0.7150 is 20.97 CAD, because 20.98 CAD is 15.0007 USD and counts.
 */
function limitAtOrBelow(limit: Money, to: CurrencyCode, rates: ExchangeRate[], onDate: IsoDate): string | null {
  if (limit.currency === to) return null;
  try {
    return formatMoney(largestAmountAtOrBelow(limit, to, rates, onDate));
  } catch {
    return null;
  }
}

interface Row {
  key: string;
  label: string;
  value: string;
  detail?: string | null;
}

function PolicyTable({
  policy,
  localCurrency,
  localEquivalent,
  localLimitAtOrBelow,
}: {
  policy: PolicyParametersFragment;
  localCurrency: CurrencyCode;
  localEquivalent: (money: Money) => string | null;
  localLimitAtOrBelow: (money: Money) => string | null;
}) {
  const money = (m: PolicyParametersFragment['qualifyingPurchasesMinimum']) => {
    const local = localEquivalent({ amountMinor: m.amountMinor, currency: m.currency });
    return { value: m.formatted, detail: local ? `≈ ${local} today` : null };
  };
  const limit = (m: PolicyParametersFragment['excludedItemMaxUnitPrice']) => {
    const local = localLimitAtOrBelow({ amountMinor: m.amountMinor, currency: m.currency });
    return { value: m.formatted, detail: local ? `${local} or less today` : null };
  };
  const groups: Array<{ title: string; rows: Row[] }> = [
    {
      title: 'To be approved',
      rows: [
        {
          key: 'qualifyingPurchasesMinimum',
          label: `Qualifying purchases, trailing ${policy.purchaseWindowDays} days`,
          ...money(policy.qualifyingPurchasesMinimum),
        },
        {
          key: 'excludedItemMaxUnitPrice',
          label: 'Items that do not count: unit price at or below',
          ...limit(policy.excludedItemMaxUnitPrice),
        },
        {
          key: 'appleQualifyingPurchasesMinimum',
          label: `Apple-brand approval: Apple refurbished purchases, trailing ${policy.applePurchaseWindowDays} days`,
          ...money(policy.appleQualifyingPurchasesMinimum),
        },
        {
          key: 'warranty',
          label: 'Warranty',
          value:
            policy.warranty.kind === 'MINIMUM_DAYS'
              ? `At least ${policy.warranty.minimumDays ?? '?'} days from purchase`
              : 'Honour the Renewed Guarantee (explicit acceptance)',
        },
        {
          key: 'minimumImages',
          label: 'Sample-unit images',
          value: `At least ${policy.minimumImages}`,
          detail: `Views: ${policy.requiredViews.map((view) => IMAGE_VIEW_NAMES[view]).join(', ')}${
            policy.screenProductsRequireScreenOn ? '; plus screen on for products with a screen' : ''
          }`,
        },
        {
          key: 'odrMaximumBps',
          label: `Order defect rate, trailing ${policy.odrWindowDays} days`,
          value: `At most ${policy.odrMaximum.formatted}`,
        },
      ],
    },
    {
      title: 'Review',
      rows: [
        {
          key: 'reviewDueBusinessDays',
          label: 'Decision due',
          value: `${policy.reviewDueBusinessDays} business days after submission`,
        },
      ],
    },
    {
      title: 'To stay in the program',
      rows: [
        { key: 'offerRqsMinimumBps', label: 'Offer RQS', value: `At least ${policy.offerRqsMinimum.formatted}` },
        { key: 'sellerRqsMinimumBps', label: 'Seller RQS', value: `At least ${policy.sellerRqsMinimum.formatted}` },
        {
          key: 'averageRatingMinimumHundredths',
          label: 'Average product rating',
          value: `At least ${policy.averageRatingMinimum.formatted}`,
        },
        { key: 'rqsWindowDays', label: 'RQS window', value: `Trailing ${policy.rqsWindowDays} days of orders` },
        {
          key: 'rqsMinimumOrders',
          label: 'Orders before an RQS is enforced',
          value: `${policy.rqsMinimumOrders}`,
        },
      ],
    },
    {
      title: 'Returns',
      rows: [
        {
          key: 'defaultReturnWindowDays',
          label: 'Return window (unless the category says otherwise)',
          value: `${policy.defaultReturnWindowDays} days after delivery`,
        },
        {
          key: 'transitAllowanceDays',
          label: 'Transit allowance after the window closes',
          value: `${policy.transitAllowanceDays} days`,
        },
      ],
    },
  ];
  const defaulted = new Set(policy.defaultedParameters);
  return (
    <table className="policy-table">
      <caption className="visually-hidden">
        Policy version {policy.version} parameters; amounts in USD
        {localCurrency !== 'USD' ? ` with ${localCurrency} equivalents` : ''}
      </caption>
      {groups.map((group) => (
        <tbody key={group.title}>
          <tr>
            <th colSpan={2} scope="colgroup" className="group-title">
              {group.title}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={row.key} data-parameter={row.key}>
              <th scope="row">
                {row.label}
                {defaulted.has(row.key) && (
                  <span className="badge" title="The source policy is silent; this is the program's default.">
                    program default
                  </span>
                )}
              </th>
              <td>
                <span className="value">{row.value}</span>
                {row.detail && <span className="detail">{row.detail}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function VersionHistory({ marketplace }: { marketplace: MarketplacePolicyFragment }) {
  const inForce = marketplace.policyInForce?.id;
  return (
    <details className="history">
      <summary>Version history ({marketplace.policyVersions.length})</summary>
      {marketplace.policyVersions.length === 0 ? (
        <p className="muted">No versions yet.</p>
      ) : (
        <ol reversed>
          {marketplace.policyVersions.map((version) => (
            <li key={version.id}>
              Version {version.version}, effective {formatDate(version.effectiveFrom)}
              {version.id === inForce ? <span className="badge badge-current">in force</span> : null}
              {version.notes ? <span className="muted"> — {version.notes}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
