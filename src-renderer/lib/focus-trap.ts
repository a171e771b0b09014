/**
 * Keeps Tab and Shift+Tab inside a modal dialog: from the last focusable control Tab wraps to
 * the first, and back. Hand-written because it is a dozen lines: the native `<dialog>` with
 * showModal() traps focus in browsers but not in jsdom, where the component tests run, and a
 * focus-trap library would be a dependency for this one handler.
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The controls Tab visits inside `root`, in document order. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hidden);
}

/**
 * A keydown handler for the dialog's root: on Tab, wraps focus at either end (or keeps it on
 * the dialog when it has no control). Returns true when it moved the focus.
 */
export function trapTab(root: HTMLElement, event: KeyboardEvent | ReactKeyboardEvent): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusableIn(root);
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (!first || !last) {
    event.preventDefault();
    return false;
  }
  const outside = !root.contains(active);
  if (event.shiftKey && (active === first || active === root || outside)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}
