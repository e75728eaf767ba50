import { isMarketplaceCode, MARKETPLACE_CODES, MARKETPLACES, type MarketplaceCode } from '@recertify/domain';
import { useId } from 'react';

/**
 * A labelled choice of one marketplace (never "all"), by its name: for pages that show or edit
 * one marketplace's settings at a time.
 */
export function MarketplaceSelect({
  value,
  onChange,
  className = 'field',
}: {
  value: MarketplaceCode;
  onChange: (marketplace: MarketplaceCode) => void;
  /** The class of the field's wrapper (`field` and any layout class). */
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>Marketplace</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const code = event.target.value;
          if (isMarketplaceCode(code)) onChange(code);
        }}
      >
        {MARKETPLACE_CODES.map((code) => (
          <option key={code} value={code}>
            {MARKETPLACES[code].name}
          </option>
        ))}
      </select>
    </div>
  );
}
