/**
 * The overlay: one fixed, pointer-events-none layer in its own shadow root at
 * the end of the document, holding the underlines, the count badges and the
 * tooltip. The page's DOM and the editors are never touched.
 */
import type { Finding } from '../../../src/core/index.js';
import type { Edit } from '../shared/fix.js';
import { type Lang, T, tr } from '../shared/i18n.js';
import type { Box } from './adapters.js';

const COLORS: Record<Finding['severity'], string> = { error: '#d93025', warning: '#e37400', info: '#1a73e8' };

const CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.u { position: fixed; height: 2px; border-radius: 1px; pointer-events: none; }
.u.error { background: ${COLORS.error}; } .u.warning { background: ${COLORS.warning}; } .u.info { background: ${COLORS.info}; }
.u.active { height: 3px; }
.badge { position: fixed; pointer-events: auto; font: 600 11px/16px system-ui, sans-serif; color: #fff; border: 0; border-radius: 8px;
  min-width: 16px; padding: 0 5px; cursor: pointer; box-shadow: 0 1px 2px rgba(0,0,0,.3); }
.badge:focus-visible, .tip button:focus-visible, .tip textarea:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.tip { position: fixed; pointer-events: auto; max-width: 360px; background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); font: 13px/1.45 system-ui, sans-serif; padding: 10px 12px; z-index: 2147483647; }
.tip h2 { font-size: 13px; margin: 0 0 4px; display: flex; gap: 6px; align-items: center; }
.tip .sev { font-size: 11px; font-weight: 600; color: #fff; border-radius: 4px; padding: 0 5px; }
.tip p { margin: 4px 0; }
.tip .ref, .tip .muted { color: #5f6368; font-size: 12px; }
.tip .row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.tip button { font: inherit; font-size: 12px; border: 1px solid #dadce0; background: #f8f9fa; color: #202124; border-radius: 4px; padding: 3px 8px; cursor: pointer; }
.tip button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
.tip textarea { width: 100%; box-sizing: border-box; font: inherit; margin-top: 4px; }
.tip pre { white-space: pre-wrap; max-height: 120px; overflow: auto; background: #f1f3f4; padding: 4px; font-size: 12px; }
.sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

export interface TipActions {
  apply(f: Finding, edit: Edit): void;
  ignore(f: Finding): void;
  report(f: Finding, note: string): Promise<string>;
  move(delta: number): void;
  close(): void;
  canReport: boolean;
}

export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly layer: HTMLDivElement;
  private pool: HTMLDivElement[] = [];
  private used = 0;
  private badges = new Map<object, HTMLButtonElement>();
  private live: HTMLDivElement;
  tip: HTMLDivElement | null = null;

  constructor() {
    this.host = document.createElement('bijak-overlay');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.layer = document.createElement('div');
    this.layer.className = 'layer';
    this.live = document.createElement('div');
    this.live.className = 'sr';
    this.live.setAttribute('aria-live', 'polite');
    this.root.append(style, this.layer, this.live);
    document.documentElement.appendChild(this.host);
  }

  ensureAttached(): void {
    if (!this.host.isConnected) document.documentElement.appendChild(this.host);
  }

  /** Starts a frame: underlines are reused from a pool. */
  begin(): void {
    this.used = 0;
  }

  underline(b: Box, f: Finding, active: boolean): void {
    let d = this.pool[this.used];
    if (!d) {
      d = document.createElement('div');
      this.layer.appendChild(d);
      this.pool.push(d);
    }
    this.used++;
    d.className = `u ${f.severity}${active ? ' active' : ''}`;
    d.dataset.rule = f.ruleId;
    d.dataset.start = String(f.range[0]);
    d.dataset.end = String(f.range[1]);
    const s = d.style;
    s.display = 'block';
    s.left = `${b.left}px`;
    s.top = `${b.top + b.height - 1}px`;
    s.width = `${b.width}px`;
  }

  /** Ends a frame: hides unused underlines; `rev` marks what was drawn (for tests and the benchmark). */
  end(rev: string, ms = 0): void {
    for (let i = this.used; i < this.pool.length; i++) this.pool[i].style.display = 'none';
    // main-thread time of the frame's drawing (read by the benchmark)
    this.host.dataset.drawMs = ms.toFixed(2);
    this.host.dataset.rev = rev;
    this.host.dataset.underlines = String(this.used);
  }

  badge(key: object, anchor: DOMRect | null, findings: Finding[], lang: Lang, onOpen: () => void): void {
    let b = this.badges.get(key);
    if (!anchor || findings.length === 0) {
      if (b) b.style.display = 'none';
      return;
    }
    if (!b) {
      b = document.createElement('button');
      b.className = 'badge';
      b.type = 'button';
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the editor's focus and selection
      b.addEventListener('click', onOpen);
      this.layer.appendChild(b);
      this.badges.set(key, b);
    }
    const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
    const label = `${findings.length} ${tr(T.findings, lang)} — ${tr(T.keyHint, lang)}`;
    if (b.textContent !== String(findings.length)) {
      b.textContent = String(findings.length);
      this.live.textContent = `Bijak: ${findings.length} ${tr(T.findings, lang)}`;
    }
    b.setAttribute('aria-label', `Bijak: ${label}`);
    b.title = label;
    b.style.display = 'block';
    b.style.background = COLORS[worst];
    b.style.left = `${Math.max(0, Math.min(window.innerWidth - 30, anchor.right - 26))}px`;
    b.style.top = `${Math.max(0, Math.min(window.innerHeight - 20, anchor.bottom - 20))}px`;
  }

  dropBadge(key: object): void {
    this.badges.get(key)?.remove();
    this.badges.delete(key);
  }

  clearAll(): void {
    this.begin();
    this.end('off');
    for (const k of [...this.badges.keys()]) this.dropBadge(k);
    this.hideTip();
  }

  hideTip(): void {
    this.tip?.remove();
    this.tip = null;
  }

  /** Shows the tooltip of a finding below (or above) its first box. */
  showTip(f: Finding, at: Box, edit: Edit | null, lang: Lang, index: number, count: number, act: TipActions, focus: boolean): void {
    this.hideTip();
    const tip = document.createElement('div');
    tip.className = 'tip';
    tip.setAttribute('role', 'dialog');
    tip.setAttribute('aria-label', `Bijak: ${tr(T.severity[f.severity], lang)}`);
    tip.dataset.rule = f.ruleId;
    tip.addEventListener('mousedown', (e) => {
      if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
    });
    tip.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        act.close();
      }
    });
    const h = document.createElement('h2');
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.style.background = COLORS[f.severity];
    sev.textContent = tr(T.severity[f.severity], lang);
    const pos = document.createElement('span');
    pos.className = 'muted';
    pos.textContent = count > 1 ? `${index + 1}/${count}` : '';
    h.append(sev, pos);
    const msg = document.createElement('p');
    msg.className = 'msg';
    msg.textContent = f.message[lang];
    tip.append(h, msg);
    for (const s of f.suggestions) {
      const p = document.createElement('p');
      p.className = 'sug';
      p.textContent = `${tr(T.suggestion, lang)}: ${s[lang]}`;
      tip.append(p);
    }
    if (f.references.length) {
      const p = document.createElement('p');
      p.className = 'ref';
      p.textContent = `${tr(T.reference, lang)}: ${f.references.join(', ')}`;
      tip.append(p);
    }
    const row = document.createElement('div');
    row.className = 'row';
    const btn = (label: string, cls: string, fn: () => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.className = cls;
      b.addEventListener('click', fn);
      row.append(b);
      return b;
    };
    if (edit) btn(edit.label[lang], 'primary apply', () => act.apply(f, edit));
    btn(tr(T.ignore, lang), 'ignore', () => act.ignore(f));
    if (count > 1) {
      btn('‹', 'prev', () => act.move(-1)).setAttribute('aria-label', tr(T.prev, lang));
      btn('›', 'next', () => act.move(1)).setAttribute('aria-label', tr(T.next, lang));
    }
    const rep = btn(tr(T.report, lang), 'report', () => this.consent(tip, f, lang, act));
    if (!act.canReport) {
      rep.disabled = true;
      rep.title = tr(T.noWorkspace, lang);
    }
    btn('×', 'close', () => act.close()).setAttribute('aria-label', tr(T.close, lang));
    tip.append(row);
    this.root.append(tip);
    const w = Math.min(360, tip.offsetWidth);
    const below = at.top + at.height + 6;
    const top = below + tip.offsetHeight < window.innerHeight ? below : Math.max(0, at.top - tip.offsetHeight - 6);
    tip.style.left = `${Math.max(4, Math.min(window.innerWidth - w - 4, at.left))}px`;
    tip.style.top = `${top}px`;
    this.tip = tip;
    if (focus) (tip.querySelector<HTMLButtonElement>('button.apply') ?? tip.querySelector<HTMLButtonElement>('button'))?.focus();
  }

  /** The explicit-consent step of a report: shows exactly what would be sent. */
  private consent(tip: HTMLDivElement, f: Finding, lang: Lang, act: TipActions): void {
    const box = document.createElement('div');
    box.className = 'consent';
    const title = document.createElement('p');
    title.innerHTML = '';
    const strong = document.createElement('strong');
    strong.textContent = tr(T.consentTitle, lang);
    title.append(strong);
    const body = document.createElement('p');
    body.className = 'muted';
    body.textContent = tr(T.consentBody, lang);
    const pre = document.createElement('pre');
    pre.textContent = `${f.ruleId}\n${tip.dataset.text ?? ''}`;
    const note = document.createElement('textarea');
    note.rows = 2;
    note.maxLength = 2000;
    note.setAttribute('aria-label', tr(T.note, lang));
    note.placeholder = tr(T.note, lang);
    const label = document.createElement('label');
    const check = document.createElement('input');
    check.type = 'checkbox';
    label.append(check, ` ${tr(T.consentCheck, lang)}`);
    const row = document.createElement('div');
    row.className = 'row';
    const send = document.createElement('button');
    send.type = 'button';
    send.className = 'primary send';
    send.textContent = tr(T.send, lang);
    send.disabled = true;
    check.addEventListener('change', () => (send.disabled = !check.checked));
    const out = document.createElement('p');
    out.className = 'muted';
    out.setAttribute('role', 'status');
    send.addEventListener('click', async () => {
      if (!check.checked) return;
      send.disabled = true;
      out.textContent = await act.report(f, note.value);
    });
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = tr(T.cancel, lang);
    cancel.addEventListener('click', () => box.remove());
    row.append(send, cancel);
    box.append(title, body, pre, note, label, row, out);
    tip.append(box);
    check.focus();
  }
}
