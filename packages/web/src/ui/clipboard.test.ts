import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyOrSelect } from './clipboard';

function inputWith(value: string): HTMLInputElement {
  const input = document.createElement('input');
  input.value = value;
  document.body.append(input);
  return input;
}

const selectedText = (input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);

describe('copyOrSelect', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('writes to the clipboard when the browser allows it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const input = inputWith('rcf_0a1b2c3d4e5f_secret');

    expect(await copyOrSelect('rcf_0a1b2c3d4e5f_secret', input)).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('rcf_0a1b2c3d4e5f_secret');
    expect(selectedText(input)).toBe('');
  });

  it('selects the text when writing is refused', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: vi.fn().mockRejectedValue(new Error('NotAllowedError')) } });
    const input = inputWith('rcf_0a1b2c3d4e5f_secret');

    expect(await copyOrSelect('rcf_0a1b2c3d4e5f_secret', input)).toBe('selected');
    expect(document.activeElement).toBe(input);
    expect(selectedText(input)).toBe('rcf_0a1b2c3d4e5f_secret');
  });

  it('selects the text when there is no Clipboard API (an insecure context)', async () => {
    vi.stubGlobal('navigator', {});
    const input = inputWith('rcf_key');

    expect(await copyOrSelect('rcf_key', input)).toBe('selected');
    expect(selectedText(input)).toBe('rcf_key');
  });
});
