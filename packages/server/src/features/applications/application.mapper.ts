import { applicationFromRecord, type ApplicationInput } from '@recertify/domain';
import type { Application } from './application.entity.js';

/** The plain value the domain's eligibility rules read; collections must be loaded. */
export function toApplicationInput(application: Application): ApplicationInput {
  return applicationFromRecord(application, {
    invoices: application.invoices.getItems().map((invoice) => ({
      id: invoice.id,
      supplier: invoice.supplier,
      invoiceNumber: invoice.invoiceNumber,
      date: invoice.date,
      currency: invoice.currency,
      hasDocument: invoice.document !== null,
      lines: invoice.lines.getItems(),
    })),
    images: application.images.getItems(),
  });
}
