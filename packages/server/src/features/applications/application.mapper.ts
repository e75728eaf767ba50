import type { ApplicationInput } from '@recertify/domain';
import type { Application } from './application.entity.js';

/** The plain value the domain's eligibility rules read; collections must be loaded. */
export function toApplicationInput(application: Application): ApplicationInput {
  return {
    marketplace: application.marketplace,
    business: {
      legalName: application.legalName,
      contactName: application.contactName,
      contactEmail: application.contactEmail,
      sellerType: application.sellerType,
      existingSeller: application.existingSeller,
    },
    refurbishment: {
      refurbisher: application.refurbisher,
      refurbisherName: application.refurbisherName,
      inspectionAttested: application.inspectionAttested,
    },
    categories: application.categories,
    brands: application.brands,
    appleRequested: application.appleRequested,
    productsHaveScreen: application.productsHaveScreen,
    invoices: application.invoices.getItems().map((invoice) => ({
      id: invoice.id,
      supplier: invoice.supplier,
      invoiceNumber: invoice.invoiceNumber,
      date: invoice.date,
      currency: invoice.currency,
      hasDocument: invoice.document !== null,
      lines: invoice.lines.getItems().map((line) => ({
        id: line.id,
        description: line.description,
        brand: line.brand,
        unitPriceMinor: line.unitPriceMinor,
        quantity: line.quantity,
        amountMinor: line.amountMinor,
      })),
    })),
    images: application.images.getItems().map((image) => ({ id: image.id, view: image.view })),
    warranty: { guaranteeAccepted: application.guaranteeAccepted, warrantyDays: application.warrantyDays },
    qualityPolicyAccepted: application.qualityPolicyAccepted,
  };
}
