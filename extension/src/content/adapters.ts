/**
 * Editor adapters: the text of an editable element, the on-screen boxes of a
 * [start, end) range of that text, and selecting a range so a fix can go in
 * through the editor's own input path. Nothing here changes the editor's DOM.
 *
 * - textarea / text input: the value is the text; boxes come from a mirror
 *   element with the same box and font (a textarea has no DOM text to measure).
 * - contenteditable (plain, Draft.js, Lexical, Quill, inside shadow roots):
 *   the text is read from the DOM (text nodes; <br> and block boundaries as
 *   newlines), and boxes are `Range.getClientRects()` of the text nodes.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Adapter {
  readonly el: HTMLElement;
  readonly kind: 'textarea' | 'contenteditable';
  /** The editor's text; positions of findings index into it. */
  text(): string;
  /** Viewport boxes (one per line fragment) of [start, end), clipped to the editor's visible area. */
  boxes(start: number, end: number): Box[];
  /** Focuses the editor and selects [start, end). */
  select(start: number, end: number): boolean;
  /** The caret offset when the selection is collapsed inside the editor, else null. */
  caret(): number | null;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The editable root of an event target: a textarea/text input, or the outermost contenteditable element. */
export function editableRoot(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return target instanceof Text ? editableRoot(target.parentElement) : null;
  if (target instanceof HTMLTextAreaElement) return target.readOnly || target.disabled ? null : target;
  if (target instanceof HTMLInputElement) return /^(text|search|)$/.test(target.type) && !target.readOnly && !target.disabled ? target : null;
  let el: HTMLElement | null = target instanceof HTMLElement ? target : target.parentElement;
  if (!el?.isContentEditable) return null;
  while (el.parentElement?.isContentEditable) el = el.parentElement;
  return el;
}

export function adapterFor(el: HTMLElement): Adapter {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? new TextareaAdapter(el) : new ContentEditableAdapter(el);
}

function visibleArea(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  const left = Math.max(r.left, 0);
  const top = Math.max(r.top, 0);
  const right = Math.min(r.right, window.innerWidth);
  const bottom = Math.min(r.bottom, window.innerHeight);
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}

function clip(rects: Iterable<DOMRect>, area: DOMRect, out: Box[], dx = 0, dy = 0): void {
  for (const r of rects) {
    if (r.width <= 0.5 || r.height <= 0) continue;
    const left = Math.max(r.left + dx, area.left);
    const right = Math.min(r.right + dx, area.right);
    const top = r.top + dy;
    const bottom = r.bottom + dy;
    // a line whose bottom edge (where the underline goes) is outside the visible area is not shown
    if (right <= left || bottom > area.bottom + 1 || bottom < area.top + 2) continue;
    const prev = out[out.length - 1];
    // merge fragments of the same line (text split across spans)
    if (prev && Math.abs(prev.top - top) < 1 && Math.abs(prev.top + prev.height - bottom) < 1 && left - (prev.left + prev.width) < 1 && left >= prev.left) {
      prev.width = Math.max(prev.width, right - prev.left);
      continue;
    }
    out.push({ left, top, width: right - left, height: bottom - top });
  }
}

// ---------------------------------------------------------------- textarea ----

const MIRRORED = [
  'boxSizing',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderTopStyle',
  'borderRightStyle',
  'borderBottomStyle',
  'borderLeftStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontKerning',
  'fontFeatureSettings',
  'fontVariationSettings',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textIndent',
  'textAlign',
  'tabSize',
  'direction',
  'overflowWrap',
  'wordBreak',
  'hyphens',
] as const;

let frameNo = 0;
/** Starts a drawing frame: layout read once per editor and frame is reused for all its ranges. */
export function newFrame(): void {
  frameNo++;
}

let mirrorParent: () => HTMLElement = () => document.documentElement;
/** Where mirror elements are put (the overlay's shadow root, away from the page's styles). */
export function setMirrorParent(f: () => HTMLElement): void {
  mirrorParent = f;
}

class TextareaAdapter implements Adapter {
  readonly kind = 'textarea' as const;
  private mirror: HTMLDivElement | null = null;
  private laid: { frame: number; node: Text; area: DOMRect; dx: number; dy: number } | null = null;
  private styleKey = '';
  constructor(readonly el: HTMLTextAreaElement | HTMLInputElement) {}

  text(): string {
    return this.el.value;
  }

