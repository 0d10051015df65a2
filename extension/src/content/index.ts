/**
 * Content script: finds the editor the user writes in (textarea or
 * contenteditable root, also inside shadow roots), sends its text to the
 * service worker for checking as the user types (one request in flight per
 * editor, the latest text wins), and draws the findings in the overlay on the
 * next animation frame after input, scroll and resize. A fix is applied by
 * selecting the range and `document.execCommand('insertText')`, so the editor
 * handles an ordinary input (beforeinput/input) and its own state stays right.
 */
import type { Finding } from '../../../src/core/index.js';
import { type Edit, editFor, SEVERITY_RANK, shiftFindings } from '../shared/fix.js';
import { type Lang, pickLang, T, tr } from '../shared/i18n.js';
import { type CheckResponse, type FieldKind, MAX_TEXT, mergeSettings, type Settings, STORAGE_KEYS, type StatusResponse } from '../shared/settings.js';
import { type Site, siteOf } from '../shared/sites.js';
import { type Adapter, adapterFor, type Box, editableRoot, newFrame, setMirrorParent } from './adapters.js';
import { Overlay } from './overlay.js';

interface EditorState {
  adapter: Adapter;
  field: FieldKind;
  /** The editor's text as last seen; `findings` index into it. */
  text: string;
  findings: Finding[];
  inflight: boolean;
  again: boolean;
  /** Findings the user chose to ignore, by rule and words. */
  ignored: Set<string>;
  drawn: Array<{ f: Finding; boxes: Box[] }>;
}

const site: Site | undefined = siteOf(location.hostname);
let settings: Settings = mergeSettings({});
let lang: Lang = 'id';
let overlay: Overlay | null = null;
const editors = new Map<HTMLElement, EditorState>();
let tipFor: { st: EditorState; f: Finding; pinned: boolean } | null = null;
let frame = 0;
let seq = 0;

const enabled = () => !!site && !settings.paused && !settings.disabledSites.includes(site.id);

function getOverlay(): Overlay {
  if (!overlay) {
    overlay = new Overlay();
    const o = overlay;
    setMirrorParent(() => o.layer);
  }
  overlay.ensureAttached();
  return overlay;
}

/** Profile fields get the account checks (the account-name rule); other inputs (search boxes) are left alone. */
function fieldKind(el: HTMLElement): FieldKind | null {
  const hint = [el.getAttribute('name'), el.id, el.getAttribute('aria-label'), el.getAttribute('autocomplete'), el.getAttribute('placeholder')]
    .join(' ')
    .toLowerCase();
  if (/\bbio\b|biografi|headline|about|tentang/.test(hint)) return 'bio';
  if (el instanceof HTMLInputElement) return /(display.?name|full.?name|\bname\b|\bnama\b)/.test(hint) ? 'displayName' : null;
  return 'post';
}

const ignoreKey = (f: Finding, text: string) => `${f.ruleId}\u0000${text.slice(f.range[0], f.range[1])}`;

function visible(st: EditorState): Finding[] {
  return st.findings.filter((f) => !st.ignored.has(ignoreKey(f, st.text)));
}

function track(el: HTMLElement): EditorState | null {
  let st = editors.get(el);
  if (!st) {
    const field = fieldKind(el);
    if (!field) return null;
    st = { adapter: adapterFor(el), field, text: '', findings: [], inflight: false, again: false, ignored: new Set(), drawn: [] };
    editors.set(el, st);
  }
  return st;
}

/** Asks the worker to check the editor's current text; one request in flight per editor, the latest text wins. */
async function request(st: EditorState): Promise<void> {
  if (!site || !enabled()) return;
  if (st.inflight) {
    st.again = true;
    return;
  }
  const text = st.text;
  if (text.trim() === '' || text.length > MAX_TEXT) {
    st.findings = [];
    schedule();
    return;
  }
  st.inflight = true;
  let res: CheckResponse | { error: string } | undefined;
  try {
    res = await chrome.runtime.sendMessage({ type: 'check', text, site: site.id, field: st.field });
  } catch (e) {
    res = { error: (e as Error).message };
  }
  st.inflight = false;
  if (res && !('error' in res)) st.findings = shiftFindings(res.findings, text, st.text);
  else if (res) console.warn('[bijak]', res.error);
  if (st.again || st.text !== text) {
    st.again = false;
    void request(st);
  }
  schedule();
}

