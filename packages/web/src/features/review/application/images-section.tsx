import type { ReviewImagesFragment } from './images-section.generated';
import { IMAGE_VIEW_NAMES } from '../../../ui/labels';
import { CriterionBadge } from '../status-badge';
import { imageChecklist, imagesFiguresOf, requiredViewsOf } from './evidence-figures';

/** The sample-unit images against the required-view checklist, and the gallery itself. */
export function ImagesSection({ application }: { application: ReviewImagesFragment }) {
  const criterion = application.eligibility.criteria.find((c) => c.criterion === 'IMAGES');
  const figures = criterion ? imagesFiguresOf(criterion.figures) : null;
  const { views, screenOnRequired } = requiredViewsOf(
    figures,
    application.policyVersion,
    application.productsHaveScreen,
  );
  const checklist = imageChecklist(application.images, views);
  const minimum = figures?.minimumImages ?? application.policyVersion?.minimumImages ?? 8;
  const count = application.images.length;
  return (
    <section className="card rv-review-section" aria-labelledby="images-title">
      <h2 id="images-title">Sample images</h2>
      <p className="rv-images-summary">
        {criterion && <CriterionBadge status={criterion.status} />}{' '}
        <strong>
          {count} {count === 1 ? 'image' : 'images'}
        </strong>
        , at least {minimum} required.{' '}
        {screenOnRequired
          ? 'The products have a screen: a screen-on view is required.'
          : application.productsHaveScreen
            ? 'The products have a screen.'
            : 'The products have no screen.'}
      </p>
      <ul className="rv-view-checklist" aria-label="Required views">
        {checklist.map(({ view, required, count: shown }) => (
          <li key={view} className={shown > 0 ? 'rv-view-present' : 'rv-view-missing'}>
            <span className="rv-view-mark" aria-hidden="true">
              {shown > 0 ? '✓' : '✗'}
            </span>
            {IMAGE_VIEW_NAMES[view]}
            <span className="visually-hidden">: {shown > 0 ? 'present' : 'rv-missing'}</span>
            <span className="rv-view-count">
              {shown > 0 ? (shown > 1 ? `${shown} images` : '1 image') : 'missing'}
              {!required && ' · extra'}
            </span>
          </li>
        ))}
      </ul>
      {count === 0 ? (
        <p className="muted">No images uploaded.</p>
      ) : (
        <ul className="rv-gallery">
          {application.images.map((image) => (
            <li key={image.id}>
              <figure>
                <a href={image.file.url} target="_blank" rel="noopener">
                  <img
                    src={image.file.url}
                    alt={`${IMAGE_VIEW_NAMES[image.view]} view of the sample unit`}
                    width={image.file.width ?? undefined}
                    height={image.file.height ?? undefined}
                    loading="lazy"
                  />
                </a>
                <figcaption>
                  {IMAGE_VIEW_NAMES[image.view]}
                  {image.file.width && image.file.height && (
                    <span className="muted">
                      {' '}
                      · {image.file.width}×{image.file.height}
                    </span>
                  )}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
