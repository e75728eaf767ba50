import { findCriterion, IMAGE_VIEWS, type ImageView } from '@recertify/domain';
import { useId, useState } from 'react';
import { IMAGE_VIEW_NAMES } from '../../../../ui/labels';
import { FileUpload } from '../../uploads/file-upload';
import { fileHref } from '../../uploads/uploads';
import { imageFieldKey } from '../error-paths';
import type { FormApi } from '../form-api';
import { newKey, setImageForView, type ImageDraft } from '../form-state';

export const VIEW_DESCRIPTIONS: Readonly<Record<ImageView, string>> = {
  SHIPPING_BOX: 'The box the unit ships in',
  INNER_PACKAGING: 'Inside the packaging, with its padding',
  TOP: 'The unit seen from above',
  BOTTOM: 'The unit seen from below',
  FRONT: 'The front of the unit',
  BACK: 'The back of the unit',
  LEFT: 'The left side',
  RIGHT: 'The right side',
  SCREEN_ON: 'The screen switched on',
};

export function viewName(view: ImageView): string {
  return IMAGE_VIEW_NAMES[view];
}

export function ImagesStep({ form }: { form: FormApi }) {
  const { state, policy, report } = form;
  const screenOnRequired = state.productsHaveScreen && policy.screenProductsRequireScreenOn;
  const slots: ImageView[] = IMAGE_VIEWS.filter((view) => policy.requiredViews.includes(view) || view === 'SCREEN_ON');
  // The first image of each view fills its slot; any further image of a view is listed below.
  const inSlots = new Set(slots.map((view) => state.images.find((image) => image.view === view)).filter(Boolean));
  const extras = state.images.filter((image) => !inSlots.has(image));
  const images = findCriterion(report, 'IMAGES');
  const missing = images?.figures.missingViews ?? [];
  return (
    <div className="step-fields">
      <p className="muted">
        Photos of one sample unit, one per view. At least {policy.minimumImages} images covering every required view
        {policy.screenProductsRequireScreenOn ? ', plus the screen switched on when the products have a screen' : ''}.
        Files are checked by their content: JPEG, PNG or WebP, up to 8 MB, at least 500 × 500 pixels.
      </p>
      <p
        className={images?.status === 'PASS' ? 'image-count verdict verdict-pass' : 'image-count verdict verdict-fail'}
      >
        <strong>
          {state.images.length} of at least {policy.minimumImages} images
        </strong>
        {missing.length > 0 ? ` · missing: ${missing.map(viewName).join(', ')}` : ' · every required view is here'}
      </p>
      <ul className="image-slots">
        {slots.map((view) => (
          <ImageSlot
            key={view}
            form={form}
            view={view}
            image={state.images.find((image) => image.view === view)}
            required={view !== 'SCREEN_ON' || screenOnRequired}
          />
        ))}
      </ul>
      {extras.length > 0 && (
        <>
          <h3 className="step-subtitle">More images</h3>
          <ul className="image-slots">
            {extras.map((image) => (
              <ImageCard key={image.key} form={form} image={image} title={`${viewName(image.view)} (another)`} />
            ))}
          </ul>
        </>
      )}
      <AddImage form={form} />
    </div>
  );
}

function ImageSlot({
  form,
  view,
  image,
  required,
}: {
  form: FormApi;
  view: ImageView;
  image: ImageDraft | undefined;
  required: boolean;
}) {
  if (image) return <ImageCard form={form} image={image} title={viewName(view)} required={required} />;
  return (
    <li className={required ? 'image-slot image-slot-missing' : 'image-slot'}>
      <div className="image-frame image-frame-empty" aria-hidden="true">
        No image
      </div>
      <div className="image-slot-body">
        <h4>{viewName(view)}</h4>
        <p className="muted small">
          {VIEW_DESCRIPTIONS[view]} · {required ? 'required' : 'optional'}
        </p>
        <FileUpload
          kind="IMAGE"
          label="Upload"
          accessibleLabel={`Upload the ${viewName(view)} image`}
          showRules={false}
          onUploaded={(file) => form.update((s) => setImageForView(s, view, file), 'images')}
        />
      </div>
    </li>
  );
}

function ImageCard({
  form,
  image,
  title,
  required,
}: {
  form: FormApi;
  image: ImageDraft;
  title: string;
  required?: boolean;
}) {
  const { file } = image;
  const error = form.errors[imageFieldKey(image.key)];
  return (
    <li className={error ? 'image-slot image-slot-filled field-invalid' : 'image-slot image-slot-filled'}>
      <a className="image-frame" href={fileHref(file)} target="_blank" rel="noreferrer">
        <img src={file.url} alt={`${title}: ${file.originalName}`} loading="lazy" />
      </a>
      <div className="image-slot-body">
        <h4>{title}</h4>
        <p className="muted small">
          {VIEW_DESCRIPTIONS[image.view]}
          {required === undefined ? '' : required ? ' · required' : ' · optional'}
        </p>
        <p className="image-meta">
          {file.width && file.height ? `${file.width} × ${file.height} px` : 'size unknown'} ·{' '}
          <span className="image-name">{file.originalName}</span>
        </p>
        <div className="image-actions">
          <FileUpload
            kind="IMAGE"
            label="Replace"
            accessibleLabel={`Replace the ${title} image`}
            showRules={false}
            error={error}
            onUploaded={(replacement) =>
              form.update(
                (s) => ({
                  ...s,
                  images: s.images.map((other) => (other.key === image.key ? { ...other, file: replacement } : other)),
                }),
                imageFieldKey(image.key),
              )
            }
          />
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={`Remove the ${title} image`}
            onClick={() => form.update((s) => ({ ...s, images: s.images.filter((other) => other.key !== image.key) }))}
          >
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}

/** Another image beyond the slots, tagged with the view it shows. */
function AddImage({ form }: { form: FormApi }) {
  const id = useId();
  const [view, setView] = useState<ImageView>('FRONT');
  return (
    <div className="add-image">
      <div className="field field-inline">
        <label htmlFor={id}>Another image, showing</label>
        <select id={id} value={view} onChange={(event) => setView(event.target.value as ImageView)}>
          {IMAGE_VIEWS.map((option) => (
            <option key={option} value={option}>
              {viewName(option)}
            </option>
          ))}
        </select>
        <FileUpload
          kind="IMAGE"
          label="Upload another image"
          showRules={false}
          onUploaded={(file) =>
            form.update((s) => ({ ...s, images: [...s.images, { key: newKey('image'), view, file }] }), 'images')
          }
        />
      </div>
    </div>
  );
}
