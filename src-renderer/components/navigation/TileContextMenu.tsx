import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { Watchlist } from '../../../src-main/shared/api-types';

export interface ContextMenuTarget {
  symbol: string;
  name: string;
  /** Viewport position of the pointer (or of the focused tile for the keyboard). */
  x: number;
  y: number;
}

interface Props {
  target: ContextMenuTarget;
  watchlists: readonly Watchlist[];
  onCopy(symbol: string): void;
  onAddTo(watchlistId: string, symbol: string): void;
  onRemoveFrom(watchlistId: string, symbol: string): void;
  onNewWatchlist(symbol: string): void;
  onDetails(symbol: string): void;
  /** Closed by Escape, Tab, a pick or a press outside; focus goes back to the map. */
  onClose(): void;
}

interface Item {
  key: string;
  label: string;
  run(): void;
}

const MARGIN = 8;

/**
 * The tile's context menu (WAI-ARIA menu): arrow keys, Home/End, Enter, Escape. One flat list
 * (TODO: with many watchlists a submenu would keep it short):
 * copy, details, add to each watchlist without the symbol, remove from those with it, and add
 * to a new watchlist.
 */
export function TileContextMenu(props: Props) {
  const { target, watchlists, onClose } = props;
  const menu = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const [position, setPosition] = useState({ left: target.x, top: target.y });
  const { symbol } = target;

  const items: Item[] = [
    { key: 'copy', label: `Copy symbol ${symbol}`, run: () => props.onCopy(symbol) },
    { key: 'details', label: 'Open details', run: () => props.onDetails(symbol) },
    ...watchlists
      .filter((w) => !w.symbols.includes(symbol))
      .map((w) => ({
        key: `add-${w.id}`,
        label: `Add to ${w.name}`,
        run: () => props.onAddTo(w.id, symbol),
      })),
    ...watchlists
      .filter((w) => w.symbols.includes(symbol))
      .map((w) => ({
        key: `remove-${w.id}`,
        label: `Remove from ${w.name}`,
        run: () => props.onRemoveFrom(w.id, symbol),
      })),
    { key: 'new', label: 'Add to a new watchlist…', run: () => props.onNewWatchlist(symbol) },
  ];

  // Keep the menu on screen: flip left/up when it would overflow the window.
  useLayoutEffect(() => {
    const el = menu.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const left = Math.max(MARGIN, Math.min(target.x, window.innerWidth - width - MARGIN));
    const top = Math.max(MARGIN, Math.min(target.y, window.innerHeight - height - MARGIN));
    setPosition({ left, top });
  }, [target.x, target.y]);

  useEffect(() => {
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);

  useEffect(() => {
    const onPress = (event: PointerEvent) => {
      if (event.target instanceof Node && menu.current?.contains(event.target)) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPress, true);
    return () => document.removeEventListener('pointerdown', onPress, true);
  }, [onClose]);

  const pick = (item: Item) => {
    onClose();
    item.run();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = items.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active >= last ? 0 : active + 1),
      ArrowUp: () => (active <= 0 ? last : active - 1),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <ul
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={`Actions for ${symbol}, ${target.name}`}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item, i) => (
        <li
          key={item.key}
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          onClick={() => pick(item)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              pick(item);
            }
          }}
          onMouseEnter={() => setActive(i)}
          className={item.key === 'new' || item.key === 'details' ? 'separated' : undefined}
        >
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Copies text to the clipboard; resolves to whether it worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure context): fall back to a hidden selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  }
}