function onChange(st: EditorState): void {
  const now = st.adapter.text();
  if (now !== st.text) {
    st.findings = shiftFindings(st.findings, st.text, now);
    st.text = now;
    void request(st);
  }
  schedule();
}

function schedule(): void {
  if (!frame) frame = requestAnimationFrame(draw);
}

/** Draws every tracked editor's underlines and badge (one frame, reading layout before writing). */
function draw(): void {
  frame = 0;
  if (!enabled()) {
    overlay?.clearAll();
    return;
  }
  const t0 = performance.now();
  const o = getOverlay();
  o.begin();
  newFrame();
  let parts = 0;
  let pending = 0;
  for (const [el, st] of editors) {
    if (!el.isConnected) {
      editors.delete(el);
      o.dropBadge(st);
      continue;
    }
    const fs = visible(st).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.range[0] - b.range[0]);
    st.drawn = fs.map((f) => ({ f, boxes: st.adapter.boxes(f.range[0], f.range[1]) }));
    for (const d of st.drawn) for (const b of d.boxes) o.underline(b, d.f, tipFor?.f === d.f);
    const r = el.getBoundingClientRect();
    const onScreen = r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
    o.badge(st, onScreen ? r : null, fs, lang, () => openTip(st, 0, true));
    parts += st.text.length;
    if (st.inflight) pending++;
  }
  // rev = frame:characters:checks in flight (the tests and the benchmark wait on it)
  o.end(`${++seq}:${parts}:${pending}`, performance.now() - t0);
  if (tipFor && !editors.has(tipFor.st.adapter.el)) hideTip();
}

function hideTip(): void {
  tipFor = null;
  overlay?.hideTip();
}

function canReport(): boolean {
  return settings.workspaceUrl !== '';
}

function openTip(st: EditorState, index: number, focus: boolean): void {
  const list = st.drawn.filter((d) => d.boxes.length > 0);
  if (list.length === 0) return;
  const i = ((index % list.length) + list.length) % list.length;
  const { f, boxes } = list[i];
  tipFor = { st, f, pinned: focus };
  const text = st.text;
  const edit: Edit | null = editFor(f, text);
  getOverlay().showTip(
    f,
    boxes[0],
    edit,
    lang,
    i,
    list.length,
    {
      apply: (fi, e) => applyEdit(st, fi, e),
      ignore: (fi) => {
        st.ignored.add(ignoreKey(fi, st.text));
        hideTip();
        st.adapter.el.focus();
        schedule();
      },
      report: async (fi, note) => {
        const r: StatusResponse | { error: string } = await chrome.runtime.sendMessage({
          type: 'report',
          consent: true,
          text: st.text,
          site: site?.id ?? '',
          finding: fi,
          note,
        });
        return 'error' in r ? r.error : r.ok ? tr(T.sent, lang) : r.message;
      },
      move: (delta) => openTip(st, i + delta, true),
      close: () => {
        hideTip();
        st.adapter.el.focus();
        schedule();
      },
      canReport: canReport(),
    },
    focus,
  );
  const tip = getOverlay().tip;
  if (tip) tip.dataset.text = text;
  schedule();
}

/** Applies a fix through the editor's own input path: select the range, then insertText (or delete). */
function applyEdit(st: EditorState, f: Finding, e: Edit): void {
  hideTip();
  const text = st.adapter.text();
  // the words must still be where the finding says
  if (text.slice(f.range[0], f.range[1]) !== st.text.slice(f.range[0], f.range[1]) || text !== st.text) {
    onChange(st);
    return;
  }
  if (!st.adapter.select(e.start, e.end)) return;
  if (e.text === '') document.execCommand('delete', false);
  else document.execCommand('insertText', false, e.text);
  onChange(st);
}

// ------------------------------------------------------------------ events ----

function editorOf(e: Event): EditorState | null {
  if (!enabled()) return null;
  const el = editableRoot(e.composedPath()[0] ?? e.target);
  return el ? track(el) : null;
}

function onInput(e: Event): void {
  const st = editorOf(e);
  if (st) onChange(st);
}