  private layout(): { node: Text; box: HTMLDivElement } {
    const ta = this.el;
    let m = this.mirror;
    if (!m?.isConnected) {
      m = document.createElement('div');
      m.setAttribute('aria-hidden', 'true');
      m.appendChild(document.createTextNode(''));
      mirrorParent().appendChild(m);
      this.mirror = m;
      this.styleKey = '';
    }
    const cs = getComputedStyle(ta);
    const r = ta.getBoundingClientRect();
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const br = parseFloat(cs.borderRightWidth) || 0;
    const scrollbar = Math.max(0, ta.offsetWidth - ta.clientWidth - bl - br);
    // the mirror sits at the viewport's origin (boxes are moved by the textarea's position), so scrolling the
    // page does not lay it out again; its styles are written only when the textarea's styles or width change
    const key = `${MIRRORED.map((p) => cs[p]).join('|')}|${r.width - scrollbar}`;
    if (key !== this.styleKey) {
      this.styleKey = key;
      const st = m.style;
      for (const p of MIRRORED) st[p] = cs[p];
      st.position = 'fixed';
      st.visibility = 'hidden';
      st.pointerEvents = 'none';
      st.boxSizing = 'border-box';
      st.left = '0px';
      st.top = '0px';
      st.width = `${r.width - scrollbar}px`;
      st.height = 'auto';
      st.margin = '0';
      st.overflow = 'hidden';
      st.borderColor = 'transparent';
      const single = ta instanceof HTMLInputElement;
      st.whiteSpace = single ? 'pre' : 'pre-wrap';
      if (!single) st.overflowWrap = cs.overflowWrap === 'normal' ? 'break-word' : cs.overflowWrap;
    }
    const node = m.firstChild as Text;
    // a trailing newline needs a character after it to make its line
    const v = ta.value;
    const want = v.endsWith('\n') ? `${v}\u200b` : v;
    if (node.data !== want) node.data = want;
    return { node, box: m };
  }

  /** The mirror's text node and the textarea's visible content area, computed once per frame. */
  private frame(): { node: Text; area: DOMRect; dx: number; dy: number } {
    if (this.laid && this.laid.frame === frameNo && this.laid.node.isConnected) return this.laid;
    const { node } = this.layout();
    // the textarea's content area: inside borders, minus the scrollbar, within the viewport
    const r = this.el.getBoundingClientRect();
    const cs = getComputedStyle(this.el);
    const area = new DOMRect(
      r.left + (parseFloat(cs.borderLeftWidth) || 0),
      r.top + (parseFloat(cs.borderTopWidth) || 0),
      this.el.clientWidth,
      this.el.clientHeight,
    );
    const vis = visibleArea(this.el);
    const inter = new DOMRect(
      Math.max(area.left, vis.left),
      Math.max(area.top, vis.top),
      Math.max(0, Math.min(area.right, vis.right) - Math.max(area.left, vis.left)),
      Math.max(0, Math.min(area.bottom, vis.bottom) - Math.max(area.top, vis.top)),
    );
    this.laid = { frame: frameNo, node, area: inter, dx: r.left - this.el.scrollLeft, dy: r.top - this.el.scrollTop };
    return this.laid;
  }

  boxes(start: number, end: number): Box[] {
    const { node, area, dx, dy } = this.frame();
    const len = this.el.value.length;
    const s = Math.max(0, Math.min(start, len));
    const e = Math.max(s, Math.min(end, len));
    const range = document.createRange();
    range.setStart(node, s);
    range.setEnd(node, e);
    const out: Box[] = [];
    clip(range.getClientRects(), area, out, dx, dy);
    return out;
  }

  select(start: number, end: number): boolean {
    this.el.focus({ preventScroll: true });
    this.el.setSelectionRange(start, end);
    return this.el.selectionStart === start && this.el.selectionEnd === end;
  }

  caret(): number | null {
    const el = this.el;
    if (el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).activeElement !== el : document.activeElement !== el) return null;
    return el.selectionStart === el.selectionEnd ? el.selectionStart : null;
  }
}

// ---------------------------------------------------------- contenteditable ----

interface Seg {
  node: Text;
  start: number;
}

