import type { OdrFigure, RatingFigure, RqsFigure } from '@recertify/domain';
import type { Connection } from '../../../db/pagination.js';
import { Percentage, StarRating } from '../../../graphql/figures.types.js';
import type { DashboardData, OfferRow } from './dashboard.service.js';
import type {
  OdrFigureType,
  QualityDashboard,
  QualityOffer,
  QualityTrendDay,
  RatingFigureType,
  RqsFigureType,
} from './dashboard.types.js';

/** The service's figures as the GraphQL types show them: percentages and ratings as exact objects. */
export function rqsFigureType(figure: RqsFigure): RqsFigureType {
  return {
    orders: figure.orders,
    defectiveOrders: figure.defectiveOrders,
    value: figure.bps === null ? null : new Percentage(figure.bps),
    minimum: new Percentage(figure.minimumBps),
    minimumOrders: figure.minimumOrders,
    enforced: figure.enforced,
    breached: figure.breached,
    defectBudget: figure.defectBudget,
  };
}

export function odrFigureType(figure: OdrFigure): OdrFigureType {
  return {
    orders: figure.orders,
    defectiveOrders: figure.defectiveOrders,
    value: figure.bps === null ? null : new Percentage(figure.bps),
    maximum: new Percentage(figure.maximumBps),
    enforced: figure.enforced,
    breached: figure.breached,
    defectBudget: figure.defectBudget,
  };
}

export function ratingFigureType(figure: RatingFigure): RatingFigureType {
  return {
    ratings: figure.ratings,
    average: figure.averageHundredths === null ? null : new StarRating(figure.averageHundredths),
    minimum: new StarRating(figure.minimumHundredths),
    enforced: figure.enforced,
    breached: figure.breached,
  };
}

export function dashboardType(data: DashboardData): QualityDashboard {
  return {
    seller: data.seller,
    marketplace: data.marketplace,
    asOf: data.asOf,
    policyVersion: data.policyVersion,
    rqsWindow: data.rqsWindow,
    odrWindow: data.odrWindow,
    rqs: rqsFigureType(data.rqs),
    odr: odrFigureType(data.odr),
    rating: ratingFigureType(data.rating),
    trend: data.trend.map((point): QualityTrendDay => ({
      date: point.date,
      rqsOrders: point.rqsOrders,
      rqs: point.rqsBps === null ? null : new Percentage(point.rqsBps),
      rqsMinimum: new Percentage(point.rqsMinimumBps),
      odrOrders: point.odrOrders,
      odr: point.odrBps === null ? null : new Percentage(point.odrBps),
      odrMaximum: new Percentage(point.odrMaximumBps),
      ordersThatDay: point.ordersThatDay,
    })),
    complaintsBySource: [...data.complaintsBySource],
    complaintsByCategory: [...data.complaintsByCategory],
  };
}

export function offerConnectionType(connection: Connection<OfferRow>): Connection<QualityOffer> {
  return {
    edges: connection.edges.map((edge) => ({
      cursor: edge.cursor,
      node: { ...edge.node, rqs: rqsFigureType(edge.node.rqs) },
    })),
    pageInfo: connection.pageInfo,
    get totalCount() {
      return connection.totalCount;
    },
  };
}
