export type CopyOutcome = 'copied' | 'selected';

/**
 * Puts `text` on the clipboard; where the browser refuses (no Clipboard API outside a secure
 * context, or permission denied) it selects the text in `fallback` instead, for the person to copy.
 */
export async function copyOrSelect(text: string, fallback: HTMLInputElement | null): Promise<CopyOutcome> {
  try {
    // Absent in insecure contexts even though the DOM typings say it is always there.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (clipboard) {
      await clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Refused: fall through to selecting the text.
  }
  fallback?.focus();
  fallback?.select();
  return 'selected';
}