/** The text of an editable root as the checker sees it, with the text node of every stretch. */
export function readText(root: Node): { text: string; segs: Seg[] } {
  const segs: Seg[] = [];
  let text = '';
  let pending = false;
  const flush = () => {
    if (pending) {
      text += '\n';
      pending = false;
    }
  };
  const blockOf = (n: Node): boolean => n instanceof Element && BLOCK.has(n.tagName);
  const trailingBr = (br: Element): boolean => {
    let n: Node = br;
    while (n !== root) {
      if (n.nextSibling) return false;
      const p = n.parentNode;
      if (!p || blockOf(p) || p === root) return true;
      n = p;
    }
    return true;
  };
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const data = (c as Text).data;
        if (!data) continue;
        flush();
        segs.push({ node: c as Text, start: text.length });
        text += data;
      } else if (c.nodeType === 1) {
        const el = c as Element;
        if (SKIP.has(el.tagName)) continue;
        if (el.tagName === 'BR') {
          flush();
          if (!trailingBr(el)) text += '\n';
        } else if (BLOCK.has(el.tagName)) {
          if (text.length > 0) pending = true;
          walk(el);
          pending = true;
        } else walk(el);
      }
    }
  };
  walk(root);
  return { text, segs };
}

function segIndex(segs: Seg[], offset: number, preferNext: boolean): number {
  // last seg whose start <= offset (or the next one at a boundary, when preferNext)
  let lo = 0;
  let hi = segs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].start <= offset) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (ans < 0) return 0;
  const s = segs[ans];
  if (!preferNext && offset === s.start && ans > 0 && segs[ans - 1].start + segs[ans - 1].node.data.length === offset) return ans - 1;
  return ans;
}

/** DOM position of a text offset; offsets inside synthetic newlines go to the nearest text node edge. */
function domPos(segs: Seg[], offset: number, preferNext: boolean): [Text, number] | null {
  if (segs.length === 0) return null;
  const i = segIndex(segs, offset, preferNext);
  const s = segs[i];
  const len = s.node.data.length;
  if (offset < s.start) return [s.node, 0];
  if (offset > s.start + len) {
    const next = segs[i + 1];
    return preferNext && next ? [next.node, 0] : [s.node, len];
  }
  return [s.node, offset - s.start];
}

class ContentEditableAdapter implements Adapter {
  readonly kind = 'contenteditable' as const;
  private cache: { text: string; segs: Seg[] } | null = null;
  private stale = true;
  private readonly observer: MutationObserver;
  constructor(readonly el: HTMLElement) {
    this.observer = new MutationObserver(() => {
      this.stale = true;
    });
    this.observer.observe(el, { childList: true, subtree: true, characterData: true });
  }

  private read(): { text: string; segs: Seg[] } {
    // the observer's callback is queued as a microtask, so also take pending records
    if (this.observer.takeRecords().length > 0) this.stale = true;
    if (this.stale || !this.cache) {
      this.cache = readText(this.el);
      this.stale = false;
    }
    return this.cache;
  }

  text(): string {
    return this.read().text;
  }

  boxes(start: number, end: number): Box[] {
    const { segs } = this.read();
    const out: Box[] = [];
    const area = visibleArea(this.el);
    const range = document.createRange();
    let i = segIndex(segs, start, true);
    for (; i < segs.length; i++) {
      const s = segs[i];
      const len = s.node.data.length;
      if (s.start >= end) break;
      const a = Math.max(start, s.start) - s.start;
      const b = Math.min(end, s.start + len) - s.start;
      if (b <= a) continue;
      range.setStart(s.node, a);
      range.setEnd(s.node, b);
      clip(range.getClientRects(), area, out);
    }
    return out;
  }

  select(start: number, end: number): boolean {
    const { segs } = this.read();
    const a = domPos(segs, start, true);
    const b = domPos(segs, end, false);
    if (!a || !b) return false;
    this.el.focus({ preventScroll: true });
    const sel = window.getSelection();
    if (!sel) return false;
    sel.setBaseAndExtent(a[0], a[1], b[0], b[1]);
    return true;
  }

  caret(): number | null {
    const root = this.el.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
    const sel = root instanceof ShadowRoot && root.getSelection ? root.getSelection() : window.getSelection();
    if (!sel?.isCollapsed || !sel.anchorNode || !this.el.contains(sel.anchorNode)) return null;
    const { segs } = this.read();
    const node = sel.anchorNode;
    if (node.nodeType === 3) {
      const s = segs.find((x) => x.node === node);
      return s ? s.start + sel.anchorOffset : null;
    }
    // caret between elements: the text offset of the first text node after it
    const r = document.createRange();
    r.setStart(node, sel.anchorOffset);
    for (const s of segs) if (r.comparePoint(s.node, 0) >= 0) return s.start;
    return this.read().text.length;
  }
}