/** Shows the tooltip when the pointer rests on an underline (the overlay itself lets the pointer through). */
function onPointer(e: MouseEvent): void {
  if (!enabled() || editors.size === 0) return;
  if (tipFor?.pinned) return;
  for (const st of editors.values())
    for (let i = 0; i < st.drawn.length; i++)
      for (const b of st.drawn[i].boxes)
        if (e.clientX >= b.left && e.clientX <= b.left + b.width && e.clientY >= b.top - 2 && e.clientY <= b.top + b.height + 3) {
          if (tipFor?.f !== st.drawn[i].f) openTip(st, st.drawn.filter((d) => d.boxes.length > 0).indexOf(st.drawn[i]), false);
          return;
        }
  const tip = overlay?.tip;
  if (tip && tipFor && !tipFor.pinned) {
    const r = tip.getBoundingClientRect();
    if (e.clientX < r.left - 8 || e.clientX > r.right + 8 || e.clientY < r.top - 16 || e.clientY > r.bottom + 8) hideTip();
  }
}

/** Caret inside an underlined range shows its tooltip (keyboard users get the reason too). */
function onSelection(): void {
  if (!enabled() || tipFor?.pinned) return;
  for (const st of editors.values()) {
    const c = st.adapter.caret();
    if (c === null) continue;
    const list = st.drawn.filter((d) => d.boxes.length > 0);
    const i = list.findIndex((d) => c > d.f.range[0] && c < d.f.range[1]);
    if (i >= 0) {
      if (tipFor?.f !== list[i].f) openTip(st, i, false);
    } else if (tipFor?.st === st) hideTip();
    return;
  }
}

function onKey(e: KeyboardEvent): void {
  if (!enabled()) return;
  // Alt+Shift+B: open the findings of the editor being typed in and move the focus into the tooltip
  if (e.altKey && e.shiftKey && (e.code === 'KeyB' || e.key === 'B' || e.key === 'b')) {
    const st = editorOf(e);
    if (!st) return;
    e.preventDefault();
    e.stopPropagation();
    const c = st.adapter.caret() ?? 0;
    const list = st.drawn.filter((d) => d.boxes.length > 0);
    const at = list.findIndex((d) => d.f.range[1] >= c);
    openTip(st, at < 0 ? 0 : at, true);
    return;
  }
  if (e.key === 'Escape' && tipFor) hideTip();
  const st = editorOf(e);
  if (st && st.adapter.kind === 'textarea') queueMicrotask(() => onChange(st));
}

function onFocus(e: FocusEvent): void {
  const st = editorOf(e);
  if (st) onChange(st);
}

/** Rich editors may change their DOM without an input event (they cancel beforeinput and render themselves). */
const domWatch = new MutationObserver((records) => {
  if (!enabled()) return;
  const seen = new Set<EditorState>();
  for (const r of records) {
    for (const st of editors.values()) if (!seen.has(st) && st.adapter.kind === 'contenteditable' && st.adapter.el.contains(r.target)) seen.add(st);
  }
  for (const st of seen) onChange(st);
});

function watchEditors(): void {
  domWatch.disconnect();
  for (const el of editors.keys()) domWatch.observe(el, { childList: true, characterData: true, subtree: true });
}

function applySettings(s: Settings): void {
  settings = s;
  lang = pickLang(s.lang, navigator.language);
  if (!enabled()) {
    hideTip();
    overlay?.clearAll();
    for (const st of editors.values()) {
      st.findings = [];
      st.text = '';
    }
    return;
  }
  // the editor being typed in when checking is switched on is checked at once
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  const el = editableRoot(a);
  if (el) track(el);
  watchEditors();
  for (const st of editors.values()) onChange(st);
  schedule();
}

function start(): void {
  if (!site) return;
  const opts = { capture: true, passive: true } as const;
  document.addEventListener('input', onInput, opts);
  document.addEventListener(
    'focusin',
    (e) => {
      onFocus(e);
      watchEditors();
    },
    opts,
  );
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('keyup', onInput, opts);
  document.addEventListener('selectionchange', onSelection, opts);
  document.addEventListener('mousemove', onPointer, opts);
  document.addEventListener('scroll', schedule, opts);
  window.addEventListener('resize', schedule, opts);
  chrome.storage.local.get(STORAGE_KEYS.settings).then((got) => applySettings(mergeSettings(got[STORAGE_KEYS.settings])));
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[STORAGE_KEYS.settings]) applySettings(mergeSettings(changes[STORAGE_KEYS.settings].newValue));
  });
}

start();
